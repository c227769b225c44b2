package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import org.junit.jupiter.api.Test;

/** The evaluator against Bellman–Ford on random plans. */
class PlanEvaluatorTest {
  static int[] randomPlan(BarrierModel m, SplittableRandom r) {
    int[] c = new int[m.sites().size()];
    Arrays.fill(c, -1);
    for (int o = 0; o < m.options().size(); o++) {
      if (r.nextInt(3) == 0) {
        c[m.options().get(o).site()] = o;
      }
    }
    return c;
  }

  @Test
  void lengthsObjectivePathsAndDelaysMatchTheReference() {
    for (long seed = 1; seed <= 30; seed++) {
      BarrierModel m = TestModels.small(seed);
      PlanEvaluator ev = new PlanEvaluator(m);
      SplittableRandom r = new SplittableRandom(seed * 31);
      int[] empty = new int[m.sites().size()];
      Arrays.fill(empty, -1);
      assertThat(ev.baselineObjective())
          .as("seed " + seed)
          .isCloseTo(Reference.objective(m, empty), within(1e-9));
      for (int rep = 0; rep < 20; rep++) {
        int[] plan = randomPlan(m, r);
        String why = "seed " + seed + " plan " + Arrays.toString(plan);
        double[] l = ev.lengths(plan);
        for (int k = 0; k < l.length; k++) {
          assertThat(l[k]).as(why).isCloseTo(Reference.length(m, k, plan), within(1e-9));
          assertThat(ev.length(k, PlanEvaluator.builtOf(m, plan))).as(why).isEqualTo(l[k]);
          int[] path = ev.shortestPath(k, plan);
          GateGraph g = m.scenarios().get(k).graph();
          int at = g.source();
          double sum = 0;
          for (int a : path) {
            assertThat(g.tail(a)).as(why).isEqualTo(at);
            at = g.head(a);
            sum += g.length_s(a);
            int s = g.site(a);
            if (s >= 0 && plan[s] >= 0) {
              BarrierModel.Scenario sc = m.scenarios().get(k);
              sum +=
                  g.kind(a) == GateGraph.ROAD_GATE
                      ? sc.roadDelay_s()[plan[s]]
                      : sc.cellDelay_s()[plan[s]];
            }
          }
          assertThat(at).as(why).isEqualTo(g.sink());
          assertThat(sum).as(why).isCloseTo(l[k], within(1e-9));
        }
        assertThat(ev.objective(plan))
            .as(why)
            .isCloseTo(Reference.objective(m, plan), within(1e-9));
        DelayReport d = ev.delays(plan);
        assertThat(d.objective()).as(why).isCloseTo(ev.objective(plan), within(1e-12));
        for (int k = 0; k < l.length; k++) {
          assertThat(d.delay_s(k))
              .as(why)
              .isCloseTo(l[k] - Reference.length(m, k, empty), within(1e-9));
        }
        assertThat(d.groups()).isEqualTo(2);
        assertThat(d.groupDelay_s(0)).as(why).isGreaterThanOrEqualTo(-1e-9);
      }
    }
  }

  @Test
  void aForkEvaluatesTheSame() {
    BarrierModel m = TestModels.small(5);
    PlanEvaluator a = new PlanEvaluator(m);
    PlanEvaluator b = a.fork();
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 10; i++) {
      int[] p = randomPlan(m, r);
      assertThat(b.objective(p)).as("seed 5 plan " + i).isEqualTo(a.objective(p));
    }
  }

  @Test
  void twoOptionsAtOneSiteAreRejected() {
    boolean tested = false;
    for (long seed = 1; seed <= 20 && !tested; seed++) {
      BarrierModel m = TestModels.small(seed);
      boolean[] built = new boolean[m.options().size()];
      for (int o = 1; o < built.length && !tested; o++) {
        if (m.options().get(o - 1).site() == m.options().get(o).site()) {
          built[o] = built[o - 1] = true;
          tested = true;
          assertThatThrownBy(() -> PlanEvaluator.choiceOf(m, built))
              .as("seed " + seed)
              .isInstanceOf(IllegalArgumentException.class);
        }
      }
    }
    assertThat(tested).isTrue();
  }
}
