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
    ModelSolver.Solved solved = solveLazily(solver, model, built.lazyBudgets(), opt, progress);
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

  /** The least share of the time limit a solve after a lazy row joined is given. */
  static final double LEAST_RESOLVE_SHARE = 0.1;

  /**
   * The share of the time limit the first round is given when rows wait: the rest is kept for a
   * round after rows join (or lost when none does; the proven gap says what it cost).
   */
  static final double FIRST_ROUND_SHARE = 0.8;

  /**
   * Solves {@code model} with its {@code lazy} budget rows left out until a plan breaks them: each
   * round solves the model with the rows that joined so far, and every lazy row the plan breaks
   * joins for the next round. The first round has {@link #FIRST_ROUND_SHARE} of the limit, later
   * ones the time left (at least {@link #LEAST_RESOLVE_SHARE} of the limit, so the last round may
   * run over the limit by that much). It ends when the plan keeps every lazy row, after at most one
   * round per lazy row. A model without some rows is a relaxation: the proven bound of each round
   * holds for the whole model, and a plan that keeps every row is feasible for it, so the result is
   * the last round's plan with the least of the rounds' bounds. A round after the first starts from
   * the previous round's plan, repaired into the rows ({@link ModelSolver#solve(BarrierModel,
   * boolean[], double, double, int, Progress)}). The method text says how many rows joined.
   */
  static ModelSolver.Solved solveLazily(
      ModelSolver solver,
      BarrierModel model,
      List<Integer> lazy,
      OptimizeOptions opt,
      Progress progress) {
    java.util.Set<Integer> waiting = new java.util.TreeSet<>(lazy);
    long t0 = System.nanoTime();
    int joined = 0;
    int rounds = 0;
    double bound = Double.POSITIVE_INFINITY;
    ModelSolver.Solved last = null;
    while (true) {
      List<BarrierModel.Budget> rows = new ArrayList<>();
      for (int r = 0; r < model.budgets().size(); r++) {
        if (!waiting.contains(r)) {
          rows.add(model.budgets().get(r));
        }
      }
      BarrierModel active =
          waiting.isEmpty()
              ? model
              : new BarrierModel(
                  model.sites(),
                  model.options(),
                  model.groups(),
                  model.scenarios(),
                  rows,
                  model.links());
      double left_s =
          last == null && !waiting.isEmpty()
              ? opt.timeLimit_s() * FIRST_ROUND_SHARE
              : Math.max(
                  opt.timeLimit_s() * LEAST_RESOLVE_SHARE,
                  opt.timeLimit_s() - (System.nanoTime() - t0) / 1e9);
      ModelSolver.Solved s =
          last == null
              ? solver.solve(active, left_s, opt.gapTarget(), opt.threads(), progress)
              : solver.solve(
                  active, last.chosen(), left_s, opt.gapTarget(), opt.threads(), progress);
      rounds++;
      // each round's model is a relaxation of the whole: every round's bound holds for it
      bound = Math.min(bound, s.bound());
      last = s;
      List<Integer> broken = new ArrayList<>();
      for (int r : waiting) {
        if (!keeps(model.budgets().get(r), s.chosen())) {
          broken.add(r);
        }
      }
      if (broken.isEmpty()) {
        if (lazy.isEmpty()) {
          return s;
        }
        String status =
            !"OPTIMAL".equals(s.status())
                    && bound - s.objective() <= opt.gapTarget() * Math.abs(s.objective())
                ? "GAP"
                : s.status();
        return new ModelSolver.Solved(
            s.chosen(),
            s.objective(),
            Math.max(bound, s.objective()),
            status,
            String.format(
                Locale.ROOT,
                "%s; %d of %d capacity rows entered the model (broken by a plan), %d solve(s)",
                s.method(),
                joined,
                lazy.size(),
                rounds),
            s.rounds(),
            (System.nanoTime() - t0) / 1e9);
      }
      broken.forEach(waiting::remove);
      joined += broken.size();
    }
  }

  /** True when the chosen options keep the row. */
  static boolean keeps(BarrierModel.Budget b, boolean[] chosen) {
    long sum = 0;
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o]) {
        sum += b.coefficient()[o];
      }
    }
    return sum <= b.limit();
  }
}
