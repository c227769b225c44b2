package lt.skydas.optimize.interdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The master's local search: what it returns is always a feasible plan, and it finds most. */
class CoveringLocalSearchTest {
  /** A random reduced master: rows over 14 arcs, needs up to twice the largest delay. */
  private static CoveringMaster.Reduced randomMaster(Random r, long[] d, long[] cost) {
    int arcs = d.length;
    List<int[]> rows = new ArrayList<>();
    List<Long> need = new ArrayList<>();
    for (int i = 0; i < 3 + r.nextInt(8); i++) {
      List<Integer> p = new ArrayList<>();
      for (int a = 0; a < arcs; a++) {
        if (r.nextInt(3) == 0) {
          p.add(a);
        }
      }
      if (!p.isEmpty()) {
        rows.add(p.stream().mapToInt(Integer::intValue).toArray());
        need.add(1L + r.nextInt(9));
      }
    }
    int[] offered = java.util.stream.IntStream.range(0, arcs).toArray();
    return new CoveringMaster.Reduced(rows, need, offered, false);
  }

  private static boolean meets(CoveringMaster.Reduced red, long[] d, boolean[] x) {
    for (int r = 0; r < red.rows().size(); r++) {
      long sum = 0;
      for (int a : red.rows().get(r)) {
        sum += x[a] ? Math.min(d[a], red.need().get(r)) : 0;
      }
      if (sum < red.need().get(r)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void returnsOnlyFeasiblePlansAndFindsAlmostAllThatExist() {
    int feasible = 0;
    int found = 0;
    int infeasibleSeen = 0;
    for (long seed = 1; seed <= 400; seed++) {
      Random r = new Random(seed);
      int arcs = 14;
      long[] d = new long[arcs];
      long[] cost = new long[arcs];
      for (int a = 0; a < arcs; a++) {
        d[a] = 1 + r.nextInt(8);
        cost[a] = seed % 3 == 0 ? 1 + r.nextInt(3) : 1;
      }
      long budget = 2 + r.nextInt(5);
      CoveringMaster.Reduced red = randomMaster(r, d, cost);
      boolean[] start = new boolean[arcs];
      start[r.nextInt(arcs)] = true;
      boolean[] plan =
          new CoveringLocalSearch(red, d, cost, budget).search(start, red.arcs(), arcs, 2000, seed);
      boolean exists = knapsackCoverable(red, d, cost, budget);
      if (plan != null) {
        long spent = 0;
        for (int a = 0; a < arcs; a++) {
          spent += plan[a] ? cost[a] : 0;
        }
        assertThat(spent).as("seed %d: within budget", seed).isLessThanOrEqualTo(budget);
        assertThat(meets(red, d, plan)).as("seed %d: meets every row", seed).isTrue();
        found++;
      }
      if (exists) {
        feasible++;
      } else {
        infeasibleSeen++;
        assertThat(plan).as("seed %d: no plan exists", seed).isNull();
      }
    }
    assertThat(infeasibleSeen).as("infeasible masters among the samples").isGreaterThan(40);
    assertThat(feasible).as("feasible masters among the samples").isGreaterThan(100);
    assertThat(found)
        .as("feasible masters the search solved")
        .isGreaterThanOrEqualTo(feasible * 95 / 100);
  }

  /** Brute force over all plans within a knapsack budget. */
  private static boolean knapsackCoverable(
      CoveringMaster.Reduced red, long[] d, long[] cost, long budget) {
    int n = d.length;
    for (int mask = 0; mask < 1 << n; mask++) {
      long spent = 0;
      boolean[] x = new boolean[n];
      for (int a = 0; a < n; a++) {
        if ((mask >> a & 1) == 1) {
          x[a] = true;
          spent += cost[a];
        }
      }
      if (spent <= budget && meets(red, d, x)) {
        return true;
      }
    }
    return false;
  }
}
