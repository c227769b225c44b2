package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/** Phasing keeps yearly ceilings and capacity, reports what does not fit, ends at the plan. */
class PhasingSchedulerTest {
  static int[] builtBy(int[] plan, Phasing ph, int year) {
    int[] c = plan.clone();
    for (int s = 0; s < c.length; s++) {
      if (c[s] >= 0 && ph.yearOf()[c[s]] > year) {
        c[s] = -1;
      }
    }
    return c;
  }

  @Test
  void yearlyLimitsHoldAndObjectivesAreThoseOfWhatStands() {
    for (long seed = 1; seed <= 25; seed++) {
      BarrierModel m = TestModels.small(seed);
      int[] plan = Reference.bruteForce(m).choice();
      SplittableRandom r = new SplittableRandom(seed);
      int years = 1 + r.nextInt(3);
      long[] ceil = new long[years];
      double[] cap = new double[years];
      for (int y = 0; y < years; y++) {
        ceil[y] = 3 + r.nextInt(20);
        cap[y] = 2 + r.nextInt(8);
      }
      double[] effort = new double[m.options().size()];
      boolean[] existing = new boolean[m.options().size()];
      for (int o = 0; o < effort.length; o++) {
        effort[o] = 1 + r.nextInt(4);
        existing[o] = m.options().get(o).forced() && r.nextBoolean();
      }
      Phasing ph =
          new PhasingScheduler(m, 2)
              .schedule(plan, new PhasingScheduler.Calendar(years, ceil, cap), effort, existing);
      String why = "seed " + seed;
      assertThat(ph.years()).isEqualTo(years);
      long[] spent = new long[years + 1];
      double[] used = new double[years + 1];
      for (int o = 0; o < m.options().size(); o++) {
        boolean inPlan = plan[m.options().get(o).site()] == o;
        int y = ph.yearOf()[o];
        if (!inPlan) {
          assertThat(y).as(why).isEqualTo(Phasing.NOT_IN_PLAN);
        } else if (existing[o]) {
          assertThat(y).as(why).isZero();
        } else if (y == Phasing.UNSCHEDULED) {
          assertThat(ph.unscheduled()).as(why).contains(o);
        } else {
          assertThat(y).as(why).isBetween(1, years);
          spent[y] += m.options().get(o).cost_eur();
          used[y] += effort[o];
        }
      }
      assertThat(ph.spent_eur()[0]).as(why).isZero();
      for (int y = 1; y <= years; y++) {
        assertThat(spent[y]).as(why).isEqualTo(ph.spent_eur()[y]).isLessThanOrEqualTo(ceil[y - 1]);
        assertThat(used[y]).as(why).isCloseTo(ph.effort_h()[y], within(1e-9));
        assertThat(used[y]).as(why).isLessThanOrEqualTo(cap[y - 1] + 1e-9);
      }
      for (int y = 0; y <= years; y++) {
        assertThat(ph.objective()[y])
            .as(why + " year " + y)
            .isCloseTo(Reference.objective(m, builtBy(plan, ph, y)), within(1e-9));
      }
      for (int o : ph.unscheduled()) {
        // it fits no year's remaining room at the end
        for (int y = 1; y <= years; y++) {
          boolean fits =
              m.options().get(o).cost_eur() <= ceil[y - 1] - spent[y]
                  && effort[o] <= cap[y - 1] - used[y];
          assertThat(fits).as(why + " option " + o + " year " + y).isFalse();
        }
      }
    }
  }

  @Test
  void withRoomForEverythingTheLastYearReachesThePlan() {
    for (long seed = 1; seed <= 15; seed++) {
      BarrierModel m = TestModels.small(seed);
      int[] plan = Reference.bruteForce(m).choice();
      long total =
          Arrays.stream(plan)
              .filter(o -> o >= 0)
              .mapToLong(o -> m.options().get(o).cost_eur())
              .sum();
      int years = 3;
      long[] ceil = {total / 3 + 20, total / 3 + 20, total + 20};
      Phasing ph =
          new PhasingScheduler(m, 1)
              .schedule(plan, new PhasingScheduler.Calendar(years, ceil, null), null, null);
      String why = "seed " + seed;
      assertThat(ph.unscheduled()).as(why).isEmpty();
      assertThat(ph.objective()[years])
          .as(why)
          .isCloseTo(Reference.objective(m, plan), within(1e-9));
      for (int y = 1; y <= years; y++) {
        assertThat(ph.objective()[y]).as(why).isGreaterThanOrEqualTo(ph.objective()[y - 1] - 1e-9);
      }
      // the first build has the best gain per euro of all plan options (when any gains)
      int[] empty = new int[plan.length];
      Arrays.fill(empty, -1);
      double base = Reference.objective(m, empty);
      double bestRatio = 0;
      for (int o : plan) {
        if (o >= 0) {
          int[] one = empty.clone();
          one[m.options().get(o).site()] = o;
          double gain = Reference.objective(m, one) - base;
          long c = m.options().get(o).cost_eur();
          if (gain > 1e-9 && c <= ceil[0]) {
            bestRatio = Math.max(bestRatio, c == 0 ? Double.MAX_VALUE : gain / c);
          }
        }
      }
      if (bestRatio > 0 && ph.order().length > 0) {
        int first = ph.order()[0];
        int[] one = empty.clone();
        one[m.options().get(first).site()] = first;
        double gain = Reference.objective(m, one) - base;
        assertThat(gain / m.options().get(first).cost_eur())
            .as(why)
            .isCloseTo(bestRatio, within(1e-9 * bestRatio));
      }
    }
  }

  @Test
  void anOptionAboveEveryCeilingIsReported() {
    BarrierModel m = TestModels.small(11);
    int[] plan = Reference.bruteForce(m).choice();
    int expensive = -1;
    for (int o : plan) {
      if (o >= 0
          && (expensive < 0
              || m.options().get(o).cost_eur() > m.options().get(expensive).cost_eur())) {
        expensive = o;
      }
    }
    assertThat(expensive).as("seed 11 plan builds something").isGreaterThanOrEqualTo(0);
    long c = m.options().get(expensive).cost_eur();
    Phasing ph =
        new PhasingScheduler(m, 1)
            .schedule(
                plan,
                new PhasingScheduler.Calendar(2, new long[] {c - 1, c - 1}, null),
                null,
                null);
    assertThat(ph.unscheduled()).as("seed 11").contains(expensive);
    assertThat(ph.yearOf()[expensive]).isEqualTo(Phasing.UNSCHEDULED);
  }
}
