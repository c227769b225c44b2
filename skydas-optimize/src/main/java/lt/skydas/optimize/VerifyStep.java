package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.optimize.solve.ModelObjective;
import lt.skydas.plan.BarrierPlan;

/**
 * Pipeline step "verify on the full model": the plan assessed by {@link Assessor} on the full
 * (finer) model, and the model's figures set beside the verified ones — per case, per case and
 * objective, and the objective itself, computed by the model's own definition ({@link
 * ModelObjective}) on the verified times so the two objectives differ only by the times.
 */
final class VerifyStep {
  /** One avenue of approach per objective and case is enough for the optimisation's report. */
  static final int AVENUES_PER_OBJECTIVE = 1;

  /** An avenue is reported only when no slower than this factor × the fastest (as `assess`). */
  static final double AVENUE_SLACK = 1.5;

  /** Two avenues are distinct when most of the later one lies farther than half this apart. */
  static final double CORRIDOR_WIDTH_M = 3000;

  private VerifyStep() {}

  /**
   * The model beside the verification.
   *
   * @param cases per case: nearest-objective times, model and verified
   * @param objectiveTimes per case and objective: model (NaN unless modelled) and verified times
   * @param verifiedObjective the model's objective on the verified plan times
   * @param verifiedEmptyObjective the model's objective on the verified times without the plan
   */
  record Compared(
      List<OptimizationResult.CaseTimes> cases,
      List<OptimizationResult.ObjectiveTimes> objectiveTimes,
      double verifiedObjective,
      double verifiedEmptyObjective) {
    Compared {
      cases = List.copyOf(cases);
      objectiveTimes = List.copyOf(objectiveTimes);
    }
  }

  /** The plan assessed on the full model for the options' classes, seasons and route limit. */
  static AssessmentResult assess(
      AssessmentRegion region,
      List<Objective> objectives,
      SpeedTable speeds,
      BarrierPlan plan,
      OptimizeOptions opt,
      Progress progress) {
    return new Assessor(region, objectives, progress).assess(plan, options(opt, speeds), progress);
  }

  /** The assessment options of the verification: the options' classes, seasons and route limit. */
  static AssessmentOptions options(OptimizeOptions opt, SpeedTable speeds) {
    return new AssessmentOptions(
        opt.classes(),
        opt.seasons(),
        speeds,
        AVENUES_PER_OBJECTIVE,
        AVENUE_SLACK,
        CORRIDOR_WIDTH_M,
        AssessmentOptions.Marginal.FAST,
        opt.threads(),
        opt.routeLimitPct());
  }

  /**
   * Sets the model's times beside the verified ones. A model scenario's verified time is the time
   * to the nearest of its target's objectives, as the model's sink.
   *
   * @param built the model and each scenario's case and target in {@code graphs}
   * @param planTimes_s per model scenario: the time with the plan on the corridor graph
   * @param emptyTimes_s per model scenario: the time without any obstacle on the corridor graph
   */
  static Compared compare(
      ModelFactory.Built built,
      CorridorGraphs graphs,
      List<Objective> objectives,
      ObjectiveMode mode,
      AssessmentResult verification,
      double[] planTimes_s,
      double[] emptyTimes_s) {
    List<CorridorGraphs.Case> cases = graphs.cases();
    int[] sc = built.scenarioCase();
    int[] st = built.scenarioTarget();
    int nk = cases.size();
    double[] modelBase = filled(nk, Double.POSITIVE_INFINITY);
    double[] modelPlan = filled(nk, Double.POSITIVE_INFINITY);
    // per case, objective id → the model's scenario toward that objective alone (EACH only)
    List<Map<String, Integer>> scenarioOf = new ArrayList<>();
    for (int k = 0; k < nk; k++) {
      scenarioOf.add(new HashMap<>());
    }
    // the model at the planning warning: the verification has every obstacle in place
    for (int i : built.warnings().primaryScenarios()) {
      modelBase[sc[i]] = Math.min(modelBase[sc[i]], emptyTimes_s[i]);
      modelPlan[sc[i]] = Math.min(modelPlan[sc[i]], planTimes_s[i]);
      if (mode == ObjectiveMode.EACH) {
        scenarioOf.get(sc[i]).put(graphs.targets().get(st[i]).id(), i);
      }
    }
    List<OptimizationResult.CaseTimes> caseTimes = new ArrayList<>();
    List<OptimizationResult.ObjectiveTimes> objectiveTimes = new ArrayList<>();
    for (int k = 0; k < nk; k++) {
      AssessmentResult.Case vc = verifiedCase(verification, cases.get(k));
      double vb = Double.POSITIVE_INFINITY;
      double vp = Double.POSITIVE_INFINITY;
      for (AssessmentResult.ObjectiveTime t : vc.times()) {
        vb = Math.min(vb, t.baseline_s());
        vp = Math.min(vp, t.plan_s());
      }
      String name = cases.get(k).name();
      caseTimes.add(new OptimizationResult.CaseTimes(name, modelBase[k], modelPlan[k], vb, vp));
      for (Objective o : objectives) {
        AssessmentResult.ObjectiveTime t = vc.time(o.id());
        Integer i = scenarioOf.get(k).get(o.id());
        objectiveTimes.add(
            new OptimizationResult.ObjectiveTimes(
                name,
                o.id(),
                o.name(),
                i == null ? Double.NaN : emptyTimes_s[i],
                i == null ? Double.NaN : planTimes_s[i],
                t.baseline_s(),
                t.plan_s()));
      }
    }
    double[][] verified = verifiedScenarioTimes(built, graphs, verification);
    ModelObjective objective = ModelObjective.of(built.warnings().primaryModel());
    return new Compared(
        caseTimes, objectiveTimes, objective.value(verified[1]), objective.value(verified[0]));
  }

  /**
   * Per scenario of the model at the planning warning ({@link ScenarioWarnings#primaryModel}) the
   * verified times to the nearest of its target's objectives: {@code [0]} without the plan, {@code
   * [1]} with it.
   */
  static double[][] verifiedScenarioTimes(
      ModelFactory.Built built, CorridorGraphs graphs, AssessmentResult verification) {
    int[] sc = built.scenarioCase();
    int[] st = built.scenarioTarget();
    int[] primary = built.warnings().primaryScenarios();
    double[][] times = new double[2][primary.length];
    for (int x = 0; x < primary.length; x++) {
      int i = primary[x];
      AssessmentResult.Case vc = verifiedCase(verification, graphs.cases().get(sc[i]));
      double vb = Double.POSITIVE_INFINITY;
      double vp = Double.POSITIVE_INFINITY;
      for (String id : graphs.targets().get(st[i]).objectiveIds()) {
        vb = Math.min(vb, vc.time(id).baseline_s());
        vp = Math.min(vp, vc.time(id).plan_s());
      }
      times[0][x] = vb;
      times[1][x] = vp;
    }
    return times;
  }

  private static AssessmentResult.Case verifiedCase(AssessmentResult r, CorridorGraphs.Case c) {
    return r.cases().stream()
        .filter(x -> x.vehicle() == c.vehicle() && x.season() == c.season())
        .findFirst()
        .orElseThrow();
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
