package lt.skydas.assess.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.RaceTime;

/**
 * The corridor race in the report, {@code summary.json} ({@code corridor_race}) and the CLI: per
 * friendly route, the tightest margin (attacker's time to cut the route less the convoy's transit
 * time) over hostile sides, vehicle classes and seasons, without and with the plan, and every row.
 */
public final class RaceSection {
  private RaceSection() {}

  /** Every race row of the result, cases in order. */
  public static List<RaceTime> rows(AssessmentResult r) {
    List<RaceTime> out = new ArrayList<>();
    for (Case c : r.cases()) {
      out.addAll(c.race());
    }
    return out;
  }

  /** The row with the least margin ({@code margin}) for {@code route}, or null. */
  public static RaceTime tightest(
      AssessmentResult r, String route, ToDoubleFunction<RaceTime> margin) {
    return rows(r).stream()
        .filter(x -> x.routeId().equals(route))
        .min(Comparator.comparingDouble(margin))
        .orElse(null);
  }

  /** The route ids raced, in order. */
  static List<String> routes(AssessmentResult r) {
    return rows(r).stream().map(RaceTime::routeId).distinct().toList();
  }

  /** {@code corridor_race} of summary.json: per route its tightest margins and all rows. */
  static List<Object> summary(AssessmentResult r) {
    List<Object> out = new ArrayList<>();
    for (String id : routes(r)) {
      RaceTime base = tightest(r, id, RaceTime::marginBaseline_s);
      RaceTime plan = tightest(r, id, RaceTime::marginPlan_s);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("route", id);
      m.put("name", base.name());
      m.put("min_margin_baseline_h", h(base.marginBaseline_s()));
      m.put("tightest_baseline", where(base));
      m.put("min_margin_plan_h", h(plan.marginPlan_s()));
      m.put("tightest_plan", where(plan));
      List<Object> rows = new ArrayList<>();
      for (RaceTime x : rows(r)) {
        if (!x.routeId().equals(id)) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("side", x.side());
        row.put("vehicle", x.vehicle().id());
        row.put("season", x.season().id());
        row.put("transit_baseline_h", h(x.transitBaseline_s()));
        row.put("transit_plan_h", h(x.transitPlan_s()));
        row.put("cut_baseline_h", h(x.cutBaseline_s()));
        row.put("cut_plan_h", h(x.cutPlan_s()));
        row.put("margin_baseline_h", h(x.marginBaseline_s()));
        row.put("margin_plan_h", h(x.marginPlan_s()));
        rows.add(row);
      }
      m.put("rows", rows);
      out.add(m);
    }
    return out;
  }

  private static String where(RaceTime x) {
    return x.side() + " " + x.vehicle().id() + " " + x.season().id();
  }

  /** One CLI line per route. */
  public static List<String> lines(AssessmentResult r) {
    List<String> out = new ArrayList<>();
    for (String id : routes(r)) {
      RaceTime base = tightest(r, id, RaceTime::marginBaseline_s);
      RaceTime plan = tightest(r, id, RaceTime::marginPlan_s);
      out.add(
          String.format(
              Locale.ROOT,
              "Corridor race %s: tightest margin %s h (%s) -> %s h with the plan (%s)",
              base.name(),
              text(base.marginBaseline_s()),
              where(base),
              text(plan.marginPlan_s()),
              where(plan)));
    }
    return out;
  }

  /** The report section: the tightest margins per route, then the margins per side and case. */
  static void html(StringBuilder h, AssessmentResult r) {
    List<String> routes = routes(r);
    if (routes.isEmpty()) {
      return;
    }
    h.append("<section><h2>Corridor race</h2>")
        .append("<p class=\"note\">Per friendly route: the attacker's time to cut it (reach any")
        .append(" point of the convoy's fastest path) from each hostile side, less the wheeled")
        .append(" convoy's transit time, both from H-hour. Negative: the route is cut before a")
        .append(" convoy leaving at H-hour gets through.</p>")
        .append("<table><thead><tr><th>Route</th><th>Tightest margin</th><th>Where</th>")
        .append("<th>With the plan</th><th>Where</th></tr></thead><tbody>");
    for (String id : routes) {
      RaceTime base = tightest(r, id, RaceTime::marginBaseline_s);
      RaceTime plan = tightest(r, id, RaceTime::marginPlan_s);
      h.append(plan.marginPlan_s() < 0 ? "<tr class=\"bad\">" : "<tr>")
          .append("<td>")
          .append(ReportHtml.esc(base.name()))
          .append("</td><td>")
          .append(text(base.marginBaseline_s()))
          .append(" h</td><td>")
          .append(where(base))
          .append("</td><td>")
          .append(text(plan.marginPlan_s()))
          .append(" h</td><td>")
          .append(where(plan))
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append("<table><thead><tr><th>Route</th><th>Side</th><th>Case</th><th>Transit</th>")
        .append(
            "<th>Cut</th><th>Margin</th><th>Cut with the plan</th><th>Margin with the plan</th>")
        .append("</tr></thead><tbody>");
    for (RaceTime x : rows(r)) {
      h.append("<tr><td>")
          .append(ReportHtml.esc(x.routeId()))
          .append("</td><td>")
          .append(x.side())
          .append("</td><td>")
          .append(x.vehicle().id())
          .append(" · ")
          .append(x.season().id())
          .append("</td><td>")
          .append(text(x.transitBaseline_s()))
          .append("</td><td>")
          .append(text(x.cutBaseline_s()))
          .append("</td><td>")
          .append(text(x.marginBaseline_s()))
          .append("</td><td>")
          .append(text(x.cutPlan_s()))
          .append("</td><td>")
          .append(text(x.marginPlan_s()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  private static Object h(double s) {
    return Double.isFinite(s) ? Math.round(s / 36.0) / 100.0 : null;
  }

  private static String text(double s) {
    if (Double.isNaN(s)) {
      return "–";
    }
    if (Double.isInfinite(s)) {
      return s > 0 ? "never" : "–";
    }
    return String.format(Locale.ROOT, "%.2f", s / 3600);
  }
}
