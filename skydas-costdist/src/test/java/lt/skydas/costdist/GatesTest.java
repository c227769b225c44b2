package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One gated search against the definition it replaces: the least fixed point of "a gate acts iff
 * its reach, with exactly the acting gates, is at least its threshold", found by iterating plain
 * textbook Dijkstra searches from the empty set (the reference below recomputes reaches from its
 * own results). Costs, reaches and decisions must agree exactly, on both queues.
 */
class GatesTest {

  static long[] seeds() {
    long[] s = new long[300];
    for (int i = 0; i < s.length; i++) {
      s[i] = i + 1;
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void generalProblemsMatchTheLeastFixedPoint(long seed) {
    check(RandomProblem.general(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void positiveProblemsMatchTheLeastFixedPointOnBothQueues(long seed) {
    check(RandomProblem.positive(seed));
  }

  @Test
  void aGateReachedLateActsAndOneReachedEarlyDoesNot() {
    // a corridor of 10 cells of 10 s each way: the mover reaches cell 5 after 50 s
    float[] f = new float[10];
    Arrays.fill(f, 1f);
    CostGrid grid = new CostGrid(10, 1, 10.0, f);
    CostDistanceSearch s = new CostDistanceSearch(grid);
    Gates late = one(40);
    s.run(Query.from(0), late);
    assertThat(s.gateReach(0)).isEqualTo(50.0);
    assertThat(s.gateActive(0)).isTrue();
    assertThat(s.cost(9)).isEqualTo(190.0);
    Gates early = one(60);
    s.run(Query.from(0), early);
    assertThat(s.gateActive(0)).isFalse();
    assertThat(s.gateDecided(0)).isTrue();
    assertThat(s.cost(9)).isEqualTo(90.0);
    s.run(Query.from(0));
    assertThat(s.gateReach(0)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void aSearchStoppedAtItsTargetsReportsAGateItReachedButDidNotDecide() {
    // two rows of 10 cells (the second keeps the queue busy); the gate at cell 5 of the first
    float[] f = new float[20];
    Arrays.fill(f, 1f);
    CostDistanceSearch s = new CostDistanceSearch(new CostGrid(10, 2, 10.0, f));
    Gates.Builder b = Gates.builder(20, 0);
    b.add(40, new int[] {5}, 100, new int[0], 0);
    Gates gate = b.build();
    for (QueueStrategy q : new QueueStrategy[] {QueueStrategy.BUCKET, QueueStrategy.HEAP}) {
      // cell 4 (40 s) settles, and stops the search, before the gate (reach 50 s) is decided
      s.run(Query.from(0, 10).withTargetGroups(new int[][] {{4}}).withStrategy(q), gate);
      assertThat(s.cost(4)).as("%s", q).isEqualTo(40.0);
      assertThat(s.gatePending(0)).as("%s", q).isTrue();
      assertThat(s.gateDecided(0)).as("%s", q).isFalse();
      s.run(Query.from(0, 10).withStrategy(q), gate);
      assertThat(s.gatePending(0)).as("%s", q).isFalse();
      assertThat(s.gateDecided(0)).as("%s", q).isTrue();
    }
  }

  /** One gate at cell 5 of 10 adding 100 s. */
  private static Gates one(double threshold) {
    Gates.Builder b = Gates.builder(10, 0);
    b.add(threshold, new int[] {5}, 100, new int[0], 0);
    return b.build();
  }

  @Test
  void aGateThatDelaysTheWayToAnotherMakesItAct() {
    // gate 0 at cell 3 (threshold 25: acts, +100 s) makes the mover late for gate 1 at cell 7
    // (threshold 100), which a search without gate 0 would reach at 70 s
    float[] f = new float[10];
    Arrays.fill(f, 1f);
    CostDistanceSearch s = new CostDistanceSearch(new CostGrid(10, 1, 10.0, f));
    Gates.Builder b = Gates.builder(10, 0);
    b.add(25, new int[] {3}, 100, new int[0], 0);
    b.add(100, new int[] {7}, 50, new int[0], 0);
    s.run(Query.from(0), b.build());
    assertThat(s.gateActive(0)).isTrue();
    assertThat(s.gateReach(1)).isEqualTo(170.0);
    assertThat(s.gateActive(1)).isTrue();
    assertThat(s.cost(9)).isEqualTo(240.0);
  }

  @Test
  void gatedSearchesStayOnTheBucketQueue() {
    int bucket = 0;
    int runs = 0;
    for (long seed = 1; seed <= 60; seed++) {
      RandomProblem p = RandomProblem.positive(seed);
      Gates.Builder b =
          Gates.builder(p.grid.cellCount(), p.graph == null ? 0 : p.graph.edgeCount());
      b.add(0, new int[] {p.grid.cellCount() / 2}, 10, new int[0], 0);
      CostDistanceSearch s = new CostDistanceSearch(p.grid, p.graph);
      s.run(Query.from(0), b.build());
      if (s.settledCount() > 1) {
        runs++;
        bucket += s.lastStrategy() == QueueStrategy.BUCKET ? 1 : 0;
      }
    }
    assertThat(bucket).as("of %d gated searches", runs).isGreaterThan(runs / 2);
  }

  @Test
  void badGatesAreRefused() {
    assertThatThrownBy(() -> Gates.builder(4, 0).add(0, new int[] {4}, 1, new int[0], 0))
        .hasMessageContaining("cell 4 out of 0..3");
    assertThatThrownBy(() -> Gates.builder(4, 0).add(0, new int[] {1}, -1, new int[0], 0))
        .hasMessageContaining("finite and >= 0");
    CostDistanceSearch s = new CostDistanceSearch(new CostGrid(2, 2, 1.0, new float[4]));
    Gates other = Gates.builder(9, 0).build();
    assertThatThrownBy(() -> s.run(Query.from(0), other)).hasMessageContaining("another grid");
  }

  private static void check(RandomProblem p) {
    SplittableRandom rnd = new SplittableRandom(p.seed * 131 + 3);
    int cells = p.grid.cellCount();
    int edges = p.graph == null ? 0 : p.graph.edgeCount();
    CostDistanceSearch search = new CostDistanceSearch(p.grid, p.graph);
    for (int round = 0; round < 4; round++) {
      int[] src = new int[1 + rnd.nextInt(2)];
      for (int i = 0; i < src.length; i++) {
        src[i] = rnd.nextInt(p.nodeCount);
      }
      Gates.Builder b = Gates.builder(cells, edges);
      int count = 1 + rnd.nextInt(5);
      for (int g = 0; g < count; g++) {
        int[] gc = new int[rnd.nextInt(4)];
        for (int i = 0; i < gc.length; i++) {
          gc[i] = rnd.nextInt(cells);
        }
        int[] ge = new int[edges == 0 ? 0 : rnd.nextInt(3)];
        for (int i = 0; i < ge.length; i++) {
          ge[i] = rnd.nextInt(edges);
        }
        double threshold =
            switch (rnd.nextInt(8)) {
              case 0 -> Double.NEGATIVE_INFINITY;
              case 1 -> Double.NaN;
              default -> rnd.nextDouble(0, 400);
            };
        b.add(
            threshold,
            gc,
            rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(0, 150),
            ge,
            rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(0, 150));
      }
      Gates gates = b.build();
      Reference ref = new Reference(p, gates, src);
      for (QueueStrategy strategy : QueueStrategy.values()) {
        String ctx = "seed=" + p.seed + " round=" + round + " strategy=" + strategy;
        search.run(Query.from(src).withStrategy(strategy), gates);
        for (int v = 0; v < p.nodeCount; v++) {
          assertThat(search.cost(v)).as(ctx + " node " + v).isEqualTo(ref.dist[v]);
        }
        for (int g = 0; g < count; g++) {
          assertThat(search.gateReach(g)).as(ctx + " reach of gate " + g).isEqualTo(ref.reach[g]);
          if (ref.reach[g] < Double.POSITIVE_INFINITY) {
            assertThat(search.gateActive(g)).as(ctx + " gate " + g).isEqualTo(ref.active[g]);
          }
        }
      }
    }
  }

  /** The least fixed point by monotone iteration of plain searches. */
  private static final class Reference {
    final double[] dist;
    final double[] reach;
    final boolean[] active;

    Reference(RandomProblem p, Gates gates, int[] src) {
      int n = gates.count();
      boolean[] s = new boolean[n];
      while (true) {
        Pass pass = new Pass(p, gates, s, src);
        boolean[] next = new boolean[n];
        for (int g = 0; g < n; g++) {
          next[g] = gates.threshold[g] <= pass.reach[g];
          assertThat(!s[g] || next[g]).as("seed %d: monotone", p.seed).isTrue();
        }
        if (Arrays.equals(next, s)) {
          dist = pass.dist;
          reach = pass.reach;
          active = s;
          return;
        }
        s = next;
      }
    }
  }

  /** A textbook Dijkstra with a fixed set of acting gates, and each gate's reach from it. */
  private static final class Pass {
    final double[] dist;
    final double[] reach;

    Pass(RandomProblem p, Gates gates, boolean[] on, int[] src) {
      int cells = p.grid.cellCount();
      ReferenceDijkstra gridMoves = new ReferenceDijkstra(p.grid, null);
      dist = new double[p.nodeCount];
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      reach = new double[gates.count()];
      Arrays.fill(reach, Double.POSITIVE_INFINITY);
      boolean[] done = new boolean[p.nodeCount];
      PriorityQueue<double[]> pq = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
      for (int v : src) {
        if (v >= cells || gridMoves.passable(v)) {
          dist[v] = 0;
          pq.add(new double[] {0, v});
        }
      }
      while (!pq.isEmpty()) {
        double[] top = pq.poll();
        int a = (int) top[1];
        if (done[a]) {
          continue;
        }
        done[a] = true;
        double da = dist[a];
        if (a < cells) {
          gridMoves.forEachMove(a, (b, cost) -> relax(gates, on, cells, da, -1, b, cost, pq));
        }
        if (p.graph != null && a < p.graph.nodeCount()) {
          for (int e = p.graph.firstEdge(a); e < p.graph.firstEdge(a + 1); e++) {
            int b = p.graph.target(e);
            if (b < cells && !gridMoves.passable(b)) {
              continue;
            }
            double cost = p.graph.cost(e);
            if (b < cells && p.grid.penalty() != null) {
              cost += p.grid.penalty()[b];
            }
            relax(gates, on, cells, da, e, b, cost, pq);
          }
        }
      }
    }

    private void relax(
        Gates gates,
        boolean[] on,
        int cells,
        double da,
        int e,
        int b,
        double cost,
        PriorityQueue<double[]> pq) {
      double nd = da + cost;
      if (!(nd < Double.POSITIVE_INFINITY)) {
        return;
      }
      for (int g = 0; g < gates.count(); g++) {
        if (e >= 0 && Arrays.binarySearch(gates.edges[g], e) >= 0) {
          reach[g] = Math.min(reach[g], da);
          nd += on[g] ? gates.edgeDelay[g] : 0;
        }
      }
      double add = 0;
      for (int g = 0; g < gates.count(); g++) {
        if (b < cells && Arrays.binarySearch(gates.cells[g], b) >= 0) {
          reach[g] = Math.min(reach[g], nd);
          add += on[g] ? gates.cellDelay[g] : 0;
        }
      }
      nd += add;
      if (nd < dist[b]) {
        dist[b] = nd;
        pq.add(new double[] {nd, b});
      }
    }
  }
}
