package lt.skydas.optimize.solve;

import java.util.Arrays;

/**
 * Reusable single-pair shortest-path search (A* with an indexed binary heap on primitive arrays)
 * for one thread. The potential is the scenario's unobstructed distance to the sink, which is
 * consistent for every plan because options only lengthen arcs; the search stops when the sink is
 * settled. Nodes that cannot reach the sink (infinite potential) are never opened.
 */
final class PathSearch {
  private final double[] dist;
  private final int[] pred;
  private final int[] seen;
  private final int[] heap;
  private final int[] pos;
  private final double[] key;
  private int size;
  private int epoch;
  private int lastScenario = -1;
  private ModelIndex lastIndex;

  PathSearch(int nodes) {
    dist = new double[nodes];
    pred = new int[nodes];
    seen = new int[nodes];
    heap = new int[nodes];
    pos = new int[nodes];
    key = new double[nodes];
  }

  /**
   * Length of the shortest source–sink path of scenario {@code k} with arc weights {@code w} (each
   * {@code ≥} the arc's base length); +Inf when the sink is unreachable.
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
    size = 0;
    if (!Double.isFinite(h[s])) {
      return Double.POSITIVE_INFINITY;
    }
    touch(s, open);
    dist[s] = 0;
    pred[s] = -1;
    push(s, h[s]);
    while (size > 0) {
      int u = pop();
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
          touch(v, open);
          dist[v] = nd;
          pred[v] = a;
          push(v, nd + hv);
        } else if (nd < dist[v] && pos[v] >= 0) {
          dist[v] = nd;
          pred[v] = a;
          decrease(v, nd + hv);
        }
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private void touch(int v, int open) {
    seen[v] = open;
    pos[v] = -1;
  }

  /** Arcs of the path found by the last successful {@link #run}, source to sink. */
  int[] lastPath() {
    ModelIndex ix = lastIndex;
    int k = lastScenario;
    int[] tail = ix.tail[k];
    int n = 0;
    for (int v = ix.sink[k]; pred[v] >= 0; v = tail[pred[v]]) {
      n++;
    }
    int[] p = new int[n];
    for (int v = ix.sink[k]; pred[v] >= 0; v = tail[pred[v]]) {
      p[--n] = pred[v];
    }
    return p;
  }

  private void push(int v, double k) {
    int i = size++;
    key[v] = k;
    siftUp(v, i);
  }

  private void decrease(int v, double k) {
    key[v] = k;
    siftUp(v, pos[v]);
  }

  private void siftUp(int v, int i) {
    double k = key[v];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      int pv = heap[p];
      if (key[pv] <= k) {
        break;
      }
      heap[i] = pv;
      pos[pv] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private int pop() {
    int top = heap[0];
    pos[top] = -2; // settled
    int last = heap[--size];
    if (size > 0) {
      double k = key[last];
      int i = 0;
      int half = size >>> 1;
      while (i < half) {
        int c = 2 * i + 1;
        int cv = heap[c];
        int r = c + 1;
        if (r < size && key[heap[r]] < key[cv]) {
          c = r;
          cv = heap[r];
        }
        if (k <= key[cv]) {
          break;
        }
        heap[i] = cv;
        pos[cv] = i;
        i = c;
      }
      heap[i] = last;
      pos[last] = i;
    }
    return top;
  }

  /**
   * Unobstructed distance from scenario {@code k}'s source to every node (Dijkstra with base
   * lengths); +Inf where the source does not reach.
   */
  static double[] distancesFromSource(ModelIndex ix, int k) {
    int[] first = ix.first[k];
    int[] head = ix.head[k];
    double[] len = ix.length[k];
    int n = first.length - 1;
    double[] d = new double[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    PathSearch q = new PathSearch(n);
    q.epoch = 1;
    Arrays.fill(q.seen, 1);
    Arrays.fill(q.pos, -1);
    int s = ix.source[k];
    d[s] = 0;
    q.push(s, 0);
    while (q.size > 0) {
      int u = q.pop();
      double du = d[u];
      for (int a = first[u]; a < first[u + 1]; a++) {
        int v = head[a];
        double nd = du + len[a];
        if (nd < d[v] && q.pos[v] != -2) {
          boolean inHeap = q.pos[v] >= 0;
          d[v] = nd;
          if (inHeap) {
            q.decrease(v, nd);
          } else {
            q.push(v, nd);
          }
        }
      }
    }
    return d;
  }

  /**
   * Unobstructed distance from every node of scenario {@code k} to its sink (Dijkstra on the
   * reversed graph with base lengths); +Inf where the sink cannot be reached.
   */
  static double[] distancesToSink(ModelIndex ix, int k) {
    int[] first = ix.first[k];
    int[] tail = ix.tail[k];
    int[] head = ix.head[k];
    double[] len = ix.length[k];
    int n = first.length - 1;
    int m = head.length;
    int[] rfirst = new int[n + 1];
    for (int a = 0; a < m; a++) {
      rfirst[head[a] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      rfirst[v + 1] += rfirst[v];
    }
    int[] rarc = new int[m];
    int[] p = Arrays.copyOf(rfirst, n);
    for (int a = 0; a < m; a++) {
      rarc[p[head[a]]++] = a;
    }
    double[] d = new double[n];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    PathSearch q = new PathSearch(n);
    q.epoch = 1;
    Arrays.fill(q.seen, 1);
    Arrays.fill(q.pos, -1);
    int t = ix.sink[k];
    d[t] = 0;
    q.dist[t] = 0;
    q.push(t, 0);
    while (q.size > 0) {
      int v = q.pop();
      double dv = d[v];
      for (int i = rfirst[v]; i < rfirst[v + 1]; i++) {
        int a = rarc[i];
        int u = tail[a];
        double nd = dv + len[a];
        if (nd < d[u]) {
          boolean inHeap = q.pos[u] >= 0;
          boolean settled = q.pos[u] == -2;
          if (settled) {
            continue;
          }
          d[u] = nd;
          if (inHeap) {
            q.decrease(u, nd);
          } else {
            q.push(u, nd);
          }
        }
      }
    }
    return d;
  }
}
