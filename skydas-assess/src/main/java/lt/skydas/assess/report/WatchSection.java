package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.fmt0;
import static lt.skydas.assess.report.ReportFormat.fmt1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.ObjectiveTime;
import lt.skydas.assess.PlanWatch;
import lt.skydas.assess.report.WarningTimes.Belt;
import lt.skydas.assess.report.WarningTimes.WarningTime;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.CoverageReport;
import lt.skydas.observe.LineCoverage;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.plan.Obstacle;

/**
 * What the plan's sensor sites watch and what that is worth: how much of the LT–BY and LT–RU
 * borders is observed, which obstacles are watched and the factor their delays count by, the delay
 * given away to obstacles nobody watches, and warning time with and without the sensors ({@link
 * WarningTimes}). A {@code watch} block of {@code summary.json} and a report section; for a plan
 * without sensor sites both say in one line that obstacles are assumed watched by forces outside
 * the plan. Stateless and thread-safe.
 */
final class WatchSection {
  private WatchSection() {}

  /**
   * The watch of the plan's obstacles and borders.
   *
   * @param plan the watch the assessment applied
   * @param obstacles the plan's obstacles, in the order of the watch lists
   * @param delayLost per case and objective, the plan time if every obstacle were watched minus the
   *     plan time with the watch; empty unless the watch is modelled
   * @param warnings per case and objective, the warning the fastest avenue with the plan gives
   */
  record Watch(
      PlanWatch plan,
      List<Obstacle> obstacles,
      List<DelayLost> delayLost,
      List<WarningTime> warnings) {
    long unobserved() {
      return plan.vehicles().stream().filter(o -> !o.observed()).count();
    }

    boolean hasSensors() {
      return plan.status() != PlanWatch.Status.NO_SENSORS;
    }
  }

  /** Delay given away to unwatched obstacles in one case toward one objective, s. */
  record DelayLost(String caseId, String objectiveId, double delayLost_s, double allWatched_s) {}

  /** The watch of {@code result}: the assessment's own, or computed now for a hand-built result. */
  static Watch compute(AssessmentResult result, AssessmentRegion region) {
    PlanWatch pw = result.watch();
    if (pw == null) {
      pw =
          PlanWatch.compute(
              result.plan(),
              region,
              AssessmentOptions.WatchOptions.defaults(),
              Runtime.getRuntime().availableProcessors());
    }
    List<DelayLost> lost = new ArrayList<>();
    if (pw.status() == PlanWatch.Status.MODELLED) {
      for (Case c : result.cases()) {
        for (ObjectiveTime t : c.times()) {
          lost.add(new DelayLost(c.id(), t.objectiveId(), t.delayLost_s(), t.allWatched_s()));
        }
      }
    }
    return new Watch(pw, result.plan().obstacles(), lost, WarningTimes.of(result, region, pw));
  }

  /** The {@code watch} block of {@code summary.json}. */
  static Map<String, Object> summary(Watch w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", w.plan().status().name().toLowerCase(Locale.ROOT));
    m.put("note", w.hasSensors() ? null : PlanWatch.NO_SENSORS_NOTE);
    if (w.hasSensors()) {
      coverageSummary(m, w);
    }
    m.put(
        "delay_lost",
        w.delayLost().stream()
            .map(
                d -> {
                  Map<String, Object> dm = new LinkedHashMap<>();
                  dm.put("case", d.caseId());
                  dm.put("objective", d.objectiveId());
                  dm.put(
                      "hours",
                      AssessmentWriter.num(AssessmentWriter.round(d.delayLost_s() / 3600, 3)));
                  return dm;
                })
            .toList());
    m.put("warning", w.warnings().stream().map(WatchSection::warningSummary).toList());
    if (w.hasSensors()) {
      m.put("notes", w.plan().coverage().notes());
    }
    return m;
  }

  private static void coverageSummary(Map<String, Object> m, Watch w) {
    CoverageReport.TargetCoverage t = w.plan().coverage().targets().get(0);
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
    m.put("obstacles_observed", w.obstacles().size() - w.unobserved());
    m.put("obstacles_unobserved", w.unobserved());
    List<Object> obs = new ArrayList<>();
    for (int i = 0; i < w.obstacles().size(); i++) {
      ObstacleWatch v = w.plan().vehicles().get(i);
      ObstacleWatch p = w.plan().persons().get(i);
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("id", v.id());
      om.put("type", v.type());
      om.put("observed_share", AssessmentWriter.round(v.observedShare(), 3));
      om.put(
          "factor", AssessmentWriter.round(w.plan().factors().factor(i, VehicleClass.TRACKED), 3));
      om.put("mean_sensors", AssessmentWriter.round(v.meanSensors(), 2));
      om.put(
          "dismounted",
          Map.of(
              "observed_share", AssessmentWriter.round(p.observedShare(), 3),
              "factor",
                  AssessmentWriter.round(
                      w.plan().factors().factor(i, VehicleClass.DISMOUNTED), 3)));
      obs.add(om);
    }
    m.put("obstacles", obs);
  }

  private static Map<String, Object> warningSummary(WarningTime x) {
    Map<String, Object> xm = new LinkedHashMap<>();
    xm.put("case", x.caseId());
    xm.put("objective", x.objectiveId());
    xm.put("arrival_h", AssessmentWriter.round(x.arrival_h(), 3));
    xm.put("first_detection_h", hoursOrNull(x.firstDetection_h()));
    xm.put("warning_h", AssessmentWriter.round(x.warning_h(), 3));
    Map<String, Object> without = new LinkedHashMap<>();
    without.put("first_detection_h", hoursOrNull(x.firstDetectionWithout_h()));
    without.put("warning_h", AssessmentWriter.round(x.warningWithout_h(), 3));
    xm.put("without_sensors", without);
    List<Object> belts = new ArrayList<>();
    for (Belt b : x.belts()) {
      Map<String, Object> bm = new LinkedHashMap<>();
      bm.put("depth_km", AssessmentWriter.round(b.depth_m() / 1000, 3));
      bm.put("crossing_h", hoursOrNull(b.crossing_h()));
      bm.put("warning_h", hoursOrNull(b.warning_h()));
      bm.put("warning_without_sensors_h", hoursOrNull(b.warningWithout_h()));
      belts.add(bm);
    }
    xm.put("belts", belts);
    return xm;
  }

  /** Hours rounded to 3 places; null (JSON null) for NaN. */
  private static Object hoursOrNull(double h) {
    return Double.isNaN(h) ? null : AssessmentWriter.round(h, 3);
  }

  /**
   * Appends the report section.
   *
   * @param refCase the case whose belt warnings are shown (the report's reference case)
   */
  static void html(StringBuilder h, Watch w, Map<String, String> names, String refCase) {
    if (!w.hasSensors()) {
      h.append("<section><h2>Watched obstacles and warning time</h2><p class=\"note\">")
          .append(capitalised(PlanWatch.NO_SENSORS_NOTE))
          .append(".</p>");
      warningTables(h, w.warnings(), names, refCase, false);
      h.append("</section>");
      return;
    }
    CoverageReport.TargetCoverage t = w.plan().coverage().targets().get(0);
    h.append("<section><h2>What the sensors watch (vehicles)</h2><p class=\"note\">")
        .append(fmt0(t.grid().observedArea_km2()))
        .append(" km² observed. ")
        .append(w.unobserved())
        .append(" of ")
        .append(w.obstacles().size())
        .append(" obstacles are not observed by any sensor: an obstacle nobody watches is breached")
        .append(" at leisure")
        .append(
            w.plan().status() == PlanWatch.Status.ASSUMED_WATCHED
                ? ", but this assessment counts every obstacle in full (--assume-watched)."
                : ", so it counts only by its type's unwatched factor.")
        .append(" Flat ground plus forest and built-up clutter; a vehicle in a forest")
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
    obstacleTable(h, w);
    delayLost(h, w, names);
    warningTables(h, w.warnings(), names, refCase, true);
    for (String n : w.plan().coverage().notes()) {
      h.append("<p class=\"note\">").append(ReportHtml.esc(n)).append("</p>");
    }
    h.append("</section>");
  }

  /**
   * The obstacles that count less than in full for vehicles because they are not watched in full,
   * with share and factor; the unwatched ones that count in full anyway (manned posts, guarded
   * demolitions) are only counted.
   */
  private static void obstacleTable(StringBuilder h, Watch w) {
    List<Integer> reduced = new ArrayList<>();
    int fullAnyway = 0;
    for (int i = 0; i < w.obstacles().size(); i++) {
      double share = w.plan().vehicles().get(i).observedShare();
      if (share < 1 && w.obstacles().get(i).type().watchedFactor(share) < 1) {
        reduced.add(i);
      } else if (share < 1) {
        fullAnyway++;
      }
    }
    if (reduced.isEmpty()) {
      h.append("<p class=\"note\">No obstacle counts less for being unwatched.</p>");
      return;
    }
    h.append("<h3>Obstacles that count less for being unwatched (vehicles)</h3><p class=\"note\">")
        .append(reduced.size())
        .append(" obstacles are not watched over their whole length; each counts by its type's")
        .append(" unwatched factor plus the watched share of the rest.")
        .append(
            fullAnyway == 0
                ? ""
                : " "
                    + fullAnyway
                    + " more are not watched but count in full anyway (manned posts,"
                    + " guarded demolitions).")
        .append("</p><div class=\"scroll\"><table><thead><tr><th>Obstacle</th><th>Type</th>")
        .append("<th>Watched</th><th>Delay counted</th></tr></thead><tbody>");
    for (int i : reduced) {
      ObstacleWatch v = w.plan().vehicles().get(i);
      h.append("<tr><td>")
          .append(ReportHtml.esc(v.id()))
          .append("</td><td>")
          .append(ReportHtml.esc(w.obstacles().get(i).type().name()))
          .append("</td><td>")
          .append(fmt0(100 * v.observedShare()))
          .append(" %</td><td>")
          .append(fmt0(100 * w.plan().factors().factor(i, VehicleClass.TRACKED)))
          .append(" %</td></tr>");
    }
    h.append("</tbody></table></div>");
  }

  /** Per objective, the worst case's delay given away to unwatched obstacles, in words. */
  private static void delayLost(StringBuilder h, Watch w, Map<String, String> names) {
    if (w.delayLost().isEmpty()) {
      return;
    }
    Map<String, DelayLost> worst = new LinkedHashMap<>();
    for (DelayLost d : w.delayLost()) {
      DelayLost k = worst.get(d.objectiveId());
      if (Double.isFinite(d.delayLost_s()) && (k == null || d.delayLost_s() > k.delayLost_s())) {
        worst.put(d.objectiveId(), d);
      }
    }
    h.append("<h3>Delay lost to unwatched obstacles</h3><ul>");
    for (DelayLost d : worst.values()) {
      String name = ReportHtml.esc(names.getOrDefault(d.objectiveId(), d.objectiveId()));
      h.append("<li>");
      if (d.delayLost_s() < 1) {
        h.append("Toward ")
            .append(name)
            .append(": nothing lost; watching every obstacle would not slow the attacker.");
      } else {
        h.append("Toward ")
            .append(name)
            .append(": up to ")
            .append(fmt2(d.delayLost_s() / 3600))
            .append(" h given away (")
            .append(ReportHtml.esc(d.caseId()))
            .append("); the attacker would need ")
            .append(fmt2(d.allWatched_s() / 3600))
            .append(" h had every obstacle been watched, ")
            .append(fmt2((d.allWatched_s() - d.delayLost_s()) / 3600))
            .append(" h as watched now.");
      }
      h.append("</li>");
    }
    h.append("</ul>");
  }

  /**
   * Warning time per objective (rows) and case (columns), hours, and at each belt in the reference
   * case; with the plan's sensors and, in brackets, from manned posts alone.
   */
  private static void warningTables(
      StringBuilder h,
      List<WarningTime> ws,
      Map<String, String> names,
      String refCase,
      boolean sensors) {
    if (ws.isEmpty()) {
      return;
    }
    List<String> cases = ws.stream().map(WarningTime::caseId).distinct().toList();
    List<String> objectives = ws.stream().map(WarningTime::objectiveId).distinct().toList();
    h.append("<h3>Warning time (h)</h3><p class=\"note\">From the first point where the attacker")
        .append(" is seen on the fastest avenue with the plan to the arrival at the objective")
        .append(
            sensors
                ? ", with the plan's sensors and manned posts; in brackets, by manned posts"
                    + " (control points, bunkers) alone"
                : ", seen by manned posts (control points, bunkers) within their radius")
        .append("; – where the attacker is not seen before the objective.</p>")
        .append("<div class=\"scroll\"><table><thead><tr><th>Objective</th>");
    for (String c : cases) {
      h.append("<th>").append(ReportHtml.esc(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String o : objectives) {
      h.append("<tr><td>").append(ReportHtml.esc(names.getOrDefault(o, o))).append("</td>");
      for (String c : cases) {
        WarningTime x = find(ws, c, o);
        h.append("<td>");
        if (x != null) {
          String without =
              Double.isNaN(x.firstDetectionWithout_h()) ? "–" : fmt2(x.warningWithout_h());
          if (sensors) {
            h.append(Double.isNaN(x.firstDetection_h()) ? "–" : fmt2(x.warning_h()))
                .append(" (")
                .append(without)
                .append(")");
          } else {
            h.append(without);
          }
        }
        h.append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
    List<WarningTime> ref = ws.stream().filter(x -> x.caseId().equals(refCase)).toList();
    beltTable(h, ref.isEmpty() ? ws : ref, names, sensors);
  }

  /** Warning at each belt per objective (rows), for the warnings of one case. */
  private static void beltTable(
      StringBuilder h, List<WarningTime> ws, Map<String, String> names, boolean sensors) {
    List<Double> depths = ws.get(0).belts().stream().map(Belt::depth_m).toList();
    if (depths.isEmpty()) {
      return;
    }
    h.append("<h3>Warning before each belt (h), ")
        .append(ReportHtml.esc(ws.get(0).caseId()))
        .append("</h3><p class=\"note\">From first detection to the attacker crossing the belt")
        .append(" (its depth behind the LT–BY or LT–RU border) on the fastest avenue")
        .append(sensors ? "; in brackets, by manned posts alone" : "")
        .append(". A negative figure: the attacker is first seen only after crossing the belt;")
        .append(" –: not seen before the objective, or the avenue does not cross the belt. Every")
        .append(" class and season in summary.json (watch.warning).</p>")
        .append("<div class=\"scroll\"><table><thead><tr><th>Objective</th>");
    for (double d : depths) {
      h.append("<th>").append(fmt0(d / 1000)).append(" km</th>");
    }
    h.append("</tr></thead><tbody>");
    for (WarningTime x : ws) {
      h.append("<tr><td>")
          .append(ReportHtml.esc(names.getOrDefault(x.objectiveId(), x.objectiveId())))
          .append("</td>");
      for (Belt b : x.belts()) {
        String without = belt(b.warningWithout_h());
        h.append("<td>")
            .append(sensors ? belt(b.warning_h()) + " (" + without + ")" : without)
            .append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table></div>");
  }

  private static String belt(double v) {
    return Double.isNaN(v) ? "–" : fmt2(v);
  }

  private static WarningTime find(List<WarningTime> ws, String caseId, String objectiveId) {
    return ws.stream()
        .filter(v -> v.caseId().equals(caseId) && v.objectiveId().equals(objectiveId))
        .findFirst()
        .orElse(null);
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
