package lt.skydas.bench;

import java.util.Arrays;

/**
 * Baseline for comparison only: a plain textbook Dijkstra over an 8-neighbour friction grid with an
 * indexed binary heap (decrease-key), using the same move-cost arithmetic as {@code
 * lt.skydas.costdist.CostDistanceSearch} ({@code (f[a] + f[b]) * (0.5 * step)} in double). It
 * supports no penalties, explicit edges, cutoffs or targets. Not thread safe.
 */
public final class BaselineBinaryHeapDijkstra {
  private final int w;
  private final int h;
  private final float[] f;
  private final double halfOrth;
  private final double halfDiag;
  private final double[] dist;
  private final int[] heap;
  private final int[] pos;
  private int size;

  /** Creates a baseline search over a {@code w x h} grid with the given cell size. */
  public BaselineBinaryHeapDijkstra(int w, int h, double cellSize, float[] friction) {
    this.w = w;
    this.h = h;
    this.f = friction;
    this.halfOrth = 0.5 * cellSize;
    this.halfDiag = 0.5 * (cellSize * Math.sqrt(2));
    this.dist = new double[w * h];
    this.heap = new int[w * h];
    this.pos = new int[w * h];
  }

  /** One-to-all costs from {@code source}; returns the internal cost array (+Inf = unreached). */
  public double[] run(int source) {
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    Arrays.fill(pos, -1); // -1 never queued, -2 settled
    size = 0;
    dist[source] = 0;
    insert(source);
    while (size > 0) {
      int u = popMin();
      pos[u] = -2;
      int r = u / w;
      int c = u % w;
      double du = dist[u];
      double fu = f[u];
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          if ((dr | dc) == 0) {
            continue;
          }
          int rr = r + dr;
          int cc = c + dc;
          if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
            continue;
          }
          int v = rr * w + cc;
          float fv = f[v];
          if (pos[v] == -2 || !(fv >= 0f && fv <= Float.MAX_VALUE)) {
            continue;
          }
          double nd = du + (fu + fv) * ((dr != 0 && dc != 0) ? halfDiag : halfOrth);
          if (nd < dist[v]) {
            dist[v] = nd;
            if (pos[v] < 0) {
              insert(v);
            } else {
              siftUp(pos[v]);
            }
          }
        }
      }
    }
    return dist;
  }

  private void insert(int v) {
    heap[size] = v;
    pos[v] = size;
    siftUp(size++);
  }

  private void siftUp(int i) {
    int v = heap[i];
    double d = dist[v];
    while (i > 0) {
      int p = (i - 1) >>> 1;
      int pv = heap[p];
      if (dist[pv] <= d) {
        break;
      }
      heap[i] = pv;
      pos[pv] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private int popMin() {
    int top = heap[0];
    int last = heap[--size];
    if (size > 0) {
      double d = dist[last];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int r = l + 1;
        int m = (r < size && dist[heap[r]] < dist[heap[l]]) ? r : l;
        if (dist[heap[m]] >= d) {
          break;
        }
        heap[i] = heap[m];
        pos[heap[i]] = i;
        i = m;
      }
      heap[i] = last;
      pos[last] = i;
    }
    return top;
  }
}
