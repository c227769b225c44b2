package lt.skydas.optimize.solve;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;

/**
 * One round of the multi-cut path master on CP-SAT, built afresh from the pool:
 *
 * <pre>
 * max Σ_g C_g · t_g      t_g ≤ z_σ (σ ∈ g) for MIN groups;  Σ_{σ∈g} C_g · z_σ for MEAN groups
 * z_σ ≤ C_P + Σ_o c_{P,o} · y_o            every pooled path P of σ (ticks)
 * Σ_o coefficient_r[o] · y_o ≤ limit_r − forced use     every budget row r
 * Σ_{o at s} y_o ≤ 1                       every site;   y_o ∈ {0,1}
 * y_o ≤ Σ_{j covers o} y_j                  every watch link of an option with a variable
 * </pre>
 *
 * <p>Only options on some pooled path get a variable: any other option adds nothing to a row and
 * only uses budget, so leaving it out loses no master solution's value; the sensors that cover an
 * option with a variable get one too (they are on no path, they only enable watched options), and
 * so does every supplier (a depot site, which makes room in the storage rows). The link rows are
 * the model's own constraints, so the master stays a relaxation of the model and its bound stays
 * valid. Forced options are constants (their delays are in the rows' {@code C_P}, their costs off
 * the limits, the other options of their site left out).
 *
 * <p><b>Scaling.</b> Times are integer ticks. Objective coefficients are the group weights (divided
 * by the group size for MEAN) per tick, times a scale {@code K} making the largest possible
 * objective about 2^48, rounded <em>up</em> to integers: the master's value of any plan is then at
 * least {@code K ×} its true objective, so {@code bestObjectiveBound / K} is an upper bound on the
 * true optimum (also when CP-SAT stops at its time limit).
 */
final class PathMaster {
  private static volatile boolean loaded;

  private PathMaster() {}

  static void loadNatives() {
    if (!loaded) {
      synchronized (PathMaster.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }

  /**
   * A round's result.
   *
   * @param status CP-SAT status
   * @param bound valid upper bound on the true optimum (objective units); +Inf when none
   * @param choice the master's plan (chosen option per site), or null when it has none
   * @param z the master's z_σ in ticks, or null
   * @param seconds wall time of the solve
   * @param variables option variables in the master
   * @param value the master's objective at its plan (objective units), NaN without a plan
   */
  record Outcome(
      CpSolverStatus status,
      double bound,
      int[] choice,
      long[] z,
      double seconds,
      int variables,
      double value) {}

  /** Per scenario: the smallest over its rows of the row's largest right-hand side (ticks). */
  static long[] zMax(ModelIndex ix, PathPool pool) {
    long[] zmax = new long[ix.scenarios];
    Arrays.fill(zmax, Long.MAX_VALUE);
    for (PathPool.Row r : pool.rows()) {
      zmax[r.scenario()] = Math.min(zmax[r.scenario()], r.maxRhs(ix.optSite));
    }
    for (int k = 0; k < zmax.length; k++) {
      if (zmax[k] == Long.MAX_VALUE) {
        throw new IllegalStateException("scenario " + k + " has no path in the pool");
      }
    }
    return zmax;
  }

  /** Objective per second of z_σ for scenario σ: w_g, or w_g / |g| for MEAN groups. */
  static double perSecond(ModelIndex ix, int g) {
    return ix.groupMin[g] ? ix.groupWeight[g] : ix.groupWeight[g] / ix.groupScen[g].length;
  }

  /** The bound the pool gives without any solve: each z_σ at its largest possible value. */
  static double trivialBound(ModelIndex ix, PathPool pool, long tps) {
    long[] zmax = zMax(ix, pool);
    double[] l = new double[ix.scenarios];
    for (int k = 0; k < l.length; k++) {
      l[k] = (double) zmax[k] / tps;
    }
    return Math.nextUp(ix.objective(l));
  }

  /**
   * Solves one round.
   *
   * @param hint incumbent plan, or null
   */
  static Outcome solve(
      ModelIndex ix,
      PathPool pool,
      long tps,
      int[] hint,
      double timeLimit_s,
      int workers,
      int seed) {
    loadNatives();
    long t0 = System.nanoTime();
    Model master = new Model(ix, pool, tps);
    if (hint != null) {
      master.hint(hint);
    }
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(Math.max(0.01, timeLimit_s))
        .setNumWorkers(Math.max(1, workers))
        .setRandomSeed(seed)
        .setLogSearchProgress(false);
    CpSolverStatus st = solver.solve(master.m);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    return master.outcome(solver, st, seconds);
  }

  /** The CP-SAT model of one round, built from the pool (see the class comment). */
  private static final class Model {
    final ModelIndex ix;
    final PathPool pool;
    final CpModel m = new CpModel();

    /** Per option its variable, null when no pooled path crosses it. */
    final BoolVar[] y;

    /** Per scenario z_σ in ticks, at most {@link #zmax}. */
    final IntVar[] z;

    /** Per group its t_g (MIN groups with a weight), else null. */
    final IntVar[] t;

    final long[] zmax;
    final int nVars;

    /** Objective units to master units ({@code K}). */
    final double scale;

    Model(ModelIndex ix, PathPool pool, long tps) {
      this.ix = ix;
      this.pool = pool;
      this.y = new BoolVar[ix.options];
      this.nVars = addOptionVariables();
      this.zmax = zMax(ix, pool);
      this.z = new IntVar[ix.scenarios];
      for (int k = 0; k < z.length; k++) {
        z[k] = m.newIntVar(0, zmax[k], "z" + k);
      }
      addPathRows();
      addLinks();
      addOneOptionPerSite();
      addBudgets();
      this.t = new IntVar[ix.groupScen.length];
      this.scale = scale(tps);
      maximizeObjective(tps);
    }

    /**
     * A variable for every option on some pooled path, for the sensors covering those options and
     * for every supplier (a depot site: it makes room in a row); returns their number.
     */
    private int addOptionVariables() {
      int n = 0;
      for (PathPool.Row r : pool.rows()) {
        for (int o : r.option()) {
          if (y[o] == null) {
            y[o] = m.newBoolVar("y" + o);
            n++;
          }
        }
      }
      for (int o = 0; o < ix.options; o++) {
        if (y[o] == null || !ix.linked(o)) {
          continue;
        }
        for (int i = ix.coverFirst[o]; i < ix.coverFirst[o + 1]; i++) {
          int j = ix.cover[i];
          if (y[j] == null) {
            y[j] = m.newBoolVar("y" + j);
            n++;
          }
        }
      }
      for (int j : ix.suppliers) {
        if (y[j] == null && ix.forcedAt[ix.optSite[j]] < 0) {
          y[j] = m.newBoolVar("y" + j);
          n++;
        }
      }
      return n;
    }

    /** {@code y_o − Σ_{j covers o} y_j ≤ 0} for every linked option with a variable. */
    private void addLinks() {
      for (int o = 0; o < ix.options; o++) {
        if (y[o] == null || !ix.linked(o)) {
          continue;
        }
        LinearExprBuilder e = LinearExpr.newBuilder().addTerm(y[o], 1);
        for (int i = ix.coverFirst[o]; i < ix.coverFirst[o + 1]; i++) {
          e.addTerm(y[ix.cover[i]], -1);
        }
        m.addLessOrEqual(e, 0);
      }
    }

    /** {@code z_σ − Σ_o c_{P,o} y_o ≤ C_P} for every pooled path P of σ. */
    private void addPathRows() {
      for (PathPool.Row r : pool.rows()) {
        LinearExprBuilder e = LinearExpr.newBuilder().addTerm(z[r.scenario()], 1);
        for (int i = 0; i < r.option().length; i++) {
          e.addTerm(y[r.option()[i]], -r.coef()[i]);
        }
        m.addLessOrEqual(e, r.constant());
      }
    }

    /** At most one option per site (among those with a variable). */
    private void addOneOptionPerSite() {
      for (int s = 0; s < ix.sites; s++) {
        int n = 0;
        for (int i = ix.siteOptFirst[s]; i < ix.siteOptFirst[s + 1]; i++) {
          if (y[ix.siteOpts[i]] != null) {
            n++;
          }
        }
        if (n > 1) {
          BoolVar[] at = new BoolVar[n];
          n = 0;
          for (int i = ix.siteOptFirst[s]; i < ix.siteOptFirst[s + 1]; i++) {
            if (y[ix.siteOpts[i]] != null) {
              at[n++] = y[ix.siteOpts[i]];
            }
          }
          m.addAtMostOne(at);
        }
      }
    }

    /** Every budget row over the variables, its limit less the forced options' use. */
    private void addBudgets() {
      for (BarrierModel.Budget b : ix.model.budgets()) {
        long rhs = b.limit();
        LinearExprBuilder e = LinearExpr.newBuilder();
        boolean any = false;
        for (int o = 0; o < ix.options; o++) {
          if (ix.forcedAt[ix.optSite[o]] == o) {
            rhs -= b.coefficient()[o];
          } else if (y[o] != null && b.coefficient()[o] != 0) {
            e.addTerm(y[o], b.coefficient()[o]);
            any = true;
          }
        }
        if (any) {
          m.addLessOrEqual(e, rhs);
        }
      }
    }

    /** {@code K}: the largest possible objective (every z at its maximum) becomes about 2^48. */
    private double scale(long tps) {
      double objMax = 0;
      for (int g = 0; g < ix.groupScen.length; g++) {
        if (ix.groupScen[g].length == 0) {
          continue;
        }
        long top = ix.groupMin[g] ? Long.MAX_VALUE : 0;
        for (int k : ix.groupScen[g]) {
          top = ix.groupMin[g] ? Math.min(top, zmax[k]) : top + zmax[k];
        }
        objMax += perSecond(ix, g) * top / tps;
      }
      return objMax > 0 ? Math.scalb(1.0, 48) / objMax : 1;
    }

    /** The objective, coefficients rounded up: t_g below each z of MIN groups, z for MEAN. */
    private void maximizeObjective(long tps) {
      LinearExprBuilder obj = LinearExpr.newBuilder();
      for (int g = 0; g < ix.groupScen.length; g++) {
        if (ix.groupScen[g].length == 0 || ix.groupWeight[g] == 0) {
          continue;
        }
        double exact = perSecond(ix, g) * scale / tps;
        long c = (long) Math.ceil(exact * (1 + 1e-12));
        if (ix.groupMin[g]) {
          long top = Long.MAX_VALUE;
          for (int k : ix.groupScen[g]) {
            top = Math.min(top, zmax[k]);
          }
          t[g] = m.newIntVar(0, top, "t" + g);
          for (int k : ix.groupScen[g]) {
            m.addLessOrEqual(t[g], z[k]);
          }
          obj.addTerm(t[g], c);
        } else {
          for (int k : ix.groupScen[g]) {
            obj.addTerm(z[k], c);
          }
        }
      }
      m.maximize(obj);
    }

    /** Hints the incumbent, with each z at its rows' minimum there. */
    void hint(int[] hint) {
      long[] zh = zmax.clone();
      for (PathPool.Row r : pool.rows()) {
        zh[r.scenario()] = Math.min(zh[r.scenario()], r.rhs(hint, ix.optSite));
      }
      for (int o = 0; o < ix.options; o++) {
        if (y[o] != null) {
          m.addHint(y[o], hint[ix.optSite[o]] == o);
        }
      }
      for (int k = 0; k < z.length; k++) {
        m.addHint(z[k], zh[k]);
      }
      for (int g = 0; g < t.length; g++) {
        if (t[g] != null) {
          long v = Long.MAX_VALUE;
          for (int k : ix.groupScen[g]) {
            v = Math.min(v, zh[k]);
          }
          m.addHint(t[g], v);
        }
      }
    }

    /**
     * The round's outcome from the solver's answer.
     *
     * @throws IllegalStateException when the model is invalid or infeasible (bugs: the forced plan
     *     always fits)
     */
    Outcome outcome(CpSolver solver, CpSolverStatus st, double seconds) {
      if (st == CpSolverStatus.MODEL_INVALID) {
        throw new IllegalStateException("path master is invalid: " + m.validate());
      }
      if (st == CpSolverStatus.INFEASIBLE) {
        throw new IllegalStateException("path master infeasible although the forced plan fits");
      }
      double bound = Double.POSITIVE_INFINITY;
      double b = solver.bestObjectiveBound();
      if ((st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE) && Double.isFinite(b)) {
        bound = Math.nextUp(b / scale);
      }
      if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
        return new Outcome(st, bound, null, null, seconds, nVars, Double.NaN);
      }
      int[] choice = new int[ix.sites];
      for (int s = 0; s < ix.sites; s++) {
        choice[s] = ix.forcedAt[s];
      }
      for (int o = 0; o < ix.options; o++) {
        if (y[o] != null && solver.booleanValue(y[o])) {
          choice[ix.optSite[o]] = o;
        }
      }
      long[] zv = new long[z.length];
      for (int k = 0; k < z.length; k++) {
        zv[k] = solver.value(z[k]);
      }
      return new Outcome(st, bound, choice, zv, seconds, nVars, solver.objectiveValue() / scale);
    }
  }
}
