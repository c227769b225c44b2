package lt.skydas.costdist;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Obviously-correct textbook Dijkstra over the documented model (java.util.PriorityQueue, lazy
 * deletion), used as the oracle for differential tests. Move costs are recomputed here from the
 * documented formulas, independently of the engine.
 */
final class ReferenceDijkstra {
  private final int w;
  private final int h;
  private final int cells;
  private final int n;
  private final double cellSize;
  private final float[] f;
  private final float[] pen;
  private final boolean knight;
  private final EdgeGraph graph;

  ReferenceDijkstra(CostGrid grid, EdgeGraph graph) {
    this.w = grid.width();
    this.h = grid.height();
    this.cells = w * h;
    this.n = graph == null ? cells : graph.nodeCount();
    this.cellSize = grid.cellSize();
    this.f = grid.friction();
    this.pen = grid.penalty();
    this.knight = grid.neighbourhood() == CostGrid.Neighbourhood.SIXTEEN;
    this.graph = graph;
  }

  boolean passable(int v) {
    return v >= cells || (f[v] >= 0 && f[v] < Float.POSITIVE_INFINITY);
  }

  /** Callback for {@link #forEachMove}. */
  interface MoveSink {
    void accept(int to, double cost);
  }

  /** Every move out of {@code a} into an enterable node, with its exact cost. */
  void forEachMove(int a, MoveSink sink) {
    if (!passable(a)) {
      return;
    }
    if (a < cells) {
      int r = a / w;
      int c = a % w;
      for (int dr = -2; dr <= 2; dr++) {
        for (int dc = -2; dc <= 2; dc++) {
          int ar = Math.abs(dr);
          int ac = Math.abs(dc);
          boolean king = ar <= 1 && ac <= 1 && (ar + ac) > 0;
          boolean isKnight = ar + ac == 3 && ar > 0 && ac > 0;
          if (!king && !(knight && isKnight)) {
            continue;
          }
          int rr = r + dr;
          int cc = c + dc;
          if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
            continue;
          }
          int b = rr * w + cc;
          if (!passable(b)) {
            continue;
          }
          double fa = f[a];
          double fb = f[b];
          double cost;
          if (king && ar + ac == 1) {
            cost = (fa + fb) * (0.5 * cellSize);
          } else if (king) {
            cost = (fa + fb) * (0.5 * (cellSize * Math.sqrt(2)));
          } else {
            int m1;
            int m2;
            if (ar == 2) {
              m1 = (r + dr / 2) * w + c;
              m2 = (r + dr / 2) * w + c + dc;
            } else {
              m1 = r * w + c + dc / 2;
              m2 = (r + dr) * w + c + dc / 2;
            }
            if (!passable(m1) || !passable(m2)) {
              continue;
            }
            int lo = Math.min(m1, m2);
            int hi = Math.max(m1, m2);
            cost = (((fa + fb) + f[lo]) + f[hi]) * (0.25 * (cellSize * Math.sqrt(5)));
          }
          if (pen != null) {
            cost += pen[b];
          }
          sink.accept(b, cost);
        }
      }
    }
    if (graph != null) {
      for (int e = graph.firstEdge(a); e < graph.firstEdge(a + 1); e++) {
        int b = graph.target(e);
        if (!passable(b)) {
          continue;
        }
        double cost = graph.cost(e);
        if (b < cells && pen != null) {
          cost += pen[b];
        }
        sink.accept(b, cost);
      }
    }
  }

  private record Entry(double d, int v) {}

  /** Full one-to-all costs; nodes costing more than {@code cutoff} are reported as +Inf. */
  double[] run(int[] sources, double[] init, double cutoff) {
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    boolean[] done = new boolean[n];
    PriorityQueue<Entry> pq = new PriorityQueue<>((x, y) -> Double.compare(x.d, y.d));
    for (int i = 0; i < sources.length; i++) {
      int s = sources[i];
      double c = init == null ? 0 : init[i];
      if (passable(s) && c < dist[s]) {
        dist[s] = c;
        pq.add(new Entry(c, s));
      }
    }
    while (!pq.isEmpty()) {
      Entry e = pq.poll();
      if (done[e.v] || e.d > dist[e.v]) {
        continue;
      }
      done[e.v] = true;
      double d = e.d;
      forEachMove(
          e.v,
          (b, cost) -> {
            double nd = d + cost;
            if (!done[b] && nd < dist[b]) {
              dist[b] = nd;
              pq.add(new Entry(nd, b));
            }
          });
    }
    for (int v = 0; v < n; v++) {
      if (dist[v] > cutoff) {
        dist[v] = Double.POSITIVE_INFINITY;
      }
    }
    return dist;
  }
}
