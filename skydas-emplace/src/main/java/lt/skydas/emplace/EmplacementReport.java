package lt.skydas.emplace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.text.HtmlEscape;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObjectiveDelay;
import lt.skydas.emplace.EmplacementResult.SeasonPlan;
import lt.skydas.emplace.EmplacementResult.Shortfall;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;

/**
 * The emplacement report: what is built in peacetime and what is laid on warning, the delay toward
 * each objective against warning time (an SVG chart: per objective the least delay over the
 * assessed cases, the figure to plan on), the teams' timeline in brief, what cannot be put in place
 * and why, and the stock against the need. Self-contained HTML; every string from input escaped.
 */
final class EmplacementReport {
  private static final String[] COLOURS = {
    "#1b6ca8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#2c3e50",
    "#b7950b", "#e84393"
  };

  private EmplacementReport() {}

  static String html(
      BarrierPlan plan, Forces forces, EmplacementResult at, List<EmplacementResult> curve) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Emplacement on warning</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;")
        .append("text-align:right}th{background:#eee}td.l,th.l{text-align:left}")
        .append("</style></head><body>");
    b.append("<h1>Emplacement on warning: ").append(esc(plan.name())).append("</h1>");
    summary(b, plan, forces, at);
    chart(b, curve);
    objectives(b, at);
    shortfalls(b, at);
    timeline(b, at);
    b.append("<p>Times: teams in hours after the warning (the order to emplace); the attacker in")
        .append(" hours after crossing the border. An obstacle counts only if its team finishes")
        .append(" before the attacker reaches it (the race is solved per class and season).</p>");
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void summary(
      StringBuilder b, BarrierPlan plan, Forces forces, EmplacementResult at) {
    Map<String, int[]> byEmployment = new LinkedHashMap<>();
    for (Obstacle o : plan.obstacles()) {
      byEmployment.computeIfAbsent(o.type().emplacement().employment().id(), k -> new int[1])[0]++;
    }
    int teams = 0;
    for (Forces.Unit u : forces.units()) {
      teams += u.teams().values().stream().mapToInt(Integer::intValue).sum();
    }
    b.append("<p>Warning time <b>").append(fmt(at.warning_h())).append(" h</b>. Obstacles: ");
    List<String> parts = new ArrayList<>();
    byEmployment.forEach((k, v) -> parts.add(v[0] + " " + k.replace('_', '-')));
    b.append(esc(String.join(", ", parts)))
        .append(". Forces: ")
        .append(forces.units().size())
        .append(" units, ")
        .append(teams)
        .append(" teams, ")
        .append(forces.depots().size())
        .append(" depots (")
        .append(esc(forces.origin()))
        .append(").</p>");
    b.append("<table><tr><th class=l>stock</th><th>needed</th><th>available</th></tr>");
    at.stock()
        .forEach(
            (k, v) ->
                b.append("<tr><td class=l>")
                    .append(esc(k))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,.0f", v[0]))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,.0f", v[1]))
                    .append(v[1] < v[0] ? " (short)" : "")
                    .append("</td></tr>"));
    b.append("</table>");
    b.append("<table><tr><th class=l>depot</th><th class=l>stock</th><th>drawn</th>")
        .append("<th>held</th></tr>");
    Map<String, String> names = new LinkedHashMap<>();
    forces.depots().forEach(d -> names.put(d.id(), d.name()));
    at.depots()
        .forEach(
            (id, kinds) ->
                kinds.forEach(
                    (kind, v) ->
                        b.append("<tr><td class=l>")
                            .append(esc(names.getOrDefault(id, id)))
                            .append("</td><td class=l>")
                            .append(esc(kind))
                            .append("</td><td>")
                            .append(String.format(Locale.ROOT, "%,.0f", v[0]))
                            .append("</td><td>")
                            .append(String.format(Locale.ROOT, "%,.0f", v[1]))
                            .append("</td></tr>")));
    b.append("</table>");
    b.append("<table><tr><th class=l>season</th><th>jobs</th><th>on time</th><th>value</th>")
        .append("<th>bound</th><th class=l>method</th></tr>");
    for (SeasonPlan p : at.seasons()) {
      long on = p.schedule().assignments().stream().filter(Assignment::onTime).count();
      b.append("<tr><td class=l>")
          .append(p.season().id())
          .append("</td><td>")
          .append(p.schedule().assignments().size())
          .append("</td><td>")
          .append(on)
          .append("</td><td>")
          .append(fmt(p.schedule().value()))
          .append("</td><td>")
          .append(Double.isFinite(p.schedule().bound()) ? fmt(p.schedule().bound()) : "–")
          .append("</td><td class=l>")
          .append(esc(p.schedule().method()))
          .append(p.schedule().optimal() ? " (optimal)" : "")
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  /** Per objective, the least delay over the cases (hours), against warning time. */
  static Map<String, double[]> leastDelay(List<EmplacementResult> curve) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < curve.size(); i++) {
      for (CaseOutcome c : curve.get(i).cases()) {
        for (ObjectiveDelay d : c.objectives()) {
          double[] v = m.computeIfAbsent(d.id(), k -> filled(curve.size()));
          v[i] = Math.min(v[i], d.delay_s() / 3600);
        }
      }
    }
    return m;
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.POSITIVE_INFINITY);
    return a;
  }

  private static void chart(StringBuilder b, List<EmplacementResult> curve) {
    if (curve.isEmpty()) {
      return;
    }
    Map<String, double[]> least = leastDelay(curve);
    double maxH = curve.get(curve.size() - 1).warning_h();
    double maxD = 0.5;
    for (double[] v : least.values()) {
      for (double d : v) {
        maxD = Math.max(maxD, d);
      }
    }
    int w = 640;
    int h = 300;
    int left = 50;
    int bottom = 30;
    b.append("<h2>Delay against warning time</h2>")
        .append("<p>Per objective, the least delay over the assessed classes and seasons. The")
        .append(" plan's own sensors give at best 0 h: the attacker is first seen at or after the")
        .append(" border, so the order to emplace comes no earlier than he crosses; warning beyond")
        .append(" that must come from intelligence (the points right of 0 h).</p>")
        .append("<svg width=\"")
        .append(w + 200)
        .append("\" height=\"")
        .append(h + bottom + 10)
        .append("\" role=\"img\" aria-label=\"delay against warning time\">");
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
                + "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
            left,
            h,
            left + w,
            h,
            left,
            left,
            h));
    for (EmplacementResult r : curve) {
      double x = left + w * r.warning_h() / Math.max(1, maxH);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s h</text>",
              x,
              h + 18,
              fmt(r.warning_h())));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\" font-size=\"11\" text-anchor=\"end\">%s h</text>",
            left - 4,
            fmt(maxD)));
    int k = 0;
    for (Map.Entry<String, double[]> e : least.entrySet()) {
      String colour = COLOURS[k % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < curve.size(); i++) {
        double x = left + w * curve.get(i).warning_h() / Math.max(1, maxH);
        double y = h - (h - 10) * Math.max(0, e.getValue()[i]) / maxD;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(colour)
          .append("\" points=\"")
          .append(pts.toString().trim())
          .append("\"/>");
      b.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">",
                  left + w + 10,
                  20 + 16 * k,
                  colour))
          .append(esc(e.getKey()))
          .append("</text>");
      k++;
    }
    b.append("</svg>");
  }

  private static void objectives(StringBuilder b, EmplacementResult at) {
    b.append("<h2>At ")
        .append(fmt(at.warning_h()))
        .append(" h of warning</h2><table><tr><th class=l>class</th><th class=l>season</th>")
        .append("<th>in place</th><th class=l>objective</th><th>no plan h</th>")
        .append("<th>permanent h</th><th>with plan h</th><th>delay h</th></tr>");
    for (CaseOutcome c : at.cases()) {
      for (ObjectiveDelay d : c.objectives()) {
        b.append("<tr><td class=l>")
            .append(c.vehicleClass().id())
            .append("</td><td class=l>")
            .append(c.season().id())
            .append("</td><td>")
            .append(c.inPlace())
            .append(" / ")
            .append(c.obstacles().size())
            .append("</td><td class=l>")
            .append(esc(d.id()))
            .append("</td><td>")
            .append(hours(d.baseline_s()))
            .append("</td><td>")
            .append(hours(d.permanent_s()))
            .append("</td><td>")
            .append(hours(d.plan_s()))
            .append("</td><td>")
            .append(fmt(d.delay_s() / 3600))
            .append("</td></tr>");
      }
    }
    b.append("</table>");
  }

  private static void shortfalls(StringBuilder b, EmplacementResult at) {
    whyTable(b, "Units that can do nothing for this plan", "unit", at.idleUnits());
    whyTable(b, "Not possible", "obstacle", at.shortfalls());
  }

  /** A titled table of ids and reasons; nothing when the list is empty. */
  private static void whyTable(StringBuilder b, String title, String what, List<Shortfall> rows) {
    if (rows.isEmpty()) {
      return;
    }
    b.append("<h2>")
        .append(title)
        .append(" (")
        .append(rows.size())
        .append(")</h2><table><tr><th class=l>")
        .append(what)
        .append("</th><th class=l>why</th></tr>");
    for (Shortfall s : rows) {
      b.append("<tr><td class=l>")
          .append(esc(s.obstacleId()))
          .append("</td><td class=l>")
          .append(esc(s.reason()))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void timeline(StringBuilder b, EmplacementResult at) {
    if (at.seasons().isEmpty()) {
      return;
    }
    SeasonPlan p = at.seasons().get(0);
    b.append("<h2>Timeline, ")
        .append(p.season().id())
        .append(" (first 40 jobs by finish; all in timeline.csv)</h2><table><tr>")
        .append("<th class=l>team</th><th class=l>obstacle</th><th class=l>depot</th>")
        .append("<th>start h</th><th>finish h</th><th>deadline h</th><th>on time</th></tr>");
    List<Assignment> all = new ArrayList<>(p.schedule().assignments());
    all.sort(java.util.Comparator.comparingDouble(Assignment::finish_s));
    for (Assignment a : all.subList(0, Math.min(40, all.size()))) {
      b.append("<tr><td class=l>")
          .append(esc(a.teamId()))
          .append("</td><td class=l>")
          .append(esc(a.jobId()))
          .append("</td><td class=l>")
          .append(esc(p.depotOf().getOrDefault(a.jobId(), "")))
          .append("</td><td>")
          .append(hours(a.start_s()))
          .append("</td><td>")
          .append(hours(a.finish_s()))
          .append("</td><td>")
          .append(hours(p.jobDeadline_s().getOrDefault(a.jobId(), Double.NaN)))
          .append("</td><td>")
          .append(a.onTime() ? "yes" : "no")
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static String hours(double s) {
    return Double.isFinite(s) ? fmt(s / 3600) : "–";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String esc(String s) {
    return HtmlEscape.text(s);
  }
}
