package lt.skydas.optimize.interdiction;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolverStatus;
import java.util.Arrays;
import java.util.function.Consumer;
import lt.skydas.optimize.graph.Dijkstra;

/**
 * Exact shortest-path interdiction by threshold covering
 * (docs/research/shortest-path-interdiction.md §3; Israeli &amp; Wood's covering decomposition with
 * supervalid rows): with incumbent value LB, a plan is better only if every s–t path P shorter than
 * T = LB + 1 tick is delayed by at least T − c(P), i.e. {@code Σ_{a∈P} min(d_a, T − c(P)) x_a ≥ T −
 * c(P)}. The master is the 0/1 feasibility problem over a pool of such path rows plus the budget
 * ({@link MasterSolver}); the subproblem is an A* search bounded at T ({@link BoundedSearch}) that
 * returns up to {@code pathsPerRound} violated, mutually diverse paths. An infeasible master proves
 * LB optimal; a master plan that reaches T is a new incumbent. Rows never become invalid when T
 * grows (only their right-hand side does), so the pool is kept for the whole run.
 *
 * <p>Data are integer ticks of {@code resolution} (lengths and delays must be multiples of it);
 * "optimal" is exact in ticks. Budget: {@code Σ cost_a x_a ≤ budget} over interdictable arcs
 * (cardinality: cost 1). Not thread-safe.
 */
public final class CoveringInterdiction {
  private static volatile boolean loaded;

  /**
   * Limits and knobs.
   *
   * @param timeLimit_s wall clock for the whole run, heuristic included
   * @param workers CP-SAT workers of the {@link MasterSolver#CP_SAT} master (the others use one)
   * @param seed random seed of the master solvers and the local search
   * @param pathsPerRound violated paths added per master round (diverse: each found path's free
   *     arcs are delayed before the next search)
   * @param resolution one tick, in the network's length unit
   * @param master the exact solver of the covering master
   * @param localSteps moves of {@link CoveringLocalSearch} tried on each master before the exact
   *     solver (0: exact solver only); a plan it finds is a correct answer, giving up proves
   *     nothing
   */
  public record Settings(
      double timeLimit_s,
      int workers,
      long seed,
      int pathsPerRound,
      int harvestPerRound,
      double proveShare,
      double resolution,
      MasterSolver master,
      int localSteps) {
    public Settings {
      if (!(timeLimit_s > 0)
          || workers < 1
          || pathsPerRound < 1
          || harvestPerRound < 0
          || !(proveShare > 0 && proveShare <= 1)
          || !(resolution > 0)
          || master == null
          || localSteps < 0) {
        throw new IllegalArgumentException("bad covering-solver settings");
      }
    }

    /**
     * 60 s, 2 workers, seed 1, 16 separated and 16 harvested paths per round, 60 % of the time
     * proving the incumbent, resolution 1, core-guided CP-SAT, 4,000 local-search moves per master.
     */
    public static Settings defaults() {
      return new Settings(60, 2, 1, 16, 16, 0.6, 1, MasterSolver.CORE, 4000);
    }

    public Settings withTimeLimit(double v) {
      return new Settings(
          v,
          workers,
          seed,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          resolution,
          master,
          localSteps);
    }

    public Settings withWorkers(int v) {
      return new Settings(
          timeLimit_s,
          v,
          seed,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          resolution,
          master,
          localSteps);
    }

    public Settings withSeed(long v) {
      return new Settings(
          timeLimit_s,
          workers,
          v,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          resolution,
          master,
          localSteps);
    }

    public Settings withPathsPerRound(int v) {
      return new Settings(
          timeLimit_s,
          workers,
          seed,
          v,
          harvestPerRound,
          proveShare,
          resolution,
          master,
          localSteps);
    }

    public Settings withHarvestPerRound(int v) {
      return new Settings(
          timeLimit_s, workers, seed, pathsPerRound, v, proveShare, resolution, master, localSteps);
    }

    public Settings withProveShare(double v) {
      return new Settings(
          timeLimit_s,
          workers,
          seed,
          pathsPerRound,
          harvestPerRound,
          v,
          resolution,
          master,
          localSteps);
    }

    public Settings withMaster(MasterSolver v) {
      return new Settings(
          timeLimit_s,
          workers,
          seed,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          resolution,
          v,
          localSteps);
    }

    /** Moves of the local search tried before the exact master solver (0: exact solver only). */
    public Settings withLocalSteps(int v) {
      return new Settings(
          timeLimit_s,
          workers,
          seed,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          resolution,
          master,
          v);
    }

    public Settings withResolution(double v) {
      return new Settings(
          timeLimit_s,
          workers,
          seed,
          pathsPerRound,
          harvestPerRound,
          proveShare,
          v,
          master,
          localSteps);
    }
  }

  /** Which solver answers the covering master. */
  public enum MasterSolver {
    /** CP-SAT feasibility search with the configured workers: quick on small pools. */
    CP_SAT,
    /** SCIP (single thread): LP bounds and cuts; slow to refute where the LP bound is weak. */
    SCIP,
    /**
     * CP-SAT minimising the plan's cost by core-guided search (one worker, no LP relaxation; the
     * default): each unsatisfiable core of rows raises the bound on the cost of any plan that meets
     * them all, so a bound above the budget refutes the target. It reasons on the integer plans
     * directly, where the LP bound of this covering problem is far too weak.
     */
    CORE
  }

  /**
   * The run's outcome.
   *
   * @param result best plan, its value and the proven upper bound
   * @param optimal the bound equals the value
   * @param rounds master solves
   * @param rows path rows in the pool at the end
   * @param searches bounded path searches
   * @param masterSeconds time spent in the master solver
   * @param heuristicValue value of the starting heuristic's plan
   * @param seconds wall time
   */
  public record Outcome(
      InterdictionResult result,
      boolean optimal,
      int rounds,
      int rows,
      long searches,
      double masterSeconds,
      double heuristicValue,
      double seconds) {}

  private final InterdictionNetwork g;
  private final long[] c;
  private final long[] d;
  private final long[] toSink;
  private final BoundedSearch search;
  private final int arcs;
  private final long[] w;

  /** While set, every evaluated plan's shortest path shorter than the target is pooled. */
  private PathRows harvest;

  private long harvestTarget;
  private int harvested;
  private int harvestCap;
  private long searches;

  /**
   * A solver for {@code g} with lengths and delays in ticks of {@code resolution}.
   *
   * @throws IllegalArgumentException when a length or delay is not a multiple of the resolution, or
   *     the ticks of all arcs sum to 2^52 or more (searches key on exact doubles)
   */
  public CoveringInterdiction(InterdictionNetwork g, double resolution) {
    this.g = g;
    this.arcs = g.arcCount();
    this.c = ticks(g.length, resolution, "length");
    this.d = ticks(g.delay, resolution, "delay");
    requireExactKeys(c, d);
    this.toSink = ticksToSink(g, c);
    this.search = new BoundedSearch(g.graph, toSink, g.source, g.sink);
    this.w = new long[arcs];
  }

  private static void requireExactKeys(long[] c, long[] d) {
    double total = 0;
    for (int a = 0; a < c.length; a++) {
      total += (double) c[a] + d[a];
    }
    if (total >= 0x1p52) {
      throw new IllegalArgumentException("lengths and delays sum to 2^52 ticks or more");
    }
  }

  /** Nominal distance in ticks from every node to the sink, {@link Long#MAX_VALUE} if none. */
  private static long[] ticksToSink(InterdictionNetwork g, long[] c) {
    double[] w = new double[c.length];
    for (int a = 0; a < c.length; a++) {
      w[a] = c[a];
    }
    double[] dist = Dijkstra.distances(g.graph.reverse(), w, g.sink);
    long[] t = new long[dist.length];
    for (int v = 0; v < t.length; v++) {
      t[v] = dist[v] == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) dist[v];
    }
    return t;
  }

  private static long[] ticks(double[] v, double res, String what) {
    long[] t = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      double q = v[i] / res;
      long r = Math.round(q);
      if (Math.abs(q - r) > 1e-9 * Math.max(1, Math.abs(q))) {
        throw new IllegalArgumentException(
            "arc " + i + ": " + what + " " + v[i] + " is not a multiple of the resolution " + res);
      }
      t[i] = r;
    }
    return t;
  }

  /** Cardinality budget: at most {@code budget} interdicted arcs. */
  public Outcome solve(int budget, Settings s, Consumer<String> progress) {
    long[] cost = new long[arcs];
    Arrays.fill(cost, 1);
    return solve(cost, budget, s, progress);
  }

  /** Knapsack budget: {@code Σ cost_a x_a ≤ budget}; costs of interdictable arcs must be ≥ 0. */
  public Outcome solve(long[] cost, long budget, Settings s, Consumer<String> progress) {
    long t0 = System.nanoTime();
    double deadline = t0 * 1e-9 + s.timeLimit_s();
    Consumer<String> log = progress == null ? m -> {} : progress;
    PathRows pool = new PathRows();
    boolean[] inc = heuristic(cost, budget);
    long lb = value(inc);
    double heuristicValue = lb * s.resolution();
    long ub = packingBound(cost, budget);
    log.accept(String.format("heuristic: %d ticks; packing bound %d", lb, ub));
    harvest = pool;
    harvestCap = s.harvestPerRound();
    separate(inc, lb + 1, s.pathsPerRound(), pool);
    int rounds = 0;
    double masterSeconds = 0;
    // prove the incumbent (target lb + 1) for a share of the time, then probe targets between lb
    // and ub: a target no plan reaches lowers ub, and high targets are quicker to refute
    double proveUntil = t0 * 1e-9 + s.proveShare() * s.timeLimit_s();
    long target = lb + 1;
    boolean probesDone = false;
    boolean[] last = inc.clone(); // start of the next master's local search
    while (lb < ub) {
      double now = System.nanoTime() * 1e-9;
      double left = deadline - now;
      if (left <= 0.01) {
        break;
      }
      boolean probing = now > proveUntil && ub < Long.MAX_VALUE;
      if (probing && !probesDone && target == lb + 1 && ub - lb > 1) {
        target = lb + 1 + (ub - lb) / 2;
      }
      rounds++;
      double roundLimit =
          probing && !probesDone
              ? Math.min(left, Math.max(0.5, 0.1 * s.timeLimit_s()))
              : Math.max(0.05, proveUntil - now);
      if ((!probing && ub == Long.MAX_VALUE) || probesDone) {
        roundLimit = left;
      }
      harvestTarget = target;
      harvested = 0;
      long m0 = System.nanoTime();
      CoveringMaster.Result mr =
          CoveringMaster.solve(pool, target, d, cost, budget, inc, last, roundLimit, s);
      masterSeconds += (System.nanoTime() - m0) * 1e-9;
      if (mr.status() == CpSolverStatus.INFEASIBLE) {
        ub = target - 1;
        log.accept(
            String.format(
                "round %d: no plan reaches %d: bound %d (master %.2fs on %d arcs, %d rows)",
                rounds, target, ub, mr.seconds(), mr.variables(), pool.size()));
        target = probing && ub - lb > 1 ? lb + 1 + (ub - lb) / 2 : lb + 1;
        continue;
      }
      if (mr.plan() == null) {
        log.accept(
            String.format(
                "round %d: master stopped at target %d after %.2fs", rounds, target, mr.seconds()));
        if (target >= ub || !probing) {
          probesDone |= probing;
          target = lb + 1;
          if (!probing && ub == Long.MAX_VALUE) {
            break;
          }
        } else {
          target = target + (ub - target + 1) / 2; // higher targets are easier to refute
        }
        continue;
      }
      boolean[] x = mr.plan();
      last = x.clone();
      long v = value(x);
      int before = pool.size();
      if (v < target) {
        separate(x, target, s.pathsPerRound(), pool);
      }
      // plans near a master plan as good as the incumbent (a short local search from it): better
      // ones, and their paths. From weaker master plans it would mostly pool rows the refutation
      // does not need, and cost a hundred searches per row.
      if (v >= lb) {
        improve(x, cost, budget);
      }
      long vx = value(x);
      if (vx > lb) {
        inc = x;
        lb = vx;
        log.accept(
            String.format(
                "round %d (%.1fs): better plan %d ticks",
                rounds, (System.nanoTime() - t0) * 1e-9, lb));
        separate(inc, lb + 1, s.pathsPerRound(), pool);
        if (target <= lb) {
          target = lb + 1;
        }
      } else {
        log.accept(
            String.format(
                "round %d (%.1fs): target %d, +%d rows (%d), master %.2fs on %d arcs",
                rounds,
                (System.nanoTime() - t0) * 1e-9,
                target,
                pool.size() - before,
                pool.size(),
                mr.seconds(),
                mr.variables()));
      }
    }
    harvest = null;
    boolean optimal = lb >= ub;
    if (optimal) {
      log.accept(String.format("%d is optimal", lb));
    }
    double res = s.resolution();
    InterdictionResult r =
        new InterdictionResult(
            lb == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : lb * res,
            GreedyInterdiction.arcsOf(inc),
            ub == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : ub * res,
            "covering");
    return new Outcome(
        r,
        optimal,
        rounds,
        pool.size(),
        searches,
        masterSeconds,
        heuristicValue,
        (System.nanoTime() - t0) * 1e-9);
  }

  /** The arc-disjoint path packing bound ({@link PackingBound}); counts its searches. */
  long packingBound(long[] cost, long budget) {
    PackingBound.Result r = PackingBound.compute(g, c, d, search, cost, budget);
    searches += r.searches();
    return r.bound();
  }

  /** Shortest-path length in ticks with {@code x} interdicted. */
  long value(boolean[] x) {
    for (int a = 0; a < arcs; a++) {
      w[a] = c[a] + (x[a] ? d[a] : 0);
    }
    searches++;
    long v = search.shortestBelow(w, Long.MAX_VALUE);
    if (harvest != null && v >= 0 && v < harvestTarget && harvested < harvestCap) {
      if (harvest.add(search.lastPath(), c, g.interdictable)) {
        harvested++;
      }
    }
    return v < 0 ? Long.MAX_VALUE : v;
  }

  /**
   * Adds to the pool up to {@code m} paths shorter than {@code target} under plan {@code x}; after
   * each, the path's arcs not in the plan get their delay, so the next path is one the master could
   * not block with the same arcs. Returns the number of new rows.
   */
  int separate(boolean[] x, long target, int m, PathRows pool) {
    for (int a = 0; a < arcs; a++) {
      w[a] = c[a] + (x[a] ? d[a] : 0);
    }
    int added = 0;
    for (int i = 0; i < m; i++) {
      searches++;
      if (search.shortestBelow(w, target) < 0) {
        break;
      }
      int[] p = search.lastPath();
      if (pool.add(p, c, g.interdictable)) {
        added++;
      }
      boolean moved = false;
      for (int a : p) {
        if (g.interdictable[a] && w[a] == c[a]) {
          w[a] += d[a];
          moved = true;
        }
      }
      if (!moved) {
        break; // the path stays short with all its arcs delayed: the master will see it
      }
    }
    return added;
  }

  /** Greedy + swap, the fast lower bound. */
  private boolean[] heuristic(long[] cost, long budget) {
    boolean[] x = new boolean[arcs];
    improve(x, cost, budget);
    return x;
  }

  /**
   * Greedy completion (add, while affordable, the arc of the current shortest path whose delay
   * lengthens it most; ties to the larger delay, since equally short paths are broken one arc at a
   * time), then swaps (move one interdiction onto the shortest path) while a swap improves, and
   * again. Leaves {@link BoundedSearch#lastPath} at the plan's shortest path.
   */
  private void improve(boolean[] x, long[] cost, long budget) {
    while (true) {
      long spent = 0;
      for (int a = 0; a < arcs; a++) {
        if (x[a]) {
          spent += cost[a];
        }
      }
      value(x);
      while (true) {
        int[] path = search.lastPath();
        int best = -1;
        long bestVal = Long.MIN_VALUE;
        for (int a : path) {
          if (!g.interdictable[a] || x[a] || spent + cost[a] > budget) {
            continue;
          }
          x[a] = true;
          long v = value(x);
          x[a] = false;
          if (v > bestVal || (v == bestVal && d[a] > d[best])) {
            bestVal = v;
            best = a;
          }
        }
        if (best < 0) {
          break;
        }
        x[best] = true;
        spent += cost[best];
        value(x);
      }
      long val = value(x);
      if (!swap(x, cost, budget, spent, val)) {
        break;
      }
    }
    value(x);
  }

  private boolean swap(boolean[] x, long[] cost, long budget, long spent, long val) {
    int[] path = search.lastPath();
    for (int out = 0; out < arcs; out++) {
      if (!x[out]) {
        continue;
      }
      for (int in : path) {
        if (!g.interdictable[in] || x[in] || spent - cost[out] + cost[in] > budget) {
          continue;
        }
        x[out] = false;
        x[in] = true;
        if (value(x) > val) {
          return true;
        }
        x[in] = false;
        x[out] = true;
      }
    }
    return false;
  }

  static void loadNatives() {
    if (!loaded) {
      synchronized (CoveringInterdiction.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }
}
