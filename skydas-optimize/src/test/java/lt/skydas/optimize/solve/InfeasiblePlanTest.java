package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/** Forced options that cannot all be built are reported with the binding constraint's name. */
class InfeasiblePlanTest {
  /** The small model of {@code seed} with the first option forced and a budget row tightened. */
  static BarrierModel tightened(long seed, String row, boolean secondForcedAtSameSite) {
    BarrierModel m = TestModels.small(seed);
    List<BarrierModel.Option> opts = new ArrayList<>();
    for (int o = 0; o < m.options().size(); o++) {
      BarrierModel.Option op = m.options().get(o);
      boolean forced = op.site() == m.options().get(0).site() ? o == 0 : op.forced();
      if (secondForcedAtSameSite && o == 1 && op.site() == m.options().get(0).site()) {
        forced = true;
      }
      opts.add(new BarrierModel.Option(op.site(), op.type(), op.cost_eur(), true, forced));
    }
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    for (BarrierModel.Budget b : m.budgets()) {
      long[] coef = b.coefficient().clone();
      coef[0] = Math.max(coef[0], 5);
      budgets.add(new BarrierModel.Budget(b.name(), coef, b.name().equals(row) ? 4 : 1_000_000));
    }
    return new BarrierModel(m.sites(), opts, m.groups(), m.scenarios(), budgets);
  }

  @Test
  void forcedOptionsOverABudgetNameIt() {
    for (String row : List.of("total budget", "mine ceiling", "build capacity")) {
      for (long seed = 1; seed <= 5; seed++) {
        BarrierModel m = tightened(seed, row, false);
        String why = "seed " + seed + " row " + row;
        assertThatThrownBy(() -> new ExactSolver(m).solve(ExactSolver.Settings.defaults(), null))
            .as(why)
            .isInstanceOfSatisfying(
                InfeasiblePlanException.class,
                e -> {
                  assertThat(e.constraint()).isEqualTo(row);
                  assertThat(e.getMessage()).contains(row);
                  assertThat(e.required()).isGreaterThan(e.limit());
                });
        assertThatThrownBy(
                () -> new HeuristicSolver(m).solve(HeuristicSolver.Settings.defaults(), null))
            .as(why)
            .isInstanceOf(InfeasiblePlanException.class);
      }
    }
  }

  @Test
  void twoForcedOptionsAtOneSite() {
    for (long seed = 1; seed <= 30; seed++) {
      BarrierModel base = TestModels.small(seed);
      if (base.options().size() < 2
          || base.options().get(1).site() != base.options().get(0).site()) {
        continue;
      }
      BarrierModel m = tightened(seed, "none", true);
      assertThatThrownBy(() -> PlanConstraints.requireForcedFeasible(m))
          .as("seed " + seed)
          .isInstanceOfSatisfying(
              InfeasiblePlanException.class,
              e -> assertThat(e.constraint()).isEqualTo(PlanConstraints.ONE_PER_SITE));
      return;
    }
    throw new AssertionError("no seed with two options at site 0");
  }
}
