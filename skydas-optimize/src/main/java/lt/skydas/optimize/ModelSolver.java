package lt.skydas.optimize;

import java.util.List;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.model.BarrierModel;

/** What the optimisation pipeline needs of the solvers (see {@code lt.skydas.optimize.solve}). */
public interface ModelSolver {
  /** Best plan within the limits, with a proven bound on the objective. */
  Solved solve(BarrierModel m, double timeLimit_s, double gapTarget, int threads, Progress p);

  /**
   * As above, starting from {@code start} (per option), a plan that may break some budget rows of
   * {@code m} (the plan of a relaxation): a solver may repair and improve it rather than start
   * afresh. The default ignores it.
   */
  default Solved solve(
      BarrierModel m,
      boolean[] start,
      double timeLimit_s,
      double gapTarget,
      int threads,
      Progress p) {
    return solve(m, timeLimit_s, gapTarget, threads, p);
  }

  /** The attacker's time per scenario (seconds) with the chosen options built. */
  double[] scenarioTimes(BarrierModel m, boolean[] chosen);

  /** The objective of the chosen options. */
  double objective(BarrierModel m, boolean[] chosen);

  /** Orders the chosen options into programme years so that delay grows fastest. */
  Phased phase(
      BarrierModel m,
      boolean[] chosen,
      Programme programme,
      double[] buildEffort_h,
      boolean[] existing);

  /**
   * A solution.
   *
   * @param chosen per option
   * @param objective its objective (re-evaluated)
   * @param bound proven upper bound on the objective of any feasible plan
   * @param status OPTIMAL, GAP or TIME_LIMIT
   * @param method how it was found
   */
  record Solved(
      boolean[] chosen,
      double objective,
      double bound,
      String status,
      String method,
      int rounds,
      double seconds) {}

  /**
   * A phasing.
   *
   * @param yearOfOption per option: its year (1-based), 0 for existing, -1 if not chosen or if it
   *     fits no year
   * @param spentByYear_eur per year
   * @param objectiveByYear objective at the end of each year
   * @param unscheduled chosen options that fit no year
   */
  record Phased(
      int[] yearOfOption,
      double[] spentByYear_eur,
      double[] objectiveByYear,
      List<Integer> unscheduled) {}
}
