package lt.skydas.optimize.interdiction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The covering solver's first upper bound, before any master round. */
final class PackingBound {
  private PackingBound() {}

  /**
   * The bound in ticks ({@link Long#MAX_VALUE} when no path is interdictable) and the searches it
   * ran.
   */
  record Result(long bound, long searches) {}

  /**
   * Upper bound from arc-disjoint paths (in their interdictable arcs): the interdictor must split
   * the budget among them, and the attacker takes the one left shortest. Paths are found one after
   * another with the interdictable arcs of the earlier ones removed. For each path, the cheapest
   * way to lift it to T takes its largest delays per unit cost greedily, which for cardinality
   * budgets is exact and for knapsack budgets is replaced by the fractional (valid) relaxation.
   */
  static Result compute(
      InterdictionNetwork g, long[] c, long[] d, BoundedSearch search, long[] cost, long budget) {
    int arcs = g.arcCount();
    long searches = 0;
    long[] ww = c.clone();
    List<int[]> paths = new ArrayList<>();
    List<Long> lens = new ArrayList<>();
    long big = Long.MAX_VALUE / 4;
    for (int i = 0; i < 1000; i++) {
      searches++;
      long len = search.shortestBelow(ww, big);
      if (len < 0) {
        break;
      }
      int[] p = search.lastPath();
      int free = 0;
      for (int a : p) {
        if (g.interdictable[a] && ww[a] < big) {
          ww[a] = big;
          free++;
        }
      }
      if (free == 0 || len >= big) {
        break;
      }
      paths.add(p);
      long cl = 0;
      for (int a : p) {
        cl += c[a];
      }
      lens.add(cl);
    }
    if (paths.isEmpty()) {
      return new Result(Long.MAX_VALUE, searches);
    }
    // largest T with Σ_i need_i(T) ≤ budget, by bisection (need_i is monotone in T)
    long lo = lens.stream().mapToLong(Long::longValue).min().orElseThrow();
    long hi = lo;
    for (int a = 0; a < arcs; a++) {
      hi += g.interdictable[a] ? d[a] : 0;
    }
    hi++;
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      double need = 0;
      for (int i = 0; i < paths.size() && need <= budget; i++) {
        need += liftCost(g, d, paths.get(i), lens.get(i), mid, cost);
      }
      if (need <= budget + 1e-9) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new Result(lo, searches);
  }

  /** Least (fractional) budget that lifts a path of nominal length {@code len} to {@code t}. */
  private static double liftCost(
      InterdictionNetwork g, long[] d, int[] p, long len, long t, long[] cost) {
    if (len >= t) {
      return 0;
    }
    long missing = t - len;
    Integer[] order =
        Arrays.stream(p).filter(a -> g.interdictable[a]).boxed().toArray(Integer[]::new);
    Arrays.sort(
        order,
        (x, y) ->
            Double.compare(
                (double) d[y] / Math.max(1, cost[y]), (double) d[x] / Math.max(1, cost[x])));
    double spent = 0;
    for (int a : order) {
      if (d[a] <= 0) {
        continue;
      }
      if (cost[a] == 0) {
        missing -= d[a];
      } else if (d[a] >= missing) {
        boolean unit = true;
        for (int b : order) {
          unit &= cost[b] == 1;
        }
        spent += unit ? cost[a] : cost[a] * (double) missing / d[a];
        missing = 0;
      } else {
        spent += cost[a];
        missing -= d[a];
      }
      if (missing <= 0) {
        return spent;
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
