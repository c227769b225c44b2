package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.emplace.EmplacementPlanner;
import lt.skydas.emplace.EmplacementResult;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;

/**
 * Optional pipeline step "verify the emplacement" ({@code --verify-emplacement}), after the
 * verification: skydas-emplace's {@link EmplacementPlanner} on the final plan at the planning
 * warning time (the teams' timeline and the race against the attacker, per class and season), and
 * per class beside each other the delay toward the nearest objective on the model, on the full
 * model with every obstacle in place, and in the race (worst season each); and what binds.
 * Region-bound; about a minute on the real region.
 */
final class EmplacementCheck {
  private EmplacementCheck() {}

  /**
   * One class: delays toward the nearest objective (h, worst season), and the on-warning obstacles
   * in place in its worst case.
   */
  record ClassRow(
      String vehicleClass,
      double model_h,
      double verified_h,
      double race_h,
      long inPlace,
      long onWarning) {}

  /** The check: per class, and what binds (shortfalls, obstacles not in place). */
  record Result(double warning_h, List<ClassRow> rows, List<String> binding, double run_s) {
    Result {
      rows = List.copyOf(rows);
      binding = List.copyOf(binding);
    }
  }

  static Result run(
      AssessmentRegion region,
      List<Objective> objectives,
      SpeedTable speeds,
      BarrierPlan plan,
      Forces forces,
      OptimizeOptions opt,
      List<OptimizationResult.CaseTimes> cases,
      Progress progress) {
    long t0 = System.nanoTime();
    double w = opt.emplacement().warning_h();
    EmplaceOptions eo =
        new EmplaceOptions(
            VerifyStep.options(opt, speeds),
            SchedulerOptions.builder()
                .withTimeLimit_s(EmplaceOptions.DEFAULT_SCHEDULE_TIME_S)
                .withThreads(opt.threads())
                .build(),
            new double[0]);
    EmplacementResult r;
    try (EmplacementPlanner planner =
        new EmplacementPlanner(
            new Assessor(region, objectives, progress), plan, forces, eo, progress)) {
      r = planner.at(w, progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return new Result(w, rows(r, cases), binding(r), (System.nanoTime() - t0) / 1e9);
  }

  /** Per class (in the race's order): model, verified and race delays, worst season each. */
  static List<ClassRow> rows(EmplacementResult r, List<OptimizationResult.CaseTimes> cases) {
    Map<String, double[]> byClass = new LinkedHashMap<>();
    for (EmplacementResult.CaseOutcome c : r.cases()) {
      double base = Double.POSITIVE_INFINITY;
      double with = Double.POSITIVE_INFINITY;
      for (EmplacementResult.ObjectiveDelay d : c.objectives()) {
        base = Math.min(base, d.baseline_s());
        with = Math.min(with, d.plan_s());
      }
      double race = Double.isFinite(base) && Double.isFinite(with) ? with - base : 0;
      String id = c.vehicleClass().id();
      double[] x =
          byClass.computeIfAbsent(
              id,
              k ->
                  new double[] {
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    0
                  });
      x[2] = Math.min(x[2], race);
      x[3] = Math.min(x[3], c.inPlace());
      x[4] = c.obstacles().size();
      for (OptimizationResult.CaseTimes t : cases) {
        if (t.caseId().equals(id + "/" + c.season().id())) {
          x[0] = Math.min(x[0], t.modelPlan_s() - t.modelBaseline_s());
          x[1] = Math.min(x[1], t.verifiedPlan_s() - t.verifiedBaseline_s());
        }
      }
    }
    List<ClassRow> rows = new ArrayList<>();
    for (VehicleClass v : VehicleClass.values()) {
      double[] x = byClass.get(v.id());
      if (x != null) {
        rows.add(
            new ClassRow(v.id(), x[0] / 3600, x[1] / 3600, x[2] / 3600, (long) x[3], (long) x[4]));
      }
    }
    return rows;
  }

  /** What binds: the shortfalls by reason (most first), then per class what is not in place. */
  static List<String> binding(EmplacementResult r) {
    Map<String, Integer> reasons = new TreeMap<>();
    for (EmplacementResult.Shortfall s : r.shortfalls()) {
      reasons.merge(s.reason(), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    reasons.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(3)
        .forEach(
            e -> out.add(e.getValue() + " obstacle(s) no team can put in place: " + e.getKey()));
    EmplacementResult.CaseOutcome worst = null;
    for (EmplacementResult.CaseOutcome c : r.cases()) {
      if (worst == null || c.inPlace() < worst.inPlace()) {
        worst = c;
      }
    }
    if (worst != null && worst.inPlace() < worst.obstacles().size()) {
      long late =
          worst.obstacles().stream()
              .filter(o -> !o.inPlace() && Double.isFinite(o.finish_s()))
              .count();
      out.add(
          String.format(
              Locale.ROOT,
              "%d of %d obstacles laid or executed on warning are in place before the attacker"
                  + " in the worst case (%s/%s); %d finished too late by the timeline",
              worst.inPlace(),
              worst.obstacles().size(),
              worst.vehicleClass().id(),
              worst.season().id(),
              late));
    }
    return out;
  }
}
