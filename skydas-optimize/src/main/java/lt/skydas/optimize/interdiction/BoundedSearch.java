package lt.skydas.optimize.interdiction;

import java.util.Arrays;
import lt.skydas.optimize.graph.CsrGraph;
import lt.skydas.optimize.graph.IndexedMinHeap;

/**
 * Shortest s–t paths in integer ticks, pruned at a threshold: an A* search whose potential is the
 * nominal distance to the sink ({@code toSink}, computed once on the uninterdicted lengths), so it
 * is admissible and consistent for every plan (interdiction only lengthens arcs). It returns the
 * shortest path only when that path is shorter than {@code limit}; the search never settles a node
 * whose key reaches the limit, so far from the sink's corridor it touches almost nothing.
 *
 * <p>Contract: {@code w[a] >= length[a]} for every arc (the caller passes lengths plus delays);
 * ticks are non-negative and every path's ticks plus a potential stay below 2^53, so the heap's
 * {@code double} keys are exact. Allocation-free per search after construction (a per-node epoch
 * stamp replaces clearing). Not thread-safe: one instance per thread, its arrays are reused between
 * calls.
 */
final class BoundedSearch {
  private final CsrGraph graph;
  private final long[] toSink;
  private final int source;
  private final int sink;
  private final long[] dist;
  private final int[] predArc;
  private final int[] stamp;
  private final IndexedMinHeap heap;
  private final int[] entryNode;
  private int entries;
  private int epoch;
  private long settled;

  /**
   * @param toSink nominal distance from each node to the sink, {@link Long#MAX_VALUE} where the
   *     sink cannot be reached
   */
  BoundedSearch(CsrGraph graph, long[] toSink, int source, int sink) {
    this.graph = graph;
    this.toSink = toSink;
    this.source = source;
    this.sink = sink;
    this.dist = new long[toSink.length];
    this.predArc = new int[toSink.length];
    this.stamp = new int[toSink.length];
    this.heap = new IndexedMinHeap(graph.arcCount() + 1);
    this.entryNode = new int[graph.arcCount() + 1];
  }

  /** Nodes settled by all searches so far (a work counter for reports). */
  long settled() {
    return settled;
  }

  /**
   * Length of the shortest path under arc weights {@code w} if it is below {@code limit}, else -1;
   * {@link #lastPath} then gives the path.
   */
  long shortestBelow(long[] w, long limit) {
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
    heap.clear();
    entries = 0;
    if (toSink[source] == Long.MAX_VALUE || toSink[source] >= limit) {
      return -1;
    }
    visit(source, 0, -1);
    push(source, toSink[source]);
    while (!heap.isEmpty()) {
      double key = heap.peekKey();
      int u = entryNode[heap.poll()];
      if (key >= limit) {
        return -1;
      }
      long du = dist[u];
      if (key != du + toSink[u]) {
        continue; // stale entry
      }
      settled++;
      if (u == sink) {
        return du;
      }
      for (int a = graph.firstArc(u), e = graph.endArc(u); a < e; a++) {
        int v = graph.head(a);
        long h = toSink[v];
        if (h == Long.MAX_VALUE) {
          continue;
        }
        long nd = du + w[a];
        if (nd + h >= limit) {
          continue;
        }
        if (stamp[v] != epoch || nd < dist[v]) {
          visit(v, nd, a);
          push(v, nd + h);
        }
      }
    }
    return -1;
  }

  private void push(int v, long key) {
    if (entries == entryNode.length) {
      throw new IllegalStateException("more pushes than arcs: is w[a] >= length[a]?");
    }
    entryNode[entries] = v;
    heap.add(entries++, key);
  }

  /** Arcs of the last path found, source to sink. */
  int[] lastPath() {
    return graph.pathTo(predArc, sink);
  }

  private void visit(int v, long d, int a) {
    stamp[v] = epoch;
    dist[v] = d;
    predArc[v] = a;
  }
}
