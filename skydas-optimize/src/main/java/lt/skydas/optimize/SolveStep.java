package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Pipeline step "solve and phase": the solver's best plan with its proven bound, ordered into
 * programme years; a chosen option that fits no year is left out of the plan (and listed), a pinned
 * one that fits no year is an error.
 */
final class SolveStep {
  private SolveStep() {}

  /**
   * A solved and phased plan.
   *
   * @param solved the solver's plan and bound, before phasing
   * @param phased per option its year, spending and objective per year
   * @param built per option: chosen and scheduled in some year (what the plan builds)
   * @param unscheduled "site type" of each chosen option that fits no year
   * @param solve_s wall time of the solve (seconds)
   */
  record Solution(
      ModelSolver.Solved solved,
      ModelSolver.Phased phased,
      boolean[] built,
      List<String> unscheduled,
      double solve_s) {
    Solution {
      built = built.clone();
      unscheduled = List.copyOf(unscheduled);
    }

    @Override
    public boolean[] built() {
      return built.clone();
    }
  }

  /**
   * Solves {@code built}'s model within the options' limits and phases the result.
   *
   * @throws SkydasProblem INFEASIBLE if a pinned option fits in no programme year
   */
  static Solution run(
      ModelSolver solver, ModelFactory.Built built, OptimizeOptions opt, Progress progress) {
    BarrierModel model = built.model();
    long t0 = System.nanoTime();
    ModelSolver.Solved solved =
        solver.solve(model, opt.timeLimit_s(), opt.gapTarget(), opt.threads(), progress);
    double solve_s = (System.nanoTime() - t0) / 1e9;
    ModelSolver.Phased phased =
        solver.phase(
            model, solved.chosen(), opt.programme(), built.buildEffort_h(), built.existing());
    boolean[] chosen = solved.chosen().clone();
    List<String> unscheduled = new ArrayList<>();
    for (int o : phased.unscheduled()) {
      BarrierModel.Option op = model.options().get(o);
      if (op.forced()) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s fits in no programme year (EUR %,d, %,.0f h) next to the"
                    + " other pinned obstacles: the yearly ceilings or the build capacity are"
                    + " too small",
                op.type(),
                model.sites().get(op.site()),
                op.cost_eur(),
                built.buildEffort_h()[o]));
      }
      chosen[o] = false;
      unscheduled.add(model.sites().get(op.site()) + " " + op.type());
    }
    return new Solution(solved, phased, chosen, unscheduled, solve_s);
  }
}
