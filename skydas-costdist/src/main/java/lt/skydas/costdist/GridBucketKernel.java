package lt.skydas.costdist;

import java.util.Arrays;

/**
 * Specialised drain loop of {@link CostDistanceSearch} for the hottest case: bucket queue, 8
 * neighbours (entry penalties and gates allowed: moves that may touch a gate take the generic code,
 * and a pending gate is decided when its bucket is drained, as in the generic loop). Node ids are
 * the search's internal ones ({@link TileLayout}). Cells inside their tile are relaxed inline
 * (unrolled, no bound checks, no virtual calls, queue state held in locals); cells on a tile's
 * edge, explicit edges and targets go through the generic code of the search, which visits the
 * neighbours in the same order. Arithmetic is identical to the generic path, so results are too.
 */
final class GridBucketKernel {
  private GridBucketKernel() {}

  /** Drains {@code q} (already seeded) on behalf of {@code s}; returns the number settled. */
  static int drain(CostDistanceSearch s, BucketQueue q) {
    final int cells = s.pcells;
    final TileLayout lay = s.lay;
    final int t = TileLayout.SIDE;
    final float[] f = s.f;
    final float[] penAll = s.pen;
    final byte[] penNear = s.penNear;
    final double[] dist = s.dist;
    final int[] pred = s.keepPred ? s.pred : null;
    final long[] settledBits = s.settledBits;
    final byte[] dirty = s.dirty;
    final double bound = s.bound;
    final long[] hasEdges = s.hasEdges;
    final int[] first = s.first;
    final int[] tgtIn = s.tgtIn;
    final double[] ecost = s.ecost;
    final int pcells = s.pcells;
    final int[][] offsets = lay.offsets;
    final SearchTargets tg = s.targets;
    final long[] targetBits = tg.bits;
    int remaining = tg.remaining;
    final double ho = s.halfOrth;
    final double hd = s.halfDiag;
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
        // grid moves read penalties only near a tile holding some (all 0 elsewhere: same sums)
        final float[] pen =
            penAll != null && penNear[u >>> (2 * TileLayout.SHIFT)] != 0 ? penAll : null;
        int cls;
        if (gr != null && gr.nearGate(u)) {
          cls = -1;
        } else {
          cls = TileLayout.borderClass(u);
          if (cls != 0 && !lay.inInteriorTile(u)) {
            cls = -1;
          }
        }
        if (cls == 0) {
          // inside its tile the neighbours lie at fixed offsets; padding cells are NaN (impassable)
          double fu = f[u];
          int pushed =
              relax(
                      u, u - t, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - 1, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + 1, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + t, du, fu, ho, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - t - 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u - t + 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + t - 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q)
                  + relax(
                      u, u + t + 1, du, fu, hd, f, pen, dist, pred, dirty, bound, inv, cur, mask,
                      buckets, sizes, q);
          count += pushed;
        } else if (cls > 0) {
          // on its tile's edge, in a tile off the outer ring: the neighbours at the class's offsets
          final int[] o = offsets[cls];
          double fu = f[u];
          int pushed = 0;
          for (int k = 0; k < 8; k++) {
            pushed +=
                relax(
                    u,
                    u + o[k],
                    du,
                    fu,
                    k < 4 ? ho : hd,
                    f,
                    pen,
                    dist,
                    pred,
                    dirty,
                    bound,
                    inv,
                    cur,
                    mask,
                    buckets,
                    sizes,
                    q);
          }
          count += pushed;
        } else {
          q.cur = cur;
          q.count = count;
          s.relaxGeneric(u, lay.row(u), lay.col(u), du, q);
          count = q.count;
        }
      }
      if (hasEdges != null && (hasEdges[u >>> 6] & (1L << u)) != 0) {
        // explicit edges (roads, connectors) inline, in CSR order, unless the move may meet a gate
        int x = lay.ex(u);
        int end = first[x + 1];
        for (int e = first[x]; e < end; e++) {
          int v = tgtIn[e];
          double c = ecost[e];
          if (v < pcells) {
            float fv = f[v];
            if (!(fv >= 0f && fv <= Float.MAX_VALUE)) {
              continue;
            }
            if (penAll != null) {
              c += penAll[v];
            }
          }
          if (gr != null && (gr.edgeGated(e) || (v < pcells && gr.cellGated(v)))) {
            q.cur = cur;
            q.count = count;
            s.offerMove(u, v, e, du, du + c, q);
            count = q.count;
            if (q.violated) {
              break;
            }
          } else {
            count +=
                offer(u, v, du + c, dist, pred, dirty, bound, inv, cur, mask, buckets, sizes, q);
          }
        }
      }
      if (q.violated) {
        break;
      }
      if (remaining > 0 && (targetBits[u >>> 6] & (1L << u)) != 0) {
        tg.remaining = remaining;
        stopAfter = tg.hit(u);
        remaining = tg.remaining;
      }
    }
    q.cur = cur;
    q.count = count;
    tg.remaining = remaining;
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
    return offer(u, v, du + cost, dist, pred, dirty, bound, inv, cur, mask, buckets, sizes, q);
  }

  /**
   * {@link CostDistanceSearch#offer} into the bucket queue, inline: labels {@code v} with {@code
   * nd} if that improves it; 1 if pushed.
   */
  private static int offer(
      int u,
      int v,
      double nd,
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
    if (!(nd < dist[v]) || !(nd <= bound)) {
      return 0;
    }
    long ahead = (long) (nd * inv) - cur;
    if (ahead <= 0 || ahead > mask) {
      q.violated = true;
      return 0;
    }
    dist[v] = nd;
    if (pred != null) {
      pred[v] = u;
    }
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
