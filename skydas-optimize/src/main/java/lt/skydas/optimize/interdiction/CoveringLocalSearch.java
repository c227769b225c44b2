package lt.skydas.optimize.interdiction;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A quick answer to the covering master when it is feasible: a weighted local search for a plan
 * within budget that meets every row {@code Σ coef x ≥ need} of a {@link CoveringMaster.Reduced}
 * master. Most master rounds are feasible (the pool is still too small to refute the target), and
 * any feasible plan serves the decomposition, so the exact solver is only asked when this search
 * gives up, which it does after a fixed number of steps.
 *
 * <p>The method is the usual one for set (multi)cover: pick a violated row at random, put one of
 * its arcs in (dropping one planned arc when the budget is full) choosing the move that lowers the
 * weighted deficit most, with a short tabu tenure on just-moved arcs; at a local minimum the
 * weights of the violated rows grow, so a row that keeps failing pulls harder (breakout). A plan
 * returned meets every row, so it is a correct master answer whatever the search did; giving up
 * proves nothing.
 *
 * <p>Data are local: arcs are numbered 0..n-1 over {@code red.arcs()}; rows are CSR arrays of local
 * arc and coefficient {@code min(d_a, need)}. Not thread-safe; one instance per call.
 */
final class CoveringLocalSearch {
  private final int n;
  private final int m;
  private final long[] need;
  private final int[] rowStart;
  private final int[] rowArc;
  private final long[] rowCoef;
  private final int[] arcStart;
  private final int[] arcRow;
  private final long[] arcCoef;
  private final long[] cost;
  private final long budget;

  private final boolean[] sel;
  private final long[] cover;
  private final long[] weight;
  private final long[] tabuUntil;
  private final int[] violated;
  private final int[] violatedPos;
  private int nViolated;
  private long spent;

  CoveringLocalSearch(CoveringMaster.Reduced red, long[] d, long[] costAll, long budget) {
    int[] arcs = red.arcs();
    this.n = arcs.length;
    this.m = red.rows().size();
    this.budget = budget;
    int[] local = new int[d.length];
    Arrays.fill(local, -1);
    for (int i = 0; i < n; i++) {
      local[arcs[i]] = i;
    }
    this.cost = new long[n];
    for (int i = 0; i < n; i++) {
      cost[i] = costAll[arcs[i]];
    }
    this.need = new long[m];
    this.rowStart = new int[m + 1];
    int nnz = 0;
    for (int r = 0; r < m; r++) {
      nnz += red.rows().get(r).length;
    }
    this.rowArc = new int[nnz];
    this.rowCoef = new long[nnz];
    int[] deg = new int[n + 1];
    int k = 0;
    for (int r = 0; r < m; r++) {
      long nd = red.need().get(r);
      need[r] = nd;
      rowStart[r] = k;
      for (int a : red.rows().get(r)) {
        int i = local[a];
        rowArc[k] = i;
        rowCoef[k] = Math.min(d[a], nd);
        deg[i + 1]++;
        k++;
      }
    }
    rowStart[m] = k;
    for (int i = 0; i < n; i++) {
      deg[i + 1] += deg[i];
    }
    this.arcStart = deg.clone();
    this.arcRow = new int[nnz];
    this.arcCoef = new long[nnz];
    int[] pos = Arrays.copyOf(deg, n);
    for (int r = 0; r < m; r++) {
      for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
        int p = pos[rowArc[j]]++;
        arcRow[p] = r;
        arcCoef[p] = rowCoef[j];
      }
    }
    this.sel = new boolean[n];
    this.cover = new long[m];
    this.weight = new long[m];
    this.tabuUntil = new long[n];
    this.violated = new int[m];
    this.violatedPos = new int[m];
  }

  /**
   * Searches from {@code start} (a plan over all arcs; arcs not offered are ignored, and the plan
   * is trimmed to the budget) for at most {@code maxSteps} moves. Returns a feasible plan over all
   * arcs of length {@code arcCount}, or null when none was found.
   */
  boolean[] search(boolean[] start, int[] arcs, int arcCount, int maxSteps, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Arrays.fill(weight, 1);
    for (int i = 0; i < n; i++) {
      if (start != null && start[arcs[i]] && spent + cost[i] <= budget) {
        sel[i] = true;
        spent += cost[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (sel[i]) {
        for (int j = arcStart[i]; j < arcStart[i + 1]; j++) {
          cover[arcRow[j]] += arcCoef[j];
        }
      }
    }
    for (int r = 0; r < m; r++) {
      violatedPos[r] = -1;
      if (cover[r] < need[r]) {
        markViolated(r);
      }
    }
    int[] cand = new int[n];
    for (long step = 1; step <= maxSteps && nViolated > 0; step++) {
      int r = violated[rng.nextInt(nViolated)];
      int nc = 0;
      for (int j = rowStart[r]; j < rowStart[r + 1]; j++) {
        int a = rowArc[j];
        if (!sel[a]) {
          cand[nc++] = a;
        }
      }
      if (nc == 0) {
        return null; // cannot happen for a row still violated with every arc offered
      }
      int bestIn = -1;
      int bestOut = -1;
      long bestDelta = Long.MIN_VALUE;
      // pure additions while the budget allows
      for (int c = 0; c < nc; c++) {
        int a = cand[c];
        if (spent + cost[a] <= budget) {
          long g = gain(a);
          if (g > bestDelta || g == bestDelta && rng.nextBoolean()) {
            bestDelta = g;
            bestIn = a;
            bestOut = -1;
          }
        }
      }
      if (bestIn < 0) {
        for (int b = 0; b < n; b++) {
          if (!sel[b] || tabuUntil[b] >= step) {
            continue;
          }
          long loss = flip(b, false);
          for (int c = 0; c < nc; c++) {
            int a = cand[c];
            if (tabuUntil[a] >= step || spent + cost[a] > budget) {
              continue;
            }
            long delta = gain(a) - loss;
            if (delta > bestDelta || delta == bestDelta && rng.nextBoolean()) {
              bestDelta = delta;
              bestIn = a;
              bestOut = b;
            }
          }
          flip(b, true);
        }
      }
      if (bestIn < 0) {
        // everything tabu or too dear: forget the tabu list and bump the row
        Arrays.fill(tabuUntil, 0);
        weight[r]++;
        continue;
      }
      if (bestOut >= 0) {
        flip(bestOut, false);
        tabuUntil[bestOut] = step + 2 + rng.nextInt(3);
      }
      flip(bestIn, true);
      tabuUntil[bestIn] = step + 1 + rng.nextInt(2);
      if (bestDelta <= 0) {
        for (int v = 0; v < nViolated; v++) {
          weight[violated[v]]++;
        }
      }
    }
    if (nViolated > 0) {
      return null;
    }
    boolean[] plan = new boolean[arcCount];
    for (int i = 0; i < n; i++) {
      plan[arcs[i]] = sel[i];
    }
    return plan;
  }

  /** Weighted deficit removed by putting arc {@code a} in. */
  private long gain(int a) {
    long g = 0;
    for (int j = arcStart[a]; j < arcStart[a + 1]; j++) {
      int r = arcRow[j];
      long deficit = need[r] - cover[r];
      if (deficit > 0) {
        g += weight[r] * Math.min(deficit, arcCoef[j]);
      }
    }
    return g;
  }

  /** Puts arc {@code a} in or out; returns the weighted deficit it adds (out) or removes (in). */
  private long flip(int a, boolean in) {
    long delta = 0;
    sel[a] = in;
    spent += in ? cost[a] : -cost[a];
    for (int j = arcStart[a]; j < arcStart[a + 1]; j++) {
      int r = arcRow[j];
      long before = Math.max(0, need[r] - cover[r]);
      cover[r] += in ? arcCoef[j] : -arcCoef[j];
      long after = Math.max(0, need[r] - cover[r]);
      delta += weight[r] * Math.abs(after - before);
      if (after > 0 && violatedPos[r] < 0) {
        markViolated(r);
      } else if (after == 0 && violatedPos[r] >= 0) {
        unmarkViolated(r);
      }
    }
    return delta;
  }

  private void markViolated(int r) {
    violatedPos[r] = nViolated;
    violated[nViolated++] = r;
  }

  private void unmarkViolated(int r) {
    int p = violatedPos[r];
    int last = violated[--nViolated];
    violated[p] = last;
    violatedPos[last] = p;
    violatedPos[r] = -1;
  }
}
