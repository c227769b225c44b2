package lt.skydas.optimize.interdiction;

import com.google.ortools.sat.CpSolverStatus;
import java.util.function.Consumer;

/**
 * One run of {@link CoveringInterdiction}'s threshold-covering loop: the incumbent (value LB), the
 * proven bound UB, the target the next master must reach, and the schedule that picks it. For a
 * share of the time ({@link CoveringInterdiction.Settings#proveShare}) the target is LB + 1
 * (proving the incumbent); then it probes targets between LB and UB by bisection, since a target no
 * plan reaches lowers UB and high targets are quicker to refute. Each round solves the master once
 * and ends in one of three ways: refuted ({@link #refuted}), stopped without an answer ({@link
 * #stopped}) or a plan ({@link #accept}). Not thread-safe; one per {@code solve} call.
 */
final class CoveringRun {
  private final CoveringInterdiction ci;
  private final long[] cost;
  private final long budget;
  private final CoveringInterdiction.Settings s;
  private final Consumer<String> log;
  private final long t0;
  private final double deadline;
  private final double proveUntil;
  private final PathRows pool = new PathRows();
  private final double heuristicValue;
  private boolean[] inc;
  private long lb;
  private long ub;
  private long target;
  private boolean probesDone;

  /** Start of the next master's local search: the last master plan. */
  private boolean[] last;

  private int rounds;
  private double masterSeconds;

  /**
   * The starting point: the heuristic's plan as incumbent, the packing bound, and the incumbent's
   * violated paths in the pool; opens the harvest.
   */
  CoveringRun(
      CoveringInterdiction ci,
      long[] cost,
      long budget,
      CoveringInterdiction.Settings s,
      Consumer<String> progress) {
    this.ci = ci;
    this.cost = cost;
    this.budget = budget;
    this.s = s;
    this.t0 = System.nanoTime();
    this.deadline = t0 * 1e-9 + s.timeLimit_s();
    this.proveUntil = t0 * 1e-9 + s.proveShare() * s.timeLimit_s();
    this.log = progress == null ? m -> {} : progress;
    this.inc = ci.heuristic(cost, budget);
    this.lb = ci.value(inc);
    this.heuristicValue = lb * s.resolution();
    this.ub = ci.packingBound(cost, budget);
    log.accept(String.format("heuristic: %d ticks; packing bound %d", lb, ub));
    ci.openHarvest(pool, s.harvestPerRound());
    ci.separate(inc, lb + 1, s.pathsPerRound(), pool);
    this.target = lb + 1;
    this.last = inc.clone();
  }

  /** Runs rounds until LB meets UB, the time is up or the master cannot go on; the outcome. */
  CoveringInterdiction.Outcome run() {
    while (lb < ub && round()) {
      // each round moves the bounds, the target or the pool
    }
    ci.closeHarvest();
    return outcome();
  }

  /** One master round; false when the run must stop. */
  private boolean round() {
    double now = System.nanoTime() * 1e-9;
    double left = deadline - now;
    if (left <= 0.01) {
      return false;
    }
    boolean probing = now > proveUntil && ub < Long.MAX_VALUE;
    if (probing && !probesDone && target == lb + 1 && ub - lb > 1) {
      target = lb + 1 + (ub - lb) / 2;
    }
    rounds++;
    ci.harvestFor(target);
    long m0 = System.nanoTime();
    CoveringMaster.Result mr =
        CoveringMaster.solve(
            pool, target, ci.delays(), cost, budget, inc, last, roundLimit(now, left, probing), s);
    masterSeconds += (System.nanoTime() - m0) * 1e-9;
    if (mr.status() == CpSolverStatus.INFEASIBLE) {
      refuted(mr, probing);
      return true;
    }
    if (mr.plan() == null) {
      return stopped(mr, probing);
    }
    accept(mr);
    return true;
  }

  /**
   * Seconds the master may take: a probe a tenth of the limit (at least 0.5 s), a proving round
   * until the proving share ends; the rest of the time when there is no bound to probe towards or
   * probing is over.
   */
  private double roundLimit(double now, double left, boolean probing) {
    if ((!probing && ub == Long.MAX_VALUE) || probesDone) {
      return left;
    }
    return probing && !probesDone
        ? Math.min(left, Math.max(0.5, 0.1 * s.timeLimit_s()))
        : Math.max(0.05, proveUntil - now);
  }

  /** No plan reaches the target: it lowers UB; the next target is LB + 1 or the next probe. */
  private void refuted(CoveringMaster.Result mr, boolean probing) {
    ub = target - 1;
    log.accept(
        String.format(
            "round %d: no plan reaches %d: bound %d (master %.2fs on %d arcs, %d rows)",
            rounds, target, ub, mr.seconds(), mr.variables(), pool.size()));
    target = probing && ub - lb > 1 ? lb + 1 + (ub - lb) / 2 : lb + 1;
  }

  /**
   * The master stopped without an answer: a probe moves up (higher targets are easier to refute) or
   * probing ends; false when nothing is left to try.
   */
  private boolean stopped(CoveringMaster.Result mr, boolean probing) {
    log.accept(
        String.format(
            "round %d: master stopped at target %d after %.2fs", rounds, target, mr.seconds()));
    if (target >= ub || !probing) {
      probesDone |= probing;
      target = lb + 1;
      return probing || ub != Long.MAX_VALUE;
    }
    target = target + (ub - target + 1) / 2;
    return true;
  }

  /**
   * A master plan meets every pooled row: pool its violated paths, improve it when it is as good as
   * the incumbent (plans near it, and their harvested paths), and take it if it is better.
   */
  private void accept(CoveringMaster.Result mr) {
    boolean[] x = mr.plan();
    last = x.clone();
    long v = ci.valueAndHarvest(x);
    int before = pool.size();
    if (v < target) {
      ci.separate(x, target, s.pathsPerRound(), pool);
    }
    // from weaker master plans the local search would mostly pool rows the refutation does not
    // need, and cost a hundred searches per row
    if (v >= lb) {
      ci.improve(x, cost, budget);
    }
    long vx = ci.valueAndHarvest(x);
    if (vx > lb) {
      inc = x;
      lb = vx;
      log.accept(
          String.format(
              "round %d (%.1fs): better plan %d ticks",
              rounds, (System.nanoTime() - t0) * 1e-9, lb));
      ci.separate(inc, lb + 1, s.pathsPerRound(), pool);
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

  private CoveringInterdiction.Outcome outcome() {
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
    return new CoveringInterdiction.Outcome(
        r,
        optimal,
        rounds,
        pool.size(),
        ci.searches(),
        masterSeconds,
        heuristicValue,
        (System.nanoTime() - t0) * 1e-9);
  }
}
