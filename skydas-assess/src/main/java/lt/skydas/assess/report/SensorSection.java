package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.eur;
import static lt.skydas.assess.report.ReportFormat.fmt0;
import static lt.skydas.assess.report.ReportFormat.fmt1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.SensorCategory;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorWarning;

/**
 * The plan's sensor, EW and counter-drone sites in the assessment outputs: a {@code sensors} block
 * of {@code summary.json} and a report section with one row per site (type, category, height, arc,
 * cost, upkeep) and the jammers that stand inside a civilian buffer. Their cost is listed apart
 * from the obstacles' plan cost. Stateless and thread-safe.
 */
final class SensorSection {
  private SensorSection() {}

  /**
   * The EW sites of the plan inside the civilian buffer of a settlement or residential area of
   * {@code region}; empty (and no index built) when the plan has no EW site.
   */
  static List<SensorWarning> warnings(BarrierPlan plan, AssessmentRegion region) {
    boolean anyEw = plan.sensors().stream().anyMatch(s -> s.type().category() == SensorCategory.EW);
    return anyEw ? region.humanitarian().jammersNearCivilians(plan) : List.of();
  }

  /** The {@code sensors} block of {@code summary.json}; present (with no sites) for every plan. */
  static Map<String, Object> summary(BarrierPlan plan, List<SensorWarning> warnings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", plan.sensors().size());
    m.put("cost_eur", Math.round(plan.sensorCost_eur()));
    m.put("upkeep_eur_per_year", Math.round(plan.sensorUpkeep_eur_per_year()));
    List<Object> sites = new ArrayList<>();
    for (SensorSite s : plan.sensors()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("id", s.id());
      sm.put("type", s.type().id());
      sm.put("category", s.type().category().id());
      sm.put("name", s.name());
      sm.put("year", s.year());
      sm.put("height_m", s.height_m());
      sm.put("arc_deg", s.type().arc_deg());
      sm.put("azimuth_deg", AssessmentWriter.num(s.azimuth_deg()));
      sm.put("quantity", AssessmentWriter.round(s.quantity(), 3));
      sm.put("unit", s.type().unit());
      sm.put("cost_eur", Math.round(s.cost_eur()));
      sm.put("upkeep_eur_per_year", Math.round(s.upkeep_eur_per_year()));
      sites.add(sm);
    }
    m.put("sites", sites);
    List<Object> ws = new ArrayList<>();
    for (SensorWarning w : warnings) {
      Map<String, Object> wm = new LinkedHashMap<>();
      wm.put("sensor", w.sensorId());
      wm.put("near", w.near());
      wm.put("distance_m", Math.round(w.distance_m()));
      wm.put("message", w.message());
      ws.add(wm);
    }
    m.put("warnings", ws);
    return m;
  }

  /** Appends the report section; nothing for a plan without sensor sites. */
  static void html(StringBuilder h, BarrierPlan plan, List<SensorWarning> warnings) {
    if (plan.sensors().isEmpty()) {
      return;
    }
    h.append("<section><h2>Sensor, EW and counter-drone sites</h2><p class=\"note\">")
        .append(plan.sensors().size())
        .append(" sites: ")
        .append(eur(plan.sensorCost_eur()))
        .append(" to buy and ")
        .append(eur(plan.sensorUpkeep_eur_per_year()))
        .append(" a year to keep, not included in the plan cost above (obstacles only).</p>")
        .append("<div class=\"scroll\"><table><thead><tr><th>Id</th><th>Type</th>")
        .append("<th>Category</th><th>Year</th><th>Height</th><th>Arc</th><th>Quantity</th>")
        .append("<th>Cost</th><th>Upkeep / year</th></tr></thead><tbody>");
    for (SensorSite s : plan.sensors()) {
      h.append("<tr><td>")
          .append(ReportHtml.esc(s.id()))
          .append("</td><td>")
          .append(ReportHtml.esc(s.type().name()))
          .append("</td><td>")
          .append(s.type().category().id())
          .append("</td><td>")
          .append(s.year() == 0 ? "–" : String.valueOf(s.year()))
          .append("</td><td>")
          .append(fmt1(s.height_m()))
          .append(" m</td><td>")
          .append(arc(s))
          .append("</td><td>")
          .append(fmt1(s.quantity()))
          .append(' ')
          .append(ReportHtml.esc(s.type().unit()))
          .append("</td><td>")
          .append(eur(s.cost_eur()))
          .append("</td><td>")
          .append(eur(s.upkeep_eur_per_year()))
          .append("</td></tr>");
    }
    h.append("</tbody></table></div>");
    for (SensorWarning w : warnings) {
      h.append("<p class=\"note\">Warning (not a violation): ")
          .append(ReportHtml.esc(w.message()))
          .append("</p>");
    }
    h.append("</section>");
  }

  private static String arc(SensorSite s) {
    String arc = fmt0(s.type().arc_deg()) + "°";
    return Double.isNaN(s.azimuth_deg()) ? arc : arc + " centred on " + fmt0(s.azimuth_deg()) + "°";
  }
}
