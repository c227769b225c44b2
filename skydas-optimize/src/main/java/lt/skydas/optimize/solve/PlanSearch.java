package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.optimize.model.BarrierModel;

/**
 * The mutable state of a plan search (the current plan, its budget use, per-scenario times and
 * shortest paths) with the moves the heuristics need: apply a change at a site, find the best
 * addition or upgrade by objective gain per euro (greedy step), and the loss of dropping each built
 * option. Candidate evaluations run on {@code workers} thread-confined {@link PlanEvaluator}s with
 * a static assignment of work to workers, so results do not depend on thread timing.
 *
 * <p>Only options at sites on a current shortest path can raise a scenario's time; the increase is
 * at most the delay they add on that path, which bounds each candidate's gain and lets a greedy
 * step stop evaluating once no remaining candidate can beat the best one found.
 */
final class PlanSearch implements AutoCloseable {
  /** Outcome of {@link #greedyStep}. */
  enum Step {
    GAIN,
    ZERO,
    NONE
  }

  private static final int MAX_PATHS_LOGGED = 200_000;

  final ModelIndex ix;
  final int workers;
  private final PlanEvaluator[] ev;
  private final ExecutorService exec;
  private final double[][] scratch;
  private final long[][] nanos;

  final int[] choice;
  final long[] usage;
  private final long[] limit;
  private final long[][] coef;
  final double[] lengths;
  final int[][] path;
  double objective;
  long evaluations;
  private boolean initialised;

  /** Candidate evaluations allowed per greedy step (the bound usually stops far earlier). */
  int maxEvaluationsPerStep = 512;

  /** Consecutive zero-gain look-ahead picks allowed before the greedy gives up and reverts. */
  int maxZeroStreak = 3;

  /**
   * The budget rows {@link #fits} checks: null for every row; phasing, which has its own yearly
   * ceilings, checks only the supplied rows (a depot is built before the stock it stores).
   */
  boolean[] checkedRows;

  /** When false, forced sites are candidates like any other (phasing schedules forced options). */
  boolean forcedFixed = true;

  private final CandidateScan scan;
  private final List<ScenarioPath> log = new ArrayList<>();
  private final Set<PathKey> logged = new HashSet<>();

  PlanSearch(ModelIndex ix, int workers) {
    this.ix = ix;
    this.workers = Math.max(1, workers);
    ev = new PlanEvaluator[this.workers];
    scratch = new double[this.workers][];
    for (int w = 0; w < this.workers; w++) {
      ev[w] = new PlanEvaluator(ix);
      scratch[w] = new double[ix.scenarios];
    }
    nanos = new long[this.workers][ix.scenarios];
    exec =
        this.workers > 1
            ? Executors.newFixedThreadPool(
                this.workers - 1,
                r -> {
                  Thread t = new Thread(r, "skydas-plan-search");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    BarrierModel m = ix.model;
    choice = new int[ix.sites];
    Arrays.fill(choice, -1);
    usage = new long[m.budgets().size()];
    limit = new long[usage.length];
    coef = new long[usage.length][];
    for (int r = 0; r < usage.length; r++) {
      limit[r] = m.budgets().get(r).limit();
      coef[r] = m.budgets().get(r).coefficient();
    }
    lengths = new double[ix.scenarios];
    path = new int[ix.scenarios][];
    scan = new CandidateScan(this);
  }

  @Override
  public void close() {
    if (exec != null) {
      exec.shutdownNow();
    }
  }

  /** Work item for {@link #forEach}. */
  interface Task {
    void run(PlanEvaluator e, int worker, int item);
  }

  /** Runs items 0..n-1, item i on worker i mod workers, and waits. */
  void forEach(int n, Task task) {
    if (exec == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.run(ev[0], 0, i);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers && w < n; w++) {
      final int worker = w;
      fs.add(
          exec.submit(
              () -> {
                for (int i = worker; i < n; i += workers) {
                  task.run(ev[worker], worker, i);
                }
              }));
    }
    RuntimeException failure = null;
    try {
      for (int i = 0; i < n; i += workers) {
        task.run(ev[0], 0, i);
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : fs) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException re
                  ? re
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Timed search of scenario {@code k} with {@code e}'s loaded weights. */
  double timed(PlanEvaluator e, int worker, int k) {
    long t0 = System.nanoTime();
    double l = e.search(k);
    nanos[worker][k] += System.nanoTime() - t0;
    return l;
  }

  /** Timed search with explicit weights. */
  double timed(PlanEvaluator e, int worker, int k, double[] weights) {
    long t0 = System.nanoTime();
    double l = e.search(k, weights);
    nanos[worker][k] += System.nanoTime() - t0;
    return l;
  }

  /** Seconds spent in shortest-path searches, per scenario, over all workers. */
  double[] scenarioSeconds() {
    double[] s = new double[ix.scenarios];
    for (long[] w : nanos) {
      for (int k = 0; k < s.length; k++) {
        s[k] += w[k] * 1e-9;
      }
    }
    return s;
  }

  /** Shortest-path searches run by all workers. */
  long searches() {
    long n = 0;
    for (PlanEvaluator e : ev) {
      n += e.searches();
    }
    return n;
  }

  /** Current-plan shortest paths seen so far (deduplicated, in order of discovery). */
  List<ScenarioPath> pathLog() {
    return log;
  }

  /**
   * Makes {@code start} the current plan: change by change when it differs from the current one at
   * a few sites and the state is initialised, else from scratch.
   */
  void reset(int[] start) {
    if (initialised) {
      int diff = 0;
      for (int s = 0; s < choice.length && diff <= 16; s++) {
        if (choice[s] != start[s]) {
          diff++;
        }
      }
      if (diff <= 16) {
        for (int s = 0; s < choice.length; s++) {
          if (choice[s] != start[s]) {
            apply(s, start[s]);
          }
        }
        return;
      }
    }
    initialised = true;
    scan.clear();
    System.arraycopy(start, 0, choice, 0, choice.length);
    for (PlanEvaluator e : ev) {
      e.load(choice);
    }
    for (int r = 0; r < usage.length; r++) {
      long u = 0;
      for (int o : choice) {
        if (o >= 0) {
          u += coef[r][o];
        }
      }
      usage[r] = u;
    }
    int[] all = new int[ix.scenarios];
    for (int k = 0; k < all.length; k++) {
      all[k] = k;
    }
    recompute(all);
  }

  private void recompute(int[] scenarios) {
    forEach(
        scenarios.length,
        (e, w, i) -> {
          int k = scenarios[i];
          lengths[k] = timed(e, w, k);
          path[k] = e.lastPath();
        });
    for (int k : scenarios) {
      logPath(k, path[k]);
    }
    objective = ix.objective(lengths);
  }

  private void logPath(int k, int[] arcs) {
    if (log.size() < MAX_PATHS_LOGGED && logged.add(new PathKey(k, arcs))) {
      log.add(new ScenarioPath(k, arcs));
    }
  }

  /** True when building {@code o} (-1: nothing) at site {@code s} keeps every budget row. */
  boolean fits(int s, int o) {
    return fits(s, o, -1, -1);
  }

  /**
   * True when building {@code o} (-1: nothing) at site {@code s} and, with it, sensor option {@code
   * sensor} (-1: none; at a site that has nothing chosen) keeps every budget row.
   */
  boolean fits(int s, int o, int sensor) {
    return fits(s, o, sensor, -1);
  }

  /**
   * True when building {@code o} (-1: nothing) at site {@code s} and, with it, options {@code a}
   * and {@code b} (-1: none; each at a site that has nothing chosen) keeps every checked budget row
   * ({@link #checkedRows}).
   */
  boolean fits(int s, int o, int a, int b) {
    return fits(s, o, a, b, true);
  }

  private boolean fits(int s, int o, int a, int b, boolean suppliedRows) {
    int old = choice[s];
    for (int r = 0; r < usage.length; r++) {
      if ((checkedRows != null && !checkedRows[r]) || (!suppliedRows && ix.suppliedRow[r])) {
        continue;
      }
      long u =
          usage[r]
              - (old >= 0 ? coef[r][old] : 0)
              + (o >= 0 ? coef[r][o] : 0)
              + (a >= 0 ? coef[r][a] : 0)
              + (b >= 0 ? coef[r][b] : 0);
      if (u > limit[r]) {
        return false;
      }
    }
    return true;
  }

  /**
   * What building {@code o} at site {@code s} needs besides: -1 when {@code o} has no watch link or
   * a covering sensor is chosen; else the cheapest covering sensor (ties: lowest option) whose site
   * is empty, that is {@code allowed} (null: all) and fits the budget rows together with {@code o}
   * (the rows a supplier may still make room in aside: {@link #supplierFor}); -2 when no sensor can
   * be added.
   */
  int companion(int s, int o, boolean[] allowed) {
    if (ix.covered(o, choice)) {
      return -1;
    }
    int best = -2;
    for (int i = ix.coverFirst[o]; i < ix.coverFirst[o + 1]; i++) {
      int j = ix.cover[i];
      if (choice[ix.optSite[j]] < 0
          && (allowed == null || allowed[j])
          && (best < 0 || ix.optCost[j] < ix.optCost[best])
          && fits(s, o, j, -1, false)) {
        best = j;
      }
    }
    return best;
  }

  /**
   * The supplier building {@code o} at site {@code s} with {@code sensor} (-1: none) needs: -1 when
   * they fit every budget row as they are; else the cheapest supplier option (a depot site: ties,
   * lowest option) whose site is empty, that is {@code allowed} (null: all) and with which they
   * fit; -2 when none makes them fit.
   */
  int supplierFor(int s, int o, int sensor, boolean[] allowed) {
    if (fits(s, o, sensor, -1)) {
      return -1;
    }
    int best = -2;
    for (int j : ix.suppliers) {
      if (choice[ix.optSite[j]] < 0
          && (allowed == null || allowed[j])
          && (best < 0 || ix.optCost[j] < ix.optCost[best])
          && fits(s, o, sensor, j)) {
        best = j;
      }
    }
    return best;
  }

  /** Builds the candidate's supplier and sensor (if any), then its option. */
  void apply(CandidateScan.Candidate c) {
    if (c.supplier >= 0) {
      apply(ix.optSite[c.supplier], c.supplier);
    }
    if (c.sensor >= 0) {
      apply(ix.optSite[c.sensor], c.sensor);
    }
    apply(c.site, c.option);
  }

  /** Builds {@code o} (-1: nothing) at site {@code s} and updates times and paths. */
  void apply(int s, int o) {
    int old = choice[s];
    if (old == o) {
      return;
    }
    for (int r = 0; r < usage.length; r++) {
      usage[r] += (o >= 0 ? coef[r][o] : 0) - (old >= 0 ? coef[r][old] : 0);
    }
    choice[s] = o;
    for (PlanEvaluator e : ev) {
      e.setSite(s, o);
    }
    scan.changed(s, old, o);
    int[] affected = new int[ix.scenarios];
    int n = 0;
    for (int k = 0; k < ix.scenarios; k++) {
      // off the path, a site that got faster matters only if a way through it could undercut
      if (ix.siteInScenario(k, s)
          && (onPath(k, s) || (ix.mayShorten(k, s, old, o) && ix.mayUndercut(k, s, lengths[k])))) {
        affected[n++] = k;
      }
    }
    recompute(Arrays.copyOf(affected, n));
  }

  private boolean onPath(int k, int s) {
    int[] site = ix.arcSite[k];
    for (int a : path[k]) {
      if (site[a] == s) {
        return true;
      }
    }
    return false;
  }

  /** Minimum objective change that counts as a gain. */
  double eps() {
    return 1e-11 * Math.max(1, Math.abs(objective));
  }

  /** Ranking value of a gain at a cost change: gain per euro, +Inf for a free improvement. */
  static double ratio(double gain, long dCost, double eps) {
    if (gain <= eps) {
      return gain <= 0 ? gain : 0;
    }
    return dCost <= 0 ? Double.POSITIVE_INFINITY : gain / dCost;
  }

  static boolean better(double r1, double g1, double r2, double g2) {
    return r1 > r2 || (r1 == r2 && g1 > g2);
  }

  /** Exact objective after the candidate's change (evaluated on worker {@code w}). */
  double evaluate(PlanEvaluator e, int w, CandidateScan.Candidate c) {
    double[] l = scratch[w];
    System.arraycopy(lengths, 0, l, 0, l.length);
    int cur = choice[c.site];
    e.setSite(c.site, c.option);
    try {
      for (int k : c.scen) {
        l[k] = timed(e, w, k);
      }
    } finally {
      e.setSite(c.site, cur);
    }
    return ix.objective(l);
  }

  /**
   * Builds the change with the best exact gain per euro and returns {@link Step#GAIN}; when no
   * change gains, returns {@link Step#ZERO} and leaves in {@code lookahead[0]} the loss-free
   * candidate adding the most delay on current paths per euro (not applied), or {@link Step#NONE}
   * when there is none.
   */
  Step greedyStep(boolean[] tabu, boolean[] allowed, CandidateScan.Candidate[] lookahead) {
    List<CandidateScan.Candidate> cands = scan.candidates(tabu, allowed);
    if (cands.isEmpty()) {
      return Step.NONE;
    }
    CandidateScan.Candidate best = scan.best(cands, maxEvaluationsPerStep);
    if (best != null) {
      apply(best);
      return Step.GAIN;
    }
    CandidateScan.Candidate pick = null;
    double pickR = Double.NEGATIVE_INFINITY;
    for (CandidateScan.Candidate c : cands) {
      if (c.pressure <= 0) {
        continue;
      }
      double r = c.dCost <= 0 ? Double.POSITIVE_INFINITY : c.pressure / c.dCost;
      if (pick == null || r > pickR || (r == pickR && c.pressure > pick.pressure)) {
        pick = c;
        pickR = r;
      }
    }
    if (pick == null) {
      return Step.NONE;
    }
    lookahead[0] = pick;
    return Step.ZERO;
  }

  /**
   * Greedy: repeats {@link #greedyStep} until nothing fits or gains, or the deadline passes.
   * Zero-gain look-ahead picks (to get past ties between equally short routes) are kept only when a
   * later step gains; otherwise the plan reverts to before them.
   *
   * @return number of changes applied
   */
  int greedyFill(boolean[] tabu, boolean[] allowed, long deadlineNanos) {
    int steps = 0;
    int[] snapshot = null;
    int streak = 0;
    CandidateScan.Candidate[] look = new CandidateScan.Candidate[1];
    while (System.nanoTime() < deadlineNanos) {
      Step st = greedyStep(tabu, allowed, look);
      if (st == Step.GAIN) {
        steps++;
        streak = 0;
        snapshot = null;
        continue;
      }
      if (st == Step.ZERO && streak < maxZeroStreak) {
        if (snapshot == null) {
          snapshot = choice.clone();
        }
        streak++;
        apply(look[0]);
        continue;
      }
      break;
    }
    if (snapshot != null) {
      reset(snapshot);
    }
    return steps;
  }

  /** Built, non-forced obstacle sites (not sensor or supplier sites), ascending. */
  int[] builtSites() {
    int n = 0;
    int[] s = new int[ix.sites];
    for (int i = 0; i < ix.sites; i++) {
      if (choice[i] >= 0 && ix.forcedAt[i] < 0 && !ix.sensorSite[i] && !ix.supplierSite[i]) {
        s[n++] = i;
      }
    }
    return Arrays.copyOf(s, n);
  }

  /** Objective lost by dropping the option at each of {@code sites} alone. */
  double[] dropLosses(int[] sites) {
    return dropLosses(sites, Long.MAX_VALUE);
  }

  /**
   * As {@link #dropLosses(int[])}, measuring only until {@code deadline} ({@link System#nanoTime});
   * a site not measured by then gets NaN.
   */
  double[] dropLosses(int[] sites, long deadline) {
    double[] loss = new double[sites.length];
    forEach(
        sites.length,
        (e, w, i) -> {
          if (System.nanoTime() > deadline) {
            loss[i] = Double.NaN;
            return;
          }
          int s = sites[i];
          int o = choice[s];
          double[] l = scratch[w];
          System.arraycopy(lengths, 0, l, 0, l.length);
          e.setSite(s, -1);
          try {
            for (int k = 0; k < ix.scenarios; k++) {
              if (ix.siteInScenario(k, s)
                  && ix.mayShorten(k, s, o, -1)
                  && ix.mayUndercut(k, s, lengths[k])) {
                l[k] = timed(e, w, k);
              }
            }
          } finally {
            e.setSite(s, o);
          }
          loss[i] = objective - ix.objective(l);
        });
    evaluations += sites.length;
    return loss;
  }

  /** Euros the plan spends (sum of option costs). */
  long cost() {
    long c = 0;
    for (int o : choice) {
      if (o >= 0) {
        c += ix.optCost[o];
      }
    }
    return c;
  }

  private record PathKey(int k, int[] arcs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PathKey p && p.k == k && Arrays.equals(p.arcs, arcs);
    }

    @Override
    public int hashCode() {
      return 31 * k + Arrays.hashCode(arcs);
    }
  }
}
