package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/**
 * The incremental plan state (times, paths, drop losses) equals a fresh evaluation after every
 * change, although changes at sites no way through which can undercut a scenario skip its search.
 */
class PlanSearchTest {
  @Test
  void incrementalTimesPathsAndDropLossesEqualAFreshEvaluation() {
    int prunable = 0;
    int pairs = 0;
    for (long seed = 1; seed <= 3; seed++) {
      BarrierModel m = TestModels.large(seed, 150, 10, 3_000_000);
      ModelIndex ix = new ModelIndex(m);
      for (int k = 0; k < ix.scenarios; k++) {
        for (int s = 0; s < ix.sites; s++) {
          pairs++;
          prunable += ix.mayUndercut(k, s, ix.baseline[k]) ? 0 : 1;
        }
      }
      PlanEvaluator fresh = new PlanEvaluator(m);
      SplittableRandom r = new SplittableRandom(seed);
      try (PlanSearch ps = new PlanSearch(ix, 2)) {
        int[] start = new int[ix.sites];
        java.util.Arrays.fill(start, -1);
        ps.reset(start);
        for (int step = 0; step < 300; step++) {
          int s = r.nextInt(ix.sites);
          int n = ix.siteOptFirst[s + 1] - ix.siteOptFirst[s];
          // builds more often than drops, so plans grow and sites get upgraded and dropped
          int pick = r.nextInt(n + 1) - 1;
          int o = pick < 0 ? -1 : ix.siteOpts[ix.siteOptFirst[s] + pick];
          ps.apply(s, o);
          String why = "seed " + seed + " step " + step;
          double[] want = fresh.lengths(ps.choice);
          for (int k = 0; k < ix.scenarios; k++) {
            assertThat(ps.lengths[k]).as(why + " scenario " + k).isCloseTo(want[k], within(1e-9));
            assertThat(pathLength(ix, k, ps.path[k], ps.choice))
                .as(why + " path of scenario " + k)
                .isCloseTo(want[k], within(1e-9));
          }
          assertThat(ps.objective).as(why).isCloseTo(fresh.objective(ps.choice), within(1e-12));
          if (step % 50 == 49) {
            int[] built = ps.builtSites();
            double[] loss = ps.dropLosses(built);
            for (int i = 0; i < built.length; i++) {
              int[] without = ps.choice.clone();
              without[built[i]] = -1;
              assertThat(loss[i])
                  .as(why + " loss of site " + built[i])
                  .isCloseTo(ps.objective - fresh.objective(without), within(1e-12));
            }
          }
        }
      }
    }
    // the shortcut is exercised: many sites lie off every short way
    assertThat(prunable).isGreaterThan(pairs / 10);
  }

  /** The path's length under the plan (arc lengths plus the chosen options' delays). */
  static double pathLength(ModelIndex ix, int k, int[] arcs, int[] choice) {
    double l = 0;
    for (int a : arcs) {
      int s = ix.arcSite[k][a];
      l += ix.length[k][a] + (s >= 0 ? ix.delay(k, choice[s], a) : 0);
    }
    return l;
  }
}
