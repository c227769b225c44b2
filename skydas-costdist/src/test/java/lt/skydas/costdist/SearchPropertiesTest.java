package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SearchPropertiesTest {

  private static double[] costs(CostGrid g, EdgeGraph e, Query q) {
    CostDistanceSearch s = new CostDistanceSearch(g, e);
    s.run(q);
    double[] out = new double[s.nodeCount()];
    s.copyCosts(out);
    return out;
  }

  @Property(tries = 150)
  void obstacleNeverMakesArrivalEarlier(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll("strategies") QueueStrategy strategy) {
    RandomProblem p = RandomProblem.general(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int src = rnd.nextInt(p.nodeCount);
    Query q = Query.from(src).withStrategy(strategy);
    double[] before = costs(p.grid, p.graph, q);

    CostGrid g = p.grid;
    float[] f = g.friction().clone();
    float[] pen = g.penalty() == null ? new float[g.cellCount()] : g.penalty().clone();
    for (int k = 0; k < 3; k++) {
      int cell = rnd.nextInt(g.cellCount());
      switch (rnd.nextInt(3)) {
        case 0 -> f[cell] = f[cell] * 3 + 1; // NaN/-1 stay impassable-ish; raises others
        case 1 -> f[cell] = Float.NaN;
        default -> pen[cell] += (float) rnd.nextDouble(0, 100);
      }
      if (g.friction()[cell] < 0) {
        f[cell] = -1; // keep impassable cells impassable
      }
    }
    CostGrid harder = new CostGrid(g.width(), g.height(), g.cellSize(), f, pen, g.neighbourhood());
    double[] after = costs(harder, p.graph, q);
    for (int v = 0; v < before.length; v++) {
      assertThat(after[v]).as("seed=" + seed + " node=" + v).isGreaterThanOrEqualTo(before[v]);
    }
  }

  @Property(tries = 150)
  void addingSourceNeverMakesArrivalLater(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll("strategies") QueueStrategy strategy) {
    RandomProblem p = RandomProblem.general(seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    int a = rnd.nextInt(p.nodeCount);
    int b = rnd.nextInt(p.nodeCount);
    double ib = rnd.nextDouble(0, 50);
    double[] one = costs(p.grid, p.graph, Query.from(a).withStrategy(strategy));
    double[] two =
        costs(p.grid, p.graph, Query.from(a, b).withInitialCosts(0, ib).withStrategy(strategy));
    for (int v = 0; v < one.length; v++) {
      assertThat(two[v]).as("seed=" + seed + " node=" + v).isLessThanOrEqualTo(one[v]);
    }
  }

  @Property(tries = 150)
  void symmetricGridCostIsSymmetric(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 25) int w,
      @ForAll @IntRange(min = 1, max = 25) int h,
      @ForAll boolean knight,
      @ForAll("strategies") QueueStrategy strategy) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] f = new float[w * h];
    for (int i = 0; i < f.length; i++) {
      int k = rnd.nextInt(10);
      f[i] = k == 0 ? Float.NaN : k == 1 ? 0f : (float) rnd.nextDouble(1, 100);
    }
    CostGrid g =
        new CostGrid(
            w,
            h,
            1.5,
            f,
            null,
            knight ? CostGrid.Neighbourhood.SIXTEEN : CostGrid.Neighbourhood.EIGHT);
    int a = rnd.nextInt(w * h);
    int b = rnd.nextInt(w * h);
    CostDistanceSearch s = new CostDistanceSearch(g);
    s.run(Query.from(a).withStrategy(strategy));
    double ab = s.cost(b);
    s.run(Query.from(b).withStrategy(strategy));
    double ba = s.cost(a);
    if (ab == Double.POSITIVE_INFINITY || ba == Double.POSITIVE_INFINITY) {
      assertThat(ab).as("seed=" + seed).isEqualTo(ba);
    } else {
      assertThat(Math.abs(ab - ba)).as("seed=" + seed).isLessThanOrEqualTo(1e-9 * Math.max(ab, 1));
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<QueueStrategy> strategies() {
    return net.jqwik.api.Arbitraries.of(QueueStrategy.class);
  }
}
