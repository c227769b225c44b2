package lt.skydas.costdist;

import java.util.Arrays;

/**
 * Specialised drain loop of {@link CostDistanceSearch} for the hottest case: bucket queue, 8
 * neighbours (entry penalties and gates allowed: moves that may touch a gate take the generic code,
 * and a pending gate is decided when its bucket is drained, as in the generic loop). Interior cells
 * are relaxed inline (unrolled, no bound checks, no virtual calls, queue state held in locals);
 * border cells, explicit edges and targets go through the generic code of the search. Arithmetic is
 * identical to the generic path, so results are too.
 */
final class GridBucketKernel {
  private GridBucketKernel() {}

  /** Drains {@code q} (already seeded) on behalf of {@code s}; returns the number settled. */
  static int drain(CostDistanceSearch s, BucketQueue q) {
    final int w = s.w;
    final int cells = s.cells;
    final float[] f = s.f;
    final float[] pen = s.pen;
    final double[] dist = s.dist;
    final int[] pred = s.pred;
    final long[] settledBits = s.settledBits;
    final byte[] dirty = s.dirty;
    final double bound = s.bound;
    final int[] first = s.first;
    final long[] targetBits = s.targetBits;
    int remaining = s.remaining;
    final double ho = s.halfOrth;
    final double hd = s.halfDiag;
    // Row without an integer division: q = (u + 0.5) / w = r + (c + 0.5) / w lies at least 0.5 / w
    // away from any integer; the computed fl(fl(u + 0.5) * fl(1 / w)) has relative error <= 2^-52,
    // i.e. absolute error <= q * 2^-52, which is < 0.5 / w because w * q = u + 0.5 < 2^31. So the
    // truncation is exactly u / w.
    final double invW = 1.0 / w;
    final int lastRow = s.h - 1;
    final int lastCol = w - 1;
    final int[][] buckets = q.buckets;
    final int[] sizes = q.sizes;
    final int mask = q.mask;
    final double inv = q.inv;
    final long limitIdx = q.limitIdx;
    long cur = q.cur;
    long count = q.count;
    final GateRun gr = s.gr;
    int settled = 0;
    boolean stopAfter = false;
    while (true) {
      if (count == 0) {
        if (gr == null || !gr.hasPending()) {
          break;
        }
        q.cur = cur;
        q.count = 0;
        gr.release(s, gr.decideNext(), q);
        count = q.count;
        if (q.violated) {
          break;
        }
        continue;
      }
      int slot = (int) (cur & mask);
      int size = sizes[slot];
      if (size == 0) {
        if (gr != null && gr.hasPending() && (long) (gr.nextKey() * inv) <= cur) {
          q.cur = cur;
          q.count = count;
          gr.release(s, gr.decideNext(), q);
          count = q.count;
          if (q.violated) {
            break;
          }
          continue;
        }
        // the targets are reached: stop once their bucket is done (a bucket's nodes are final
        // but settle in any order, so a group's cheapest node may come after its first)
        if (stopAfter || ++cur > limitIdx) {
          break;
        }
        continue;
      }
      int u = buckets[slot][--size];
      sizes[slot] = size;
      count--;
      long bit = 1L << u;
      int word = u >>> 6;
      long bits = settledBits[word];
      if ((bits & bit) != 0) {
        continue;
      }
      settledBits[word] = bits | bit;
      settled++;
      double du = dist[u];
      if (u < cells) {
        int r = (int) ((u + 0.5) * invW);
        int c = u - r * w;
        if (r > 0 && r < lastRow && c > 0 && c < lastCol && (gr == null || !gr.nearGate(u))) {
          double fu = f[u];
          int pushed =
              relax(
                      u, u - w, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - 1, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + 1, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + w, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - w - 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - w + 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + w - 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + w + 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q);
          count += pushed;
        } else {
          q.cur = cur;
          q.count = count;
          s.relaxGeneric(u, r, c, du, q);
          count = q.count;
        }
      }
      if (first != null && first[u] != first[u + 1]) {
        q.cur = cur;
        q.count = count;
        s.relaxEdges(u, du, q);
        count = q.count;
      }
      if (q.violated) {
        break;
      }
      if (remaining > 0 && (targetBits[u >>> 6] & (1L << u)) != 0) {
        s.remaining = remaining;
        stopAfter = s.targetHit(u);
        remaining = s.remaining;
      }
    }
    q.cur = cur;
    q.count = count;
    s.remaining = remaining;
    return settled;
  }

  private static int relax(
      int u,
      int v,
      double du,
      double fu,
      double half,
      float[] f,
      float[] pen,
      double[] dist,
      int[] pred,
      byte[] dirty,
      double bound,
      double inv,
      long cur,
      int mask,
      int[][] buckets,
      int[] sizes,
      BucketQueue q) {
    float fv = f[v];
    // NaN or negative friction: impassable. +Inf friction gives nd = +Inf, never an improvement.
    // Settled nodes need no test: improving one would fail the bucket-ahead check below.
    if (!(fv >= 0f)) {
      return 0;
    }
    double cost = (fu + fv) * half;
    if (pen != null) {
      cost += pen[v];
    }
    double nd = du + cost;
    if (!(nd < dist[v]) || !(nd <= bound)) {
      return 0;
    }
    long ahead = (long) (nd * inv) - cur;
    if (ahead <= 0 || ahead > mask) {
      q.violated = true;
      return 0;
    }
    dist[v] = nd;
    pred[v] = u;
    dirty[v >>> CostDistanceSearch.BLOCK_SHIFT] = 1;
    int slot = (int) ((cur + ahead) & mask);
    int sz = sizes[slot];
    int[] b = buckets[slot];
    if (sz == b.length) {
      b = Arrays.copyOf(b, sz * 2);
      buckets[slot] = b;
    }
    b[sz] = v;
    sizes[slot] = sz + 1;
    return 1;
  }
}
