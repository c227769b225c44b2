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
    return render(r, region, title, extraSection, SensorFindings.of(r, region));
  }

  static String render(
      AssessmentResult r,
      AssessmentRegion region,
      String title,
      String extraSection,
      SensorFindings sensors) {
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
    ReportMap.map(h, r, region, svg, ref);
    timesTable(h, r, names);
    obstaclesTable(h, r);
    SensorSection.html(h, plan, sensors.warnings());
    WatchSection.html(h, sensors.watch(), names, ref.id());
    programmeTable(h, r);
    avenuesTable(h, r, ref, names);
    violationsTable(h, r);
    CivilianSection.html(h, r);
    reinforcementTable(h, r);
    RaceSection.html(h, r);
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
            + (plan.policy().apMinesEnabled() ? "enabled" : "not enabled")
            + "; policy: "
            + plan.policy().source(),
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
          .append(" m of a settlement, residential area or building")
          .append(
              r.plan().policy().apMinesEnabled()
                  ? ", and no obstacle where the policy keeps its kind out of protected areas."
                  : ", no anti-personnel mines, and no obstacle where the policy keeps its kind"
                      + " out of protected areas.")
          .append("</p><p>Policy: ")
          .append(esc(r.plan().policy().summary()))
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
    h.append("</tbody></table><p>Policy: ")
        .append(esc(r.plan().policy().summary()))
        .append("</p></section>");
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
