package lt.skydas.optimize.interdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The covering solver against brute force, its bounds when cut short, and its input checks. */
class CoveringInterdictionTest {
  /**
   * Rotates by seed through CP-SAT feasibility alone, SCIP alone, core-guided CP-SAT alone and the
   * default (local search, then core-guided CP-SAT), so each way of answering the master is
   * compared with brute force.
   */
  static CoveringInterdiction.Settings quick(long seed) {
    CoveringInterdiction.Settings.Builder s =
        CoveringInterdiction.Settings.builder().withTimeLimit_s(20).withSeed(seed);
    return switch ((int) (seed % 4)) {
      case 0 -> s.withMaster(CoveringInterdiction.MasterSolver.CP_SAT).withLocalSteps(0).build();
      case 1 -> s.withMaster(CoveringInterdiction.MasterSolver.SCIP).withLocalSteps(0).build();
      case 2 -> s.withMaster(CoveringInterdiction.MasterSolver.CORE).withLocalSteps(0).build();
      default -> s.build();
    };
  }

  static boolean[] plan(InterdictionNetwork g, int[] arcs) {
    boolean[] x = new boolean[g.arcCount()];
    for (int a : arcs) {
      x[a] = true;
    }
    return x;
  }

  @Test
  void equalsBruteForceOnSmallGrids() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      InterdictionNetwork g = GridSpi.generate(2 + r.nextInt(3), 2 + r.nextInt(3), seed);
      BruteForceInterdiction bf = new BruteForceInterdiction(g);
      for (int k = 0; k <= 3; k++) {
        double opt = bf.solve(k).value();
        CoveringInterdiction.Outcome o = new CoveringInterdiction(g, 1).solve(k, quick(seed), null);
        String why = "seed " + seed + " budget " + k;
        assertThat(o.optimal()).as(why).isTrue();
        assertThat(o.result().value()).as(why).isEqualTo(opt);
        assertThat(o.result().upperBound()).as(why).isEqualTo(opt);
        assertThat(o.result().arcs().length).as(why).isLessThanOrEqualTo(k);
        assertThat(InterdictionTest.bellmanFord(g, plan(g, o.result().arcs())))
            .as(why + ": the plan re-evaluates to the value")
            .isEqualTo(opt);
        assertThat(o.heuristicValue()).as(why).isLessThanOrEqualTo(opt);
      }
    }
  }

  /** Random digraphs with uninterdictable and zero-delay arcs, several paths, dead ends. */
  static InterdictionNetwork randomDigraph(long seed, int nodes, int arcs) {
    Random r = new Random(seed);
    InterdictionNetwork.Builder b = new InterdictionNetwork.Builder(nodes);
    for (int v = 0; v + 1 < nodes; v++) {
      b.arc(v, v + 1, 1 + r.nextInt(9), r.nextInt(12), r.nextInt(5) > 0); // a backbone s..t
    }
    for (int i = 0; i < arcs; i++) {
      int u = r.nextInt(nodes);
      int v = r.nextInt(nodes);
      if (u != v) {
        b.arc(u, v, r.nextInt(15), r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20), r.nextInt(6) > 0);
      }
    }
    return b.build(0, nodes - 1);
  }

  @Test
  void equalsBruteForceOnRandomDigraphs() {
    for (long seed = 100; seed < 160; seed++) {
      InterdictionNetwork g = randomDigraph(seed, 6 + (int) (seed % 5), 14);
      BruteForceInterdiction bf = new BruteForceInterdiction(g);
      for (int k = 1; k <= 3; k++) {
        double opt = bf.solve(k).value();
        CoveringInterdiction.Outcome o = new CoveringInterdiction(g, 1).solve(k, quick(seed), null);
        String why = "seed " + seed + " budget " + k;
        assertThat(o.optimal()).as(why).isTrue();
        assertThat(o.result().value()).as(why).isEqualTo(opt);
        assertThat(InterdictionTest.bellmanFord(g, plan(g, o.result().arcs())))
            .as(why)
            .isEqualTo(opt);
      }
    }
  }

  /** Plain enumeration of every plan within a knapsack budget. */
  static double bruteKnapsack(InterdictionNetwork g, long[] cost, long budget) {
    boolean[] x = new boolean[g.arcCount()];
    return enumerate(g, cost, budget, x, 0, new PathEvaluator(g));
  }

  private static double enumerate(
      InterdictionNetwork g, long[] cost, long left, boolean[] x, int from, PathEvaluator e) {
    double best = e.value(x);
    for (int a = from; a < g.arcCount(); a++) {
      if (g.interdictable(a) && cost[a] <= left) {
        x[a] = true;
        best = Math.max(best, enumerate(g, cost, left - cost[a], x, a + 1, e));
        x[a] = false;
      }
    }
    return best;
  }

  @Test
  void knapsackBudgetsEqualEnumeration() {
    for (long seed = 200; seed < 240; seed++) {
      Random r = new Random(seed);
      InterdictionNetwork g = GridSpi.generate(2 + r.nextInt(2), 2 + r.nextInt(3), seed);
      long[] cost = new long[g.arcCount()];
      for (int a = 0; a < cost.length; a++) {
        cost[a] = 1 + r.nextInt(3);
      }
      long budget = 2 + r.nextInt(4);
      double opt = bruteKnapsack(g, cost, budget);
      CoveringInterdiction.Outcome o =
          new CoveringInterdiction(g, 1).solve(cost, budget, quick(seed), null);
      String why = "seed " + seed + " budget " + budget;
      assertThat(o.optimal()).as(why).isTrue();
      assertThat(o.result().value()).as(why).isEqualTo(opt);
      long spent = 0;
      for (int a : o.result().arcs()) {
        spent += cost[a];
      }
      assertThat(spent).as(why).isLessThanOrEqualTo(budget);
    }
  }

  @Test
  void unitCostsGiveTheCardinalityOptimum() {
    InterdictionNetwork g = GridSpi.generate(6, 6, 7);
    long[] ones = new long[g.arcCount()];
    java.util.Arrays.fill(ones, 1);
    for (int k = 1; k <= 4; k++) {
      double card = new CoveringInterdiction(g, 1).solve(k, quick(k), null).result().value();
      double knap = new CoveringInterdiction(g, 1).solve(ones, k, quick(k), null).result().value();
      assertThat(knap).as("budget %d", k).isEqualTo(card);
    }
  }

  @Test
  void packingBoundAndCutShortBoundsAreValid() {
    for (long seed = 300; seed < 312; seed++) {
      InterdictionNetwork g = GridSpi.generate(4, 4, seed);
      int k = 2 + (int) (seed % 3);
      double opt = new BruteForceInterdiction(g).solve(k).value();
      long[] ones = new long[g.arcCount()];
      java.util.Arrays.fill(ones, 1);
      CoveringInterdiction ci = new CoveringInterdiction(g, 1);
      assertThat((double) ci.packingBound(ones, k)).as("seed %d", seed).isGreaterThanOrEqualTo(opt);
      // a run far too short to prove anything still reports a valid bound and a real plan
      CoveringInterdiction.Outcome o =
          new CoveringInterdiction(g, 1)
              .solve(
                  k, CoveringInterdiction.Settings.builder().withTimeLimit_s(0.001).build(), null);
      assertThat(o.result().upperBound()).as("seed %d", seed).isGreaterThanOrEqualTo(opt);
      assertThat(o.result().value()).as("seed %d", seed).isLessThanOrEqualTo(opt);
      assertThat(InterdictionTest.bellmanFord(g, plan(g, o.result().arcs())))
          .isEqualTo(o.result().value());
    }
  }

  @Test
  void resolutionScalesFractionalData() {
    InterdictionNetwork g = GridSpi.generate(3, 4, 11);
    InterdictionNetwork.Builder b = new InterdictionNetwork.Builder(g.nodeCount());
    for (int a = 0; a < g.arcCount(); a++) {
      b.arc(g.tail(a), g.head(a), g.length(a) * 0.25, g.delay(a) * 0.25, g.interdictable(a));
    }
    InterdictionNetwork q = b.build(g.source(), g.sink());
    double opt = new BruteForceInterdiction(g).solve(2).value();
    CoveringInterdiction.Outcome o =
        new CoveringInterdiction(q, 0.25)
            .solve(2, quick(1).toBuilder().withResolution(0.25).build(), null);
    assertThat(o.optimal()).isTrue();
    assertThat(o.result().value()).isEqualTo(opt * 0.25);
    assertThatThrownBy(() -> new CoveringInterdiction(q, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a multiple of the resolution 1");
  }

  @Test
  void boundedSearchAgreesWithBellmanFord() {
    for (long seed = 400; seed < 440; seed++) {
      InterdictionNetwork g = randomDigraph(seed, 12, 30);
      Random r = new Random(seed);
      boolean[] x = new boolean[g.arcCount()];
      for (int a = 0; a < x.length; a++) {
        x[a] = g.interdictable(a) && r.nextInt(3) == 0;
      }
      long v = new CoveringInterdiction(g, 1).value(x);
      double ref = InterdictionTest.bellmanFord(g, x);
      assertThat(v == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (double) v)
          .as("seed %d", seed)
          .isEqualTo(ref);
    }
  }

  /** Brute force: does some plan of at most k arcs among {@code offered} meet every row? */
  static boolean coverable(List<int[]> rows, List<Long> need, long[] d, int[] offered, int k) {
    return coverable(rows, need, d, offered, k, List.of());
  }

  /** Brute force: some plan of at most k offered arcs meets every row and every x_b ≤ x_a. */
  static boolean coverable(
      List<int[]> rows, List<Long> need, long[] d, int[] offered, int k, List<int[]> implied) {
    int n = offered.length;
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) > k) {
        continue;
      }
      boolean[] x = new boolean[d.length];
      for (int i = 0; i < n; i++) {
        x[offered[i]] = (mask >> i & 1) == 1;
      }
      boolean ok = true;
      for (int[] ba : implied) {
        ok &= !x[ba[0]] || x[ba[1]];
      }
      for (int r = 0; r < rows.size() && ok; r++) {
        long sum = 0;
        for (int a : rows.get(r)) {
          sum += x[a] ? Math.min(d[a], need.get(r)) : 0;
        }
        ok = sum >= need.get(r);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  @Test
  void dominanceKeepsTheMasterFeasibleExactlyWhenTheFullOneIs() {
    int differ = 0;
    int implications = 0;
    for (long seed = 500; seed < 800; seed++) {
      Random r = new Random(seed);
      int arcs = 12;
      long[] d = new long[arcs];
      long[] c = new long[arcs];
      boolean[] inter = new boolean[arcs];
      long[] cost = new long[arcs];
      for (int a = 0; a < arcs; a++) {
        d[a] = 1 + r.nextInt(6);
        c[a] = 1;
        inter[a] = true;
        cost[a] = 1;
      }
      PathRows pool = new PathRows();
      // rows share stretches: a few "segments" of consecutive arcs glued together
      for (int i = 0; i < 3 + r.nextInt(4); i++) {
        List<Integer> p = new ArrayList<>();
        for (int seg = 0; seg < 3; seg++) {
          if (r.nextBoolean()) {
            for (int a = seg * 4; a < seg * 4 + 1 + r.nextInt(4); a++) {
              p.add(a);
            }
          }
        }
        if (!p.isEmpty()) {
          pool.add(p.stream().mapToInt(Integer::intValue).toArray(), c, inter);
        }
      }
      long target = 3 + r.nextInt(10);
      int k = 1 + r.nextInt(3);
      CoveringMaster.Reduced red = CoveringMaster.reduce(pool, target, d, cost);
      List<int[]> rows = new ArrayList<>();
      List<Long> need = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        if (target - pool.length.get(i) > 0) {
          rows.add(pool.arcs.get(i));
          need.add(target - pool.length.get(i));
        }
      }
      int[] all = java.util.stream.IntStream.range(0, arcs).toArray();
      boolean full = coverable(rows, need, d, all, k);
      boolean reduced = !red.infeasible() && coverable(rows, need, d, red.arcs(), k, red.implied());
      assertThat(reduced).as("seed %d", seed).isEqualTo(full);
      if (red.arcs().length < arcs) {
        differ++;
      }
      implications += red.implied().size() > 0 ? 1 : 0;
    }
    assertThat(differ).as("models where dominance removed arcs").isGreaterThan(100);
    assertThat(implications).as("models with implied x_b <= x_a").isGreaterThan(30);
  }

  @Test
  void everyMasterSolverAnswersRandomPoolsAsEnumerationDoes() {
    int refuted = 0;
    for (long seed = 900; seed < 1020; seed++) {
      Random r = new Random(seed);
      int arcs = 12;
      long[] d = new long[arcs];
      long[] c = new long[arcs];
      long[] cost = new long[arcs];
      boolean[] inter = new boolean[arcs];
      for (int a = 0; a < arcs; a++) {
        d[a] = 1 + r.nextInt(6);
        c[a] = 1;
        cost[a] = seed % 2 == 0 ? 1 : 1 + r.nextInt(3); // cardinality and knapsack budgets
        inter[a] = true;
      }
      PathRows pool = new PathRows();
      for (int i = 0; i < 4 + r.nextInt(8); i++) {
        List<Integer> p = new ArrayList<>();
        for (int a = 0; a < arcs; a++) {
          if (r.nextInt(3) == 0) {
            p.add(a);
          }
        }
        if (!p.isEmpty()) {
          pool.add(p.stream().mapToInt(Integer::intValue).toArray(), c, inter);
        }
      }
      long target = 3 + r.nextInt(8);
      long budget = 1 + r.nextInt(5);
      boolean exists = false;
      for (int mask = 0; mask < 1 << arcs && !exists; mask++) {
        boolean[] x = new boolean[arcs];
        for (int a = 0; a < arcs; a++) {
          x[a] = (mask >> a & 1) == 1;
        }
        exists = meets(pool, target, d, cost, budget, x);
      }
      refuted += exists ? 0 : 1;
      for (CoveringInterdiction.MasterSolver m : CoveringInterdiction.MasterSolver.values()) {
        CoveringMaster.Result res =
            CoveringMaster.solve(
                pool,
                target,
                d,
                cost,
                budget,
                new boolean[arcs],
                new boolean[arcs],
                10,
                CoveringInterdiction.Settings.builder()
                    .withMaster(m)
                    .withLocalSteps(0)
                    .withSeed(seed)
                    .build());
        String why = "seed " + seed + ", " + m;
        if (exists) {
          assertThat(res.plan()).as(why + ": a plan exists").isNotNull();
          assertThat(meets(pool, target, d, cost, budget, res.plan()))
              .as(why + ": the plan meets every row within budget")
              .isTrue();
        } else {
          assertThat(res.status())
              .as(why + ": no plan exists")
              .isEqualTo(CpSolverStatus.INFEASIBLE);
        }
      }
    }
    assertThat(refuted).as("pools no plan meets").isBetween(20, 100);
  }

  private static boolean meets(
      PathRows pool, long target, long[] d, long[] cost, long budget, boolean[] x) {
    long spent = 0;
    for (int a = 0; a < x.length; a++) {
      spent += x[a] ? cost[a] : 0;
    }
    if (spent > budget) {
      return false;
    }
    for (int i = 0; i < pool.size(); i++) {
      long need = target - pool.length.get(i);
      if (need <= 0) {
        continue;
      }
      long got = 0;
      for (int a : pool.arcs.get(i)) {
        got += x[a] ? Math.min(d[a], need) : 0;
      }
      if (got < need) {
        return false;
      }
    }
    return true;
  }
}
