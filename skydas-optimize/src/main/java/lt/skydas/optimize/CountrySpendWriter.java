package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.text.HtmlEscape;

/**
 * The country budgets of a joint region in {@code optimization.json} ({@code country_budgets}), the
 * report and on the console: per country its budget, what the plan spends there and on what.
 */
final class CountrySpendWriter {
  private CountrySpendWriter() {}

  static List<Map<String, Object>> json(List<OptimizationResult.CountrySpend> spends) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OptimizationResult.CountrySpend c : spends) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("country", c.iso());
      m.put("budget_eur", Math.round(c.budget_eur()));
      m.put("spent_eur", Math.round(c.spent_eur()));
      m.put("barrier_eur", Math.round(c.barrier_eur()));
      m.put("ew_counter_drone_eur", Math.round(c.ew_eur()));
      m.put("warning_sensors_eur", Math.round(c.warning_eur()));
      m.put("binds", c.binds());
      m.put("over", c.over());
      out.add(m);
    }
    return out;
  }

  /** One sentence per country, e.g. "LT spends EUR 512,000,000 of its EUR 600,000,000 (85 %)". */
  static String line(OptimizationResult.CountrySpend c) {
    return String.format(
        Locale.ROOT,
        "%s spends EUR %,.0f of its EUR %,.0f budget (%.0f %%)%s",
        c.iso(),
        c.spent_eur(),
        c.budget_eur(),
        c.budget_eur() > 0 ? 100 * c.spent_eur() / c.budget_eur() : 0.0,
        c.over()
            ? ": over, by what the protection and warning steps bought there (they see the total"
                + " only)"
            : c.binds() ? ": the budget binds" : "");
  }

  static String html(List<OptimizationResult.CountrySpend> spends) {
    if (spends.isEmpty()) {
      return "";
    }
    StringBuilder h =
        new StringBuilder(
            "<h3>Budgets by country</h3><p>Each home country pays for the sites in its land"
                + " (a model row per country beside the total).</p>");
    h.append("<table><thead><tr><th>Country</th><th>Budget (EUR)</th><th>Spent (EUR)</th>")
        .append("<th>Barrier</th><th>EW and counter-drone</th><th>Warning sensors</th>")
        .append("<th></th></tr></thead><tbody>");
    for (OptimizationResult.CountrySpend c : spends) {
      h.append("<tr><td>")
          .append(HtmlEscape.text(c.iso()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f", c.budget_eur()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f", c.spent_eur()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f", c.barrier_eur()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f", c.ew_eur()))
          .append(String.format(Locale.ROOT, "</td><td>%,.0f", c.warning_eur()))
          .append("</td><td>")
          .append(c.over() ? "<b>over</b>" : c.binds() ? "binds" : "")
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }
}
