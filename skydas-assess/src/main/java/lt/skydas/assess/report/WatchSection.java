package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.fmt0;
import static lt.skydas.assess.report.ReportFormat.fmt1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.CoverageReport;
import lt.skydas.observe.LineCoverage;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.observe.Surface;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.TargetClass;
import lt.skydas.raster.FloatRaster;
import org.locationtech.jts.geom.Coordinate;
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
   * @param warnings per case and objective, the warning the fastest avenue with the plan gives
   */
  record Watch(CoverageReport coverage, List<ObstacleWatch> obstacles, List<WarningTime> warnings) {
    long unobserved() {
      return obstacles.stream().filter(o -> !o.observed()).count();
    }
  }

  /**
   * Warning time on one avenue: the attacker is first observed where the fastest avenue with the
   * plan enters a cell the sensors observe (for dismounted troops, persons; else vehicles), at the
   * arrival time there; the warning is the time left until the objective.
   *
   * @param firstDetection_h arrival time at the first observed point, hours; NaN if never observed
   * @param warning_h hours from first detection to the objective; 0 if never observed
   */
  record WarningTime(
      String caseId,
      String objectiveId,
      double arrival_h,
      double firstDetection_h,
      double warning_h) {}

  /** Null when the plan has no sensor sites. */
  static Watch compute(AssessmentResult result, AssessmentRegion region) {
    BarrierPlan plan = result.plan();
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
            List.of(TargetClass.VEHICLE, TargetClass.PERSON),
            lines,
            List.of(),
            Runtime.getRuntime().availableProcessors());
    CoverageGrid vehicles = r.targets().get(0).grid();
    CoverageGrid persons = r.targets().get(1).grid();
    return new Watch(
        r, ObstacleWatch.of(vehicles, plan.obstacles()), warnings(result, vehicles, persons));
  }

  /** The warning each case's fastest avenue with the plan gives toward each objective. */
  static List<WarningTime> warnings(
      AssessmentResult result, CoverageGrid vehicles, CoverageGrid persons) {
    List<WarningTime> out = new ArrayList<>();
    for (Case c : result.cases()) {
      CoverageGrid grid = c.vehicle() == VehicleClass.DISMOUNTED ? persons : vehicles;
      for (Avenue a : c.avenues()) {
        if (a.scenario() != Scenario.PLAN || a.rank() != 1 || !Double.isFinite(a.time_s())) {
          continue;
        }
        double arrival_h = a.time_s() / 3600;
        double first = firstDetection_h(a.path_lks94(), grid, c.isochrone_h());
        out.add(
            new WarningTime(
                c.id(),
                a.objectiveId(),
                arrival_h,
                first,
                Double.isNaN(first) ? 0 : Math.max(0, arrival_h - first)));
      }
    }
    return out;
  }

  /**
   * The earliest arrival time (hours) at a point of the path, sampled every half cell, that the
   * grid observes; NaN if none is observed.
   */
  static double firstDetection_h(List<Coordinate> path, CoverageGrid grid, FloatRaster iso_h) {
    double step = grid.grid().cellSize() / 2;
    double first = Double.NaN;
    for (int i = 0; i + 1 < path.size(); i++) {
      Coordinate p = path.get(i);
      Coordinate q = path.get(i + 1);
      int n = Math.max(1, (int) Math.ceil(p.distance(q) / step));
      for (int k = 0; k <= n; k++) {
        double x = p.x + (q.x - p.x) * k / n;
        double y = p.y + (q.y - p.y) * k / n;
        int cell = grid.grid().cellAt(x, y);
        if (cell >= 0 && grid.count()[cell] > 0) {
          float t = iso_h.data()[cell];
          if (!Float.isNaN(t) && !(t >= first)) {
            first = t;
          }
        }
      }
    }
    return first;
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
    m.put(
        "warning",
        w.warnings().stream()
            .map(
                x -> {
                  Map<String, Object> xm = new LinkedHashMap<>();
                  xm.put("case", x.caseId());
                  xm.put("objective", x.objectiveId());
                  xm.put("arrival_h", AssessmentWriter.round(x.arrival_h(), 3));
                  xm.put(
                      "first_detection_h",
                      Double.isNaN(x.firstDetection_h())
                          ? null
                          : AssessmentWriter.round(x.firstDetection_h(), 3));
                  xm.put("warning_h", AssessmentWriter.round(x.warning_h(), 3));
                  return xm;
                })
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
    warningTable(h, w.warnings());
    for (String n : w.coverage().notes()) {
      h.append("<p class=\"note\">").append(ReportHtml.esc(n)).append("</p>");
    }
    h.append("</section>");
  }

  /** Warning time per objective (rows) and case (columns), hours; – where never observed. */
  private static void warningTable(StringBuilder h, List<WarningTime> ws) {
    if (ws.isEmpty()) {
      return;
    }
    List<String> cases = ws.stream().map(WarningTime::caseId).distinct().toList();
    List<String> objectives = ws.stream().map(WarningTime::objectiveId).distinct().toList();
    h.append("<h3>Warning time (h)</h3><p class=\"note\">From the first point where the")
        .append(" sensors observe the fastest avenue with the plan to the arrival at the")
        .append(" objective; – where the avenue is never observed.</p><div class=\"scroll\">")
        .append("<table><thead><tr><th>Objective</th>");
    for (String c : cases) {
      h.append("<th>").append(ReportHtml.esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String o : objectives) {
      h.append("<tr><td>").append(ReportHtml.esc(o)).append("</td>");
      for (String c : cases) {
        WarningTime x =
            ws.stream()
                .filter(v -> v.caseId().equals(c) && v.objectiveId().equals(o))
                .findFirst()
                .orElse(null);
        h.append("<td>")
            .append(x == null ? "" : Double.isNaN(x.firstDetection_h()) ? "–" : fmt2(x.warning_h()))
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static String fmt2(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }
}
