package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.graph.CsrGraph;
import lt.skydas.optimize.graph.Dijkstra;
import lt.skydas.optimize.graph.IndexedMinHeap;

/**
 * Reusable single-pair shortest-path search (A* on an {@link IndexedMinHeap}) over a scenario's CSR
 * arrays in {@link ModelIndex}. The potential is the scenario's unobstructed distance to the sink,
 * which is consistent for every plan because options only lengthen arcs; the search stops when the
 * sink is settled. Nodes that cannot reach the sink (infinite potential) are never opened.
 * Allocation-free per search (a per-node epoch stamp replaces clearing). Not thread-safe: one per
 * thread.
 */
final class PathSearch {
  private final double[] dist;
  private final int[] pred;
  private final int[] seen;
  private final IndexedMinHeap heap;
  private int epoch;
  private int lastScenario = -1;
  private ModelIndex lastIndex;

  /** The scenarios of {@link #graphsOf} as graphs, made on first use. */
  private CsrGraph[] graphs;

  private ModelIndex graphsOf;

  PathSearch(int nodes) {
    dist = new double[nodes];
    pred = new int[nodes];
    seen = new int[nodes];
    heap = new IndexedMinHeap(nodes);
  }

  /**
   * Length of the shortest source–sink path of scenario {@code k} with arc weights {@code w} (each
   * {@code ≥} the arc's base length, +Inf for a blocked arc); +Inf when the sink is unreachable.
   */
  double run(ModelIndex ix, int k, double[] w) {
    lastIndex = ix;
    lastScenario = k;
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      epoch = 1;
    }
    final int[] first = ix.first[k];
    final int[] head = ix.head[k];
    final double[] h = ix.potential[k];
    final int s = ix.source[k];
    final int t = ix.sink[k];
    final int open = epoch; // seen[v] == open: labelled in this search (in heap or settled)
    heap.clear();
    if (!Double.isFinite(h[s])) {
      return Double.POSITIVE_INFINITY;
    }
    seen[s] = open;
    dist[s] = 0;
    pred[s] = -1;
    heap.add(s, h[s]);
    while (!heap.isEmpty()) {
      int u = heap.poll();
      if (u == t) {
        return dist[t];
      }
      double du = dist[u];
      for (int a = first[u], e = first[u + 1]; a < e; a++) {
        int v = head[a];
        double hv = h[v];
        if (hv == Double.POSITIVE_INFINITY) {
          continue;
        }
        double wa = w[a];
        if (wa == Double.POSITIVE_INFINITY) {
          continue; // a blocked arc
        }
        double nd = du + wa;
        if (seen[v] != open) {
          seen[v] = open;
          dist[v] = nd;
          pred[v] = a;
          heap.add(v, nd + hv);
        } else if (nd < dist[v] && heap.contains(v)) {
          dist[v] = nd;
          pred[v] = a;
          heap.decreaseKey(v, nd + hv);
        }
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Arcs of the path found by the last successful {@link #run}, source to sink. */
  int[] lastPath() {
    ModelIndex ix = lastIndex;
    int k = lastScenario;
    if (graphsOf != ix) {
      graphs = new CsrGraph[ix.scenarios];
      graphsOf = ix;
    }
    if (graphs[k] == null) {
      graphs[k] = scenario(ix, k);
    }
    return graphs[k].pathTo(pred, ix.sink[k]);
  }

  /** Scenario {@code k}'s arrays as a graph (no copy). */
  private static CsrGraph scenario(ModelIndex ix, int k) {
    return CsrGraph.ofSorted(ix.first[k], ix.tail[k], ix.head[k]);
  }

  /**
   * Unobstructed distance from scenario {@code k}'s source to every node (Dijkstra with base
   * lengths); +Inf where the source does not reach.
   */
  static double[] distancesFromSource(ModelIndex ix, int k) {
    return Dijkstra.distances(scenario(ix, k), ix.length[k], ix.source[k]);
  }

  /**
   * Unobstructed distance from every node of scenario {@code k} to its sink (Dijkstra on the
   * reversed graph with base lengths); +Inf where the sink cannot be reached.
   */
  static double[] distancesToSink(ModelIndex ix, int k) {
    return Dijkstra.distances(scenario(ix, k).reverse(), ix.length[k], ix.sink[k]);
  }
}
