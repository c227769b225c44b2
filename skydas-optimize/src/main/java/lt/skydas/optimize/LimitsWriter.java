package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link Limits} as the {@code limits} member of {@code optimization.json} and a report section.
 */
final class LimitsWriter {
  private LimitsWriter() {}

  static Map<String, Object> json(Limits l, List<ModelPaths.PathLimit> paths) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> objs = new ArrayList<>();
    for (Limits.ObjectiveLimit o : l.objectives()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("objective", o.objectiveId());
      e.put("reason", o.reason().id());
      e.put("cases", o.cases());
      e.put("text", o.text());
      objs.add(e);
    }
    m.put("undelayed_objectives", objs);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("budget_eur", Math.round(l.budget().budget_eur()));
    b.put("spent_eur", Math.round(l.budget().spent_eur()));
    b.put("left_share", Math.round(1000 * l.budget().leftShare()) / 1000.0);
    b.put("binding", l.budget().binding());
    m.put("budget", b);
    List<Map<String, Object>> cs = new ArrayList<>();
    for (Limits.CrossingCount c : l.crossings()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", c.what());
      e.put("count", c.count());
      if (!c.detail().isEmpty()) {
        e.put("detail", c.detail());
      }
      cs.add(e);
    }
    m.put("belt_crossings", cs);
    List<Map<String, Object>> ps = new ArrayList<>();
    for (ModelPaths.PathLimit p : paths) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("group", p.group());
      e.put("scenario", p.scenario());
      e.put("saturated", p.saturated());
      e.put("open", p.open());
      ps.add(e);
    }
    m.put("model_paths", ps);
    return m;
  }

  static String html(Limits l) {
    StringBuilder h = new StringBuilder("<h3>What limits the plan</h3>");
    if (l.objectives().isEmpty()) {
      h.append("<p>Every objective gains delay in every case.</p>");
    } else {
      h.append("<p>Objectives some cases do not delay, and why:</p><ul>");
      for (Limits.ObjectiveLimit o : l.objectives()) {
        h.append("<li>")
            .append(OptimizationWriter.esc(o.text()))
            .append(" <small>(")
            .append(OptimizationWriter.esc(o.casesText(l.caseCount())))
            .append(")</small></li>");
      }
      h.append("</ul>");
    }
    Limits.BudgetLimit b = l.budget();
    h.append(
        String.format(
            Locale.ROOT,
            "<p>Obstacles, sensors and counter-drone sites cost EUR %,.0f of the EUR %,.0f budget (%.0f %% left).</p>",
            b.spent_eur(),
            b.budget_eur(),
            100 * b.leftShare()));
    if (!b.binding().isEmpty()) {
      h.append("<p>What binds instead of money:</p><ul>");
      for (String s : b.binding()) {
        h.append("<li>").append(OptimizationWriter.esc(s)).append("</li>");
      }
      h.append("</ul>");
    }
    return h.toString();
  }
}
