package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CostDistanceSearchTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static CostGrid uniform(int w, int h, float value) {
    float[] f = new float[w * h];
    Arrays.fill(f, value);
    return new CostGrid(w, h, 1.0, f);
  }

  @ParameterizedTest
  @EnumSource(QueueStrategy.class)
  void noSourcesMeansEverythingUnreached(QueueStrategy strategy) {
    CostDistanceSearch s = new CostDistanceSearch(uniform(5, 4, 1f));
    s.run(Query.from().withStrategy(strategy));
    double[] c = new double[20];
    s.copyCosts(c);
    assertThat(c).containsOnly(INF);
    assertThat(s.settledCount()).isZero();
    assertThat(s.predecessor(3)).isEqualTo(-1);
  }

  @ParameterizedTest
  @EnumSource(QueueStrategy.class)
  void sourceOnImpassableCellIsIgnored(QueueStrategy strategy) {
    float[] f = {1, 1, Float.NaN, 1};
    CostDistanceSearch s = new CostDistanceSearch(new CostGrid(2, 2, 1, f));
    s.run(Query.from(2).withStrategy(strategy));
    assertThat(s.cost(2)).isEqualTo(INF);
    assertThat(s.cost(0)).isEqualTo(INF);
    s.run(Query.from(2, 0).withStrategy(strategy));
    assertThat(s.cost(0)).isZero();
    assertThat(s.cost(1)).isEqualTo(1.0);
    assertThat(s.cost(3)).isEqualTo(Math.sqrt(2) * 0.5 * 2);
    assertThat(s.cost(2)).isEqualTo(INF);
  }

  @ParameterizedTest
  @EnumSource(QueueStrategy.class)
  void initialCostsAreHonoured(QueueStrategy strategy) {
    CostDistanceSearch s = new CostDistanceSearch(uniform(5, 1, 2f));
    s.run(Query.from(0, 4).withInitialCosts(0, 5).withStrategy(strategy));
    // from 0: 0,2,4,6,8 ; from 4: 13,11,9,7,5
    assertThat(new double[] {s.cost(0), s.cost(1), s.cost(2), s.cost(3), s.cost(4)})
        .containsExactly(0, 2, 4, 6, 5);
    assertThat(s.predecessor(4)).isEqualTo(-1);
    assertThat(s.predecessor(3)).isEqualTo(2);
    assertThat(s.path(3)).containsExactly(0, 1, 2, 3);
  }

  @ParameterizedTest
  @EnumSource(QueueStrategy.class)
  void cutoffReportsInfinityBeyond(QueueStrategy strategy) {
    CostDistanceSearch s = new CostDistanceSearch(uniform(10, 1, 1f));
    s.run(Query.from(0).withCutoff(3).withStrategy(strategy));
    assertThat(s.cost(3)).isEqualTo(3);
    assertThat(s.cost(4)).isEqualTo(INF);
    assertThat(s.settledCount()).isEqualTo(4);
  }

  @Test
  void roadEdgesShortcutAndCostsCanBeSwapped() {
    // 1 x 10 row of friction 10, plus one road node 10 connected to cells 0 and 9
    CostGrid g = uniform(10, 1, 10f);
    EdgeGraph.Builder b = EdgeGraph.builder(11);
    b.addUndirected(0, 10, 1.0);
    b.addUndirected(10, 9, 2.0);
    EdgeGraph roads = b.freeze();
    CostDistanceSearch s = new CostDistanceSearch(g, roads);
    s.run(Query.from(0));
    assertThat(s.cost(9)).isEqualTo(3.0);
    assertThat(s.path(9)).containsExactly(0, 10, 9);
    assertThat(s.lastStrategy()).isEqualTo(QueueStrategy.BUCKET);

    s.setEdgeGraph(roads.withCosts(new double[] {INF, INF, 2, 2}));
    s.run(Query.from(0));
    assertThat(s.cost(9)).isEqualTo(90.0);
    assertThat(s.cost(10)).isEqualTo(92.0);
  }

  @Test
  void zeroFrictionFallsBackToHeapAndStaysExact() {
    float[] f = {0, 0, 0, 5};
    CostDistanceSearch s = new CostDistanceSearch(new CostGrid(4, 1, 1, f));
    s.run(Query.from(0).withStrategy(QueueStrategy.BUCKET));
    assertThat(s.lastStrategy()).isEqualTo(QueueStrategy.HEAP);
    assertThat(s.cost(2)).isZero();
    assertThat(s.cost(3)).isEqualTo(2.5);
  }

  @Test
  void penaltiesApplyOnEntryAndInfiniteBlocks() {
    float[] f = {1, 1, 1};
    float[] p = {0, 7, Float.POSITIVE_INFINITY};
    CostGrid g = new CostGrid(3, 1, 1, f, p, CostGrid.Neighbourhood.EIGHT);
    CostDistanceSearch s = new CostDistanceSearch(g);
    s.run(Query.from(0));
    assertThat(s.cost(1)).isEqualTo(8);
    assertThat(s.cost(2)).isEqualTo(INF);
    s.run(Query.from(2));
    assertThat(s.cost(2)).isZero();
    assertThat(s.cost(0)).isEqualTo(9);
  }

  @Test
  void knightMoveAveragesFourCellsLikeRcost() {
    // 2 rows x 3 cols; knight move (0,0)->(1,2) passes between (0,1) and (1,1)
    float[] f = {1, 2, 100, 100, 3, 4};
    CostGrid g = new CostGrid(3, 2, 2.0, f, null, CostGrid.Neighbourhood.SIXTEEN);
    CostDistanceSearch s = new CostDistanceSearch(g);
    s.run(Query.from(0));
    double knight = (((1.0 + 4.0) + 2.0) + 3.0) * (0.25 * (2.0 * Math.sqrt(5)));
    assertThat(s.cost(5)).isEqualTo(knight);
    assertThat(s.predecessor(5)).isEqualTo(0);
  }

  @Test
  void stateIsReusedAcrossManyQueries() {
    CostGrid g = uniform(7, 7, 1f);
    CostDistanceSearch s = new CostDistanceSearch(g);
    for (int i = 0; i < 1000; i++) {
      int src = i % 49;
      s.run(Query.from(src).withTargets((src + 1) % 49));
      assertThat(s.cost((src + 1) % 49)).isPositive().isFinite();
    }
    s.run(Query.from(0));
    assertThat(s.settledCount()).isEqualTo(49);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new CostGrid(0, 1, 1, new float[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CostGrid(2, 1, 1, new float[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EdgeGraph.builder(2).addEdge(0, 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.from(0).withInitialCosts(-1))
        .isInstanceOf(IllegalArgumentException.class);
    CostDistanceSearch s = new CostDistanceSearch(uniform(2, 2, 1));
    assertThatThrownBy(() -> s.run(Query.from(4))).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void bucketQueueFallsBackToHeapWhenRoundingCouldBreakItsInvariant() {
    // at 1e17 one ulp is 16, so adding move costs of ~1 cannot advance the bucket index
    CostGrid g = uniform(6, 5, 1f);
    CostDistanceSearch s = new CostDistanceSearch(g);
    double[] init = {1e17, 3};
    s.run(Query.from(0, 29).withInitialCosts(init).withStrategy(QueueStrategy.BUCKET));
    assertThat(s.lastStrategy()).isEqualTo(QueueStrategy.HEAP);
    double[] expected = new ReferenceDijkstra(g, null).run(new int[] {0, 29}, init, INF);
    for (int v = 0; v < 30; v++) {
      assertThat(s.cost(v)).as("node " + v).isEqualTo(expected[v]);
    }
    s.run(Query.from(0).withStrategy(QueueStrategy.BUCKET));
    assertThat(s.lastStrategy()).isEqualTo(QueueStrategy.BUCKET);
  }

  /**
   * One search switched between grids (other frictions, with and without penalties, tiles cut by
   * the grid's edge) gives each grid exactly the costs and paths of a fresh search on it: the
   * frictions copied into the search's layout follow the grid.
   */
  @Test
  void aSearchSwitchedBetweenGridsGivesEachItsOwnCosts() {
    int w = 37;
    int h = 23;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    float[] a = new float[w * h];
    float[] b = new float[w * h];
    float[] pen = new float[w * h];
    for (int i = 0; i < a.length; i++) {
      a[i] = 1 + (float) rnd.nextDouble(9);
      b[i] = rnd.nextInt(10) == 0 ? Float.NaN : 1 + (float) rnd.nextDouble(3);
      pen[i] = rnd.nextInt(5) == 0 ? (float) rnd.nextDouble(20) : 0;
    }
    CostGrid[] grids = {
      new CostGrid(w, h, 10, a),
      new CostGrid(w, h, 10, b, pen, CostGrid.Neighbourhood.EIGHT),
      new CostGrid(w, h, 10, b),
      new CostGrid(w, h, 10, a, pen, CostGrid.Neighbourhood.EIGHT)
    };
    CostDistanceSearch s = new CostDistanceSearch(grids[0]);
    Query q = Query.from(5 * w + 7, (h - 1) * w + w - 1);
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < grids.length; k++) {
        s.setGrid(grids[k]);
        s.run(q);
        CostDistanceSearch fresh = new CostDistanceSearch(grids[k]);
        fresh.run(q);
        double[] got = new double[w * h];
        double[] want = new double[w * h];
        s.copyCosts(got);
        fresh.copyCosts(want);
        assertThat(got).as("round %d grid %d", round, k).containsExactly(want);
        for (int v = 0; v < w * h; v += 17) {
          assertThat(s.path(v)).as("grid %d path to %d", k, v).containsExactly(fresh.path(v));
        }
      }
    }
  }

  /**
   * A few penalties on cells at tiles' corners and edges of a grid several tiles wide: the bucket
   * kernel, which skips reading penalties in tiles with none near, and moves across tile edges by
   * table, must give the heap's costs (the generic code reads every penalty).
   */
  @Test
  void sparsePenaltiesAtTileEdgesCostTheSameWithBucketsAsWithTheHeap() {
    int w = 83;
    int h = 71;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    float[] f = new float[w * h];
    float[] pen = new float[w * h];
    for (int i = 0; i < f.length; i++) {
      f[i] = 1 + (float) rnd.nextDouble(4);
    }
    int[][] at = {{32, 32}, {31, 47}, {48, 16}, {47, 63}, {16, 33}, {63, 64}};
    for (int[] rc : at) {
      pen[rc[0] * w + rc[1]] = 500 + rnd.nextInt(500);
    }
    CostGrid grid = new CostGrid(w, h, 10, f, pen, CostGrid.Neighbourhood.EIGHT);
    for (int src : new int[] {20 * w + 20, 40 * w + 55, 0, h * w - 1}) {
      CostDistanceSearch bucket = new CostDistanceSearch(grid);
      CostDistanceSearch heap = new CostDistanceSearch(grid);
      bucket.run(Query.from(src).withStrategy(QueueStrategy.BUCKET));
      heap.run(Query.from(src).withStrategy(QueueStrategy.HEAP));
      assertThat(bucket.lastStrategy()).isEqualTo(QueueStrategy.BUCKET);
      double[] got = new double[w * h];
      double[] want = new double[w * h];
      bucket.copyCosts(got);
      heap.copyCosts(want);
      assertThat(got).as("source %d", src).containsExactly(want);
    }
  }

  /** A query without paths gives the same costs and refuses to tell paths until one with them. */
  @Test
  void aQueryWithoutPathsGivesTheSameCostsAndRefusesPaths() {
    int w = 41;
    int h = 37;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    float[] f = new float[w * h];
    for (int i = 0; i < f.length; i++) {
      f[i] = rnd.nextInt(8) == 0 ? Float.NaN : 1 + (float) rnd.nextDouble(5);
    }
    CostGrid grid = new CostGrid(w, h, 10, f);
    EdgeGraph.Builder b = EdgeGraph.builder(w * h);
    b.addUndirected(0, w * h - 1, 5);
    EdgeGraph roads = b.freeze();
    for (QueueStrategy st : QueueStrategy.values()) {
      CostDistanceSearch s = new CostDistanceSearch(grid, roads);
      Query q = Query.from(3 * w + 4).withStrategy(st);
      s.run(q);
      double[] want = new double[w * h];
      s.copyCosts(want);
      int[] path = s.path(w * h - 2);
      s.run(q.withoutPaths());
      double[] got = new double[w * h];
      s.copyCosts(got);
      assertThat(got).as("%s", st).containsExactly(want);
      assertThatThrownBy(() -> s.path(w * h - 2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("withoutPaths");
      assertThatThrownBy(() -> s.predecessor(5)).isInstanceOf(IllegalStateException.class);
      s.run(q);
      assertThat(s.path(w * h - 2)).as("%s", st).containsExactly(path);
    }
  }
}
