package lt.skydas.emplace.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The large-problem scheduler: insertion by earliest deadline, then iterated local search on the
 * lexicographic objective (on-time value, then Σ value × finish). One instance per solve; not
 * thread-safe.
 *
 * <p>Construction inserts jobs in order of deadline (then value, larger first) each at its best
 * place over all capable teams and positions. Local search applies, until none improves, the best
 * relocation of each job (to any team and position, its own included), swaps of two jobs (same or
 * different teams), reversal of a segment of one team's order (2-opt) and exchange of two teams'
 * tails (2-opt*). Iterated: {@link SchedulerOptions#iterations()} times, remove a few jobs (random,
 * or a random one and its nearest by road), reinsert them at their best places, search again; walk
 * on if the on-time value did not fall, else go back; return the best seen.
 *
 * <p>Every evaluation replays the changed routes with {@link Instance#finish}; a route is ~n/m jobs
 * long, so a full neighbourhood pass costs O(n² · n/m). Deterministic for a seed unless the time
 * limit cuts a round short. Each accepted move improves the objective, so the result is never worse
 * than the start (the hint, when given).
 */
final class Heuristic {
  private final Instance in;
  private final int[][] route;
  private final int[] len;
  private final double[] teamV;
  private final double[] teamC;
  private final int[] a1;
  private final boolean[] dirty;
  private final boolean[] check;
  private final int[] a2;
  private final double epsV;
  private final long deadline_ns;
  private double evV;
  private double sumC;
  private double evC;

  private Heuristic(Instance in, long deadline_ns) {
    this.in = in;
    this.deadline_ns = deadline_ns;
    route = new int[in.m][in.n + 1];
    len = new int[in.m];
    teamV = new double[in.m];
    teamC = new double[in.m];
    a1 = new int[in.n + 1];
    dirty = new boolean[in.m];
    check = new boolean[in.m];
    a2 = new int[in.n + 1];
    epsV = 1e-9 * Math.max(1, in.totalValue);
  }

  /**
   * The best routes found from scratch and, if {@code start} is not null, from those routes (kept
   * if nothing better is found).
   */
  static int[][] solve(Instance in, SchedulerOptions o, int[][] start, long deadline_ns) {
    Heuristic hinted = null;
    if (start != null) {
      hinted = new Heuristic(in, deadline_ns);
      hinted.load(start);
      hinted.improve(o.iterations(), o.seed());
    }
    Heuristic fresh = new Heuristic(in, deadline_ns);
    fresh.load(new int[in.m][]);
    fresh.improve(o.iterations(), o.seed());
    return hinted != null && !fresh.better(hinted) ? hinted.routes() : fresh.routes();
  }

  /** Starts from {@code start} (null entries: empty) and inserts every job it lacks. */
  private void load(int[][] start) {
    boolean[] placed = new boolean[in.n];
    for (int k = 0; k < in.m; k++) {
      int[] r = start[k] == null ? new int[0] : start[k];
      System.arraycopy(r, 0, route[k], 0, r.length);
      len[k] = r.length;
      for (int j : r) {
        placed[j] = true;
      }
      refresh(k);
    }
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < in.n; j++) {
      if (!placed[j] && in.reachable[j]) {
        order.add(j);
      }
    }
    order.sort(
        (x, y) -> {
          int c = Double.compare(in.deadline_s[x], in.deadline_s[y]);
          return c != 0 ? c : Double.compare(in.value[y], in.value[x]);
        });
    for (int j : order) {
      insertBest(j);
    }
  }

  private void improve(int iterations, long seed) {
    localSearch();
    if (in.n < 2 || iterations == 0) {
      return;
    }
    Random rnd = new Random(seed);
    int[][] bestRoute = routes();
    double bestV = totalV();
    double bestC = totalC();
    int[][] curRoute = bestRoute;
    double curV = bestV;
    int[] pool = new int[in.n];
    for (int it = 0; it < iterations && System.nanoTime() < deadline_ns; it++) {
      int count = 2 + rnd.nextInt(Math.max(1, Math.min(12, in.n / 8)));
      int removed = it % 2 == 0 ? pickRandom(rnd, pool, count) : pickRelated(rnd, pool, count);
      takeOut(pool, removed);
      for (int s = 0; s < removed; s++) {
        insertBest(pool[s]);
      }
      localSearch();
      double v = totalV();
      if (better(v, totalC(), bestV, bestC)) {
        bestRoute = routes();
        bestV = v;
        bestC = totalC();
        curRoute = bestRoute;
        curV = v;
      } else if (v > curV - epsV) {
        curRoute = routes(); // as much on-time value: walk on
        curV = v;
      } else {
        restore(curRoute);
      }
    }
    restore(bestRoute);
  }

  /** Back to {@code routes}, a local optimum (nothing left to look at). */
  private void restore(int[][] routes) {
    for (int k = 0; k < in.m; k++) {
      len[k] = routes[k].length;
      System.arraycopy(routes[k], 0, route[k], 0, len[k]);
      refresh(k);
    }
    Arrays.fill(dirty, false);
  }

  /** Puts {@code count} random placed jobs, shuffled, in {@code pool}; returns how many. */
  private int pickRandom(Random rnd, int[] pool, int count) {
    int placed = placed(pool);
    count = Math.min(count, placed);
    for (int s = 0; s < count; s++) {
      int r = s + rnd.nextInt(placed - s);
      int tmp = pool[s];
      pool[s] = pool[r];
      pool[r] = tmp;
    }
    return count;
  }

  /**
   * Puts a random placed job and the {@code count − 1} placed jobs nearest to it (road time both
   * ways) in {@code pool}, by deadline; returns how many.
   */
  private int pickRelated(Random rnd, int[] pool, int count) {
    int placed = placed(pool);
    count = Math.min(count, placed);
    if (count == 0) {
      return 0;
    }
    int seed = pool[rnd.nextInt(placed)];
    Integer[] near = new Integer[placed];
    for (int s = 0; s < placed; s++) {
      near[s] = pool[s];
    }
    Arrays.sort(
        near,
        (x, y) ->
            x == seed
                ? (y == seed ? 0 : -1)
                : y == seed ? 1 : Double.compare(distance(seed, x), distance(seed, y)));
    Arrays.sort(near, 0, count, (x, y) -> Double.compare(in.deadline_s[x], in.deadline_s[y]));
    for (int s = 0; s < count; s++) {
      pool[s] = near[s];
    }
    return count;
  }

  private double distance(int a, int b) {
    return in.fromSite_s[a][b] + in.fromSite_s[b][a];
  }

  /** All placed jobs into {@code pool} in route order; returns how many. */
  private int placed(int[] pool) {
    int placed = 0;
    for (int k = 0; k < in.m; k++) {
      for (int s = 0; s < len[k]; s++) {
        pool[placed++] = route[k][s];
      }
    }
    return placed;
  }

  /** Takes pool[0..count) out of their routes. */
  private void takeOut(int[] pool, int count) {
    boolean[] out = new boolean[in.n];
    for (int s = 0; s < count; s++) {
      out[pool[s]] = true;
    }
    for (int k = 0; k < in.m; k++) {
      int w = 0;
      for (int s = 0; s < len[k]; s++) {
        if (!out[route[k][s]]) {
          route[k][w++] = route[k][s];
        }
      }
      if (w != len[k]) {
        len[k] = w;
        refresh(k);
      }
    }
  }

  /**
   * Until no move improves: each pass looks only at moves touching a team changed since the
   * previous pass (a move's effect depends on the routes it touches alone, so the others cannot
   * have become improving).
   */
  private void localSearch() {
    while (System.nanoTime() < deadline_ns) {
      boolean any = false;
      for (int k = 0; k < in.m; k++) {
        check[k] = dirty[k];
        any |= dirty[k];
        dirty[k] = false;
      }
      if (!any) {
        return;
      }
      relocateAll();
      swapAll();
      reverseAll();
      crossAll();
    }
  }

  // ---- evaluation ----

  /** Replays arr[0..l) for team k into evV, evC; false if some leg is impossible. */
  private boolean eval(int k, int[] arr, int l) {
    double t = in.ready_s[k];
    int prev = -1;
    double v = 0;
    double c = 0;
    for (int s = 0; s < l; s++) {
      int j = arr[s];
      double f = in.finish(k, prev, t, j);
      if (f == Double.POSITIVE_INFINITY) {
        return false;
      }
      if (f <= in.deadline_s[j]) {
        v += in.value[j];
      }
      c += in.value[j] * f;
      t = f;
      prev = j;
    }
    evV = v;
    evC = c;
    return true;
  }

  private void refresh(int k) {
    if (!eval(k, route[k], len[k])) {
      throw new IllegalStateException("team " + k + " holds an impossible route");
    }
    sumC += evC - teamC[k];
    dirty[k] = true;
    teamV[k] = evV;
    teamC[k] = evC;
  }

  private double totalV() {
    double v = 0;
    for (double x : teamV) {
      v += x;
    }
    return v;
  }

  private double totalC() {
    double c = 0;
    for (double x : teamC) {
      c += x;
    }
    return c;
  }

  private boolean better(double v1, double c1, double v0, double c0) {
    return v1 > v0 + epsV || (v1 > v0 - epsV && c1 < c0 - 1e-9 * Math.max(1, Math.abs(c0)));
  }

  private boolean better(Heuristic other) {
    return better(totalV(), totalC(), other.totalV(), other.totalC());
  }

  /** A change of the objective by (dV, dC) improves it. */
  private boolean improves(double dV, double dC) {
    return dV > epsV || (dV > -epsV && dC < -1e-9 * Math.max(1, sumC));
  }

  private int[][] routes() {
    int[][] r = new int[in.m][];
    for (int k = 0; k < in.m; k++) {
      r[k] = Arrays.copyOf(route[k], len[k]);
    }
    return r;
  }

  private void set(int k, int[] arr, int l) {
    System.arraycopy(arr, 0, route[k], 0, l);
    len[k] = l;
    refresh(k);
  }

  // ---- insertion ----

  /** Inserts j where the objective gains most; leaves it out if no team can take it. */
  private void insertBest(int j) {
    int bestK = -1;
    int bestQ = -1;
    double bestDv = Double.NEGATIVE_INFINITY;
    double bestDc = Double.POSITIVE_INFINITY;
    for (int k = 0; k < in.m; k++) {
      if (in.work_s[k][j] == Double.POSITIVE_INFINITY) {
        continue;
      }
      for (int q = 0; q <= len[k]; q++) {
        int l = withInserted(route[k], len[k], q, j, a1);
        if (!eval(k, a1, l)) {
          continue;
        }
        double dv = evV - teamV[k];
        double dc = evC - teamC[k];
        if (bestK < 0 || better(dv, dc, bestDv, bestDc)) {
          bestK = k;
          bestQ = q;
          bestDv = dv;
          bestDc = dc;
        }
      }
    }
    if (bestK >= 0) {
      int l = withInserted(route[bestK], len[bestK], bestQ, j, a1);
      set(bestK, a1, l);
    }
  }

  private static int withInserted(int[] r, int l, int q, int j, int[] out) {
    System.arraycopy(r, 0, out, 0, q);
    out[q] = j;
    System.arraycopy(r, q, out, q + 1, l - q);
    return l + 1;
  }

  private static int withoutAt(int[] r, int l, int p, int[] out) {
    System.arraycopy(r, 0, out, 0, p);
    System.arraycopy(r, p + 1, out, p, l - p - 1);
    return l - 1;
  }

  // ---- neighbourhoods ----

  /** Each job in turn to its best place (any team, any position); true if any moved. */
  private boolean relocateAll() {
    boolean any = false;
    int[] tmp = new int[in.n + 1];
    for (int a = 0; a < in.m; a++) {
      for (int p = 0; p < len[a]; p++) {
        int j = route[a][p];
        int la = withoutAt(route[a], len[a], p, tmp);
        if (!eval(a, tmp, la)) {
          continue;
        }
        double va = evV;
        double ca = evC;
        int bestK = -1;
        int bestQ = -1;
        double bestDv = 0;
        double bestDc = 0;
        for (int b = 0; b < in.m; b++) {
          if (in.work_s[b][j] == Double.POSITIVE_INFINITY || !(check[a] || check[b])) {
            continue;
          }
          int[] base = b == a ? tmp : route[b];
          int lb = b == a ? la : len[b];
          for (int q = 0; q <= lb; q++) {
            if (b == a && q == p) {
              continue;
            }
            int l = withInserted(base, lb, q, j, a1);
            if (!eval(b, a1, l)) {
              continue;
            }
            double dv = b == a ? evV - teamV[a] : evV + va - teamV[a] - teamV[b];
            double dc = b == a ? evC - teamC[a] : evC + ca - teamC[a] - teamC[b];
            if (improves(dv, dc) && (bestK < 0 || better(dv, dc, bestDv, bestDc))) {
              bestK = b;
              bestQ = q;
              bestDv = dv;
              bestDc = dc;
            }
          }
        }
        if (bestK >= 0) {
          int[] base = bestK == a ? tmp : route[bestK];
          int lb = bestK == a ? la : len[bestK];
          int l = withInserted(base, lb, bestQ, j, a1);
          if (bestK != a) {
            set(a, tmp, la);
          }
          set(bestK, a1, l);
          any = true;
        }
      }
    }
    return any;
  }

  /** Swaps of two jobs, first improvement; true if any. */
  private boolean swapAll() {
    boolean any = false;
    for (int a = 0; a < in.m; a++) {
      for (int p = 0; p < len[a]; p++) {
        for (int b = a; b < in.m; b++) {
          if (!(check[a] || check[b])) {
            continue;
          }
          for (int q = b == a ? p + 1 : 0; q < len[b]; q++) {
            any |= trySwap(a, p, b, q);
          }
        }
      }
    }
    return any;
  }

  private boolean trySwap(int a, int p, int b, int q) {
    int ja = route[a][p];
    int jb = route[b][q];
    if (a == b) {
      System.arraycopy(route[a], 0, a1, 0, len[a]);
      a1[p] = jb;
      a1[q] = ja;
      if (eval(a, a1, len[a]) && improves(evV - teamV[a], evC - teamC[a])) {
        set(a, a1, len[a]);
        return true;
      }
      return false;
    }
    if (in.work_s[a][jb] == Double.POSITIVE_INFINITY
        || in.work_s[b][ja] == Double.POSITIVE_INFINITY) {
      return false;
    }
    System.arraycopy(route[a], 0, a1, 0, len[a]);
    a1[p] = jb;
    if (!eval(a, a1, len[a])) {
      return false;
    }
    double va = evV;
    double ca = evC;
    System.arraycopy(route[b], 0, a2, 0, len[b]);
    a2[q] = ja;
    if (!eval(b, a2, len[b])) {
      return false;
    }
    double dv = va + evV - teamV[a] - teamV[b];
    double dc = ca + evC - teamC[a] - teamC[b];
    if (improves(dv, dc)) {
      set(a, a1, len[a]);
      set(b, a2, len[b]);
      return true;
    }
    return false;
  }

  /** Reversal of a segment within one team's order (2-opt), first improvement; true if any. */
  private boolean reverseAll() {
    boolean any = false;
    for (int k = 0; k < in.m; k++) {
      if (!check[k]) {
        continue;
      }
      for (int p = 0; p < len[k]; p++) {
        for (int q = p + 2; q < len[k]; q++) {
          System.arraycopy(route[k], 0, a1, 0, len[k]);
          for (int x = p, y = q; x < y; x++, y--) {
            int t = a1[x];
            a1[x] = a1[y];
            a1[y] = t;
          }
          if (eval(k, a1, len[k]) && improves(evV - teamV[k], evC - teamC[k])) {
            set(k, a1, len[k]);
            any = true;
          }
        }
      }
    }
    return any;
  }

  /** Exchange of two teams' tails (2-opt*), first improvement; true if any. */
  private boolean crossAll() {
    boolean any = false;
    for (int a = 0; a < in.m; a++) {
      for (int b = a + 1; b < in.m; b++) {
        if (!(check[a] || check[b])) {
          continue;
        }
        for (int p = 0; p <= len[a]; p++) {
          for (int q = 0; q <= len[b]; q++) {
            if ((p == len[a] && q == len[b]) || (p == 0 && q == 0)) {
              continue;
            }
            any |= tryCross(a, p, b, q);
          }
        }
      }
    }
    return any;
  }

  private boolean tryCross(int a, int p, int b, int q) {
    int la = p + len[b] - q;
    int lb = q + len[a] - p;
    System.arraycopy(route[a], 0, a1, 0, p);
    System.arraycopy(route[b], q, a1, p, len[b] - q);
    if (!eval(a, a1, la)) {
      return false;
    }
    double va = evV;
    double ca = evC;
    System.arraycopy(route[b], 0, a2, 0, q);
    System.arraycopy(route[a], p, a2, q, len[a] - p);
    if (!eval(b, a2, lb)) {
      return false;
    }
    double dv = va + evV - teamV[a] - teamV[b];
    double dc = ca + evC - teamC[a] - teamC[b];
    if (improves(dv, dc)) {
      set(a, a1, la);
      set(b, a2, lb);
      return true;
    }
    return false;
  }
}
