package lt.skydas.costdist;

import java.util.Arrays;

/**
 * The per-query state of {@link Gates} in a {@link CostDistanceSearch}: each gate's reach so far
 * and decision, the moves waiting for a decision, and the pending gates by reach.
 *
 * <p>A move whose cost depends on an undecided gate (into one of its cells, along one of its edges)
 * is not offered: it is kept in the gate's list and the gate's reach is lowered to what the move
 * gives. The search decides a pending gate when no unsettled node can still lower its reach (heap:
 * the next node's key is above the reach; buckets: every bucket up to the reach's is drained — a
 * node of the same bucket may have a smaller key than one settled before it), then offers its
 * waiting moves with the decided delays. Those costs are at least the reach, so they never improve
 * a settled node (checked: the bucket queue reports a violation and the query reruns on the heap).
 * Not thread safe.
 */
final class GateRun {
  static final byte UNTOUCHED = 0;
  static final byte PENDING = 1;
  static final byte ACTIVE = 2;
  static final byte INACTIVE = 3;

  final Gates gates;
  private final TileLayout lay;

  /** Gated cells by internal id ({@link TileLayout}). */
  final long[] cellBits;

  final long[] edgeBits;
  final double[] key;
  final byte[] state;
  private final int[] head;

  // waiting moves: an arena of (u, v, e, c0) with a next link per gate list
  private int[] entU = new int[64];
  private int[] entV = new int[64];
  private int[] entE = new int[64];
  private double[] entC = new double[64];
  private int[] next = new int[64];
  private int entries;

  // pending gates: a lazy binary min-heap of (reach, gate); stale entries are skipped
  private double[] hk = new double[16];
  private int[] hg = new int[16];
  private int hsize;

  /**
   * Cells (internal ids) with a gated cell among themselves and their 8 neighbours: a grid move out
   * of them may enter a gated cell.
   */
  final long[] nearBits;

  GateRun(Gates gates, TileLayout lay) {
    this.gates = gates;
    this.lay = lay;
    this.edgeBits = gates.edgeBits;
    this.cellBits = new long[(lay.paddedCells + 63) >>> 6];
    this.nearBits = new long[cellBits.length];
    int w = lay.w;
    int h = lay.h;
    for (int v : gates.gatedCells) {
      int r = v / w;
      int c = v - r * w;
      int i = lay.cell(r, c);
      cellBits[i >>> 6] |= 1L << i;
      for (int dr = -1; dr <= 1; dr++) {
        for (int dc = -1; dc <= 1; dc++) {
          int rr = r + dr;
          int cc = c + dc;
          if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
            int u = lay.cell(rr, cc);
            nearBits[u >>> 6] |= 1L << u;
          }
        }
      }
    }
    int n = gates.count();
    this.key = new double[n];
    Arrays.fill(key, Double.POSITIVE_INFINITY);
    this.state = new byte[n];
    this.head = new int[n];
    Arrays.fill(head, -1);
  }

  /** True if internal cell id {@code v} ({@code < paddedCells}) is gated. */
  boolean cellGated(int v) {
    return (cellBits[v >>> 6] & (1L << v)) != 0;
  }

  /** True if a grid move out of cell {@code u} may enter a gated cell. */
  boolean nearGate(int u) {
    return (nearBits[u >>> 6] & (1L << u)) != 0;
  }

  boolean edgeGated(int e) {
    return (edgeBits[e >>> 6] & (1L << e)) != 0;
  }

  /**
   * The cost of the move {@code u → v} (internal ids; along edge {@code e}, -1 for a grid move)
   * with every gate on it decided, or NaN if one is undecided (the move then waits in that gate's
   * list).
   *
   * @param du the arrival at u (the reach of an edge gate)
   * @param c0 {@code du} plus the move's ungated cost (edge or grid move, ungated penalty of v)
   */
  double cost(int u, int v, int e, double du, double c0) {
    double c = c0;
    boolean wait = false;
    if (e >= 0 && edgeGated(e)) {
      int i = Arrays.binarySearch(gates.gatedEdges, e);
      for (int j = gates.edgeStart[i]; j < gates.edgeStart[i + 1]; j++) {
        int g = gates.edgeGates[j];
        byte s = state[g];
        if (s == ACTIVE) {
          c += gates.edgeDelay[g];
        } else if (s != INACTIVE) {
          note(g, du);
          defer(g, u, v, e, c0);
          wait = true;
        }
      }
      if (wait) {
        return Double.NaN;
      }
    }
    if (v < lay.paddedCells && cellGated(v)) {
      int i = Arrays.binarySearch(gates.gatedCells, lay.ex(v));
      double add = 0;
      for (int j = gates.cellStart[i]; j < gates.cellStart[i + 1]; j++) {
        int g = gates.cellGates[j];
        byte s = state[g];
        if (s == ACTIVE) {
          add += gates.cellDelay[g];
        } else if (s != INACTIVE) {
          note(g, c);
          defer(g, u, v, e, c0);
          wait = true;
        }
      }
      if (wait) {
        return Double.NaN;
      }
      c += add;
    }
    return c;
  }

  private void note(int g, double reach) {
    if (state[g] == UNTOUCHED) {
      state[g] = PENDING;
      key[g] = reach;
      heapPush(reach, g);
    } else if (reach < key[g]) {
      key[g] = reach;
      heapPush(reach, g);
    }
  }

  private void defer(int g, int u, int v, int e, double c0) {
    if (entries == entU.length) {
      int cap = entries * 2;
      entU = Arrays.copyOf(entU, cap);
      entV = Arrays.copyOf(entV, cap);
      entE = Arrays.copyOf(entE, cap);
      entC = Arrays.copyOf(entC, cap);
      next = Arrays.copyOf(next, cap);
    }
    entU[entries] = u;
    entV[entries] = v;
    entE[entries] = e;
    entC[entries] = c0;
    next[entries] = head[g];
    head[g] = entries++;
  }

  /** True if some gate is pending. */
  boolean hasPending() {
    dropStale();
    return hsize > 0;
  }

  /** The smallest reach of a pending gate; only after {@link #hasPending} returned true. */
  double nextKey() {
    return hk[0];
  }

  /**
   * Decides the pending gate with the smallest reach (active iff its threshold is at most the
   * reach) and returns it; the caller then offers its waiting moves ({@link #release}).
   */
  int decideNext() {
    int g = hg[0];
    heapPop();
    state[g] = gates.threshold[g] <= key[g] ? ACTIVE : INACTIVE;
    return g;
  }

  private void dropStale() {
    while (hsize > 0) {
      int g = hg[0];
      if (state[g] == PENDING && hk[0] == key[g]) {
        return;
      }
      heapPop();
    }
  }

  private void heapPush(double k, int g) {
    if (hsize == hk.length) {
      hk = Arrays.copyOf(hk, hsize * 2);
      hg = Arrays.copyOf(hg, hsize * 2);
    }
    int i = hsize++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (hk[p] < k || (hk[p] == k && hg[p] <= g)) {
        break;
      }
      hk[i] = hk[p];
      hg[i] = hg[p];
      i = p;
    }
    hk[i] = k;
    hg[i] = g;
  }

  private void heapPop() {
    int last = --hsize;
    if (last == 0) {
      return;
    }
    double k = hk[last];
    int g = hg[last];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= last) {
        break;
      }
      if (c + 1 < last && (hk[c + 1] < hk[c] || (hk[c + 1] == hk[c] && hg[c + 1] < hg[c]))) {
        c++;
      }
      if (hk[c] > k || (hk[c] == k && hg[c] >= g)) {
        break;
      }
      hk[i] = hk[c];
      hg[i] = hg[c];
      i = c;
    }
    hk[i] = k;
    hg[i] = g;
  }

  /**
   * Offers the moves that waited for gate {@code g}, now decided. Their costs are at least the
   * gate's reach, which no settled node exceeds (heap) or which lies in the bucket being drained
   * with no node of that bucket left (buckets), so they may land in the current bucket; one that
   * would improve a settled node means the invariant failed: the bucket query is abandoned.
   */
  void release(CostDistanceSearch s, int g, NodeQueue q) {
    q.allowCurrent(true);
    for (int i = head[g]; i >= 0; i = next[i]) {
      int u = entU[i];
      int v = entV[i];
      double c = cost(u, v, entE[i], s.dist[u], entC[i]);
      if (!Double.isNaN(c)) {
        if ((s.settledBits[v >>> 6] & (1L << v)) != 0) {
          if (c < s.dist[v]) {
            q.fail();
          }
          continue;
        }
        s.offer(u, v, c, q);
      }
    }
    q.allowCurrent(false);
  }
}
