package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DifferentialTest {

  static long[] seeds() {
    long[] s = new long[300];
    for (int i = 0; i < s.length; i++) {
      s[i] = i + 1;
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void generalProblemsMatchReferenceExactly(long seed) {
    check(RandomProblem.general(seed), false);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void positiveProblemsMatchReferenceExactlyWithBucketQueue(long seed) {
    check(RandomProblem.positive(seed), true);
  }

  private static void check(RandomProblem p, boolean expectBucket) {
    SplittableRandom rnd = new SplittableRandom(p.seed * 31 + 7);
    ReferenceDijkstra ref = new ReferenceDijkstra(p.grid, p.graph);
    CostDistanceSearch search = new CostDistanceSearch(p.grid, p.graph);
    for (int round = 0; round < 4; round++) {
      int k = 1 + rnd.nextInt(3);
      int[] src = new int[k];
      double[] init = new double[k];
      for (int i = 0; i < k; i++) {
        src[i] = rnd.nextInt(p.nodeCount);
        init[i] = rnd.nextInt(3) == 0 ? rnd.nextDouble(0, 100) : 0;
      }
      double cutoff = rnd.nextInt(3) == 0 ? rnd.nextDouble(0, 500) : Double.POSITIVE_INFINITY;
      double[] expected = ref.run(src, init, cutoff);
      for (QueueStrategy strategy : QueueStrategy.values()) {
        String ctx = "seed=" + p.seed + " round=" + round + " strategy=" + strategy;
        Query q = Query.from(src).withInitialCosts(init).withCutoff(cutoff).withStrategy(strategy);
        search.run(q);
        if (strategy == QueueStrategy.HEAP) {
          assertThat(search.lastStrategy()).as(ctx).isEqualTo(QueueStrategy.HEAP);
        }
        boolean anyValidSource = false;
        for (double e : expected) {
          anyValidSource |= e < Double.POSITIVE_INFINITY;
        }
        boolean anyMove =
            p.grid.minMoveCost() < Double.POSITIVE_INFINITY
                || (p.graph != null && p.graph.minCost() < Double.POSITIVE_INFINITY);
        if (expectBucket && strategy == QueueStrategy.BUCKET && anyValidSource && anyMove) {
          assertThat(search.lastStrategy()).as(ctx).isEqualTo(QueueStrategy.BUCKET);
        }
        int settled = 0;
        for (int v = 0; v < p.nodeCount; v++) {
          double got = search.cost(v);
          if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected[v])) {
            fail(ctx + " node=" + v + " expected " + expected[v] + " got " + got);
          }
          if (got < Double.POSITIVE_INFINITY) {
            settled++;
          }
        }
        assertThat(search.settledCount()).as(ctx).isEqualTo(settled);
        PathChecks.checkPredecessors(ctx, search, ref, src, init, p.nodeCount);

        // early termination on targets: targets exact, every settled node exact
        int[] targets = new int[1 + rnd.nextInt(3)];
        for (int i = 0; i < targets.length; i++) {
          targets[i] = rnd.nextInt(p.nodeCount);
        }
        search.run(q.withTargets(targets));
        for (int t : targets) {
          assertThat(search.cost(t)).as(ctx + " target " + t).isEqualTo(expected[t]);
        }
        for (int v = 0; v < p.nodeCount; v++) {
          if (search.isSettled(v)) {
            assertThat(search.cost(v)).as(ctx + " settled node " + v).isEqualTo(expected[v]);
          }
        }
        PathChecks.checkPredecessors(ctx + " targets", search, ref, src, init, p.nodeCount);
      }
    }
  }
}
