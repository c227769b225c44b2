package lt.skydas.optimize.solve;

import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Exact solver with an honest bound: multi-cut Benders on a CP-SAT path master ({@link
 * PathMaster}), pool seeded by the heuristic.
 *
 * <ol>
 *   <li>Heuristic ({@link HeuristicSolver}'s greedy and local search) for a share of the time: the
 *       incumbent (lower bound LB), and the shortest paths of every plan it moved through, which
 *       seed the path pool together with the empty plan's paths.
 *   <li>Each round: solve the master (hint: the incumbent; at most 8 % of the time limit per round
 *       except the last, doubled when a round adds no row). Its {@code bestObjectiveBound} is a
 *       valid upper bound UB even at its time limit. Re-evaluate the master's plan exactly (a
 *       candidate incumbent), then separate: per scenario the plan's shortest path, and up to
 *       {@code pathsPerScenario − 1} more nearly disjoint ones (the full possible delay is added to
 *       the previous path's gate arcs before searching again); every path whose row the master's z
 *       violates is pooled. Then (if {@code repair}) a short greedy completion and local search
 *       from the master's plan (it usually leaves budget unused) may improve the incumbent; its
 *       paths are pooled too.
 *   <li>Stop when the master is optimal and no row is violated at its plan (optimal), when the
 *       relative gap is at most the target, or at the time limit.
 * </ol>
 *
 * <p><b>Resolution.</b> Master times are integer ticks of {@code 1/ticksPerSecond} s (default
 * centiseconds), every row term rounded up, and objective weights rounded up to integers after
 * scaling (relative error about 1e-12 of the objective range). All roundings only raise the master,
 * so the bound stays valid. They may make the master prefer a plan worse than the best by less than
 * that resolution; "optimal" is to that resolution. With times that are whole ticks the rows are
 * exact.
 *
 * <p><b>Scale.</b> Small and medium models (≈ 100 sites) are proved optimal in about a second. On
 * models of thousands of sites the bound stays loose within a minute: the LP relaxation of shortest
 * path interdiction spreads the budget fractionally over many sites, and CP-SAT rarely improves on
 * it in the time; the result then reports TIME_LIMIT with the honest gap. (Tightening the master
 * with LP caps on each z_σ, also from the union of pooled paths, was tried: valid but it made
 * CP-SAT's bound and plans worse, so it is not used.)
 */
public final class ExactSolver {
  /**
   * Limits and knobs; build with {@link #builder()} or {@link #toBuilder()}, validated on
   * construction.
   *
   * @param timeLimit_s wall-clock limit in seconds, all phases (&gt; 0)
   * @param gapTarget stop when {@code (UB − LB)/|LB| ≤ gapTarget}; 0 = prove optimality (≥ 0)
   * @param workers threads for CP-SAT and for path searches (≥ 1)
   * @param seed random seed (local search and CP-SAT)
   * @param heuristicShare share of the time limit for the initial heuristic (in (0, 1))
   * @param pathsPerScenario paths separated per scenario per round (≥ 1)
   * @param ticksPerSecond master time resolution, ticks per second (≥ 1)
   * @param repair after each round, complete the master's plan greedily and run a short local
   *     search from it (off: pure Benders, for testing the master loop)
   */
  public record Settings(
      double timeLimit_s,
      double gapTarget,
      int workers,
      long seed,
      double heuristicShare,
      int pathsPerScenario,
      long ticksPerSecond,
      boolean repair) {
    /**
     * @throws IllegalArgumentException when a setting is outside its range
     */
    public Settings {
      if (!(timeLimit_s > 0)
          || !(gapTarget >= 0)
          || workers < 1
          || !(heuristicShare > 0 && heuristicShare < 1)
          || pathsPerScenario < 1
          || ticksPerSecond < 1) {
        throw new IllegalArgumentException("bad exact-solver settings");
      }
    }

    /**
     * 60 s, gap 0, 2 workers, seed 1, 25 % heuristic, 8 paths per scenario, centiseconds, repair.
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
          .withGapTarget(gapTarget)
          .withWorkers(workers)
          .withSeed(seed)
          .withHeuristicShare(heuristicShare)
          .withPathsPerScenario(pathsPerScenario)
          .withTicksPerSecond(ticksPerSecond)
          .withRepair(repair);
    }

    /** Collects settings; {@link #build} validates them. Not thread safe. */
    public static final class Builder {
      private double timeLimit_s = 60;
      private double gapTarget = 0;
      private int workers = 2;
      private long seed = 1;
      private double heuristicShare = 0.25;
      private int pathsPerScenario = 8;
      private long ticksPerSecond = 100;
      private boolean repair = true;

      private Builder() {}

      /** See {@link Settings#timeLimit_s}. */
      public Builder withTimeLimit_s(double v) {
        timeLimit_s = v;
        return this;
      }

      /** See {@link Settings#gapTarget}. */
      public Builder withGapTarget(double v) {
        gapTarget = v;
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

      /** See {@link Settings#heuristicShare}. */
      public Builder withHeuristicShare(double v) {
        heuristicShare = v;
        return this;
      }

      /** See {@link Settings#pathsPerScenario}. */
      public Builder withPathsPerScenario(int v) {
        pathsPerScenario = v;
        return this;
      }

      /** See {@link Settings#ticksPerSecond}. */
      public Builder withTicksPerSecond(long v) {
        ticksPerSecond = v;
        return this;
      }

      /** See {@link Settings#repair}. */
      public Builder withRepair(boolean v) {
        repair = v;
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
            gapTarget,
            workers,
            seed,
            heuristicShare,
            pathsPerScenario,
            ticksPerSecond,
            repair);
      }
    }
  }

  /** Share of the time limit one master round may take (the last round takes what is left). */
  static final double MASTER_ROUND_SHARE = 0.08;

  private final ModelIndex ix;

  /** A solver for the model (indexes it once). */
  public ExactSolver(BarrierModel model) {
    this.ix = ModelIndex.of(model);
  }

  /** Solves from scratch (runs the heuristic first). */
  public ExactResult solve(Settings settings, Consumer<SolveProgress> progress) {
    return solve(settings, null, progress);
  }

  /**
   * Solves from a plan that may break the model's budget rows (one option per site, every watch
   * link kept), such as the plan of the same model without some rows: options are dropped until
   * every row holds ({@link BudgetRepair#repair}), and the heuristic runs from there instead of
   * from the forced options alone.
   *
   * @param start per site its option, or −1
   * @throws InfeasiblePlanException when the forced options alone break a constraint
   */
  public ExactResult solveFrom(Settings settings, int[] start, Consumer<SolveProgress> progress) {
    PlanConstraints.requireForcedFeasible(ix.model);
    if (start.length != ix.sites) {
      throw new IllegalArgumentException("start plan: one entry per site");
    }
    long t0 = System.nanoTime();
    try (PlanSearch ps = new PlanSearch(ix, settings.workers())) {
      int[] forced = PlanConstraints.forcedChoice(ix.model);
      int[] from = start.clone();
      for (int s = 0; s < from.length; s++) {
        from[s] = forced[s] >= 0 ? forced[s] : from[s];
      }
      Run run = new Run(ps, settings, progress, t0);
      run.from = from;
      return run.solve(null);
    }
  }

  /**
   * Solves, starting from a heuristic result (its plan is the first incumbent and its paths seed
   * the pool) or, when {@code warm} is null, running the heuristic first.
   *
   * @throws InfeasiblePlanException when the forced options alone break a constraint
   */
  public ExactResult solve(
      Settings settings, HeuristicResult warm, Consumer<SolveProgress> progress) {
    PlanConstraints.requireForcedFeasible(ix.model);
    long t0 = System.nanoTime();
    try (PlanSearch ps = new PlanSearch(ix, settings.workers())) {
      return new Run(ps, settings, progress, t0).solve(warm);
    }
  }

  /**
   * One solve: the incumbent (LB) and where it came from, the path pool, the bound (UB) and the
   * round counters. Its steps are the ones of the class comment.
   */
  private final class Run {
    private final PlanSearch ps;
    private final Settings settings;
    private final Consumer<SolveProgress> progress;
    private final long t0;
    private final long deadline;
    private final long tps;
    private final SplittableRandom rng;
    private final PathPool pool = new PathPool(ix.scenarios);
    private final PathPool.RowBuilder[] rb;
    private final double[][] wbuf;
    private int[] best;
    private double lb;
    private double[] bestLengths;
    private double heuristicObjective;
    private double heuristicTime;
    private double ub;
    private int rounds;
    private int vars;
    private double masterTime;
    private boolean proven;

    /** The plan the heuristic starts from (null: the forced options alone). */
    private int[] from;

    /** Master time cap of the next round, seconds; doubled when a round adds no row. */
    private double roundLimit;

    /** Entries of {@code ps}'s path log already pooled. */
    private int drained;

    Run(PlanSearch ps, Settings settings, Consumer<SolveProgress> progress, long t0) {
      this.ps = ps;
      this.settings = settings;
      this.progress = progress;
      this.t0 = t0;
      this.deadline = t0 + (long) (settings.timeLimit_s() * 1e9);
      this.tps = settings.ticksPerSecond();
      this.rng = new SplittableRandom(settings.seed());
      this.rb = new PathPool.RowBuilder[ps.workers];
      this.wbuf = new double[ps.workers][];
      int maxArcs = 0;
      for (int k = 0; k < ix.scenarios; k++) {
        maxArcs = Math.max(maxArcs, ix.head[k].length);
      }
      for (int w = 0; w < ps.workers; w++) {
        rb[w] = new PathPool.RowBuilder(ix, tps);
        wbuf[w] = new double[maxArcs];
      }
    }

    ExactResult solve(HeuristicResult warm) {
      startIncumbent(warm);
      best = ps.choice.clone();
      lb = ps.objective;
      bestLengths = ps.lengths.clone();
      heuristicObjective = lb;
      heuristicTime = (System.nanoTime() - t0) * 1e-9;
      seedPool(warm);
      ub = PathMaster.trivialBound(ix, pool, tps);
      // early masters are weak relaxations: cap each round so more rows get generated
      roundLimit = Math.max(1.0, MASTER_ROUND_SHARE * settings.timeLimit_s());
      while (round()) {
        // each round tightens the bound, the pool or the incumbent
      }
      return result();
    }

    /** Step 1: the warm plan, or the heuristic (greedy and local search) for its time share. */
    private void startIncumbent(HeuristicResult warm) {
      if (warm != null) {
        if (!PlanConstraints.violations(ix.model, warm.choice()).isEmpty()) {
          throw new IllegalArgumentException("warm-start plan is infeasible");
        }
        ps.reset(warm.choice());
        return;
      }
      long hDeadline = t0 + (long) (settings.timeLimit_s() * settings.heuristicShare() * 1e9);
      if (from != null) {
        ps.reset(from);
        // the loss measurements take at most half the heuristic's time; the rest go by the losses
        // measured (RepairBudgetsTest)
        BudgetRepair.repair(ps, t0 + (hDeadline - t0) / 2);
      } else {
        ps.reset(PlanConstraints.forcedChoice(ix.model));
      }
      ps.greedyFill(null, null, hDeadline);
      if (PlanCompanions.sensorSweep(ps, null, hDeadline) > 0) {
        ps.greedyFill(null, null, hDeadline);
      }
      PlanCompanions.dropIdle(ps);
      HeuristicSolver.localSearch(ps, rng, 10_000, 60, hDeadline, null, t0);
      if (PlanCompanions.sensorSweep(ps, null, hDeadline) > 0) {
        ps.greedyFill(null, null, hDeadline);
        PlanCompanions.dropIdle(ps);
      }
    }

    /** Step 2: the empty plan's paths, the warm start's paths and those the heuristic logged. */
    private void seedPool(HeuristicResult warm) {
      PlanEvaluator base = new PlanEvaluator(ix);
      int[] empty = new int[ix.sites];
      Arrays.fill(empty, -1);
      for (int k = 0; k < ix.scenarios; k++) {
        pool.add(rb[0].row(k, base.shortestPath(k, empty)));
      }
      if (warm != null) {
        for (ScenarioPath p : warm.paths()) {
          pool.add(rb[0].row(p.scenario(), p.arcs()));
        }
      }
      drained = drain(ps, pool, rb[0], 0);
    }

    /** Step 3, one round: master, re-evaluation, separation, repair; false when done. */
    private boolean round() {
      if (ub - lb <= settings.gapTarget() * Math.abs(lb)) {
        proven = ub - lb <= 1e-9 * Math.max(1, Math.abs(lb));
        return false;
      }
      double left = (deadline - System.nanoTime()) * 1e-9;
      if (left < 0.05) {
        return false;
      }
      double limit = left < 2 * roundLimit ? left : roundLimit;
      PathMaster.Outcome out =
          PathMaster.solve(
              ix, pool, tps, best, limit, settings.workers(), (int) settings.seed() + rounds);
      rounds++;
      vars = out.variables();
      masterTime += out.seconds();
      ub = Math.min(ub, out.bound());
      if (out.choice() == null) {
        if (out.status() == CpSolverStatus.INFEASIBLE
            || out.status() == CpSolverStatus.MODEL_INVALID) {
          return false;
        }
        // no plan within the round's cap (a slow or busy machine): a longer round, while time is
        // left, rather than giving up with most of the time limit unused
        roundLimit *= 2;
        return true;
      }
      ps.reset(out.choice());
      PlanCompanions.dropIdle(ps);
      offerIncumbent();
      boolean converged = poolCuts(out);
      if (out.status() == CpSolverStatus.OPTIMAL && converged) {
        proven = true;
        return false;
      }
      report(progress, "master", t0, lb, ub, rounds, pool.size());
      if (settings.repair()) {
        repair();
      }
      return true;
    }

    /**
     * Separates at the master's plan (now {@code ps}'s) and pools the rows; true when no row is
     * violated at the master's z. A round that adds no row doubles the next round's cap.
     */
    private boolean poolCuts(PathMaster.Outcome out) {
      List<Cut> cuts = separate(ps, rb, wbuf, out.z(), settings.pathsPerScenario(), tps);
      boolean converged = true;
      int added = 0;
      for (Cut c : cuts) {
        if (c.row().rhs(out.choice(), ix.optSite) < out.z()[c.row().scenario()]) {
          converged = false;
        }
        if (pool.add(c.row())) {
          added++;
        }
      }
      if (added == 0) {
        roundLimit *= 2;
      }
      return converged;
    }

    /** Greedy completion and a short local search from the master's plan; pools their paths. */
    private void repair() {
      long now = System.nanoTime();
      long repairEnd = Math.min(deadline, now + Math.max(50_000_000L, (deadline - now) / 10));
      ps.greedyFill(null, null, repairEnd);
      PlanCompanions.sensorSweep(ps, null, repairEnd);
      PlanCompanions.dropIdle(ps);
      HeuristicSolver.localSearch(ps, rng, 20, 8, repairEnd, null, t0);
      offerIncumbent();
      drained = drain(ps, pool, rb[0], drained);
    }

    /** {@code ps}'s plan becomes the incumbent if it is better. */
    private void offerIncumbent() {
      if (ps.objective > lb) {
        lb = ps.objective;
        best = ps.choice.clone();
        bestLengths = ps.lengths.clone();
      }
    }

    /** Step 4: the status and the result. */
    private ExactResult result() {
      ub = Math.max(ub, lb);
      SolveStatus status;
      if (proven) {
        status = SolveStatus.OPTIMAL;
      } else if (settings.gapTarget() > 0 && ub - lb <= settings.gapTarget() * Math.abs(lb)) {
        status = SolveStatus.GAP;
      } else {
        status = SolveStatus.TIME_LIMIT;
      }
      report(progress, "done", t0, lb, ub, rounds, pool.size());
      return ExactResult.builder()
          .withChoice(best)
          .withObjective(lb)
          .withBound(ub)
          .withBaselineObjective(ix.baselineObjective)
          .withHeuristicObjective(heuristicObjective)
          .withStatus(status)
          .withRounds(rounds)
          .withPoolSize(pool.size())
          .withMasterVariables(vars)
          .withTicksPerSecond(tps)
          .withTime_s((System.nanoTime() - t0) * 1e-9)
          .withHeuristicTime_s(heuristicTime)
          .withMasterTime_s(masterTime)
          .withScenarioSearch_s(ps.scenarioSeconds())
          .withLength_s(bestLengths)
          .withEvaluations(ps.evaluations)
          .withSearches(ps.searches())
          .build();
    }
  }

  /** Pools the paths {@code ps} logged since index {@code from}; returns the new index. */
  private static int drain(PlanSearch ps, PathPool pool, PathPool.RowBuilder rb, int from) {
    List<ScenarioPath> log = ps.pathLog();
    for (int i = from; i < log.size(); i++) {
      pool.add(rb.row(log.get(i).scenario(), log.get(i).arcs()));
    }
    return log.size();
  }

  /** A separated path and its row. */
  private record Cut(PathPool.Row row, int[] arcs) {}

  /**
   * Rows for {@code ps}'s current plan: per scenario its shortest path, then up to {@code m − 1}
   * more found after adding each previous path's full possible delay to its gate arcs; the later
   * paths only when the master's {@code z} violates their row.
   */
  private List<Cut> separate(
      PlanSearch ps, PathPool.RowBuilder[] rb, double[][] wbuf, long[] z, int m, long tps) {
    List<List<Cut>> found = new ArrayList<>(Collections.nCopies(ix.scenarios, null));
    ps.forEach(
        ix.scenarios,
        (e, w, k) -> {
          List<Cut> rows = new ArrayList<>();
          int[] p = ps.path[k];
          rows.add(new Cut(rb[w].row(k, p), p));
          double[] wk = wbuf[w];
          double[] loaded = e.weights(k);
          System.arraycopy(loaded, 0, wk, 0, loaded.length);
          for (int j = 1; j < m; j++) {
            boolean changed = false;
            for (int a : p) {
              int s = ix.arcSite[k][a];
              if (s >= 0 && ix.forcedAt[s] < 0) {
                double d = maxDelay(k, s, ix.arcKind[k][a]);
                if (d > 0) {
                  wk[a] += d;
                  changed = true;
                }
              }
            }
            if (!changed) {
              break;
            }
            double l = ps.timed(e, w, k, wk);
            p = e.lastPath();
            PathPool.Row r = rb[w].row(k, p);
            if (r.rhs(ps.choice, ix.optSite) < z[k]) {
              rows.add(new Cut(r, p));
            } else if (l * tps >= z[k]) {
              break; // even with the earlier routes blocked, nothing shorter than z remains
            }
          }
          found.set(k, rows);
        });
    List<Cut> all = new ArrayList<>();
    for (List<Cut> r : found) {
      all.addAll(r);
    }
    return all;
  }

  private double maxDelay(int k, int s, byte kind) {
    double d = 0;
    for (int i = ix.siteOptFirst[s]; i < ix.siteOptFirst[s + 1]; i++) {
      d = Math.max(d, ix.delayOfKind(k, ix.siteOpts[i], kind));
    }
    return d;
  }

  private static void report(
      Consumer<SolveProgress> progress,
      String phase,
      long t0,
      double lb,
      double ub,
      int rounds,
      int pool) {
    if (progress != null) {
      progress.accept(
          new SolveProgress(phase, (System.nanoTime() - t0) * 1e-9, lb, ub, rounds, pool));
    }
  }
}
