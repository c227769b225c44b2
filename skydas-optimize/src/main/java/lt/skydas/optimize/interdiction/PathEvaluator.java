package lt.skydas.optimize.interdiction;

import java.util.Arrays;
import lt.skydas.optimize.graph.CsrGraph;
import lt.skydas.optimize.graph.IndexedMinHeap;

/**
 * Shortest s–t path under an interdiction plan: arc a costs c_a + d_a when interdicted. Dijkstra on
 * the network's {@link CsrGraph}; stops when the sink is settled. O((N + E) log E) per call,
 * allocation-free after construction. Not thread-safe: one per thread (reuses its arrays).
 *
 * <p><b>Queue.</b> Lazy deletion on an {@link IndexedMinHeap} whose items are the search's pushes
 * (entry {@code i} labels node {@code entryNode[i]}; at most {@code arcs + 1} per search): an
 * improved node gets a new entry, stale ones are skipped. This fixes which of several equally short
 * paths {@link #lastPath} returns, and with it the plans of {@link GreedyInterdiction}.
 */
public final class PathEvaluator {
  private final InterdictionNetwork g;
  private final CsrGraph graph;
  private final double[] dist;
  private final int[] predArc;
  private final IndexedMinHeap heap;
  private final int[] entryNode;
  private int entries;

  public PathEvaluator(InterdictionNetwork g) {
    this.g = g;
    this.graph = g.graph();
    this.dist = new double[graph.nodeCount()];
    this.predArc = new int[graph.nodeCount()];
    this.heap = new IndexedMinHeap(graph.arcCount() + 1);
    this.entryNode = new int[graph.arcCount() + 1];
  }

  /** Length of the shortest s–t path with {@code x} interdicted (+Inf when disconnected). */
  public double value(boolean[] x) {
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(predArc, -1);
    heap.clear();
    entries = 0;
    dist[g.source()] = 0;
    push(g.source(), 0);
    while (!heap.isEmpty()) {
      double du = heap.peekKey();
      int u = entryNode[heap.poll()];
      if (du > dist[u]) {
        continue; // stale entry
      }
      if (u == g.sink()) {
        return du;
      }
      for (int a = graph.firstArc(u), e = graph.endArc(u); a < e; a++) {
        double nd = du + g.length[a] + (x[a] ? g.delay[a] : 0);
        int v = graph.head(a);
        if (nd < dist[v]) {
          dist[v] = nd;
          predArc[v] = a;
          push(v, nd);
        }
      }
    }
    return dist[g.sink()];
  }

  private void push(int v, double key) {
    entryNode[entries] = v;
    heap.add(entries++, key);
  }

  /** Arcs of the path found by the last {@link #value} call, source to sink. */
  public int[] lastPath() {
    return graph.pathTo(predArc, g.sink());
  }
}
