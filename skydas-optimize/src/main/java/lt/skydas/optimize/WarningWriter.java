package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.text.HtmlEscape;
import lt.skydas.plan.SensorSite;

/**
 * {@link WarningResult} as the {@code warning_minimum} member of {@code optimization.json}, a
 * console line and the report's "Minimum warning time" section. Stateless.
 */
final class WarningWriter {
  private WarningWriter() {}

  static Map<String, Object> json(WarningResult w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("avenues", w.verified().size());
    m.put("met_verified", w.verifiedMet());
    m.put("candidates", w.candidates());
    m.put("optimal", w.optimal());
    m.put("added_cost_eur", Math.round(w.cost_eur()));
    List<Map<String, Object>> added = new ArrayList<>();
    for (SensorSite s : w.added()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", s.id());
      x.put("type", s.type().id());
      x.put("year", s.year());
      added.add(x);
    }
    m.put("added", added);
    m.put("planned", rows(w.planned()));
    m.put("verified", rows(w.verified()));
    return m;
  }

  private static List<Map<String, Object>> rows(List<WarningResult.Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (WarningResult.Row r : rows) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("case", r.caseId());
      x.put("objective", r.objectiveId());
      x.put("required_h", r.required_h());
      x.put("arrival_h", Math.round(r.arrival_h() * 1000) / 1000.0);
      x.put("warning_h", Math.round(r.warning_h() * 1000) / 1000.0);
      x.put("status", r.status());
      if (!r.reason().isEmpty()) {
        x.put("reason", r.reason());
      }
      out.add(x);
    }
    return out;
  }

  /** One sentence for the console and the report. */
  static String line(WarningResult w) {
    return String.format(
        Locale.ROOT,
        "Minimum warning: %d of %d fastest avenues seen early enough by the plan's sensors,"
            + " verified; %d sensor(s) bought for it, EUR %,.0f%s.",
        w.verifiedMet(),
        w.verified().size(),
        w.added().size(),
        w.cost_eur(),
        w.optimal() ? " (least cost, proven)" : "");
  }

  static String html(WarningResult w) {
    StringBuilder h = new StringBuilder("<h3>Minimum warning time</h3><p>");
    h.append(HtmlEscape.text(line(w)))
        .append(
            " A manned post does not count toward the minimum: it sees its own ground and is the"
                + " first thing an attacker removes.</p>")
        .append("<table><thead><tr><th>Case</th><th>Objective</th><th>Required (h)</th>")
        .append("<th>Warning (h)</th><th>Arrival (h)</th><th></th></tr></thead><tbody>");
    for (WarningResult.Row r : w.verified()) {
      h.append("<tr><td>")
          .append(HtmlEscape.text(r.caseId()))
          .append("</td><td>")
          .append(HtmlEscape.text(r.objectiveId()))
          .append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>", r.required_h()))
          .append(r.met() ? "" : "<b>")
          .append(String.format(Locale.ROOT, "%.2f", r.warning_h()))
          .append(r.met() ? "" : "</b>")
          .append(String.format(Locale.ROOT, "</td><td>%.2f</td><td>", r.arrival_h()))
          .append(HtmlEscape.text(r.met() ? "" : reason(w, r)))
          .append("</td></tr>");
    }
    return h.append("</tbody></table>").toString();
  }

  /** Why a verified avenue falls short: the planning step's reason, or a changed avenue. */
  private static String reason(WarningResult w, WarningResult.Row r) {
    for (WarningResult.Row p : w.planned()) {
      if (p.caseId().equals(r.caseId())
          && p.objectiveId().equals(r.objectiveId())
          && !p.reason().isEmpty()) {
        return p.reason();
      }
    }
    return "the fastest avenue moved when the added sensors made more obstacles count";
  }
}
