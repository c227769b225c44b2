package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.fmt0;
import static lt.skydas.assess.report.ReportFormat.fmt1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.CoverageReport;
import lt.skydas.observe.LineCoverage;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.observe.Surface;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Geometry;

/**
 * What the plan's sensor sites watch, for vehicles (skydas-observe's model over flat ground plus
 * land-cover clutter): how much of the LT–BY and LT–RU borders is observed and which of the plan's
 * obstacles are — an obstacle nobody observes is breached at leisure. A {@code watch} block of
 * {@code summary.json} (null for a plan without sensor sites) and a report section. The obstacles'
 * delays are not yet scaled by whether they are watched (issue 14). Stateless and thread-safe.
 */
final class WatchSection {
  private WatchSection() {}

  /** The hostile borders whose coverage is reported. */
  static final List<String> BORDERS = List.of("LT-BY", "LT-RU");

  /**
   * The watch of the plan's obstacles and borders.
   *
   * @param coverage the vehicle coverage and border lines
   * @param obstacles one per obstacle, plan order
   */
  record Watch(CoverageReport coverage, List<ObstacleWatch> obstacles) {
    long unobserved() {
      return obstacles.stream().filter(o -> !o.observed()).count();
    }
  }

  /** Null when the plan has no sensor sites. */
  static Watch compute(BarrierPlan plan, AssessmentRegion region) {
    if (plan.sensors().isEmpty()) {
      return null;
    }
    Surface surface = Surface.of(region.grid(), region.landCover(), ClutterTable.defaults(), null);
    Map<String, Geometry> lines = new LinkedHashMap<>();
    for (String b : BORDERS) {
      if (region.borders().containsKey(b)) {
        lines.put(b, region.borders().get(b));
      }
    }
    CoverageReport r =
        CoverageReport.compute(
            surface,
            plan.sensors(),
            List.of(TargetClass.VEHICLE),
            lines,
            Runtime.getRuntime().availableProcessors());
    return new Watch(r, ObstacleWatch.of(r.targets().get(0).grid(), plan.obstacles()));
  }

  /** The {@code watch} block of {@code summary.json}; null without sensor sites. */
  static Map<String, Object> summary(Watch w) {
    if (w == null) {
      return null;
    }
    CoverageReport.TargetCoverage t = w.coverage().targets().get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", t.target().id());
    m.put("observed_km2", AssessmentWriter.round(t.grid().observedArea_km2(), 1));
    Map<String, Object> borders = new LinkedHashMap<>();
    t.lines()
        .forEach(
            (name, lc) ->
                borders.put(
                    name,
                    Map.of(
                        "length_km", AssessmentWriter.round(lc.length_m() / 1000, 2),
                        "observed_km", AssessmentWriter.round(lc.observed_m() / 1000, 2),
                        "gaps", lc.gaps().size())));
    m.put("borders", borders);
    m.put("obstacles_unobserved", w.unobserved());
    m.put(
        "obstacles",
        w.obstacles().stream()
            .map(
                o ->
                    Map.of(
                        "id", o.id(),
                        "observed_share", AssessmentWriter.round(o.observedShare(), 3),
                        "mean_sensors", AssessmentWriter.round(o.meanSensors(), 2)))
            .toList());
    m.put("notes", w.coverage().notes());
    return m;
  }

  /** Appends the report section; nothing without sensor sites. */
  static void html(StringBuilder h, Watch w) {
    if (w == null) {
      return;
    }
    CoverageReport.TargetCoverage t = w.coverage().targets().get(0);
    h.append("<section><h2>What the sensors watch (vehicles)</h2><p class=\"note\">")
        .append(fmt0(t.grid().observedArea_km2()))
        .append(" km² observed. ")
        .append(w.unobserved())
        .append(" of ")
        .append(w.obstacles().size())
        .append(" obstacles are not observed by any sensor: an obstacle nobody watches is breached")
        .append(" at leisure. Flat ground plus forest and built-up clutter; a vehicle in a forest")
        .append(" is hidden.</p><table><thead><tr><th>Border</th><th>Length</th><th>Observed</th>")
        .append("<th>Gaps</th><th>Longest gap</th></tr></thead><tbody>");
    for (Map.Entry<String, LineCoverage> e : t.lines().entrySet()) {
      LineCoverage lc = e.getValue();
      h.append("<tr><td>")
          .append(ReportHtml.esc(e.getKey()))
          .append("</td><td>")
          .append(fmt1(lc.length_m() / 1000))
          .append(" km</td><td>")
          .append(fmt1(lc.observed_m() / 1000))
          .append(" km (")
          .append(fmt0(100 * lc.observedShare()))
          .append(" %)</td><td>")
          .append(lc.gaps().size())
          .append("</td><td>")
          .append(lc.gaps().isEmpty() ? "–" : fmt1(lc.gaps().get(0).length_m() / 1000) + " km")
          .append("</td></tr>");
    }
    h.append("</tbody></table>");
    for (String n : w.coverage().notes()) {
      h.append("<p class=\"note\">").append(ReportHtml.esc(n)).append("</p>");
    }
    h.append("</section>");
  }
}
