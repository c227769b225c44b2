package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.core.text.HtmlEscape;

/**
 * {@link WarningCurve} as the {@code emplacement.curve} member of {@code optimization.json}, a
 * console line and the report's chart and table. Stateless.
 */
final class WarningCurveWriter {
  private WarningCurveWriter() {}

  static List<Map<String, Object>> json(List<WarningCurve.Point> curve) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (WarningCurve.Point p : curve) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("warning_h", p.warning_h());
      x.put("model_objective", p.objective());
      x.put("share_of_plan_delay", Math.round(p.share() * 10000) / 10000.0);
      x.put("on_warning_in_place", p.inPlace());
      x.put("on_warning", p.onWarning());
      x.put("as_at_earlier_warning", p.fromEarlier());
      Map<String, Object> g = new LinkedHashMap<>();
      p.delayByGroup_h().forEach((k, v) -> g.put(k, Math.round(v * 1000) / 1000.0));
      x.put("delay_h", g);
      out.add(x);
    }
    return out;
  }

  /** Per vehicle class (the group name before "/"), the mean delay over its groups, hours. */
  static Map<String, Double> byClass(WarningCurve.Point p) {
    Map<String, double[]> sum = new TreeMap<>();
    p.delayByGroup_h()
        .forEach(
            (g, d) -> {
              int slash = g.indexOf('/');
              double[] s =
                  sum.computeIfAbsent(slash < 0 ? g : g.substring(0, slash), k -> new double[2]);
              s[0] += d;
              s[1]++;
            });
    Map<String, Double> m = new LinkedHashMap<>();
    sum.forEach((k, s) -> m.put(k, s[0] / s[1]));
    return m;
  }

  /** One sentence: the share of the plan's delay in place at each warning time. */
  static String line(List<WarningCurve.Point> curve) {
    if (curve.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (WarningCurve.Point p : curve) {
      parts.add(String.format(Locale.ROOT, "%s h %.0f %%", hours(p.warning_h()), 100 * p.share()));
    }
    return "Delay against warning time (model; share of the plan's delay in place): "
        + String.join(", ", parts)
        + ".";
  }

  static String html(List<WarningCurve.Point> curve, double planning_h) {
    if (curve.isEmpty()) {
      return "";
    }
    StringBuilder h = new StringBuilder("<h3>Delay against warning time</h3><p>");
    h.append(
        "On the corridor model: at each warning time, the plan's reserved and crisis-laid"
            + " obstacles the nearest capable team can finish before the attacker arrives, within"
            + " the engineer capacity at that time (the most valuable first); permanent obstacles"
            + " always count. The plan's own sensors see the attacker at or after the border (0 h):"
            + " warning beyond that must come from intelligence. <code>skydas emplace --curve</code>"
            + " gives the timeline and race on the full model.</p>");
    chart(h, curve, planning_h);
    Map<String, Double> first = byClass(curve.get(0));
    h.append("<table><thead><tr><th>Warning (h)</th><th>Share of the plan's delay</th>")
        .append("<th>On-warning in place</th>");
    for (String c : first.keySet()) {
      h.append("<th>").append(HtmlEscape.text(c)).append(" delay (h, mean)</th>");
    }
    h.append("</tr></thead><tbody>");
    for (WarningCurve.Point p : curve) {
      h.append("<tr><td>")
          .append(hours(p.warning_h()))
          .append(p.warning_h() == planning_h ? " (planning)" : "")
          .append(
              String.format(
                  Locale.ROOT,
                  "</td><td>%.0f %%%s</td><td>%d of %d</td>",
                  100 * p.share(),
                  p.fromEarlier() ? " (as earlier)" : "",
                  p.inPlace(),
                  p.onWarning()));
      for (double d : byClass(p).values()) {
        h.append(String.format(Locale.ROOT, "<td>%+.2f</td>", d));
      }
      h.append("</tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  private static void chart(StringBuilder h, List<WarningCurve.Point> curve, double planning_h) {
    int w = 480;
    int ht = 200;
    int left = 44;
    double maxH = Math.max(1, curve.get(curve.size() - 1).warning_h());
    h.append(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"share of the plan's delay"
                + " against warning time\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"#000\"/><line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"#000\"/><text x=\"%d\" y=\"14\" font-size=\"11\""
                + " text-anchor=\"end\">100 %%</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " text-anchor=\"end\">0</text>",
            left + w + 20,
            ht + 30,
            left,
            ht,
            left + w,
            ht,
            left,
            left,
            ht,
            left - 4,
            left - 4,
            ht));
    StringBuilder pts = new StringBuilder();
    for (WarningCurve.Point p : curve) {
      double x = left + w * p.warning_h() / maxH;
      double y = ht - (ht - 10) * p.share();
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>"
                  + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>",
              x,
              ht + 16,
              hours(p.warning_h()),
              x,
              y,
              p.warning_h() == planning_h ? 5 : 3,
              p.warning_h() == planning_h ? "#c0392b" : "#1f4e79"));
    }
    h.append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"")
        .append(pts.toString().trim())
        .append("\"/>")
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">warning (h);"
                    + " red: planning warning</text></svg>",
                left + w,
                ht + 28));
  }

  private static String hours(double h) {
    return h == Math.rint(h) ? String.valueOf((long) h) : String.format(Locale.ROOT, "%.1f", h);
  }
}
