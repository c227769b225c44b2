package lt.skydas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.report.ReportHtml;
import lt.skydas.assess.seam.SeamAnalysis;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.assess.seam.SeamClosers;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.exchange.GpkgWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Writes a seam analysis: seams.json, seams.geojson, meeting-points.gpkg, seams.html. */
final class SeamWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final GeometryFactory GF = new GeometryFactory();

  private SeamWriter() {}

  static void write(
      Path out,
      List<Seam> seams,
      List<List<SeamAvenues.Through>> through,
      List<String> closedWith,
      List<List<SeamClosers.Closer>> closers,
      Map<String, SeamAnalysis.Line> lines,
      Crs crs,
      double radiusKm,
      double seconds) {
    AtomicOutput.writeDirectory(
        out,
        dir -> {
          Files.writeString(
              dir.resolve("seams.json"),
              JSON.writeValueAsString(
                  json(seams, through, closedWith, closers, lines, crs, radiusKm, seconds)));
          try (OutputStream os = Files.newOutputStream(dir.resolve("seams.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(os), 6)) {
            for (Seam s : seams) {
              Map<String, Object> p = props(s);
              p.put("kind", "tri-point");
              w.feature(null, crs.toWgs84(GF.createPoint(s.triPoint())), p);
              if (s.endA() != null) {
                Map<String, Object> q = props(s);
                q.put("kind", "gap");
                w.feature(
                    null,
                    crs.toWgs84(GF.createLineString(new Coordinate[] {s.endA(), s.endB()})),
                    q);
              }
            }
          }
          try {
            meetingPoints(dir.resolve("meeting-points.gpkg"), seams, crs);
          } catch (SQLException e) {
            throw new java.io.IOException("meeting-points.gpkg: " + e.getMessage(), e);
          }
          Files.writeString(
              dir.resolve("seams.html"), html(seams, through, closers, lines, crs, radiusKm));
        });
  }

  private static Map<String, Object> props(Seam s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("allies", s.allies());
    p.put("hostile", s.hostile());
    p.put("status", s.status().name().toLowerCase(Locale.ROOT));
    p.put("gap_km", km(s.gap_m()));
    return p;
  }

  static Map<String, Object> json(
      List<Seam> seams,
      List<List<SeamAvenues.Through>> through,
      List<String> closedWith,
      List<List<SeamClosers.Closer>> closers,
      Map<String, SeamAnalysis.Line> lines,
      Crs crs,
      double radiusKm,
      double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> ls = new LinkedHashMap<>();
    lines.forEach(
        (cc, l) -> ls.put(cc, Map.of("source", l.source(), "features", l.features().size())));
    m.put("lines", ls);
    m.put("radius_km", radiusKm);
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < seams.size(); k++) {
      Seam s = seams.get(k);
      Map<String, Object> r = props(s);
      r.put("tri_point", lonLat(s.triPoint(), crs));
      String[] ab = s.allies().split("-");
      r.put("end_" + ab[0], s.endA() == null ? null : lonLat(s.endA(), crs));
      r.put("end_" + ab[1], s.endB() == null ? null : lonLat(s.endB(), crs));
      r.put("meeting_point", s.meeting() == null ? null : lonLat(s.meeting(), crs));
      r.put(ab[0] + "_from_tri_point_km", km(s.fromTriA_m()));
      r.put(ab[1] + "_from_tri_point_km", km(s.fromTriB_m()));
      r.put(ab[0] + "_features_near", s.nearA());
      r.put(ab[1] + "_features_near", s.nearB());
      if (through != null) {
        List<Object> av = new ArrayList<>();
        for (SeamAvenues.Through t : through.get(k)) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("objective", t.objective());
          x.put("vehicle", t.vehicle());
          x.put("season", t.season());
          x.put("scenario", t.scenario());
          x.put("time_h", t.time_h());
          if (closedWith != null) {
            x.put(
                "delay_avoided_h",
                Double.isFinite(t.avoided_h()) ? Math.round(t.avoided_h() * 1e4) / 1e4 : null);
          }
          av.add(x);
        }
        r.put("avenues_through", av);
        if (closedWith != null) {
          r.put("closed_with", closedWith.get(k));
        }
      }
      if (closers != null) {
        List<Object> cl = new ArrayList<>();
        for (SeamClosers.Closer c : closers.get(k)) {
          Map<String, Object> x = new LinkedHashMap<>();
          x.put("country", c.country());
          x.put("site", c.site().id());
          x.put("gap_after_km", km(c.gapAfter_m()));
          x.put("cost_eur", Math.round(c.site().cost_eur()));
          cl.add(x);
        }
        r.put("best_closers", cl);
      }
      rows.add(r);
    }
    m.put("seams", rows);
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return m;
  }

  /** ", N avenues of approach through it (fastest: …)" for the console. */
  static String avenuesLine(List<SeamAvenues.Through> t) {
    if (t.isEmpty()) {
      return "; no avenue of approach through it";
    }
    SeamAvenues.Through f = t.get(0);
    double most = Double.NaN;
    for (SeamAvenues.Through x : t) {
      if (Double.isFinite(x.avoided_h()) && !(x.avoided_h() <= most)) {
        most = x.avoided_h();
      }
    }
    return String.format(
        Locale.ROOT,
        "; %d avenue(s) of approach through it (fastest %.2f h to %s, %s %s)%s",
        t.size(),
        f.time_h(),
        f.objective(),
        f.vehicle(),
        f.season(),
        !Double.isFinite(most)
            ? ""
            : most < 0.005
                ? "; closing the gap alone would not delay them: another way is as fast"
                : String.format(
                    Locale.ROOT, "; closing the gap would delay them by up to %.2f h", most));
  }

  /** "; best closer: LT c1 (gap 2.00 km, EUR 1.2 m), PL …" for the console. */
  static String closersLine(List<SeamClosers.Closer> cs) {
    if (cs.isEmpty()) {
      return "; no candidate site narrows it";
    }
    List<String> parts = new ArrayList<>();
    for (SeamClosers.Closer c : cs) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %s (gap %.2f km, EUR %.2f m)",
              c.country(),
              c.site().id(),
              c.gapAfter_m() / 1000,
              c.site().cost_eur() / 1e6));
    }
    return "; best candidate: " + String.join(", ", parts);
  }

  /** One console line. */
  static String line(Seam s, Crs crs) {
    String[] ab = s.allies().split("-");
    double[] t = lonLat(s.triPoint(), crs);
    return switch (s.status()) {
      case JOINED ->
          String.format(
              Locale.ROOT,
              "%s at %s (%.4f E %.4f N): the lines meet",
              s.allies(),
              s.hostile(),
              t[0],
              t[1]);
      case GAP ->
          String.format(
              Locale.ROOT,
              "%s at %s (%.4f E %.4f N): gap %.2f km; %s stops %.2f km, %s %.2f km from the"
                  + " tri-point; meet at %s",
              s.allies(),
              s.hostile(),
              t[0],
              t[1],
              s.gap_m() / 1000,
              ab[0],
              s.fromTriA_m() / 1000,
              ab[1],
              s.fromTriB_m() / 1000,
              text(lonLat(s.meeting(), crs)));
      case OPEN ->
          String.format(
              Locale.ROOT,
              "%s at %s (%.4f E %.4f N): OPEN, %s has no obstacle within the radius",
              s.allies(),
              s.hostile(),
              t[0],
              t[1],
              s.nearA() == 0 ? ab[0] : ab[1]);
    };
  }

  private static void meetingPoints(Path file, List<Seam> seams, Crs crs) throws SQLException {
    // an open seam is met at its tri-point; a gap at the point proposed on the border
    List<org.locationtech.jts.geom.Geometry> at = new java.util.ArrayList<>();
    Envelope env = new Envelope();
    for (Seam s : seams) {
      var p = crs.toWgs84(GF.createPoint(s.meeting() != null ? s.meeting() : s.triPoint()));
      at.add(p);
      env.expandToInclude(p.getEnvelopeInternal());
    }
    try (GpkgWriter w = GpkgWriter.create(file)) {
      GpkgWriter.Layer layer =
          w.layer(
              "meeting_points",
              "Skydas seam analysis: where the allies' lines should meet",
              "POINT",
              List.of(
                  GpkgWriter.Column.required("allies", GpkgWriter.Type.TEXT),
                  GpkgWriter.Column.required("hostile", GpkgWriter.Type.TEXT),
                  GpkgWriter.Column.required("status", GpkgWriter.Type.TEXT),
                  GpkgWriter.Column.of("gap_km", GpkgWriter.Type.REAL),
                  GpkgWriter.Column.required("tri_lon", GpkgWriter.Type.REAL),
                  GpkgWriter.Column.required("tri_lat", GpkgWriter.Type.REAL)),
              env);
      for (int i = 0; i < seams.size(); i++) {
        Seam s = seams.get(i);
        double[] t = lonLat(s.triPoint(), crs);
        layer.add(
            null,
            at.get(i),
            s.allies(),
            s.hostile(),
            s.status().name().toLowerCase(Locale.ROOT),
            Double.isFinite(s.gap_m()) ? s.gap_m() / 1000 : null,
            t[0],
            t[1]);
      }
    }
  }

  private static String html(
      List<Seam> seams,
      List<List<SeamAvenues.Through>> through,
      List<List<SeamClosers.Closer>> closers,
      Map<String, SeamAnalysis.Line> lines,
      Crs crs,
      double radiusKm) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Skydas seams</title><style>body{font:14px sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}")
        .append(".bad{background:#fde0dc}</style></head><body><h1>Seams between the lines</h1>")
        .append("<p>Lines: ");
    List<String> ls = new ArrayList<>();
    lines.forEach(
        (cc, l) ->
            ls.add(
                ReportHtml.esc(cc)
                    + " ("
                    + l.features().size()
                    + " features, "
                    + ReportHtml.esc(l.source())
                    + ")"));
    h.append(String.join("; ", ls))
        .append(". Obstacles within ")
        .append(radiusKm)
        .append(" km of a tri-point count.</p>")
        .append("<table><thead><tr><th>Allied border</th><th>Facing</th><th>Tri-point</th>")
        .append("<th>Status</th><th>Gap (km)</th><th>Meeting point</th><th>Avenues through</th>")
        .append("<th>Best candidate per side</th>")
        .append("</tr></thead><tbody>");
    for (int k = 0; k < seams.size(); k++) {
      Seam s = seams.get(k);
      h.append(s.status() == SeamAnalysis.Status.JOINED ? "<tr>" : "<tr class=\"bad\">")
          .append("<td>")
          .append(s.allies())
          .append("</td><td>")
          .append(s.hostile())
          .append("</td><td>")
          .append(text(lonLat(s.triPoint(), crs)))
          .append("</td><td>")
          .append(s.status().name().toLowerCase(Locale.ROOT))
          .append("</td><td>")
          .append(
              Double.isFinite(s.gap_m())
                  ? String.format(Locale.ROOT, "%.2f", s.gap_m() / 1000)
                  : "–")
          .append("</td><td>")
          .append(s.meeting() == null ? "–" : text(lonLat(s.meeting(), crs)))
          .append("</td><td>")
          .append(through == null ? "–" : ReportHtml.esc(avenuesLine(through.get(k)).substring(2)))
          .append("</td><td>")
          .append(closers == null ? "–" : ReportHtml.esc(closersLine(closers.get(k)).substring(2)))
          .append("</td></tr>");
    }
    if (seams.isEmpty()) {
      h.append("<tr><td colspan=\"8\">No tri-point with both countries' lines.</td></tr>");
    }
    h.append("</tbody></table><p>Map data © OpenStreetMap contributors (ODbL).</p></body></html>");
    return h.toString();
  }

  private static double[] lonLat(Coordinate c, Crs crs) {
    Coordinate ll = crs.toWgs84(c.x, c.y, new Coordinate());
    return new double[] {Math.round(ll.x * 1e6) / 1e6, Math.round(ll.y * 1e6) / 1e6};
  }

  private static String text(double[] ll) {
    return String.format(Locale.ROOT, "%.5f E %.5f N", ll[0], ll[1]);
  }

  private static Object km(double m) {
    return Double.isFinite(m) ? Math.round(m) / 1000.0 : null;
  }
}
