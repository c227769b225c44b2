package lt.skydas.emplace.schedule;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * The small-problem scheduler: CP-SAT on a per-team circuit model, lexicographically.
 *
 * <p><b>Model.</b> Per team k a circuit over node 0 (home) and one node per job k can do and some
 * team reaches; a job's self-loop means "not in k's order", home's self-loop "k idle". Every
 * reachable job is in exactly one team's order. An integer {@code f_j} (ms) is j's finish; the arc
 * home → j implies {@code f_j ≥ ready_k + way_kj + work_kj}, the arc i → j {@code f_j ≥ f_i +
 * way_ij + work_kj}; {@code on_j} implies {@code f_j ≤ deadline_j}. Arcs exist only where travel is
 * finite. Stage 1 maximises {@code Σ v_j on_j}; stage 2 keeps stage 1's value and minimises {@code
 * Σ v_j f_j}. Each stage gets the time limit and a hint (the heuristic's schedule, then stage 1's).
 * Stage 1 is skipped when the heuristic's schedule already reaches the relaxation's bound.
 *
 * <p><b>Rounding.</b> Durations are rounded down to the ms and deadlines too, so every real on-time
 * schedule is on time in the model: the model relaxes the problem and its objective bound is a
 * bound of the real one. Values are kept exact when they are integers (Σ ≤ 10⁹), else scaled to 10⁶
 * for the largest and rounded up (again a relaxation). The returned orders are replayed in exact
 * arithmetic ({@link Instance#finish}); stage 1 is reported optimal only if that replay reaches the
 * proven bound (within the rounding of scaled values, n / scale). Stage 2 is exact in ms for
 * integer values ≤ 1000 and approximate (values scaled to 1000) otherwise. Stateless; thread-safe.
 */
final class ExactSolver {

  /**
   * @param routes the best orders found (never worse than the incumbent given)
   * @param bound proven upper bound on the on-time value: the smaller of the known bound and
   *     CP-SAT's
   * @param optimal the on-time value reaches the bound and CP-SAT proved stage 2 optimal (in the
   *     model's units)
   */
  record Result(int[][] routes, double bound, boolean optimal) {}

  private record Arc(int team, int from, int to, Literal lit) {}

  private final Instance in;
  private final CpModel model = new CpModel();
  private final IntVar[] f;
  private final BoolVar[] on;
  private final long[] dur0;
  private final List<Arc> arcs = new ArrayList<>();
  private final long[] scaled;
  private final double scale;

  private ExactSolver(Instance in) {
    this.in = in;
    f = new IntVar[in.n];
    on = new BoolVar[in.n];
    dur0 = new long[in.n];
    scaled = new long[in.n];
    boolean exactValues = true;
    double maxV = 0;
    for (int j = 0; j < in.n; j++) {
      exactValues &= in.value[j] == Math.rint(in.value[j]);
      maxV = Math.max(maxV, in.value[j]);
    }
    exactValues &= in.totalValue <= 1e9;
    scale = exactValues ? 1 : 1e6 / maxV;
    for (int j = 0; j < in.n; j++) {
      scaled[j] = (long) Math.ceil(in.value[j] * scale);
    }
  }

  /**
   * @param incumbent a schedule to start from (the result is never worse)
   * @param knownBound a proven bound on the on-time value (the relaxation's)
   */
  static Result solve(Instance in, SchedulerOptions o, int[][] incumbent, double knownBound) {
    OrTools.load();
    ExactSolver s = new ExactSolver(in);
    s.build();
    return s.run(o, incumbent, knownBound);
  }

  private static long ms(double s) {
    return (long) Math.floor(s * 1000);
  }

  private void build() {
    long horizon = horizon_ms();
    List<List<Literal>> present = new ArrayList<>();
    for (int j = 0; j < in.n; j++) {
      present.add(new ArrayList<>());
      if (!in.reachable[j]) {
        continue;
      }
      f[j] = model.newIntVar(0, horizon, "f" + j);
      on[j] = model.newBoolVar("on" + j);
      double dl = in.deadline_s[j];
      if (dl < 0) {
        model.addEquality(on[j], 0);
      } else if (dl * 1000 < horizon) {
        model.addLessOrEqual(f[j], ms(dl)).onlyEnforceIf(on[j]);
      }
    }
    for (int k = 0; k < in.m; k++) {
      teamCircuit(k, present);
    }
    LinearExprBuilder value = LinearExpr.newBuilder();
    for (int j = 0; j < in.n; j++) {
      if (f[j] != null) {
        model.addExactlyOne(present.get(j));
        value.addTerm(on[j], scaled[j]);
      }
    }
    model.maximize(value);
  }

  /** A bound on any finish in an order without waiting, ms. */
  private long horizon_ms() {
    long h = 0;
    long worst = 0;
    for (int k = 0; k < in.m; k++) {
      h = Math.max(h, ms(in.ready_s[k]));
    }
    for (int j = 0; j < in.n; j++) {
      long in_j = 0;
      for (int k = 0; k < in.m; k++) {
        if (Double.isFinite(in.work_s[k][j])) {
          in_j = Math.max(in_j, ms(in.work_s[k][j]));
          if (Double.isFinite(in.fromHome_s[k][j])) {
            in_j = Math.max(in_j, ms(in.fromHome_s[k][j]) + ms(in.work_s[k][j]));
          }
        }
      }
      for (int i = 0; i < in.n; i++) {
        if (Double.isFinite(in.fromSite_s[i][j])) {
          worst = Math.max(worst, ms(in.fromSite_s[i][j]));
        }
      }
      h += in_j + ms(in.load_s[j]);
    }
    return h + (worst + 1) * (in.n + 1);
  }

  private void teamCircuit(int k, List<List<Literal>> present) {
    var circuit = model.addCircuit();
    circuit.addArc(0, 0, model.newBoolVar("idle" + k));
    int[] node = new int[in.n];
    List<Integer> mine = new ArrayList<>();
    for (int j = 0; j < in.n; j++) {
      if (f[j] != null && Double.isFinite(in.work_s[k][j])) {
        mine.add(j);
        node[j] = mine.size();
      }
    }
    for (int j : mine) {
      long work = ms(in.work_s[k][j]) + ms(in.load_s[j]);
      BoolVar pres = model.newBoolVar("p" + k + "_" + j);
      present.get(j).add(pres);
      circuit.addArc(node[j], node[j], pres.not());
      circuit.addArc(node[j], 0, model.newBoolVar("r" + k + "_" + j));
      if (Double.isFinite(in.fromHome_s[k][j])) {
        BoolVar x = model.newBoolVar("h" + k + "_" + j);
        circuit.addArc(0, node[j], x);
        arcs.add(new Arc(k, -1, j, x));
        long d = ms(in.ready_s[k]) + ms(in.fromHome_s[k][j]) + work;
        model.addGreaterOrEqual(f[j], d).onlyEnforceIf(x);
      }
      for (int i : mine) {
        if (i != j && Double.isFinite(in.fromSite_s[i][j])) {
          BoolVar x = model.newBoolVar("x" + k + "_" + i + "_" + j);
          circuit.addArc(node[i], node[j], x);
          arcs.add(new Arc(k, i, j, x));
          long d = ms(in.fromSite_s[i][j]) + work;
          LinearExpr gap = LinearExpr.newBuilder().add(f[j]).addTerm(f[i], -1).build();
          model.addGreaterOrEqual(gap, d).onlyEnforceIf(x);
        }
      }
    }
  }

  private Result run(SchedulerOptions o, int[][] incumbent, double knownBound) {
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(o.timeLimit_s())
        .setNumWorkers(o.threads())
        .setRandomSeed((int) Math.floorMod(o.seed(), (long) Integer.MAX_VALUE))
        .setLogSearchProgress(false);
    double bound = knownBound;
    int[][] best = incumbent;
    if (in.objective(incumbent)[0] < knownBound - 1e-9 * Math.max(1, in.totalValue)) {
      // Stage 1: the most on-time value (skipped when the incumbent reaches the known bound).
      hint(incumbent);
      CpSolverStatus st1 = solver.solve(model);
      if (st1 == CpSolverStatus.OPTIMAL || st1 == CpSolverStatus.FEASIBLE) {
        double cp = solver.bestObjectiveBound();
        bound = Math.min(bound, scale == 1 ? Math.floor(cp + 1e-6) : cp / scale);
        best = pick(routes(solver), incumbent);
      }
    }
    double tol = (scale == 1 ? 0 : in.n / scale) + 1e-9 * Math.max(1, in.totalValue);
    boolean optimal1 = in.objective(best)[0] >= bound - tol;
    // Stage 2: keep the value, finish early.
    LinearExprBuilder value = LinearExpr.newBuilder();
    LinearExprBuilder cost = LinearExpr.newBuilder();
    long keep = 0;
    double[] bestFinish = finishes(best);
    double maxV = 0;
    for (int j = 0; j < in.n; j++) {
      maxV = Math.max(maxV, in.value[j]);
    }
    for (int j = 0; j < in.n; j++) {
      if (f[j] == null) {
        continue;
      }
      value.addTerm(on[j], scaled[j]);
      long v2 =
          scale == 1 && maxV <= 1000
              ? scaled[j]
              : Math.max(1, Math.round(in.value[j] * 1000 / maxV));
      cost.addTerm(f[j], v2);
      if (bestFinish[j] <= in.deadline_s[j]) {
        keep += scaled[j];
      }
    }
    model.addGreaterOrEqual(value, keep);
    model.clearObjective();
    model.minimize(cost);
    model.clearHints();
    hint(best);
    CpSolverStatus st2 = solver.solve(model);
    if (st2 == CpSolverStatus.OPTIMAL || st2 == CpSolverStatus.FEASIBLE) {
      best = pick(routes(solver), best);
    }
    return new Result(best, bound, optimal1 && st2 == CpSolverStatus.OPTIMAL);
  }

  /** The lexicographically better of two orders, {@code b} on a tie. */
  private int[][] pick(int[][] a, int[][] b) {
    if (b == null) {
      return a;
    }
    double[] oa = in.objective(a);
    double[] ob = in.objective(b);
    double eps = 1e-9 * Math.max(1, in.totalValue);
    boolean better =
        oa[0] > ob[0] + eps || (oa[0] > ob[0] - eps && oa[1] < ob[1] - 1e-9 * Math.abs(ob[1]));
    return better ? a : b;
  }

  private int[][] routes(CpSolver solver) {
    int[][] next = new int[in.m][in.n + 1];
    for (int[] row : next) {
      java.util.Arrays.fill(row, -2);
    }
    for (Arc a : arcs) {
      if (solver.booleanValue(a.lit)) {
        next[a.team][a.from + 1] = a.to;
      }
    }
    int[][] routes = new int[in.m][];
    for (int k = 0; k < in.m; k++) {
      List<Integer> r = new ArrayList<>();
      for (int j = next[k][0]; j >= 0; j = next[k][j + 1]) {
        r.add(j);
      }
      routes[k] = r.stream().mapToInt(Integer::intValue).toArray();
    }
    return routes;
  }

  /** Real finish per job of {@code routes}; +∞ for jobs in none. */
  private double[] finishes(int[][] routes) {
    double[] out = new double[in.n];
    java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
    for (int k = 0; k < in.m; k++) {
      double t = in.ready_s[k];
      int prev = -1;
      for (int j : routes[k]) {
        t = in.finish(k, prev, t, j);
        out[j] = t;
        prev = j;
      }
    }
    return out;
  }

  /** Hints the model with {@code routes}: its arcs and its model-time finishes. */
  private void hint(int[][] routes) {
    if (routes == null) {
      return;
    }
    java.util.Set<Long> used = new java.util.HashSet<>();
    for (int k = 0; k < in.m; k++) {
      long t = ms(in.ready_s[k]);
      int prev = -1;
      for (int j : routes[k]) {
        used.add(key(k, prev, j));
        double way = prev < 0 ? in.fromHome_s[k][j] : in.fromSite_s[prev][j];
        t += ms(way) + ms(in.work_s[k][j]) + ms(in.load_s[j]);
        model.addHint(f[j], t);
        model.addHint(on[j], in.deadline_s[j] >= 0 && t <= ms(in.deadline_s[j]));
        prev = j;
      }
    }
    for (Arc a : arcs) {
      model.addHint(a.lit, used.contains(key(a.team, a.from, a.to)));
    }
  }

  private long key(int k, int from, int to) {
    return ((long) k * (in.n + 1) + (from + 1)) * (in.n + 1) + to;
  }
}
