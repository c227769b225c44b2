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
   * Limits and knobs.
   *
   * @param timeLimit_s wall-clock limit, all phases
   * @param gapTarget stop when {@code (UB − LB)/|LB| ≤ gapTarget}; 0 = prove optimality
   * @param workers threads for CP-SAT and for path searches
   * @param seed random seed (local search and CP-SAT)
   * @param heuristicShare share of the time limit for the initial heuristic
   * @param pathsPerScenario paths separated per scenario per round (≥ 1)
   * @param ticksPerSecond master time resolution
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
      return new Settings(60, 0, 2, 1, 0.25, 8, 100, true);
    }

    public Settings withTimeLimit(double v) {
      return new Settings(
          v, gapTarget, workers, seed, heuristicShare, pathsPerScenario, ticksPerSecond, repair);
    }

    public Settings withGapTarget(double v) {
      return new Settings(
          timeLimit_s, v, workers, seed, heuristicShare, pathsPerScenario, ticksPerSecond, repair);
    }

    public Settings withWorkers(int v) {
      return new Settings(
          timeLimit_s,
          gapTarget,
          v,
          seed,
          heuristicShare,
          pathsPerScenario,
          ticksPerSecond,
          repair);
    }

    public Settings withSeed(long v) {
      return new Settings(
          timeLimit_s,
          gapTarget,
          workers,
          v,
          heuristicShare,
          pathsPerScenario,
          ticksPerSecond,
          repair);
    }

    public Settings withHeuristicShare(double v) {
      return new Settings(
          timeLimit_s, gapTarget, workers, seed, v, pathsPerScenario, ticksPerSecond, repair);
    }

    public Settings withPathsPerScenario(int v) {
      return new Settings(
          timeLimit_s, gapTarget, workers, seed, heuristicShare, v, ticksPerSecond, repair);
    }

    public Settings withTicksPerSecond(long v) {
      return new Settings(
          timeLimit_s, gapTarget, workers, seed, heuristicShare, pathsPerScenario, v, repair);
    }

    public Settings withRepair(boolean v) {
      return new Settings(
          timeLimit_s,
          gapTarget,
          workers,
          seed,
          heuristicShare,
          pathsPerScenario,
          ticksPerSecond,
          v);
    }
  }

  /** Share of the time limit one master round may take (the last round takes what is left). */
  static final double MASTER_ROUND_SHARE = 0.08;

  private final ModelIndex ix;

  /** A solver for the model (indexes it once). */
  public ExactSolver(BarrierModel model) {
    this.ix = new ModelIndex(model);
  }

  /** Solves from scratch (runs the heuristic first). */
  public ExactResult solve(Settings settings, Consumer<SolveProgress> progress) {
    return solve(settings, null, progress);
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
    long deadline = t0 + (long) (settings.timeLimit_s() * 1e9);
    long tps = settings.ticksPerSecond();
    SplittableRandom rng = new SplittableRandom(settings.seed());
    try (PlanSearch ps = new PlanSearch(ix, settings.workers())) {
      // 1. incumbent
      if (warm != null) {
        if (!PlanConstraints.violations(ix.model, warm.choice()).isEmpty()) {
          throw new IllegalArgumentException("warm-start plan is infeasible");
        }
        ps.reset(warm.choice());
      } else {
        long hDeadline = t0 + (long) (settings.timeLimit_s() * settings.heuristicShare() * 1e9);
        ps.reset(PlanConstraints.forcedChoice(ix.model));
        ps.greedyFill(null, null, hDeadline);
        HeuristicSolver.localSearch(ps, rng, 10_000, 60, hDeadline, null, t0);
      }
      int[] best = ps.choice.clone();
      double lb = ps.objective;
      double[] bestLengths = ps.lengths.clone();
      double heuristicObjective = lb;
      double heuristicTime = (System.nanoTime() - t0) * 1e-9;

      // 2. pool: empty plan's paths, heuristic paths
      PathPool pool = new PathPool(ix.scenarios);
      PathPool.RowBuilder[] rb = new PathPool.RowBuilder[ps.workers];
      double[][] wbuf = new double[ps.workers][];
      int maxArcs = 0;
      for (int k = 0; k < ix.scenarios; k++) {
        maxArcs = Math.max(maxArcs, ix.head[k].length);
      }
      for (int w = 0; w < ps.workers; w++) {
        rb[w] = new PathPool.RowBuilder(ix, tps);
        wbuf[w] = new double[maxArcs];
      }
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
      int drained = drain(ps, pool, rb[0], 0);

      // 3. rounds
      double ub = PathMaster.trivialBound(ix, pool, tps);
      int rounds = 0;
      int vars = 0;
      double masterTime = 0;
      boolean proven = false;
      // early masters are weak relaxations: cap each round so more rows get generated; a round
      // that adds no row doubles the cap
      double roundLimit = Math.max(1.0, MASTER_ROUND_SHARE * settings.timeLimit_s());
      while (true) {
        if (ub - lb <= settings.gapTarget() * Math.abs(lb)) {
          proven = ub - lb <= 1e-9 * Math.max(1, Math.abs(lb));
          break;
        }
        double left = (deadline - System.nanoTime()) * 1e-9;
        if (left < 0.05) {
          break;
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
          break;
        }
        // re-evaluate the master's plan; separate
        ps.reset(out.choice());
        if (ps.objective > lb) {
          lb = ps.objective;
          best = ps.choice.clone();
          bestLengths = ps.lengths.clone();
        }
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
        if (out.status() == CpSolverStatus.OPTIMAL && converged) {
          proven = true;
          break;
        }
        report(progress, "master", t0, lb, ub, rounds, pool.size());
        if (!settings.repair()) {
          continue;
        }
        // repair from the master's plan
        long now = System.nanoTime();
        long repairEnd = Math.min(deadline, now + Math.max(50_000_000L, (deadline - now) / 10));
        ps.greedyFill(null, null, repairEnd);
        HeuristicSolver.localSearch(ps, rng, 20, 8, repairEnd, null, t0);
        if (ps.objective > lb) {
          lb = ps.objective;
          best = ps.choice.clone();
          bestLengths = ps.lengths.clone();
        }
        drained = drain(ps, pool, rb[0], drained);
      }
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
      return new ExactResult(
          best,
          lb,
          ub,
          ix.baselineObjective,
          heuristicObjective,
          status,
          rounds,
          pool.size(),
          vars,
          tps,
          (System.nanoTime() - t0) * 1e-9,
          heuristicTime,
          masterTime,
          ps.scenarioSeconds(),
          bestLengths,
          ps.evaluations,
          ps.searches());
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

  /**
   * Rows for {@code ps}'s current plan: per scenario its shortest path, then up to {@code m − 1}
   * more found after adding each previous path's full possible delay to its gate arcs; the later
   * paths only when the master's {@code z} violates their row.
   */
  /** A separated path and its row. */
  private record Cut(PathPool.Row row, int[] arcs) {}

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
