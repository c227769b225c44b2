package lt.skydas.optimize.solve;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import lt.skydas.optimize.model.BarrierModel;

/**
 * A fast plan heuristic: greedy construction, then local search.
 *
 * <p><b>Greedy.</b> Starts from the forced options. Each step considers every other option at every
 * non-forced site on a current shortest path of some scenario (only those can raise a time), that
 * fits every budget row; it evaluates them in order of an optimistic gain per euro (the delay they
 * add on the current paths) until none left can beat the best exact gain per euro, and builds the
 * best (a free improvement first). Upgrades at an already built site are candidates too. When no
 * single change gains (ties between equally short routes), up to three look-ahead picks with the
 * most added path delay per euro are tried and kept only if a later step gains.
 *
 * <p><b>Local search</b> (ruin and recreate): drop one to three built options, preferring those
 * that lose least per euro (at first: all that lose nothing), forbid re-adding them, refill
 * greedily; keep the result if the objective rises, or stays and the plan gets cheaper.
 *
 * <p><b>Sensors and watch links.</b> A watched option whose site no chosen sensor covers is a
 * candidate together with the cheapest covering sensor that fits (its cost counts in the gain per
 * euro); once a sensor stands, the watched options it covers are upgrades at no cost. After the
 * greedy and after local search a sensor sweep ({@link PlanCompanions#sensorSweep}) tries each
 * sensor with all the chosen obstacles it would watch at once. Local search never drops a sensor
 * directly: after each refill, sensors that no chosen watched option needs are dropped ({@link
 * PlanCompanions#dropIdle}), so the link always holds.
 *
 * <p><b>Determinism.</b> For a given seed and worker count the result is identical whenever the
 * iteration or stall limit ends the search, not the time limit. Evaluations run on {@code workers}
 * threads with a fixed assignment of work to threads.
 */
public final class HeuristicSolver {
  /**
   * Limits and knobs; build with {@link #builder()} or {@link #toBuilder()}, validated on
   * construction.
   *
   * @param timeLimit_s wall-clock limit in seconds for greedy and local search together (&gt; 0)
   * @param seed random seed of the local search
   * @param workers evaluation threads (≥ 1)
   * @param maxIterations local-search iterations at most (≥ 0)
   * @param stallIterations stop after this many iterations without a better objective (≥ 1)
   */
  public record Settings(
      double timeLimit_s, long seed, int workers, int maxIterations, int stallIterations) {
    /**
     * @throws IllegalArgumentException when a setting is outside its range
     */
    public Settings {
      if (!(timeLimit_s > 0) || workers < 1 || maxIterations < 0 || stallIterations < 1) {
        throw new IllegalArgumentException("bad heuristic settings");
      }
    }

    /** 20 s, seed 1, 2 workers, 10 000 iterations, stall after 60. */
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
          .withSeed(seed)
          .withWorkers(workers)
          .withMaxIterations(maxIterations)
          .withStallIterations(stallIterations);
    }

    /** Collects settings; {@link #build} validates them. Not thread safe. */
    public static final class Builder {
      private double timeLimit_s = 20;
      private long seed = 1;
      private int workers = 2;
      private int maxIterations = 10_000;
      private int stallIterations = 60;

      private Builder() {}

      /** See {@link Settings#timeLimit_s}. */
      public Builder withTimeLimit_s(double v) {
        timeLimit_s = v;
        return this;
      }

      /** See {@link Settings#seed}. */
      public Builder withSeed(long v) {
        seed = v;
        return this;
      }

      /** See {@link Settings#workers}. */
      public Builder withWorkers(int v) {
        workers = v;
        return this;
      }

      /** See {@link Settings#maxIterations}. */
      public Builder withMaxIterations(int v) {
        maxIterations = v;
        return this;
      }

      /** See {@link Settings#stallIterations}. */
      public Builder withStallIterations(int v) {
        stallIterations = v;
        return this;
      }

      /**
       * The settings.
       *
       * @throws IllegalArgumentException when a setting is outside its range
       */
      public Settings build() {
        return new Settings(timeLimit_s, seed, workers, maxIterations, stallIterations);
      }
    }
  }

  private final ModelIndex ix;

  /** A solver for the model (indexes it once). */
  public HeuristicSolver(BarrierModel model) {
    this(ModelIndex.of(model));
  }

  HeuristicSolver(ModelIndex ix) {
    this.ix = ix;
  }

  /**
   * Greedy from the forced options, then local search.
   *
   * @param progress receives reports (may be null)
   * @throws InfeasiblePlanException when the forced options alone break a constraint
   */
  public HeuristicResult solve(Settings settings, Consumer<SolveProgress> progress) {
    return improve(PlanConstraints.forcedChoice(ix.model), settings, progress);
  }

  /**
   * Greedy completion and local search from a feasible plan.
   *
   * @param start a plan that keeps every constraint (forced options in)
   * @throws IllegalArgumentException when {@code start} is infeasible
   */
  public HeuristicResult improve(int[] start, Settings settings, Consumer<SolveProgress> progress) {
    PlanConstraints.requireForcedFeasible(ix.model);
    List<String> bad = PlanConstraints.violations(ix.model, start);
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException("start plan is infeasible: " + bad);
    }
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (settings.timeLimit_s() * 1e9);
    try (PlanSearch ps = new PlanSearch(ix, settings.workers())) {
      ps.reset(start);
      ps.greedyFill(null, null, deadline);
      if (PlanCompanions.sensorSweep(ps, null, deadline) > 0) {
        ps.greedyFill(null, null, deadline);
      }
      PlanCompanions.dropIdle(ps);
      double greedy = ps.objective;
      report(progress, "greedy", t0, ps.objective, 0);
      int it =
          localSearch(
              ps,
              new SplittableRandom(settings.seed()),
              settings.maxIterations(),
              settings.stallIterations(),
              deadline,
              progress,
              t0);
      if (PlanCompanions.sensorSweep(ps, null, deadline) > 0) {
        ps.greedyFill(null, null, deadline);
        PlanCompanions.dropIdle(ps);
      }
      report(progress, "done", t0, ps.objective, it);
      return new HeuristicResult(
          ps.choice,
          ps.objective,
          ix.baselineObjective,
          greedy,
          ps.lengths,
          it,
          ps.evaluations,
          ps.searches(),
          (System.nanoTime() - t0) * 1e-9,
          ps.pathLog());
    }
  }

  private static void report(
      Consumer<SolveProgress> progress, String phase, long t0, double obj, int round) {
    if (progress != null) {
      progress.accept(
          new SolveProgress(
              phase, (System.nanoTime() - t0) * 1e-9, obj, Double.POSITIVE_INFINITY, round, 0));
    }
  }

  /**
   * Ruin-and-recreate local search on {@code ps}'s current plan; leaves the best plan found
   * current. Returns the iterations done.
   */
  static int localSearch(
      PlanSearch ps,
      SplittableRandom rng,
      int maxIterations,
      int stallLimit,
      long deadline,
      Consumer<SolveProgress> progress,
      long t0) {
    ModelIndex ix = ps.ix;
    boolean[] tabu = new boolean[ix.options];
    int[] built = null;
    double[] loss = null;
    Integer[] order = null;
    int it = 0;
    int stall = 0;
    boolean pruned = false;
    long lastReport = System.nanoTime();
    while (it < maxIterations && stall < stallLimit && System.nanoTime() < deadline) {
      if (loss == null) {
        built = ps.builtSites();
        if (built.length == 0) {
          break;
        }
        loss = ps.dropLosses(built);
        final int[] b = built;
        final double[] l = loss;
        order = new Integer[b.length];
        for (int i = 0; i < b.length; i++) {
          order[i] = i;
        }
        Arrays.sort(
            order,
            (x, y) -> {
              double rx = l[x] / Math.max(1, ix.optCost[ps.choice[b[x]]]);
              double ry = l[y] / Math.max(1, ix.optCost[ps.choice[b[y]]]);
              return rx != ry ? Double.compare(rx, ry) : Integer.compare(b[x], b[y]);
            });
      }
      it++;
      double eps = ps.eps();
      int[] drop;
      if (!pruned) {
        pruned = true;
        int n = 0;
        drop = new int[built.length];
        for (int i = 0; i < built.length; i++) {
          if (loss[i] <= eps) {
            drop[n++] = built[i];
          }
        }
        drop = Arrays.copyOf(drop, n);
        if (n == 0) {
          it--;
          continue;
        }
      } else {
        int k = 1 + rng.nextInt(Math.min(3, built.length));
        drop = new int[k];
        boolean[] used = new boolean[built.length];
        for (int j = 0; j < k; j++) {
          int idx;
          do {
            idx = (int) (built.length * Math.pow(rng.nextDouble(), 3));
          } while (used[idx]);
          used[idx] = true;
          drop[j] = built[order[idx]];
        }
      }
      int[] snapshot = ps.choice.clone();
      double before = ps.objective;
      long costBefore = ps.cost();
      for (int s : drop) {
        tabu[ps.choice[s]] = true;
        ps.apply(s, -1);
      }
      ps.greedyFill(tabu, null, deadline);
      PlanCompanions.dropIdle(ps);
      for (int o : snapshot) {
        if (o >= 0) {
          tabu[o] = false;
        }
      }
      if (ps.objective > before + eps) {
        loss = null;
        stall = 0;
      } else if (ps.objective >= before - eps && ps.cost() < costBefore) {
        loss = null;
        stall++;
      } else {
        ps.reset(snapshot);
        stall++;
      }
      if (progress != null && System.nanoTime() - lastReport > 500_000_000L) {
        lastReport = System.nanoTime();
        report(progress, "local search", t0, ps.objective, it);
      }
    }
    return it;
  }
}
