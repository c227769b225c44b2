package lt.skydas.optimize.interdiction;

import com.google.ortools.Loader;
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
 * (cardinality: cost 1).
 *
 * <p>This class holds the instance in ticks and the work on it (evaluation, separation, the greedy
 * + swap heuristic, the packing bound); one run's incumbent, bounds and target schedule are {@link
 * CoveringRun}'s. Not thread-safe: one per thread, and one {@code solve} at a time.
 */
public final class CoveringInterdiction {
  private static volatile boolean loaded;

  /**
   * Limits and knobs; build with {@link #builder()} or {@link #toBuilder()}, validated on
   * construction.
   *
   * @param timeLimit_s wall clock for the whole run in seconds, heuristic included (&gt; 0)
   * @param workers CP-SAT workers of the {@link MasterSolver#CP_SAT} master (the others use one; ≥
   *     1)
   * @param seed random seed of the master solvers and the local search
   * @param pathsPerRound violated paths added per master round (diverse: each found path's free
   *     arcs are delayed before the next search; ≥ 1)
   * @param harvestPerRound at most this many rows per round harvested from the plans the greedy +
   *     swap improvement evaluates, each the plan's shortest path when it is shorter than the
   *     round's target (≥ 0; 0 turns harvesting off)
   * @param proveShare share of the time limit spent proving the incumbent (target LB + 1) before
   *     probing targets between LB and UB by bisection (in (0, 1])
   * @param resolution one tick, in the network's length unit; the same value the solver was
   *     constructed with (&gt; 0)
   * @param master the exact solver of the covering master (not null)
   * @param localSteps moves of {@link CoveringLocalSearch} tried on each master before the exact
   *     solver (0: exact solver only); a plan it finds is a correct answer, giving up proves
   *     nothing (≥ 0)
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
    /**
     * @throws IllegalArgumentException when a setting is outside its range
     */
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
      return builder().build();
    }

    /** A builder holding the {@link #defaults()}. */
    public static Builder builder() {
      return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
      return new Builder()
          .withTimeLimit_s(timeLimit_s)
          .withWorkers(workers)
          .withSeed(seed)
          .withPathsPerRound(pathsPerRound)
          .withHarvestPerRound(harvestPerRound)
          .withProveShare(proveShare)
          .withResolution(resolution)
          .withMaster(master)
          .withLocalSteps(localSteps);
    }

    /** Collects settings; {@link #build} validates them. Not thread safe. */
    public static final class Builder {
      private double timeLimit_s = 60;
      private int workers = 2;
      private long seed = 1;
      private int pathsPerRound = 16;
      private int harvestPerRound = 16;
      private double proveShare = 0.6;
      private double resolution = 1;
      private MasterSolver master = MasterSolver.CORE;
      private int localSteps = 4000;

      private Builder() {}

      /** See {@link Settings#timeLimit_s}. */
      public Builder withTimeLimit_s(double v) {
        timeLimit_s = v;
        return this;
      }

      /** See {@link Settings#workers}. */
      public Builder withWorkers(int v) {
        workers = v;
        return this;
      }

      /** See {@link Settings#seed}. */
      public Builder withSeed(long v) {
        seed = v;
        return this;
      }

      /** See {@link Settings#pathsPerRound}. */
      public Builder withPathsPerRound(int v) {
        pathsPerRound = v;
        return this;
      }

      /** See {@link Settings#harvestPerRound}. */
      public Builder withHarvestPerRound(int v) {
        harvestPerRound = v;
        return this;
      }

      /** See {@link Settings#proveShare}. */
      public Builder withProveShare(double v) {
        proveShare = v;
        return this;
      }

      /** See {@link Settings#resolution}. */
      public Builder withResolution(double v) {
        resolution = v;
        return this;
      }

      /** See {@link Settings#master}. */
      public Builder withMaster(MasterSolver v) {
        master = v;
        return this;
      }

      /** See {@link Settings#localSteps}. */
      public Builder withLocalSteps(int v) {
        localSteps = v;
        return this;
      }

      /**
       * The settings.
       *
       * @throws IllegalArgumentException when a setting is outside its range
       */
      public Settings build() {
        return new Settings(
            timeLimit_s,
            workers,
            seed,
            pathsPerRound,
            harvestPerRound,
            proveShare,
            resolution,
            master,
            localSteps);
      }
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

  /**
   * While set (see {@link #openHarvest}), {@link #valueAndHarvest} pools each evaluated plan's
   * shortest path when it is shorter than {@link #harvestTarget}, at most {@link #harvestCap} per
   * round.
   */
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
    this.search = new BoundedSearch(g.graph(), toSink, g.source(), g.sink());
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
    double[] dist = Dijkstra.distances(g.graph().reverse(), w, g.sink());
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

  /**
   * Knapsack budget: {@code Σ cost_a x_a ≤ budget}; costs of interdictable arcs must be ≥ 0. The
   * schedule of targets and rounds is {@link CoveringRun}'s.
   */
  public Outcome solve(long[] cost, long budget, Settings s, Consumer<String> progress) {
    return new CoveringRun(this, cost, budget, s, progress).run();
  }

  /** The arc-disjoint path packing bound ({@link PackingBound}); counts its searches. */
  long packingBound(long[] cost, long budget) {
    PackingBound.Result r = PackingBound.compute(g, c, d, search, cost, budget);
    searches += r.searches();
    return r.bound();
  }

  /** Work counter: bounded path searches run so far (evaluations, separation, bounds). */
  long searches() {
    return searches;
  }

  /** Interdiction delays in ticks, by arc (shared; do not modify). */
  long[] delays() {
    return d;
  }

  /**
   * Shortest-path length in ticks with {@code x} interdicted ({@link Long#MAX_VALUE} when the sink
   * is cut off). Changes nothing but the search's scratch state and the {@link #searches} counter.
   */
  long value(boolean[] x) {
    for (int a = 0; a < arcs; a++) {
      w[a] = c[a] + (x[a] ? d[a] : 0);
    }
    searches++;
    long v = search.shortestBelow(w, Long.MAX_VALUE);
    return v < 0 ? Long.MAX_VALUE : v;
  }

  /**
   * {@link #value}, and while a harvest is open, pools the plan's shortest path if it is shorter
   * than the round's target and the round's cap is not reached.
   */
  long valueAndHarvest(boolean[] x) {
    long v = value(x);
    if (harvest != null && v < harvestTarget && harvested < harvestCap) {
      if (harvest.add(search.lastPath(), c, g.interdictable)) {
        harvested++;
      }
    }
    return v;
  }

  /** From now on {@link #valueAndHarvest} pools paths into {@code pool}, {@code cap} per round. */
  void openHarvest(PathRows pool, int cap) {
    harvest = pool;
    harvestCap = cap;
  }

  /** Starts a harvest round: paths shorter than {@code target}, the cap counted afresh. */
  void harvestFor(long target) {
    harvestTarget = target;
    harvested = 0;
  }

  /** Ends harvesting: {@link #valueAndHarvest} only evaluates. */
  void closeHarvest() {
    harvest = null;
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

  /** Greedy + swap from the empty plan, the fast lower bound. */
  boolean[] heuristic(long[] cost, long budget) {
    boolean[] x = new boolean[arcs];
    improve(x, cost, budget);
    return x;
  }

  /**
   * Greedy completion (add, while affordable, the arc of the current shortest path whose delay
   * lengthens it most; ties to the larger delay, since equally short paths are broken one arc at a
   * time), then swaps (move one interdiction onto the shortest path) while a swap improves, and
   * again. Every plan it evaluates goes through {@link #valueAndHarvest}, so while a harvest is
   * open their short paths are pooled. Leaves {@link BoundedSearch#lastPath} at the plan's shortest
   * path.
   */
  void improve(boolean[] x, long[] cost, long budget) {
    while (true) {
      long spent = 0;
      for (int a = 0; a < arcs; a++) {
        if (x[a]) {
          spent += cost[a];
        }
      }
      valueAndHarvest(x);
      while (true) {
        int[] path = search.lastPath();
        int best = -1;
        long bestVal = Long.MIN_VALUE;
        for (int a : path) {
          if (!g.interdictable[a] || x[a] || spent + cost[a] > budget) {
            continue;
          }
          x[a] = true;
          long v = valueAndHarvest(x);
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
        valueAndHarvest(x);
      }
      long val = valueAndHarvest(x);
      if (!swap(x, cost, budget, spent, val)) {
        break;
      }
    }
    valueAndHarvest(x);
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
        if (valueAndHarvest(x) > val) {
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
