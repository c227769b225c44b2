package lt.skydas.optimize.interdiction;

import java.util.Arrays;

/**
 * Shortest s–t paths in integer ticks, pruned at a threshold: an A* search whose potential is the
 * nominal distance to the sink ({@code toSink}, computed once on the uninterdicted lengths), so it
 * is admissible and consistent for every plan (interdiction only lengthens arcs). It returns the
 * shortest path only when that path is shorter than {@code limit}; the search never settles a node
 * whose key reaches the limit, so far from the sink's corridor it touches almost nothing.
 *
 * <p>Contract: {@code w[a] >= length[a]} for every arc (the caller passes lengths plus delays);
 * ticks are non-negative and small enough that sums of a path's ticks fit in a {@code long}. Not
 * thread-safe: one instance per thread, its arrays are reused between calls.
 */
final class BoundedSearch {
  private final int[] first;
  private final int[] head;
  private final int[] tail;
  private final long[] toSink;
  private final int source;
  private final int sink;
  private final long[] dist;
  private final int[] predArc;
  private final int[] stamp;
  private int epoch;
  private long[] heapKey = new long[256];
  private int[] heapNode = new int[256];
  private int size;
  private long settled;

  /**
   * @param toSink nominal distance from each node to the sink, {@link Long#MAX_VALUE} where the
   *     sink cannot be reached
   */
  BoundedSearch(int[] first, int[] head, int[] tail, long[] toSink, int source, int sink) {
    this.first = first;
    this.head = head;
    this.tail = tail;
    this.toSink = toSink;
    this.source = source;
    this.sink = sink;
    this.dist = new long[toSink.length];
    this.predArc = new int[toSink.length];
    this.stamp = new int[toSink.length];
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
    size = 0;
    if (toSink[source] == Long.MAX_VALUE || toSink[source] >= limit) {
      return -1;
    }
    visit(source, 0, -1);
    push(toSink[source], source);
    while (size > 0) {
      long key = heapKey[0];
      int u = pop();
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
      for (int a = first[u]; a < first[u + 1]; a++) {
        int v = head[a];
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
          push(nd + h, v);
        }
      }
    }
    return -1;
  }

  /** Arcs of the last path found, source to sink. */
  int[] lastPath() {
    int n = 0;
    for (int v = sink; predArc[v] >= 0; v = tail[predArc[v]]) {
      n++;
    }
    int[] p = new int[n];
    for (int v = sink; predArc[v] >= 0; v = tail[predArc[v]]) {
      p[--n] = predArc[v];
    }
    return p;
  }

  private void visit(int v, long d, int a) {
    stamp[v] = epoch;
    dist[v] = d;
    predArc[v] = a;
  }

  private void push(long k, int v) {
    if (size == heapKey.length) {
      heapKey = Arrays.copyOf(heapKey, size * 2);
      heapNode = Arrays.copyOf(heapNode, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heapKey[p] <= k) {
        break;
      }
      heapKey[i] = heapKey[p];
      heapNode[i] = heapNode[p];
      i = p;
    }
    heapKey[i] = k;
    heapNode[i] = v;
  }

  private int pop() {
    int top = heapNode[0];
    size--;
    if (size > 0) {
      long k = heapKey[size];
      int v = heapNode[size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int c = l + 1 < size && heapKey[l + 1] < heapKey[l] ? l + 1 : l;
        if (heapKey[c] >= k) {
          break;
        }
        heapKey[i] = heapKey[c];
        heapNode[i] = heapNode[c];
        i = c;
      }
      heapKey[i] = k;
      heapNode[i] = v;
    }
    return top;
  }

  /**
   * Plain Dijkstra distances from {@code from} over the arcs given by {@code first/head} (pass the
   * reverse graph for distances to a node), {@link Long#MAX_VALUE} where unreachable.
   */
  static long[] distances(int[] first, int[] head, int[] arcOf, long[] w, int from) {
    int n = first.length - 1;
    long[] d = new long[n];
    Arrays.fill(d, Long.MAX_VALUE);
    long[] zero = new long[n];
    BoundedSearch s = new BoundedSearch(first, head, new int[0], zero, from, -1);
    d[from] = 0;
    s.size = 0;
    s.push(0, from);
    while (s.size > 0) {
      long k = s.heapKey[0];
      int u = s.pop();
      if (k > d[u]) {
        continue;
      }
      for (int i = first[u]; i < first[u + 1]; i++) {
        int v = head[i];
        long nd = k + w[arcOf == null ? i : arcOf[i]];
        if (nd < d[v]) {
          d[v] = nd;
          s.push(nd, v);
        }
      }
    }
    return d;
  }
}
