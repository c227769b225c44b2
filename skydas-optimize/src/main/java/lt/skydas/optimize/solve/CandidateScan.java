package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Finds the best single change (build or replace one option) for a {@link PlanSearch}'s current
 * plan by gain per euro, evaluating as few candidates as possible.
 *
 * <p><b>Bounds.</b> Only a site on a current shortest path can raise a scenario's time. If the path
 * crosses site s and option o changes its delay there by Δ, the new time is at most {@code min(L +
 * Δ, A_s)} with {@code A_s} the shortest time avoiding s's arcs. When s has a single gate arc in
 * every affected scenario this is exact (every path either uses that arc, at best at {@code L + Δ},
 * or avoids it). Scenarios where s is off the path but o lowers a delay are bounded by {@code L}
 * and need an exact evaluation.
 *
 * <p><b>Search.</b> A priority queue holds candidates keyed by an upper bound of their gain per
 * euro; the top one is refined (A computed), then evaluated exactly; the first exactly valued
 * candidate at the top is the best. The {@code A} values are cached per scenario and site and
 * dropped when a change may alter them (a site on their path got slower, or a site of the scenario
 * got faster whose unobstructed way through could undercut them, see {@code
 * ModelIndex#mayUndercut}).
 */
final class CandidateScan {
  private final PlanSearch ps;
  private final ModelIndex ix;
  private final List<Map<Integer, Avoid>> avoid;

  /** Shortest time avoiding a site, and the sites its path crosses (sorted). */
  private record Avoid(double length, int[] sites) {}

  CandidateScan(PlanSearch ps) {
    this.ps = ps;
    this.ix = ps.ix;
    avoid = new ArrayList<>();
    for (int k = 0; k < ix.scenarios; k++) {
      avoid.add(new HashMap<>());
    }
  }

  /** Forgets every cached value. */
  void clear() {
    for (Map<Integer, Avoid> m : avoid) {
      m.clear();
    }
  }

  /** Drops cached values a change of site {@code s} from {@code old} to {@code o} may alter. */
  void changed(int s, int old, int o) {
    for (int k = 0; k < ix.scenarios; k++) {
      if (!ix.siteInScenario(k, s)) {
        continue;
      }
      Map<Integer, Avoid> m = avoid.get(k);
      // a slower site invalidates the values whose path crosses it; a faster one also those a way
      // through it could undercut
      boolean faster = ix.mayShorten(k, s, old, o);
      for (Iterator<Avoid> it = m.values().iterator(); it.hasNext(); ) {
        Avoid a = it.next();
        if (Arrays.binarySearch(a.sites, s) >= 0 || (faster && ix.mayUndercut(k, s, a.length))) {
          it.remove();
        }
      }
    }
  }

  /**
   * A possible change: build {@code option} at {@code site}, and with it {@code sensor} (-1: none),
   * the cheapest covering sensor a watched option needs when none is chosen ({@code dCost} includes
   * it).
   */
  static final class Candidate {
    final int site;
    final int option;
    final int sensor;
    final int supplier;
    final long dCost;
    final double pressure;

    /** Affected scenarios; {@code delta[i]} is the change on the path, NaN when off the path. */
    final int[] scen;

    final double[] delta;
    double key;
    double keyGain;
    boolean refined;
    boolean evaluated;
    double gain = Double.NaN;

    Candidate(
        int site,
        int option,
        int sensor,
        int supplier,
        long dCost,
        double pressure,
        int[] scen,
        double[] delta) {
      this.site = site;
      this.option = option;
      this.sensor = sensor;
      this.supplier = supplier;
      this.dCost = dCost;
      this.pressure = pressure;
      this.scen = scen;
      this.delta = delta;
    }
  }

  /**
   * Changes that may raise some scenario's time: every other option at each site on a current
   * shortest path (not forced sites when the search fixes them), that fits, is not {@code tabu} and
   * is {@code allowed} (either may be null).
   */
  List<Candidate> candidates(boolean[] tabu, boolean[] allowed) {
    int nOpt = ix.options;
    double[] acc = new double[nOpt];
    boolean[] hit = new boolean[nOpt];
    int[] touchedK = new int[nOpt];
    int[] headNode = new int[nOpt];
    Arrays.fill(headNode, -1);
    int[] nodeK = new int[16];
    double[] nodeD = new double[16];
    int[] nodeNext = new int[16];
    int nodes = 0;
    int[] touched = new int[nOpt];
    int nTouched = 0;
    boolean[] any = new boolean[nOpt];
    int[] choice = ps.choice;
    for (int k = 0; k < ix.scenarios; k++) {
      int[] site = ix.arcSite[k];
      int nk = 0;
      for (int a : ps.path[k]) {
        int s = site[a];
        if (s < 0 || (ps.forcedFixed && ix.forcedAt[s] >= 0)) {
          continue;
        }
        double cur = ix.delay(k, choice[s], a);
        for (int i = ix.siteOptFirst[s]; i < ix.siteOptFirst[s + 1]; i++) {
          int o = ix.siteOpts[i];
          acc[o] += ix.delay(k, o, a) - cur;
          if (!hit[o]) {
            hit[o] = true;
            touchedK[nk++] = o;
          }
        }
      }
      for (int i = 0; i < nk; i++) {
        int o = touchedK[i];
        hit[o] = false;
        if (nodes == nodeK.length) {
          nodeK = Arrays.copyOf(nodeK, nodes * 2);
          nodeD = Arrays.copyOf(nodeD, nodes * 2);
          nodeNext = Arrays.copyOf(nodeNext, nodes * 2);
        }
        nodeK[nodes] = k;
        nodeD[nodes] = acc[o];
        nodeNext[nodes] = headNode[o];
        headNode[o] = nodes++;
        acc[o] = 0;
        if (!any[o]) {
          any[o] = true;
          touched[nTouched++] = o;
        }
      }
    }
    Arrays.sort(touched, 0, nTouched);
    List<Candidate> out = new ArrayList<>();
    double eps = ps.eps();
    int[] sc = new int[ix.scenarios];
    double[] dl = new double[ix.scenarios];
    for (int t = 0; t < nTouched; t++) {
      int o = touched[t];
      int s = ix.optSite[o];
      int cur = choice[s];
      if (o == cur || (tabu != null && tabu[o]) || (allowed != null && !allowed[o])) {
        continue;
      }
      int sensor = ps.companion(s, o, allowed);
      if (sensor == -2) {
        continue;
      }
      int supplier = ps.supplierFor(s, o, sensor, allowed);
      if (supplier == -2) {
        continue;
      }
      int n = 0;
      double pressure = 0;
      for (int nd = headNode[o]; nd >= 0; nd = nodeNext[nd]) {
        int k = nodeK[nd];
        double d = nodeD[nd];
        if (d != 0 || ix.mayShorten(k, s, cur, o)) {
          sc[n] = k;
          dl[n++] = d;
        }
        if (d > 0) {
          int g = ix.scenGroup[k];
          pressure +=
              d * ix.groupWeight[g] / (ix.groupMin[g] ? 1 : Math.max(1, ix.groupScen[g].length));
        }
      }
      boolean noLoss = true;
      if (cur >= 0) {
        for (int k = 0; k < ix.scenarios; k++) {
          if (ix.siteInScenario(k, s)
              && ix.mayShorten(k, s, cur, o)
              && ix.mayUndercut(k, s, ps.lengths[k])) {
            noLoss = false;
            if (!contains(sc, n, k)) {
              sc[n] = k;
              dl[n++] = Double.NaN;
            }
          }
        }
      }
      if (n == 0) {
        continue;
      }
      long dCost =
          ix.optCost[o]
              - (cur >= 0 ? ix.optCost[cur] : 0)
              + (sensor >= 0 ? ix.optCost[sensor] : 0)
              + (supplier >= 0 ? ix.optCost[supplier] : 0);
      Candidate c =
          new Candidate(
              s,
              o,
              sensor,
              supplier,
              dCost,
              noLoss ? pressure : 0,
              Arrays.copyOf(sc, n),
              Arrays.copyOf(dl, n));
      setKey(c, boundGain(c, false), eps);
      if (c.keyGain > eps || c.pressure > 0) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  private void setKey(Candidate c, double gain, double eps) {
    c.keyGain = gain;
    c.key = PlanSearch.ratio(gain, c.dCost, eps);
  }

  /**
   * Upper bound on the candidate's objective gain (with the cached avoid values when {@code
   * refined}); sets nothing.
   */
  private double boundGain(Candidate c, boolean refined) {
    double[] l = ps.lengths.clone();
    for (int i = 0; i < c.scen.length; i++) {
      int k = c.scen[i];
      if (!Double.isNaN(c.delta[i])) {
        double v = ps.lengths[k] + c.delta[i];
        if (refined) {
          v = Math.min(v, avoid.get(k).get(c.site).length);
        }
        l[k] = v;
      }
    }
    return ix.objective(l) - ps.objective;
  }

  /** True when the refined bound is the exact gain (single gate arc, site on every path). */
  private boolean exactByBound(Candidate c) {
    for (int i = 0; i < c.scen.length; i++) {
      int k = c.scen[i];
      if (Double.isNaN(c.delta[i])
          || ix.siteArcFirst[k][c.site + 1] - ix.siteArcFirst[k][c.site] != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The candidate with the best exact gain per euro (ties: larger gain, lower option id), or null
   * when none gains more than {@code eps}; stops early after {@code maxEvaluations} exact
   * evaluations (then the best evaluated so far).
   */
  Candidate best(List<Candidate> cands, int maxEvaluations) {
    double eps = ps.eps();
    PriorityQueue<Candidate> pq =
        new PriorityQueue<>(
            Math.max(1, cands.size()),
            (a, b) -> {
              if (a.key != b.key) {
                return Double.compare(b.key, a.key);
              }
              if (a.keyGain != b.keyGain) {
                return Double.compare(b.keyGain, a.keyGain);
              }
              if (a.evaluated != b.evaluated) {
                return a.evaluated ? -1 : 1;
              }
              return Integer.compare(a.option, b.option);
            });
    for (Candidate c : cands) {
      if (c.keyGain > eps) {
        pq.add(c);
      }
    }
    int batch = 4 * ps.workers;
    int evaluations = 0;
    Candidate bestEvaluated = null;
    while (!pq.isEmpty()) {
      Candidate top = pq.peek();
      if (top.evaluated) {
        return top.gain > eps ? top : null;
      }
      if (evaluations >= maxEvaluations) {
        return bestEvaluated;
      }
      List<Candidate> take = new ArrayList<>(batch);
      take.add(pq.poll());
      boolean refine = !top.refined;
      while (take.size() < batch && !pq.isEmpty()) {
        Candidate c = pq.peek();
        if (c.evaluated || c.refined == refine) {
          break;
        }
        take.add(pq.poll());
      }
      if (refine) {
        refineAll(take);
        for (Candidate c : take) {
          c.refined = true;
          setKey(c, boundGain(c, true), eps);
          if (exactByBound(c)) {
            c.evaluated = true;
            c.gain = c.keyGain;
          }
          if (c.keyGain > eps) {
            pq.add(c);
          }
        }
      } else {
        ps.forEach(take.size(), (e, w, i) -> take.get(i).gain = ps.evaluate(e, w, take.get(i)));
        ps.evaluations += take.size();
        evaluations += take.size();
        for (Candidate c : take) {
          c.gain -= ps.objective;
          c.evaluated = true;
          setKey(c, c.gain, eps);
          if (c.gain > eps) {
            pq.add(c);
            if (bestEvaluated == null
                || PlanSearch.better(c.key, c.gain, bestEvaluated.key, bestEvaluated.gain)) {
              bestEvaluated = c;
            }
          }
        }
      }
    }
    return null;
  }

  /** Computes the missing avoid values of the candidates' on-path scenarios, in parallel. */
  private void refineAll(List<Candidate> take) {
    List<long[]> need = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Candidate c : take) {
      for (int i = 0; i < c.scen.length; i++) {
        int k = c.scen[i];
        if (!Double.isNaN(c.delta[i]) && !avoid.get(k).containsKey(c.site)) {
          long key = ((long) k << 32) | c.site;
          if (seen.add(key)) {
            need.add(new long[] {k, c.site});
          }
        }
      }
    }
    Avoid[] got = new Avoid[need.size()];
    ps.forEach(
        need.size(),
        (e, w, i) -> {
          int k = (int) need.get(i)[0];
          int s = (int) need.get(i)[1];
          e.blockSite(k, s);
          try {
            double l = ps.timed(e, w, k);
            int[] sites = Double.isFinite(l) ? sitesOf(k, e.lastPath()) : new int[0];
            got[i] = new Avoid(l, sites);
          } finally {
            e.unblockSite(k, s);
          }
        });
    for (int i = 0; i < got.length; i++) {
      avoid.get((int) need.get(i)[0]).put((int) need.get(i)[1], got[i]);
    }
  }

  private int[] sitesOf(int k, int[] path) {
    int[] s = new int[path.length];
    int n = 0;
    for (int a : path) {
      if (ix.arcSite[k][a] >= 0) {
        s[n++] = ix.arcSite[k][a];
      }
    }
    int[] out = Arrays.copyOf(s, n);
    Arrays.sort(out);
    return out;
  }
}
