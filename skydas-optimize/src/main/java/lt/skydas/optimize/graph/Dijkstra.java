package lt.skydas.optimize.graph;

import java.util.Arrays;

/**
 * One-to-all shortest-path distances on a {@link CsrGraph} (textbook Dijkstra on an {@link
 * IndexedMinHeap}): the potentials and reach tests the optimiser's searches precompute once per
 * graph, e.g. every node's distance to the sink on {@link CsrGraph#reverse()}.
 *
 * <p><b>Contract.</b> Weights are indexed by {@link CsrGraph#inputArc} (for a reversed graph: by
 * the forward graph's arc), non-negative, not NaN; +Inf marks an arc that cannot be used. Distances
 * are sums along a shortest path accumulated left to right ({@code d[v] = d[u] + w}), +Inf where
 * {@code from} does not reach.
 *
 * <p><b>Complexity.</b> O((N + E) log N) time, O(N) memory per call (a fresh heap and result).
 *
 * <p><b>Thread safety.</b> Stateless; safe from any thread.
 */
public final class Dijkstra {
  private Dijkstra() {}

  /** Distance from {@code from} to every node of {@code g} with arc weights {@code weight}. */
  public static double[] distances(CsrGraph g, double[] weight, int from) {
    int n = g.nodeCount();
    double[] d = new double[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    IndexedMinHeap q = new IndexedMinHeap(n);
    d[from] = 0;
    q.add(from, 0);
    while (!q.isEmpty()) {
      int u = q.poll();
      double du = d[u];
      for (int a = g.firstArc(u), e = g.endArc(u); a < e; a++) {
        int v = g.head(a);
        double nd = du + weight[g.inputArc(a)];
        assert !(weight[g.inputArc(a)] < 0) && nd == nd : "negative or NaN weight on arc " + a;
        if (nd < d[v]) {
          if (q.contains(v)) {
            d[v] = nd;
            q.decreaseKey(v, nd);
          } else if (d[v] == Double.POSITIVE_INFINITY) {
            d[v] = nd;
            q.add(v, nd);
          } // else settled: a non-negative weight never improves it
        }
      }
    }
    return d;
  }
}
