package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/**
 * {@link BudgetRepair#repair} turns a plan that breaks budget rows into one that keeps them, keeps
 * forced options and only drops; {@link ExactSolver#solveFrom} from such a plan still finds the
 * optimum (brute force).
 */
class RepairBudgetsTest {
  /** Every site built with its first option (forced ones with theirs): breaks most rows. */
  static int[] everything(BarrierModel m) {
    int[] c = new int[m.sites().size()];
    Arrays.fill(c, -1);
    for (int o = m.options().size() - 1; o >= 0; o--) {
      BarrierModel.Option op = m.options().get(o);
      if (c[op.site()] < 0 || !m.options().get(c[op.site()]).forced()) {
        c[op.site()] = o;
      }
    }
    int[] forced = PlanConstraints.forcedChoice(m);
    for (int s = 0; s < c.length; s++) {
      c[s] = forced[s] >= 0 ? forced[s] : c[s];
    }
    return c;
  }

  @Test
  void repairKeepsEveryRowAndTheForcedOptionsAndOnlyDrops() {
    int broken = 0;
    for (long seed = 1; seed <= 60; seed++) {
      BarrierModel m = TestModels.small(seed);
      int[] start = seed % 2 == 0 ? everything(m) : random(m, new SplittableRandom(seed));
      broken += PlanConstraints.violations(m, start).isEmpty() ? 0 : 1;
      try (PlanSearch ps = new PlanSearch(new ModelIndex(m), 2)) {
        ps.reset(start);
        // a third of the seeds with the loss measurements' deadline already past: none measured
        int dropped =
            BudgetRepair.repair(ps, seed % 3 == 0 ? System.nanoTime() - 1 : Long.MAX_VALUE);
        assertThat(PlanConstraints.violations(m, ps.choice)).as("seed %d", seed).isEmpty();
        int changed = 0;
        for (int s = 0; s < start.length; s++) {
          if (ps.choice[s] != start[s]) {
            assertThat(ps.choice[s]).as("seed %d site %d only drops", seed, s).isEqualTo(-1);
            changed++;
          }
        }
        assertThat(changed).as("seed %d", seed).isEqualTo(dropped);
        int[] forced = PlanConstraints.forcedChoice(m);
        for (int s = 0; s < forced.length; s++) {
          if (forced[s] >= 0) {
            assertThat(ps.choice[s]).as("seed %d forced", seed).isEqualTo(forced[s]);
          }
        }
        assertThat(ps.objective)
            .as("seed %d: the state is the plan's", seed)
            .isCloseTo(Reference.objective(m, ps.choice), within(1e-6));
      }
    }
    assertThat(broken).as("starts that break a row").isGreaterThan(20);
  }

  @Test
  void theExactSolverFromABrokenPlanFindsTheOptimum() {
    for (long seed = 1; seed <= 25; seed++) {
      BarrierModel m = TestModels.small(seed);
      ExactResult r =
          new ExactSolver(m)
              .solveFrom(
                  ExactSolver.Settings.builder().withTimeLimit_s(20).withGapTarget(0).build(),
                  everything(m),
                  null);
      assertThat(PlanConstraints.violations(m, r.choice())).as("seed %d", seed).isEmpty();
      assertThat(r.objective())
          .as("seed %d", seed)
          .isCloseTo(Reference.bruteForce(m).objective(), within(1e-6));
    }
  }

  private static int[] random(BarrierModel m, SplittableRandom r) {
    int[] c = PlanEvaluatorTest.randomPlan(m, r);
    int[] forced = PlanConstraints.forcedChoice(m);
    for (int s = 0; s < c.length; s++) {
      c[s] = forced[s] >= 0 ? forced[s] : c[s];
    }
    return c;
  }
}
