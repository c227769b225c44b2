package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.delayPerEuro;
import static lt.skydas.assess.report.ReportFormat.eur;
import static lt.skydas.assess.report.ReportFormat.fmt0;
import static lt.skydas.assess.report.ReportFormat.fmt1;
import static lt.skydas.assess.report.ReportFormat.hours;
import static lt.skydas.assess.report.ReportFormat.minutes;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.ObjectiveTime;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.assess.Objective;
import lt.skydas.core.text.HtmlEscape;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;

/**
 * A self-contained HTML page (no external resources): a map of the region with borders, roads,
 * isochrones, avenues coloured by time and the plan's obstacles, and the tables a planner reads.
 * Every user-supplied string is escaped.
 */
public final class ReportHtml {
  private ReportHtml() {}

  public static String render(AssessmentResult r, AssessmentRegion region) {
    return render(r, region, "Skydas assessment", "");
  }

  /**
   * Renders the report with a title and an extra section (trusted HTML built by Skydas, e.g. the
   * optimisation summary; user strings in it must already be escaped) after the key figures.
   */
  public static String render(
      AssessmentResult r, AssessmentRegion region, String title, String extraSection) {
    Svg svg = new Svg(region.grid());
    Map<String, String> names = AssessmentWriter.objectiveNames(r);
    Case ref = reference(r);
    StringBuilder h = new StringBuilder(1 << 20);
    BarrierPlan plan = r.plan();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" — ")
        .append(esc(plan.name()))
        .append("</title><style>")
        .append(ReportAssets.CSS)
        .append("</style></head><body>");
    h.append("<header><h1>")
        .append(esc(title))
        .append("</h1><p>")
        .append(esc(plan.name()))
        .append(" · region ")
        .append(esc(region.name()))
        .append(" · ")
        .append(fmt0(region.grid().cellSize()))
        .append(" m cells · generated ")
        .append(
            ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append("</p></header><main>");
    keyFigures(h, r, ref, names);
    h.append(extraSection);
    map(h, r, region, svg, ref);
    timesTable(h, r, names);
    obstaclesTable(h, r);
    SensorSection.html(h, plan, SensorSection.warnings(plan, region));
    WatchSection.html(h, WatchSection.compute(r, region));
    programmeTable(h, r);
    avenuesTable(h, r, ref, names);
    violationsTable(h, r);
    reinforcementTable(h, r);
    h.append(
        "</main><footer><p>Map data © OpenStreetMap contributors (ODbL), © OpenMapTiles;"
            + " populations GeoNames (CC BY 4.0). Speeds and obstacle figures are planning estimates"
            + " unless a source is named (see the speed table and obstacle catalog).</p></footer>");
    h.append("<script>").append(ReportAssets.JS).append("</script></body></html>");
    return h.toString();
  }

  /** The case shown first: tracked vehicles in the dry season when assessed, else the first. */
  static Case reference(AssessmentResult r) {
    return r.cases().stream()
        .filter(c -> c.id().equals("tracked-dry"))
        .findFirst()
        .orElse(r.cases().get(0));
  }

  private static void keyFigures(
      StringBuilder h, AssessmentResult r, Case ref, Map<String, String> names) {
    BarrierPlan plan = r.plan();
    h.append("<section class=\"cards\">");
    Objective first = r.objectives().get(0);
    ObjectiveTime t = ref.time(first.id());
    card(
        h,
        "Time to " + first.name() + " (" + label(ref) + ")",
        hours(t.baseline_s()) + " → " + hours(t.plan_s()),
        "without → with the plan");
    card(h, "Delay bought (" + first.name() + ", " + label(ref) + ")", hours(t.delay_s()), "");
    card(h, "Plan cost", eur(plan.totalCost_eur()), plan.obstacles().size() + " obstacles");
    double meur = plan.totalCost_eur() / 1e6;
    card(h, "Delay per euro", delayPerEuro(t.delay_s(), meur), first.name() + ", " + label(ref));
    card(
        h,
        "Clearance liability",
        eur(plan.clearanceCost_eur()),
        String.format(Locale.ROOT, "%,.0f team-hours", plan.clearanceEffort_h()));
    card(
        h,
        "Humanitarian check",
        r.violations().isEmpty() ? "passed" : r.violations().size() + " violations",
        "buffer "
            + fmt0(plan.policy().civilianBuffer_m())
            + " m; AP mines "
            + (plan.policy().apMinesEnabled() ? "enabled" : "not enabled"),
        r.violations().isEmpty() ? "ok" : "bad");
    long over = r.reinforcement().stream().filter(rt -> !rt.withinLimit()).count();
    if (!r.reinforcement().isEmpty()) {
      card(
          h,
          "Friendly reinforcement",
          over == 0 ? "open" : over + " over limit",
          "routes from the LT–PL crossings; limit +"
              + fmt0(r.reinforcement().get(0).limitPct())
              + " %",
          over == 0 ? "ok" : "bad");
    }
    h.append("</section>");
  }

  static void card(StringBuilder h, String title, String value, String note) {
    card(h, title, value, note, "");
  }

  private static void card(StringBuilder h, String title, String value, String note, String cls) {
    h.append("<div class=\"card ")
        .append(cls)
        .append("\"><div class=\"t\">")
        .append(esc(title))
        .append("</div><div class=\"v\">")
        .append(esc(value))
        .append("</div><div class=\"n\">")
        .append(esc(note))
        .append("</div></div>");
  }

  private static void map(
      StringBuilder h, AssessmentResult r, AssessmentRegion region, Svg svg, Case ref) {
    mapControls(h, r, ref);
    double w = svg.widthKm();
    double ht = svg.heightKm();
    h.append("<svg class=\"map\" viewBox=\"0 0 ")
        .append(Svg.fmt(w))
        .append(' ')
        .append(Svg.fmt(ht))
        .append(
            "\" role=\"img\" aria-label=\"Map of the region with avenues of approach and obstacles\">");
    h.append("<rect width=\"100%\" height=\"100%\" fill=\"#dfe9f3\"/>");
    double tol = Math.max(100, region.grid().cellSize());
    layer(h, region.mapLayers().get("countries"), svg, tol, "land");
    layer(h, region.mapLayers().get("forest"), svg, tol * 2, "forest");
    layer(h, region.mapLayers().get("water"), svg, tol, "water");
    isochrones(h, r, svg, ref);
    layer(h, region.mapLayers().get("roads"), svg, tol / 2, "road");
    borders(h, region, svg);
    avenues(h, r, svg, ref);
    obstacles(h, r, svg);
    objectives(h, r, svg);
    legend(h);
  }

  /** The case selector and the layer toggles above the map. */
  private static void mapControls(StringBuilder h, AssessmentResult r, Case ref) {
    h.append("<section><h2>Map</h2><div class=\"controls\"><label>Case <select id=\"case\">");
    for (Case c : r.cases()) {
      h.append("<option value=\"")
          .append(c.id())
          .append('"')
          .append(c == ref ? " selected" : "")
          .append('>')
          .append(esc(label(c)))
          .append("</option>");
    }
    h.append(
            "</select></label> <label><input type=\"checkbox\" id=\"iso\" checked> isochrones</label>")
        .append(
            " <label><input type=\"checkbox\" id=\"base\"> avenues without the plan</label></div>");
  }

  /** One isochrone image per case, only the reference case's shown. */
  private static void isochrones(StringBuilder h, AssessmentResult r, Svg svg, Case ref) {
    double w = svg.widthKm();
    double ht = svg.heightKm();
    for (Case c : r.cases()) {
      h.append("<image class=\"iso\" data-case=\"")
          .append(c.id())
          .append("\" x=\"0\" y=\"0\" width=\"")
          .append(Svg.fmt(w))
          .append("\" height=\"")
          .append(Svg.fmt(ht))
          .append("\" preserveAspectRatio=\"none\" opacity=\"0.55\" style=\"display:")
          .append(c == ref ? "inline" : "none")
          .append("\" href=\"")
          .append(IsochroneImage.dataUri(c.isochrone_h(), 900))
          .append("\"/>");
    }
  }

  /** The borders, the hostile ones (LT-BY, LT-RU) marked. */
  private static void borders(StringBuilder h, AssessmentRegion region, Svg svg) {
    region
        .borders()
        .forEach(
            (pair, g) -> {
              boolean hostile = pair.equals("LT-BY") || pair.equals("LT-RU");
              h.append("<path class=\"")
                  .append(hostile ? "border hostile" : "border")
                  .append("\" d=\"")
                  .append(svg.path(g, 50))
                  .append("\"><title>")
                  .append(esc(pair))
                  .append("</title></path>");
            });
  }

  /** The avenues of each case and scenario, coloured by arrival time with the plan. */
  private static void avenues(StringBuilder h, AssessmentResult r, Svg svg, Case ref) {
    for (Case c : r.cases()) {
      for (Scenario sc : Scenario.values()) {
        h.append("<g class=\"av ")
            .append(sc.id())
            .append("\" data-case=\"")
            .append(c.id())
            .append("\" style=\"display:")
            .append(c == ref && sc == Scenario.PLAN ? "inline" : "none")
            .append("\">");
        for (Avenue a : c.avenues()) {
          if (a.scenario() != sc || a.path_lks94().size() < 2) {
            continue;
          }
          Geometry line =
              new GeometryFactory().createLineString(a.path_lks94().toArray(new Coordinate[0]));
          h.append("<path d=\"")
              .append(svg.path(line, 50))
              .append("\" stroke=\"")
              .append(sc == Scenario.PLAN ? Colors.css(a.time_s() / 3600) : "#37474f")
              .append("\" stroke-width=\"")
              .append(a.rank() == 1 ? "2.2" : "1.3")
              .append("\"><title>")
              .append(
                  esc(
                      a.objectiveId()
                          + " #"
                          + a.rank()
                          + ": "
                          + hours(a.time_s())
                          + ", "
                          + fmt1(a.length_m() / 1000)
                          + " km"))
              .append("</title></path>");
        }
        h.append("</g>");
      }
    }
  }

  /** The plan's obstacles: mines, barriers and openable obstacles by class. */
  private static void obstacles(StringBuilder h, AssessmentResult r, Svg svg) {
    for (Obstacle o : r.plan().obstacles()) {
      String cls =
          "ob " + (o.type().mines().isMine() ? "mine" : o.type().openable() ? "open" : "barrier");
      Geometry g = o.geometry_lks94();
      String title =
          "<title>" + esc(o.id() + " — " + o.name() + " (" + o.type().name() + ")") + "</title>";
      if (g instanceof Puntal) {
        for (Coordinate c : g.getCoordinates()) {
          h.append("<circle class=\"")
              .append(cls)
              .append("\" cx=\"")
              .append(Svg.fmt(svg.x(c.x)))
              .append("\" cy=\"")
              .append(Svg.fmt(svg.y(c.y)))
              .append("\" r=\"1.2\">")
              .append(title)
              .append("</circle>");
        }
      } else {
        h.append("<path class=\"")
            .append(cls)
            .append("\" d=\"")
            .append(svg.path(g, 0))
            .append("\">")
            .append(title)
            .append("</path>");
      }
    }
  }

  /** The objectives as circles of their radius, labelled. */
  private static void objectives(StringBuilder h, AssessmentResult r, Svg svg) {
    for (Objective o : r.objectives()) {
      for (Coordinate c : o.geometry_lks94().getCoordinates()) {
        h.append("<circle class=\"obj\" cx=\"")
            .append(Svg.fmt(svg.x(c.x)))
            .append("\" cy=\"")
            .append(Svg.fmt(svg.y(c.y)))
            .append("\" r=\"")
            .append(Svg.fmt(Math.max(2, o.radius_m() / 1000)))
            .append("\"><title>")
            .append(esc(o.name()))
            .append("</title></circle>");
      }
      Coordinate c = o.geometry_lks94().getCentroid().getCoordinate();
      h.append("<text x=\"")
          .append(Svg.fmt(svg.x(c.x) + 4))
          .append("\" y=\"")
          .append(Svg.fmt(svg.y(c.y) + 1.5))
          .append("\">")
          .append(esc(o.name().replaceAll(" \\(.*", "")))
          .append("</text>");
    }
  }

  /** Closes the map and writes its legend and note. */
  private static void legend(StringBuilder h) {
    h.append("</svg><div class=\"legend\">");
    for (int i = 0; i < Colors.RGB.length; i++) {
      h.append("<span><i style=\"background:#")
          .append(String.format("%06x", Colors.RGB[i]))
          .append("\"></i>")
          .append(Colors.label(i))
          .append("</span>");
    }
    h.append(
            "<span><i class=\"l mine\"></i>minefield</span><span><i class=\"l barrier\"></i>other obstacle</span>")
        .append("<span><i class=\"l open\"></i>openable (control point, demolition)</span>")
        .append("<span><i class=\"l hostile\"></i>LT–BY / LT–RU border</span></div>")
        .append(
            "<p class=\"note\">Colours: arrival time from the border with the plan. Lines: fastest distinct")
        .append(" avenues per objective (thick = fastest). Hover for details.</p></section>");
  }

  private static void layer(StringBuilder h, Geometry g, Svg svg, double tol, String cls) {
    if (g != null && !g.isEmpty()) {
      h.append("<path class=\"")
          .append(cls)
          .append("\" d=\"")
          .append(svg.path(g, tol))
          .append("\"/>");
    }
  }

  private static void timesTable(StringBuilder h, AssessmentResult r, Map<String, String> names) {
    h.append("<section><h2>Time from the border to each objective</h2>")
        .append("<p class=\"note\">Hours without → with the plan; the delay bought in bold.")
        .append(
            " “–” = not reachable.</p><div class=\"scroll\"><table><thead><tr><th>Objective</th>");
    for (Case c : r.cases()) {
      h.append("<th>").append(esc(label(c))).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (Objective o : r.objectives()) {
      h.append("<tr><th>").append(esc(o.name())).append("</th>");
      for (Case c : r.cases()) {
        ObjectiveTime t = c.time(o.id());
        h.append("<td>")
            .append(hours(t.baseline_s()))
            .append(" → ")
            .append(hours(t.plan_s()))
            .append("<br><b>+")
            .append(hours(t.delay_s()))
            .append("</b></td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div></section>");
  }

  private static void obstaclesTable(StringBuilder h, AssessmentResult r) {
    List<Obstacle> obs = r.plan().obstacles();
    h.append("<section><h2>Obstacles: cost and marginal value</h2>");
    if (obs.isEmpty()) {
      h.append(
          "<p class=\"empty\">The plan has no obstacles: the times above are the baseline.</p></section>");
      return;
    }
    Set<String> marginalCases = new LinkedHashSet<>();
    for (Case c : r.cases()) {
      if (!c.marginal_s().isEmpty()) {
        marginalCases.add(c.id());
      }
    }
    h.append(
            "<p class=\"note\">Marginal value: delay lost at the most affected objective if this obstacle alone were")
        .append(" removed (cases: ")
        .append(esc(String.join(", ", marginalCases)))
        .append(").</p>")
        .append(
            "<div class=\"scroll\"><table><thead><tr><th>Id</th><th>Type</th><th>Year</th><th>Quantity</th>")
        .append(
            "<th>Cost</th><th>Clearance</th><th>Marginal delay</th><th>per €1 m</th></tr></thead><tbody>");
    for (Obstacle o : obs) {
      double best = 0;
      String where = "";
      for (Case c : r.cases()) {
        Map<String, Double> m = c.marginal_s().get(o.id());
        if (m == null) {
          continue;
        }
        for (var e : m.entrySet()) {
          if (e.getValue() != null && e.getValue() > best) {
            best = e.getValue();
            where = e.getKey() + ", " + label(c);
          }
        }
      }
      double meur = o.cost_eur() / 1e6;
      h.append("<tr><td>")
          .append(esc(o.id()))
          .append("</td><td>")
          .append(esc(o.type().name()))
          .append("</td><td>")
          .append(o.year() == 0 ? "–" : String.valueOf(o.year()))
          .append("</td><td>")
          .append(fmt1(o.quantity()))
          .append(' ')
          .append(esc(o.type().unit()))
          .append("</td><td>")
          .append(eur(o.cost_eur()))
          .append("</td><td>")
          .append(eur(o.clearanceCost_eur()))
          .append("</td><td>")
          .append(
              marginalCases.isEmpty()
                  ? "–"
                  : minutes(best) + (where.isEmpty() ? "" : " <small>(" + esc(where) + ")</small>"))
          .append("</td><td>")
          .append(marginalCases.isEmpty() || meur <= 0 ? "–" : minutes(best / meur))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div></section>");
  }

  private static void programmeTable(StringBuilder h, AssessmentResult r) {
    var byYear = r.plan().costByYearAndCategory();
    if (byYear.isEmpty()) {
      return;
    }
    java.util.LinkedHashSet<String> cats = new java.util.LinkedHashSet<>();
    byYear.values().forEach(m -> cats.addAll(m.keySet()));
    h.append(
        "<section><h2>Programme: cost by year and category</h2><div class=\"scroll\"><table><thead><tr><th>Year</th>");
    for (String c : cats) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("<th>Total</th><th>Cumulative</th></tr></thead><tbody>");
    double cumulative = 0;
    for (var e : byYear.entrySet()) {
      double total = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
      cumulative += total;
      h.append("<tr><td>")
          .append(e.getKey() == 0 ? "not phased" : String.valueOf(e.getKey()))
          .append("</td>");
      for (String c : cats) {
        Double v = e.getValue().get(c);
        h.append("<td>").append(v == null ? "–" : eur(v)).append("</td>");
      }
      h.append("<td>")
          .append(eur(total))
          .append("</td><td>")
          .append(eur(cumulative))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div></section>");
  }

  private static void avenuesTable(
      StringBuilder h, AssessmentResult r, Case ref, Map<String, String> names) {
    h.append("<section><h2>Avenues of approach (")
        .append(esc(label(ref)))
        .append(", with the plan)</h2>");
    List<Avenue> av = new ArrayList<>();
    for (Avenue a : ref.avenues()) {
      if (a.scenario() == (r.plan().obstacles().isEmpty() ? Scenario.BASELINE : Scenario.PLAN)) {
        av.add(a);
      }
    }
    if (av.isEmpty()) {
      h.append("<p class=\"empty\">No avenue reaches an objective in this case.</p></section>");
      return;
    }
    h.append(
            "<div class=\"scroll\"><table><thead><tr><th>Objective</th><th>#</th><th>Time</th><th>Length</th>")
        .append("<th>On roads</th><th>Obstacles crossed</th></tr></thead><tbody>");
    for (Avenue a : av) {
      h.append("<tr><td>")
          .append(esc(names.get(a.objectiveId())))
          .append("</td><td>")
          .append(a.rank())
          .append("</td><td>")
          .append(hours(a.time_s()))
          .append("</td><td>")
          .append(fmt1(a.length_m() / 1000))
          .append(" km</td><td>")
          .append(Math.round(a.roadShare() * 100))
          .append(" %</td><td>")
          .append(a.obstacleIds().isEmpty() ? "none" : esc(String.join(", ", a.obstacleIds())))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div></section>");
  }

  private static void violationsTable(StringBuilder h, AssessmentResult r) {
    h.append("<section><h2>Humanitarian check</h2>");
    if (r.violations().isEmpty()) {
      h.append("<p class=\"ok\">No violations: no mine within ")
          .append(fmt0(r.plan().policy().civilianBuffer_m()))
          .append(" m of a settlement or residential area")
          .append(r.plan().policy().apMinesEnabled() ? "." : ", and no anti-personnel mines.")
          .append("</p></section>");
      return;
    }
    h.append(
        "<table><thead><tr><th>Obstacle</th><th>Rule</th><th>Finding</th></tr></thead><tbody>");
    for (Violation v : r.violations()) {
      h.append("<tr class=\"bad\"><td>")
          .append(esc(v.obstacleId()))
          .append("</td><td>")
          .append(v.rule().id())
          .append("</td><td>")
          .append(esc(v.message()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  private static void reinforcementTable(StringBuilder h, AssessmentResult r) {
    h.append("<section><h2>Friendly reinforcement routes</h2>");
    if (r.reinforcement().isEmpty()) {
      h.append("<p class=\"empty\">No reinforcement route lies inside this region.</p></section>");
      return;
    }
    h.append(
            "<p class=\"note\">Wheeled convoys; control points and prepared demolitions are open for")
        .append(" friendly traffic, every other obstacle delays it.</p>")
        .append(
            "<table><thead><tr><th>Route</th><th>Season</th><th>Unobstructed</th><th>With the plan</th>")
        .append("<th>Increase</th></tr></thead><tbody>");
    for (AssessmentResult.RouteTime t : r.reinforcement()) {
      h.append(t.withinLimit() ? "<tr>" : "<tr class=\"bad\">")
          .append("<td>")
          .append(esc(t.name()))
          .append("</td><td>")
          .append(t.season().id())
          .append("</td><td>")
          .append(hours(t.baseline_s()))
          .append("</td><td>")
          .append(hours(t.plan_s()))
          .append("</td><td>")
          .append(
              Double.isFinite(t.increasePct())
                  ? String.format(Locale.ROOT, "+%.1f %%", t.increasePct())
                  : "–")
          .append(t.withinLimit() ? "" : " (limit " + fmt0(t.limitPct()) + " %)")
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  static String label(Case c) {
    return c.vehicle().id() + " · " + c.season().id();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String esc(String s) {
    return HtmlEscape.text(s);
  }
}
