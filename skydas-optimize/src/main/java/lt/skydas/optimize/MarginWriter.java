package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.core.text.HtmlEscape;

/**
 * The minimum corridor margin ({@link MarginStep}) in {@code optimization.json} ({@code
 * corridor_margin}), the report and on the console: what the step bought, and per route and case
 * the margin on the corridor graph and, from the verification's corridor race, on the full model
 * (the tightest hostile side).
 */
final class MarginWriter {
  private MarginWriter() {}

  /**
   * The verified margin of a route in a case: the smallest over the hostile sides of the plan's
   * margin in the verification's corridor race, s; NaN when the race has no such entry.
   */
  static double verified_s(AssessmentResult v, MarginStep.Row row) {
    double best = Double.NaN;
    for (AssessmentResult.Case c : v.cases()) {
      for (AssessmentResult.RaceTime t : c.race()) {
        if (t.routeId().equals(row.route())
            && t.vehicle() == row.kase().vehicle()
            && t.season() == row.kase().season()) {
          double m = t.marginPlan_s();
          best = Double.isNaN(best) ? m : Math.min(best, m);
        }
      }
    }
    return best;
  }

  static Map<String, Object> json(MarginStep.Outcome o, AssessmentResult v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("required_h", o.margin_h());
    m.put("obstacles_bought", o.pins().size());
    m.put("cost_eur", o.cost_eur());
    m.put("cost_bound_eur", o.bound_eur());
    m.put("optimal", o.optimal());
    m.put("rounds", o.rounds());
    m.put("bought", o.pins());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MarginStep.Row r : o.rows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("route", r.route());
      x.put("case", r.caseName());
      x.put("transit_h", h(r.transit_s()));
      x.put("model_cut_before_h", h(r.before_s()));
      x.put("model_cut_after_h", h(r.after_s()));
      x.put("model_margin_h", h(r.margin_s()));
      double ver = verified_s(v, r);
      x.put("verified_margin_h", Double.isNaN(ver) ? null : h(ver));
      x.put("held_on_model", r.after_s() >= r.floor_s() - 1);
      x.put("held_verified", Double.isNaN(ver) ? null : ver >= o.margin_h() * 3600 - 1);
      rows.add(x);
    }
    m.put("routes", rows);
    return m;
  }

  /** One sentence for the console and the report. */
  static String line(MarginStep.Outcome o, AssessmentResult v) {
    double worstModel = Double.POSITIVE_INFINITY;
    double worstVerified = Double.POSITIVE_INFINITY;
    String where = "";
    for (MarginStep.Row r : o.rows()) {
      worstModel = Math.min(worstModel, r.margin_s());
      double ver = verified_s(v, r);
      if (!Double.isNaN(ver) && ver < worstVerified) {
        worstVerified = ver;
        where = r.route() + " " + r.caseName();
      }
    }
    return String.format(
        Locale.ROOT,
        "Minimum corridor margin %.2f h: %d obstacle(s) bought first for EUR %,d (%s); tightest"
            + " margin %.2f h on the corridor model, %s on the full model%s.",
        o.margin_h(),
        o.pins().size(),
        o.cost_eur(),
        o.optimal()
            ? "least cost, proven"
            : String.format(
                Locale.ROOT,
                "no set holding it costs less than EUR %,d: CP-SAT's bound",
                o.bound_eur()),
        worstModel / 3600,
        Double.isInfinite(worstVerified)
            ? "not raced"
            : String.format(Locale.ROOT, "%.2f h", worstVerified / 3600),
        worstVerified < o.margin_h() * 3600 - 1
            ? " ("
                + where
                + ": short of the minimum; the corridor model's approximations, ADR"
                + " 0006)"
            : "");
  }

  static String html(MarginStep.Outcome o, AssessmentResult v) {
    StringBuilder h = new StringBuilder("<h3>Minimum corridor margin</h3><p>");
    h.append(HtmlEscape.text(line(o, v))).append("</p>");
    h.append("<table><thead><tr><th>Route</th><th>Case</th><th>Convoy transit (h)</th>")
        .append("<th>Cut before (h)</th><th>Cut after (h)</th><th>Margin, model (h)</th>")
        .append("<th>Margin, verified (h)</th></tr></thead><tbody>");
    for (MarginStep.Row r : o.rows()) {
      double ver = verified_s(v, r);
      h.append("<tr><td>")
          .append(HtmlEscape.text(r.route()))
          .append("</td><td>")
          .append(HtmlEscape.text(r.caseName()))
          .append(String.format(Locale.ROOT, "</td><td>%.2f", r.transit_s() / 3600))
          .append(String.format(Locale.ROOT, "</td><td>%.2f", r.before_s() / 3600))
          .append(String.format(Locale.ROOT, "</td><td>%.2f", r.after_s() / 3600))
          .append(String.format(Locale.ROOT, "</td><td>%.2f", r.margin_s() / 3600))
          .append("</td><td>")
          .append(Double.isNaN(ver) ? "–" : String.format(Locale.ROOT, "%.2f", ver / 3600))
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  private static double h(double s) {
    return Double.isFinite(s) ? Math.round(s / 36.0) / 100.0 : Double.POSITIVE_INFINITY;
  }
}
