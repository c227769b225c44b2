package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.solve.ExactResult;
import lt.skydas.optimize.solve.ExactSolver;
import lt.skydas.optimize.solve.InfeasiblePlanException;
import lt.skydas.optimize.solve.Phasing;
import lt.skydas.optimize.solve.PhasingScheduler;
import lt.skydas.optimize.solve.PlanEvaluator;

/**
 * The pipeline's solver: {@link ExactSolver} (heuristic, then a CP-SAT path master with a proven
 * bound) and {@link PhasingScheduler}. Infeasible pins become a {@link SkydasProblem} naming the
 * binding constraint.
 */
public final class OrToolsModelSolver implements ModelSolver {
  /**
   * Threads for the phasing's gain evaluations: fixed (not the user's thread count), as the phasing
   * is short next to the solve.
   */
  static final int PHASING_WORKERS = 2;

  @Override
  public Solved solve(
      BarrierModel m, double timeLimit_s, double gapTarget, int threads, Progress p) {
    return solve(m, null, timeLimit_s, gapTarget, threads, p);
  }

  /** Repairs {@code start} (null: none) into the rows and runs the heuristic from it. */
  @Override
  public Solved solve(
      BarrierModel m,
      boolean[] start,
      double timeLimit_s,
      double gapTarget,
      int threads,
      Progress p) {
    ExactSolver.Settings s =
        ExactSolver.Settings.builder()
            .withTimeLimit_s(timeLimit_s)
            .withGapTarget(gapTarget)
            .withWorkers(Math.max(1, threads))
            .build();
    p.begin(String.format(Locale.ROOT, "optimising (limit %.0f s)", timeLimit_s), 1000);
    ExactResult r;
    try {
      java.util.function.Consumer<lt.skydas.optimize.solve.SolveProgress> tick =
          sp ->
              p.advance(
                  Math.min(999, (long) (1000 * sp.elapsed_s() / Math.max(1e-9, timeLimit_s))));
      ExactSolver solver = new ExactSolver(m);
      r =
          start == null
              ? solver.solve(s, tick)
              : solver.solveFrom(s, PlanEvaluator.choiceOf(m, start), tick);
    } catch (InfeasiblePlanException e) {
      throw new SkydasProblem(ProblemCode.INFEASIBLE, e.getMessage());
    } finally {
      p.end();
    }
    return new Solved(
        PlanEvaluator.builtOf(m, r.choice()),
        r.objective(),
        r.bound(),
        r.status().name(),
        String.format(
            Locale.ROOT,
            "heuristic + CP-SAT path master, %d scenarios, %d rounds, %d paths, %d master"
                + " variables, %,d evaluations, %,d searches, %.1f s (heuristic %.1f s, CP-SAT"
                + " %.1f s)",
            m.scenarios().size(),
            r.rounds(),
            r.poolSize(),
            r.masterVariables(),
            r.evaluations(),
            r.searches(),
            r.time_s(),
            r.heuristicTime_s(),
            r.masterTime_s()),
        r.rounds(),
        r.time_s());
  }

  @Override
  public double[] scenarioTimes(BarrierModel m, boolean[] chosen) {
    return new PlanEvaluator(m).lengths(PlanEvaluator.choiceOf(m, chosen));
  }

  @Override
  public double objective(BarrierModel m, boolean[] chosen) {
    return new PlanEvaluator(m).objective(chosen);
  }

  @Override
  public Phased phase(
      BarrierModel m,
      boolean[] chosen,
      Programme programme,
      double[] buildEffort_h,
      boolean[] existing) {
    int years = programme.years();
    long[] ceilings = new long[years];
    double[] cap = Double.isFinite(programme.yearCapacity_h()) ? new double[years] : null;
    double[] yc = programme.yearCeilings_eur();
    for (int y = 0; y < years; y++) {
      ceilings[y] = (long) Math.floor(yc[y]);
      if (cap != null) {
        cap[y] = programme.yearCapacity_h();
      }
    }
    Phasing ph =
        new PhasingScheduler(m, PHASING_WORKERS)
            .schedule(
                PlanEvaluator.choiceOf(m, chosen),
                new PhasingScheduler.Calendar(years, ceilings, cap),
                buildEffort_h,
                existing);
    int[] yearOf = new int[m.options().size()];
    for (int o = 0; o < yearOf.length; o++) {
      int y = ph.yearOf()[o];
      yearOf[o] = y == Phasing.UNSCHEDULED ? -1 : y;
    }
    double[] spent = new double[years];
    double[] obj = new double[years];
    for (int y = 1; y <= years; y++) {
      spent[y - 1] = ph.spent_eur()[y];
      obj[y - 1] = ph.objective()[y];
    }
    List<Integer> uns = new ArrayList<>(ph.unscheduled());
    return new Phased(yearOf, spent, obj, uns);
  }
}
