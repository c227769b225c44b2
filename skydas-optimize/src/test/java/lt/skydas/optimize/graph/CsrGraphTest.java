package lt.skydas.optimize.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsrGraphTest {
  @Test
  void buildSortsByTailStablyAndGathersAttributes() {
    CsrGraph.Builder b = new CsrGraph.Builder(4);
    double[] len = new double[0];
    int[][] arcs = {{2, 3}, {0, 1}, {2, 0}, {0, 2}, {3, 3}, {0, 1}};
    for (int i = 0; i < arcs.length; i++) {
      assertThat(b.add(arcs[i][0], arcs[i][1])).isEqualTo(i);
      len = b.fit(len);
      len[i] = 10 + i;
    }
    CsrGraph g = b.build();
    assertThat(g.nodeCount()).isEqualTo(4);
    assertThat(g.arcCount()).isEqualTo(6);
    // tail 0: inputs 1, 3, 5; tail 1: none; tail 2: inputs 0, 2; tail 3: input 4
    int[] expectedInput = {1, 3, 5, 0, 2, 4};
    for (int a = 0; a < 6; a++) {
      assertThat(g.inputArc(a)).isEqualTo(expectedInput[a]);
      assertThat(g.tail(a)).isEqualTo(arcs[expectedInput[a]][0]);
      assertThat(g.head(a)).isEqualTo(arcs[expectedInput[a]][1]);
    }
    assertThat(new int[] {g.firstArc(0), g.firstArc(1), g.firstArc(2), g.firstArc(3), g.endArc(3)})
        .containsExactly(0, 3, 3, 5, 6);
    assertThat(g.gather(len)).containsExactly(11, 13, 15, 10, 12, 14);
    assertThat(g.gather(new boolean[] {true, false, false, true, false, false}))
        .containsExactly(false, true, false, true, false, false);
  }

  @Test
  void randomGraphsKeepEveryArcAndReverseInvertsThem() {
    for (long seed = 1; seed <= 50; seed++) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(20);
      int m = r.nextInt(200);
      CsrGraph.Builder b = new CsrGraph.Builder(n);
      int[] from = new int[m];
      int[] to = new int[m];
      for (int i = 0; i < m; i++) {
        from[i] = r.nextInt(n);
        to[i] = r.nextInt(n);
        b.add(from[i], to[i]);
      }
      CsrGraph g = b.build();
      boolean[] seen = new boolean[m];
      for (int u = 0; u < n; u++) {
        int prev = -1;
        for (int a = g.firstArc(u); a < g.endArc(u); a++) {
          int i = g.inputArc(a);
          assertThat(g.tail(a)).as("seed %d arc %d", seed, a).isEqualTo(u).isEqualTo(from[i]);
          assertThat(g.head(a)).as("seed %d arc %d", seed, a).isEqualTo(to[i]);
          assertThat(i).as("seed %d: stable", seed).isGreaterThan(prev);
          prev = i;
          seen[i] = true;
        }
      }
      assertThat(seen).as("seed %d: every arc once", seed).doesNotContain(false);
      CsrGraph rev = g.reverse();
      assertThat(rev.arcCount()).isEqualTo(m);
      for (int v = 0; v < n; v++) {
        int prev = -1;
        for (int j = rev.firstArc(v); j < rev.endArc(v); j++) {
          int a = rev.inputArc(j);
          assertThat(rev.tail(j)).as("seed %d", seed).isEqualTo(v).isEqualTo(g.head(a));
          assertThat(rev.head(j)).as("seed %d", seed).isEqualTo(g.tail(a));
          assertThat(a).as("seed %d: stable", seed).isGreaterThan(prev);
          prev = a;
        }
      }
    }
  }

  @Test
  void copyKeepsTheArcsAndGrowsIndependently() {
    CsrGraph.Builder b = new CsrGraph.Builder(3);
    b.add(0, 1);
    CsrGraph.Builder c = b.copy(5);
    c.add(1, 2);
    assertThat(b.arcCount()).isEqualTo(1);
    assertThat(c.arcCount()).isEqualTo(2);
    assertThat(b.build().arcCount()).isEqualTo(1);
    assertThat(c.build().head(1)).isEqualTo(2);
  }

  @Test
  void growsPastTheInitialCapacity() {
    CsrGraph.Builder b = new CsrGraph.Builder(2);
    int[] tag = new int[b.capacity()];
    for (int i = 0; i < 1000; i++) {
      b.add(i % 2, (i + 1) % 2);
      tag = b.fit(tag);
      tag[i] = i;
    }
    assertThat(tag.length).isGreaterThanOrEqualTo(1000);
    CsrGraph g = b.build();
    int[] byArc = g.gather(tag);
    for (int a = 0; a < g.arcCount(); a++) {
      assertThat(byArc[a]).isEqualTo(g.inputArc(a));
    }
  }

  @Test
  void pathToFollowsPredecessorArcs() {
    CsrGraph g = new CsrGraph.Builder(4).copy(0).build(); // empty
    assertThat(g.pathTo(new int[] {-1, -1, -1, -1}, 2)).isEmpty();
    CsrGraph.Builder b = new CsrGraph.Builder(4);
    b.add(0, 1);
    b.add(1, 2);
    b.add(2, 3);
    CsrGraph h = b.build();
    assertThat(h.pathTo(new int[] {-1, 0, 1, 2}, 3)).containsExactly(0, 1, 2);
  }

  @Test
  void ofSortedAdoptsCsrArrays() {
    CsrGraph g =
        CsrGraph.ofSorted(new int[] {0, 2, 2, 3}, new int[] {0, 0, 2}, new int[] {1, 2, 0});
    assertThat(g.nodeCount()).isEqualTo(3);
    assertThat(g.inputArc(2)).isEqualTo(2);
    assertThat(g.endArc(0)).isEqualTo(2);
    assertThatThrownBy(() -> CsrGraph.ofSorted(new int[] {0, 2}, new int[] {0}, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsArcsOutsideTheNodes() {
    CsrGraph.Builder b = new CsrGraph.Builder(2);
    assertThatThrownBy(() -> b.add(0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0->2 outside 0..1");
    assertThatThrownBy(() -> b.add(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CsrGraph.Builder(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dijkstraMatchesBellmanFordOnRandomGraphs() {
    for (long seed = 1; seed <= 50; seed++) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(30);
      int m = r.nextInt(150);
      CsrGraph.Builder b = new CsrGraph.Builder(n);
      List<int[]> arcs = new ArrayList<>();
      double[] w = new double[m];
      for (int i = 0; i < m; i++) {
        int u = r.nextInt(n);
        int v = r.nextInt(n);
        b.add(u, v);
        arcs.add(new int[] {u, v});
        w[i] = r.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : r.nextInt(10);
      }
      CsrGraph g = b.build();
      int s = r.nextInt(n);
      double[] d = Dijkstra.distances(g, w, s);
      double[] ref = new double[n];
      Arrays.fill(ref, Double.POSITIVE_INFINITY);
      ref[s] = 0;
      for (int round = 0; round < n; round++) {
        for (int i = 0; i < m; i++) {
          ref[arcs.get(i)[1]] = Math.min(ref[arcs.get(i)[1]], ref[arcs.get(i)[0]] + w[i]);
        }
      }
      assertThat(d).as("seed %d: from %d", seed, s).containsExactly(ref);
      // to s: distances on the reverse graph, whose input arcs are g's (CSR) arcs
      double[] back = Dijkstra.distances(g.reverse(), g.gather(w), s);
      double[] refBack = new double[n];
      Arrays.fill(refBack, Double.POSITIVE_INFINITY);
      refBack[s] = 0;
      for (int round = 0; round < n; round++) {
        for (int i = 0; i < m; i++) {
          refBack[arcs.get(i)[0]] =
              Math.min(refBack[arcs.get(i)[0]], refBack[arcs.get(i)[1]] + w[i]);
        }
      }
      assertThat(back).as("seed %d: to %d", seed, s).containsExactly(refBack);
    }
  }
}
