package lt.skydas.optimize.interdiction;

import java.util.Arrays;

/**
 * Shortest s–t path under an interdiction plan: arc a costs c_a + d_a when interdicted. Dijkstra
 * with a lazy binary heap on primitive arrays. One per thread (reuses its arrays).
 */
public final class PathEvaluator {
  private final InterdictionNetwork g;
  private final double[] dist;
  private final int[] predArc;
  private double[] heapKey = new double[64];
  private int[] heapNode = new int[64];
  private int size;

  public PathEvaluator(InterdictionNetwork g) {
    this.g = g;
    this.dist = new double[g.nodes];
    this.predArc = new int[g.nodes];
  }

  /** Length of the shortest s–t path with {@code x} interdicted (+Inf when disconnected). */
  public double value(boolean[] x) {
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(predArc, -1);
    size = 0;
    dist[g.source] = 0;
    push(0, g.source);
    while (size > 0) {
      double du = heapKey[0];
      int u = pop();
      if (du > dist[u]) {
        continue;
      }
      if (u == g.sink) {
        return du;
      }
      for (int a = g.first[u]; a < g.first[u + 1]; a++) {
        double nd = du + g.length[a] + (x[a] ? g.delay[a] : 0);
        int v = g.head[a];
        if (nd < dist[v]) {
          dist[v] = nd;
          predArc[v] = a;
          push(nd, v);
        }
      }
    }
    return dist[g.sink];
  }

  /** Arcs of the path found by the last {@link #value} call, source to sink. */
  public int[] lastPath() {
    int n = 0;
    for (int v = g.sink; predArc[v] >= 0; v = g.tail[predArc[v]]) {
      n++;
    }
    int[] p = new int[n];
    for (int v = g.sink; predArc[v] >= 0; v = g.tail[predArc[v]]) {
      p[--n] = predArc[v];
    }
    return p;
  }

  private void push(double k, int v) {
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
      double k = heapKey[size];
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
}
