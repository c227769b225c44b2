package lt.skydas.registry.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.registry.Activity;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.FieldError;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.MinefieldData.MineLot;
import lt.skydas.registry.MinefieldData.MinePosition;
import lt.skydas.registry.MinefieldData.MineRow;
import lt.skydas.registry.MinefieldData.ReferencePoint;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The printable record sheet of a minefield (CCW Amended Protocol II, Technical Annex 1(a)): the
 * diagram of the perimeter with its numbered turning points, the reference points with the bearing
 * and distance from each to the nearest turning point, the rows, the mines where recorded and the
 * warning signs along the perimeter, a north arrow and a scale bar; then the tables of the
 * location, the mines laid and their markings (TA 1(d)), the laying, the protection, what the
 * record still lacks before emplacement, and the record's history. One self-contained HTML page
 * (inline SVG and CSS, A4 when printed), every user string escaped. Stateless.
 *
 * <p>The diagram is drawn on a local plane around the perimeter's centre (east and north metres,
 * equirectangular, under 0.1 % off within 10 km); bearings are from grid north of that plane, which
 * is true north at its centre.
 */
public final class MinefieldSheet {
  private static final double R_M = 6_371_008.8;
  private static final int W = 760;
  private static final int H = 520;
  private static final int PAD = 40;

  private MinefieldSheet() {}

  /** A position on the local plane, east and north of the origin in metres. */
  record Xy(double e_m, double n_m) {}

  /** The local plane around (lon0, lat0). */
  record Plane(double lon0, double lat0) {
    Xy of(double lon, double lat) {
      return new Xy(
          Math.toRadians(lon - lon0) * Math.cos(Math.toRadians(lat0)) * R_M,
          Math.toRadians(lat - lat0) * R_M);
    }
  }

  /** Bearing (degrees clockwise from north, 0 to 360) and distance (m) from a to b. */
  static double[] bearingDistance(Xy a, Xy b) {
    double de = b.e_m() - a.e_m(), dn = b.n_m() - a.n_m();
    double bearing = Math.toDegrees(Math.atan2(de, dn));
    return new double[] {bearing < 0 ? bearing + 360 : bearing, Math.hypot(de, dn)};
  }

  /**
   * The sheet of registry record {@code id} as it stands, with what it still lacks, its history and
   * activities.
   *
   * @throws lt.skydas.core.problem.SkydasProblem NOT_FOUND for no such record, BAD_INPUT for a
   *     record that is not a minefield
   */
  public static String of(lt.skydas.registry.Registry reg, String id, Instant printedAt) {
    RegistryRecord r =
        reg.find(id)
            .orElseThrow(
                () ->
                    new lt.skydas.core.problem.SkydasProblem(
                        lt.skydas.core.problem.ProblemCode.NOT_FOUND,
                        "no record '" + id + "' in the registry"));
    if (r.kind() != RecordKind.MINEFIELD) {
      throw new lt.skydas.core.problem.SkydasProblem(
          lt.skydas.core.problem.ProblemCode.BAD_INPUT,
          id + " is not a minefield (" + r.kind().id() + "): only a minefield has a record sheet");
    }
    boolean apType =
        reg.catalogs().obstacles().findType(r.type()).map(t -> t.mines().hasAp()).orElse(false);
    return html(
        r,
        lt.skydas.registry.RecordValidator.emplacementErrors(r, apType),
        reg.history(id),
        reg.activities(id),
        printedAt);
  }

  /**
   * The sheet of a minefield record.
   *
   * @param missing what keeps it from being emplaced ({@code RecordValidator.emplacementErrors})
   * @param history its audit events, oldest first
   * @param activities its inspections, clearance tasks and other activities
   * @param printedAt when the sheet is made
   * @throws IllegalArgumentException for a record that is not a minefield
   */
  public static String html(
      RegistryRecord r,
      List<FieldError> missing,
      List<AuditEvent> history,
      List<Activity> activities,
      Instant printedAt) {
    if (r.kind() != RecordKind.MINEFIELD) {
      throw new IllegalArgumentException(r.id() + " is a " + r.kind().id() + ", not a minefield");
    }
    MinefieldData m = r.minefield();
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Minefield record ")
        .append(esc(r.id()))
        .append("</title><style>")
        .append(
            "body{font:13px/1.35 system-ui,sans-serif;margin:16px;color:#111}h1{font-size:19px;"
                + "margin:0 0 4px}h2{font-size:15px;margin:14px 0 4px;border-bottom:1px solid #999}"
                + "table{border-collapse:collapse;margin:4px 0}td,th{border:1px solid #bbb;padding:2px"
                + " 6px;text-align:left;vertical-align:top}.missing{color:#a00}.ok{color:#060}"
                + "svg{border:1px solid #999;background:#fff}.note{color:#555}"
                + "@media print{@page{size:A4;margin:12mm}body{margin:0}h2{break-after:avoid}"
                + "table,svg{break-inside:avoid}}")
        .append("</style></head><body>");
    h.append("<h1>Minefield record ")
        .append(esc(r.id()))
        .append(r.name() == null ? "" : " — " + esc(r.name()))
        .append("</h1><p class=\"note\">CCW Amended Protocol II, Technical Annex 1. Type ")
        .append(esc(r.type()))
        .append(", status ")
        .append(esc(r.status().id()))
        .append(", record version ")
        .append(r.version())
        .append("; marked ")
        .append(yes(r.marked()))
        .append(", fenced ")
        .append(yes(r.fenced()))
        .append(", monitored ")
        .append(yes(r.monitored()))
        .append(". Printed ")
        .append(esc(printedAt.toString()))
        .append(".</p>");
    completeness(h, missing);
    Polygon perimeter = r.geometry() instanceof Polygon p ? p : null;
    Coordinate c = r.geometry().getEnvelopeInternal().centre();
    Plane plane = new Plane(c.x, c.y);
    h.append("<h2>Diagram (TA 1(a)(ii))</h2>");
    h.append(Diagram.svg(plane, r.geometry().getCoordinates(), perimeter != null, m, W, H, PAD));
    location(h, plane, r, perimeter, m);
    lots(h, m);
    laying(h, m);
    protection(h, m);
    history(h, history, activities);
    return h.append("</body></html>").toString();
  }

  private static void completeness(StringBuilder h, List<FieldError> missing) {
    if (missing.isEmpty()) {
      h.append("<p class=\"ok\"><b>Complete:</b> the record holds everything the Technical Annex")
          .append(" asks before the minefield is emplaced.</p>");
      return;
    }
    h.append("<p class=\"missing\"><b>Incomplete:</b> ")
        .append(missing.size())
        .append(" field(s) still missing before the minefield may be emplaced:</p><ul")
        .append(" class=\"missing\">");
    for (FieldError e : missing) {
      h.append("<li><code>").append(esc(e.field())).append("</code>: ").append(esc(e.message()));
      h.append("</li>");
    }
    h.append("</ul>");
  }

  private static void location(
      StringBuilder h, Plane plane, RegistryRecord r, Polygon perimeter, MinefieldData m) {
    h.append("<h2>Location (TA 1(a)(i))</h2>");
    List<Coordinate> turning = turningPoints(r, perimeter);
    h.append("<table><tr><th>Turning point</th><th>Longitude</th><th>Latitude</th></tr>");
    for (int i = 0; i < turning.size(); i++) {
      h.append(
          String.format(
              Locale.ROOT,
              "<tr><td>T%d</td><td>%.6f</td><td>%.6f</td></tr>",
              i + 1,
              turning.get(i).x,
              turning.get(i).y));
    }
    h.append("</table>");
    h.append(
        "<table><tr><th>Reference point</th><th>Longitude</th><th>Latitude</th><th>Description</th>"
            + "<th>To the nearest turning point</th></tr>");
    for (ReferencePoint p : m.referencePoints()) {
      h.append("<tr><td>").append(esc(p.name())).append("</td>");
      if (p.lon() == null || p.lat() == null) {
        h.append("<td colspan=\"2\" class=\"missing\">no position</td>");
      } else {
        h.append(String.format(Locale.ROOT, "<td>%.6f</td><td>%.6f</td>", p.lon(), p.lat()));
      }
      h.append("<td>").append(esc(p.description())).append("</td><td>");
      if (p.lon() != null && p.lat() != null && !turning.isEmpty()) {
        Xy from = plane.of(p.lon(), p.lat());
        int best = 0;
        double[] bd = null;
        for (int i = 0; i < turning.size(); i++) {
          double[] x = bearingDistance(from, plane.of(turning.get(i).x, turning.get(i).y));
          if (bd == null || x[1] < bd[1]) {
            bd = x;
            best = i;
          }
        }
        h.append(String.format(Locale.ROOT, "T%d: %.0f° at %.0f m", best + 1, bd[0], bd[1]));
      }
      h.append("</td></tr>");
    }
    h.append("</table>");
  }

  /** The perimeter's vertices without the closing repeat (or the geometry's, when not an area). */
  static List<Coordinate> turningPoints(RegistryRecord r, Polygon perimeter) {
    Coordinate[] cs =
        perimeter != null
            ? perimeter.getExteriorRing().getCoordinates()
            : r.geometry().getCoordinates();
    List<Coordinate> out = new ArrayList<>(List.of(cs));
    if (perimeter != null && out.size() > 1) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static void lots(StringBuilder h, MinefieldData m) {
    h.append("<h2>Mines laid (TA 1(a)(iii)) and their markings (TA 1(d))</h2>");
    h.append(
        "<table><tr><th>Model</th><th>Category</th><th>Number</th><th>Fuse</th><th>Fuse life"
            + " (d)</th><th>Detectable</th><th>Country of origin</th><th>Produced</th>"
            + "<th>Lot / serial</th></tr>");
    for (MineLot l : m.lots()) {
      h.append("<tr>");
      for (Object v :
          new Object[] {
            l.model(),
            l.category(),
            l.count(),
            l.fuseType(),
            l.fuseLife_d(),
            l.detectable() == null ? null : yes(l.detectable()),
            l.countryOfOrigin(),
            l.produced(),
            l.lotNumber()
          }) {
        h.append("<td>").append(v == null ? "<span class=\"missing\">—</span>" : esc(fmt(v)));
        h.append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
    if (!m.rows().isEmpty()) {
      h.append("<table><tr><th>Row</th><th>Mines</th><th>Model</th><th>Length</th></tr>");
      for (MineRow row : m.rows()) {
        h.append("<tr><td>")
            .append(esc(row.id()))
            .append("</td><td>")
            .append(row.mines() == null ? "—" : row.mines())
            .append("</td><td>")
            .append(esc(row.model()))
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.0f m", length_m(row)))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    if (!m.mines().isEmpty()) {
      h.append("<p>")
          .append(m.mines().size())
          .append(" individual mine position(s) recorded (shown on the diagram).</p>");
    }
  }

  /** A row's length along its line (local plane, metres). */
  static double length_m(MineRow row) {
    double len = 0;
    List<List<Double>> line = row.line();
    if (line.size() < 2) {
      return 0;
    }
    Plane p = new Plane(line.get(0).get(0), line.get(0).get(1));
    for (int i = 1; i < line.size(); i++) {
      len +=
          bearingDistance(
              p.of(line.get(i - 1).get(0), line.get(i - 1).get(1)),
              p.of(line.get(i).get(0), line.get(i).get(1)))[1];
    }
    return len;
  }

  private static void laying(StringBuilder h, MinefieldData m) {
    h.append("<h2>Laying</h2><table>");
    row(h, "Emplacing method", m.emplacingMethod());
    row(h, "Laid from", m.laidFrom());
    row(h, "Laid to", m.laidTo());
    var ah = m.antiHandling();
    row(
        h,
        "Anti-handling devices",
        ah == null || ah.fitted() == null
            ? null
            : ah.fitted()
                ? "fitted: " + (ah.description() == null ? "" : ah.description())
                : "none");
    var sd = m.selfDestruct();
    row(
        h,
        "Self-destruction / deactivation (TA 3)",
        sd == null || sd.fitted() == null
            ? null
            : !sd.fitted()
                ? "not fitted"
                : String.format(
                    Locale.ROOT,
                    "self-destructs within %s d (stated share %s), self-deactivates within %s d"
                        + " (stated share %s)",
                    fmt(sd.selfDestruct_d()),
                    fmt(sd.selfDestructReliability()),
                    fmt(sd.selfDeactivation_d()),
                    fmt(sd.selfDeactivationReliability())));
    h.append("</table>");
  }

  private static void protection(StringBuilder h, MinefieldData m) {
    h.append("<h2>Marking and protection (TA 4, Article 5)</h2><table>");
    var w = m.warningSigns();
    row(
        h,
        "Warning signs",
        w == null
            ? null
            : String.format(
                Locale.ROOT,
                "%s, %s × %s cm, %s; %s signs every %s m; \"mines\" in %s",
                fmt(w.shape()),
                fmt(w.width_cm()),
                fmt(w.height_cm()),
                fmt(w.colour()),
                fmt(w.count()),
                fmt(w.spacing_m()),
                String.join(", ", w.languages())));
    var f = m.fencing();
    var mo = m.monitoring();
    if (f == null && mo == null) {
      h.append("<tr><th>Fencing, monitoring</th><td>not recorded (Article 5 asks them of AP")
          .append(" areas)</td></tr>");
    } else {
      row(
          h,
          "Fencing",
          f == null
              ? null
              : fmt(f.kind()) + (f.length_m() == null ? "" : ", " + fmt(f.length_m()) + " m"));
      row(h, "Monitoring", mo == null ? null : fmt(mo.unit()) + ": " + fmt(mo.method()));
    }
    h.append("</table>");
  }

  private static void history(StringBuilder h, List<AuditEvent> events, List<Activity> acts) {
    h.append("<h2>History (audit trail)</h2><table><tr><th>#</th><th>When (UTC)</th><th>Who</th>")
        .append("<th>Role</th><th>What</th></tr>");
    for (AuditEvent e : events) {
      h.append("<tr><td>")
          .append(e.seq())
          .append("</td><td>")
          .append(esc(e.at().toString()))
          .append("</td><td>")
          .append(esc(e.actor()))
          .append("</td><td>")
          .append(esc(e.role()))
          .append("</td><td>")
          .append(esc(e.action()))
          .append("</td></tr>");
    }
    h.append("</table>");
    if (!acts.isEmpty()) {
      h.append("<table><tr><th>Activity</th><th>When (UTC)</th><th>Who</th><th>Data</th></tr>");
      for (Activity a : acts) {
        h.append("<tr><td>")
            .append(esc(a.kind().id()))
            .append("</td><td>")
            .append(esc(a.at().toString()))
            .append("</td><td>")
            .append(esc(a.actor()))
            .append("</td><td>")
            .append(esc(String.valueOf(a.data())))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
  }

  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>")
        .append(esc(label))
        .append("</th><td>")
        .append(value == null ? "<span class=\"missing\">not recorded</span>" : esc(value))
        .append("</td></tr>");
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  static String fmt(Object v) {
    if (v == null) {
      return "—";
    }
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%s", d);
    }
    return v.toString();
  }

  /** HTML text and attribute escaping. */
  static String esc(String s) {
    return lt.skydas.core.text.HtmlEscape.text(s);
  }

  /** Mine positions for the diagram (those with both coordinates). */
  static List<MinePosition> positioned(MinefieldData m) {
    return m.mines().stream().filter(p -> p.lon() != null && p.lat() != null).toList();
  }
}
