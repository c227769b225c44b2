package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstTargetTest {
  @Test
  void stopsAtTheCheapestTargetWithItsExactCost() {
    for (int seed = 1; seed <= 100; seed++) {
      Random r = new Random(seed);
      int w = 5 + r.nextInt(60);
      int h = 5 + r.nextInt(60);
      float[] f = new float[w * h];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.nextInt(6) == 0 ? Float.NaN : 1 + r.nextInt(50);
      }
      CostGrid g = new CostGrid(w, h, 10, f);
      int[] targets = new int[1 + r.nextInt(8)];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = r.nextInt(w * h);
      }
      int source = r.nextInt(w * h);
      CostDistanceSearch full = new CostDistanceSearch(g);
      full.run(Query.from(source));
      double expected = Double.POSITIVE_INFINITY;
      for (int t : targets) {
        expected = Math.min(expected, full.cost(t));
      }
      for (QueueStrategy strategy :
          new QueueStrategy[] {QueueStrategy.BUCKET, QueueStrategy.HEAP}) {
        CostDistanceSearch first = new CostDistanceSearch(g);
        first.run(Query.from(source).withFirstOfTargets(targets).withStrategy(strategy));
        double got = Double.POSITIVE_INFINITY;
        for (int t : targets) {
          got = Math.min(got, first.cost(t));
        }
        assertThat(got).as("seed %d, %s", seed, strategy).isEqualTo(expected);
        assertThat(first.settledCount())
            .as("seed %d: stops early", seed)
            .isLessThanOrEqualTo(full.settledCount());
      }
    }
  }

  @Test
  void stopsWhenEveryGroupHasItsCheapestNodeWithItsExactCost() {
    int earlier = 0;
    for (int seed = 1; seed <= 100; seed++) {
      Random r = new Random(seed);
      int w = 5 + r.nextInt(60);
      int h = 5 + r.nextInt(60);
      float[] f = new float[w * h];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.nextInt(6) == 0 ? Float.NaN : 1 + r.nextInt(50);
      }
      CostGrid g = new CostGrid(w, h, 10, f);
      // groups of 0..6 nodes, some shared between groups, many with impassable members
      int[][] groups = new int[1 + r.nextInt(5)][];
      for (int k = 0; k < groups.length; k++) {
        groups[k] = new int[r.nextInt(7)];
        for (int i = 0; i < groups[k].length; i++) {
          groups[k][i] =
              k > 0 && r.nextInt(5) == 0
                  ? groups[0].length > 0 ? groups[0][0] : 0
                  : r.nextInt(w * h);
        }
      }
      int source = r.nextInt(w * h);
      CostDistanceSearch full = new CostDistanceSearch(g);
      full.run(Query.from(source));
      for (QueueStrategy strategy :
          new QueueStrategy[] {QueueStrategy.BUCKET, QueueStrategy.HEAP}) {
        CostDistanceSearch grouped = new CostDistanceSearch(g);
        grouped.run(Query.from(source).withTargetGroups(groups).withStrategy(strategy));
        for (int k = 0; k < groups.length; k++) {
          double expected = Double.POSITIVE_INFINITY;
          double got = Double.POSITIVE_INFINITY;
          for (int t : groups[k]) {
            expected = Math.min(expected, full.cost(t));
            got = Math.min(got, grouped.cost(t));
          }
          assertThat(got).as("seed %d, %s, group %d", seed, strategy, k).isEqualTo(expected);
        }
        assertThat(grouped.settledCount())
            .as("seed %d", seed)
            .isLessThanOrEqualTo(full.settledCount());
        earlier += grouped.settledCount() < full.settledCount() ? 1 : 0;
        // the marks are cleared: a plain search after it settles everything again
        grouped.run(Query.from(source));
        assertThat(grouped.settledCount()).as("seed %d", seed).isEqualTo(full.settledCount());
      }
    }
    assertThat(earlier).as("searches that stopped early").isGreaterThan(50);
  }

  @Test
  void aSearchReusedAcrossGridsGivesTheSameCostsAsFreshOnes() {
    Random r = new Random(77);
    int w = 40;
    int h = 30;
    CostDistanceSearch reused = null;
    for (int round = 0; round < 20; round++) {
      float[] f = new float[w * h];
      float[] pen = round % 2 == 0 ? null : new float[w * h];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.nextInt(7) == 0 ? Float.NaN : 1 + r.nextInt(30);
        if (pen != null && r.nextInt(10) == 0) {
          pen[i] = r.nextInt(100);
        }
      }
      CostGrid g =
          new CostGrid(
              w,
              h,
              5,
              f,
              pen,
              round % 3 == 0 ? CostGrid.Neighbourhood.SIXTEEN : CostGrid.Neighbourhood.EIGHT);
      if (reused == null) {
        reused = new CostDistanceSearch(g);
      } else {
        reused.setGrid(g);
      }
      int src = r.nextInt(w * h);
      reused.run(Query.from(src));
      CostDistanceSearch fresh = new CostDistanceSearch(g);
      fresh.run(Query.from(src));
      for (int c = 0; c < w * h; c++) {
        assertThat(reused.cost(c)).as("round %d cell %d", round, c).isEqualTo(fresh.cost(c));
      }
    }
  }
}
