package lt.skydas.optimize.interdiction;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The covering master for one target T: is there a plan within budget that meets every pooled path
 * row {@code Σ_{a∈P} min(d_a, T − c(P)) x_a ≥ T − c(P)}? Rows whose need is at most every delay on
 * the path are clauses. A short {@link CoveringLocalSearch} from the previous master plan answers
 * most (feasible) rounds; otherwise, or when it gives up, the configured exact solver decides:
 * CP-SAT minimising the plan's cost by core-guided search (default), CP-SAT feasibility search, or
 * SCIP through OR-Tools' MPSolver.
 *
 * <p><b>Dominance.</b> Pooled paths share long stretches, and the arcs of a shared stretch occur in
 * exactly the same rows: they are interchangeable but for their delay and cost. Per such group
 * (same rows, same cost) only the h arcs with the largest delays are offered, h being the most any
 * of the group's rows can use (the fewest of the group's largest delays that meet its need). Any
 * plan using more arcs of a group, or others, is no better than one using the top h: sorted by
 * delay the top arcs have coefficients at least as large in every row, and the top h already meet
 * every row they are in. So the reduced master is feasible exactly when the full one is, and
 * without the symmetric choices the solver would otherwise enumerate.
 */
final class CoveringMaster {
  private CoveringMaster() {}

  record Result(CpSolverStatus status, boolean[] plan, double seconds, int variables) {}

  /** Active rows (need > 0) restricted to the offered arcs. */
  record Reduced(
      List<int[]> rows, List<Long> need, int[] arcs, boolean infeasible, List<int[]> implied) {
    Reduced(List<int[]> rows, List<Long> need, int[] arcs, boolean infeasible) {
      this(rows, need, arcs, infeasible, List.of());
    }
  }

  static Reduced reduce(PathRows pool, long target, long[] d, long[] cost) {
    List<Integer> rowIds = new ArrayList<>();
    Map<Integer, List<Integer>> incidence = new HashMap<>();
    for (int r = 0; r < pool.size(); r++) {
      long need = target - pool.length.get(r);
      if (need <= 0) {
        continue;
      }
      int[] p = pool.arcs.get(r);
      long maxSum = 0;
      for (int a : p) {
        maxSum += Math.min(d[a], need);
      }
      if (maxSum < need) {
        return new Reduced(List.of(), List.of(), new int[0], true);
      }
      int id = rowIds.size();
      rowIds.add(r);
      for (int a : p) {
        incidence.computeIfAbsent(a, k -> new ArrayList<>()).add(id);
      }
    }
    // group arcs by (rows, cost); keep the top h by delay
    Map<List<Integer>, List<Integer>> groups = new HashMap<>();
    for (Map.Entry<Integer, List<Integer>> e : incidence.entrySet()) {
      List<Integer> key = new ArrayList<>(e.getValue());
      key.add(-1 - (int) Math.min(Integer.MAX_VALUE - 1, cost[e.getKey()]));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e.getKey());
    }
    boolean[] keep = new boolean[d.length];
    int kept = 0;
    for (Map.Entry<List<Integer>, List<Integer>> e : groups.entrySet()) {
      List<Integer> arcs = e.getValue();
      arcs.sort((a, b) -> d[a] != d[b] ? Long.compare(d[b], d[a]) : Integer.compare(a, b));
      int h = 1;
      List<Integer> rows = e.getKey();
      for (int i = 0; i + 1 < rows.size(); i++) {
        long need = target - pool.length.get(rowIds.get(rows.get(i)));
        long sum = 0;
        int j = 0;
        while (j < arcs.size() && sum < need) {
          sum += Math.min(d[arcs.get(j)], need);
          j++;
        }
        h = Math.max(h, j);
      }
      for (int j = 0; j < Math.min(h, arcs.size()); j++) {
        keep[arcs.get(j)] = true;
        kept++;
      }
    }
    List<int[]> implied = dominate(incidence, rowIds.size(), rowIds, pool, target, d, cost, keep);
    kept = 0;
    for (boolean k : keep) {
      kept += k ? 1 : 0;
    }
    int[] offered = new int[kept];
    int n = 0;
    for (int a = 0; a < d.length; a++) {
      if (keep[a]) {
        offered[n++] = a;
      }
    }
    List<int[]> rows = new ArrayList<>();
    List<Long> needs = new ArrayList<>();
    for (int r : rowIds) {
      int[] p = pool.arcs.get(r);
      rows.add(Arrays.stream(p).filter(a -> keep[a]).toArray());
      needs.add(target - pool.length.get(r));
    }
    return new Reduced(rows, needs, offered, false, implied);
  }

  /**
   * Subset dominance among the kept arcs. Arc a dominates b when it costs no more and lies in every
   * row b lies in with at least b's coefficient there. If a alone meets each of those rows, b is
   * never needed: dropped (sequentially, so a still stands when b goes). Otherwise {@code x_b ≤
   * x_a} is implied, only from an arc earlier in the order (more rows, then lower index), so
   * swapping b for a in any plan moves it strictly earlier and ends. Either way a feasible plan
   * stays feasible, so the master's answer is unchanged. Returns the implied pairs {b, a}.
   */
  private static List<int[]> dominate(
      Map<Integer, List<Integer>> incidence,
      int nRows,
      List<Integer> rowIds,
      PathRows pool,
      long target,
      long[] d,
      long[] cost,
      boolean[] keep) {
    int words = (nRows + 63) / 64;
    long[] need = new long[nRows];
    for (int r = 0; r < nRows; r++) {
      need[r] = target - pool.length.get(rowIds.get(r));
    }
    Map<Integer, long[]> bits = new HashMap<>();
    List<List<Integer>> rowArcs = new ArrayList<>();
    for (int r = 0; r < nRows; r++) {
      rowArcs.add(new ArrayList<>());
    }
    List<Integer> arcs = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> e : incidence.entrySet()) {
      int a = e.getKey();
      if (!keep[a]) {
        continue;
      }
      arcs.add(a);
      long[] w = new long[words];
      for (int r : e.getValue()) {
        w[r >>> 6] |= 1L << (r & 63);
        rowArcs.get(r).add(a);
      }
      bits.put(a, w);
    }
    arcs.sort(Integer::compare);
    for (int pass = 0; pass < 2; pass++) {
      List<int[]> implied = new ArrayList<>();
      for (int b : arcs) {
        if (!keep[b]) {
          continue;
        }
        List<Integer> rb = incidence.get(b);
        int best = rb.get(0);
        for (int r : rb) {
          if (rowArcs.get(r).size() < rowArcs.get(best).size()) {
            best = r;
          }
        }
        for (int a : rowArcs.get(best)) {
          if (a == b || !keep[a] || cost[a] > cost[b]) {
            continue;
          }
          List<Integer> ra = incidence.get(a);
          boolean mutual = ra.size() == rb.size();
          if (ra.size() < rb.size() || mutual && a > b || !subset(bits.get(b), bits.get(a))) {
            continue;
          }
          boolean alone = true;
          boolean geq = true;
          for (int r : rb) {
            long ca = Math.min(d[a], need[r]);
            alone &= ca >= need[r];
            geq &= ca >= Math.min(d[b], need[r]);
          }
          if (pass == 0 && alone) {
            keep[b] = false;
            break;
          }
          if (pass == 1 && geq) {
            implied.add(new int[] {b, a});
            break;
          }
        }
      }
      if (pass == 1) {
        return implied;
      }
    }
    return List.of();
  }

  private static boolean subset(long[] small, long[] big) {
    for (int i = 0; i < small.length; i++) {
      if ((small[i] & ~big[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  static Result solve(
      PathRows pool,
      long target,
      long[] d,
      long[] cost,
      long budget,
      boolean[] hint,
      boolean[] start,
      double timeLimit_s,
      CoveringInterdiction.Settings s) {
    CoveringInterdiction.loadNatives();
    long t0 = System.nanoTime();
    Reduced red = reduce(pool, target, d, cost);
    if (red.infeasible()) {
      return new Result(CpSolverStatus.INFEASIBLE, null, (System.nanoTime() - t0) * 1e-9, 0);
    }
    if (s.localSteps() > 0) {
      boolean[] plan =
          new CoveringLocalSearch(red, d, cost, budget)
              .search(start, red.arcs(), d.length, s.localSteps(), s.seed() * 31 + pool.size());
      if (plan != null) {
        return new Result(
            CpSolverStatus.FEASIBLE, plan, (System.nanoTime() - t0) * 1e-9, red.arcs().length);
      }
      timeLimit_s -= (System.nanoTime() - t0) * 1e-9;
    }
    if (s.master() == CoveringInterdiction.MasterSolver.SCIP) {
      return scip(red, d, cost, budget, hint, timeLimit_s, t0);
    }
    boolean core = s.master() == CoveringInterdiction.MasterSolver.CORE;
    CpModel m = new CpModel();
    Literal[] x = new Literal[d.length];
    for (int a : red.arcs()) {
      x[a] = m.newBoolVar("x" + a);
    }
    for (int r = 0; r < red.rows().size(); r++) {
      int[] p = red.rows().get(r);
      long need = red.need().get(r);
      long minD = Long.MAX_VALUE;
      Literal[] lits = new Literal[p.length];
      long[] coef = new long[p.length];
      for (int i = 0; i < p.length; i++) {
        lits[i] = x[p[i]];
        coef[i] = Math.min(d[p[i]], need);
        minD = Math.min(minD, d[p[i]]);
      }
      if (need <= minD) {
        m.addBoolOr(lits);
      } else {
        m.addGreaterOrEqual(LinearExpr.weightedSum(lits, coef), need);
      }
    }
    int nv = red.arcs().length;
    Literal[] all = new Literal[nv];
    long[] cc = new long[nv];
    for (int i = 0; i < nv; i++) {
      int a = red.arcs()[i];
      all[i] = x[a];
      cc[i] = cost[a];
      m.addHint(all[i], hint[a]);
    }
    m.addLessOrEqual(LinearExpr.weightedSum(all, cc), budget);
    if (core) {
      // the cheapest plan meeting every row: core-guided search proves its cost exceeds the budget
      m.minimize(LinearExpr.weightedSum(all, cc));
    }
    for (int[] ba : red.implied()) {
      m.addImplication(x[ba[0]], x[ba[1]]);
    }
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(Math.max(0.01, timeLimit_s))
        .setNumWorkers(core ? 1 : s.workers())
        .setRandomSeed((int) s.seed())
        .setLogSearchProgress(false);
    if (core) {
      solver
          .getParameters()
          .setOptimizeWithCore(true)
          .setLinearizationLevel(0)
          .setStopAfterFirstSolution(true);
    }
    CpSolverStatus st = solver.solve(m);
    double sec = (System.nanoTime() - t0) * 1e-9;
    if (st != CpSolverStatus.FEASIBLE && st != CpSolverStatus.OPTIMAL) {
      return new Result(st, null, sec, nv);
    }
    boolean[] plan = new boolean[d.length];
    for (int i = 0; i < nv; i++) {
      plan[red.arcs()[i]] = solver.booleanValue(all[i]);
    }
    return new Result(st, plan, sec, nv);
  }

  /** The same feasibility problem as a 0/1 programme for SCIP (LP bounds, cuts, branching). */
  private static Result scip(
      Reduced red,
      long[] d,
      long[] cost,
      long budget,
      boolean[] hint,
      double timeLimit_s,
      long t0) {
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      throw new IllegalStateException("SCIP is not available in this OR-Tools build");
    }
    try {
      MPVariable[] x = new MPVariable[d.length];
      int nv = red.arcs().length;
      MPVariable[] vars = new MPVariable[nv];
      double[] hv = new double[nv];
      MPConstraint b = solver.makeConstraint(Double.NEGATIVE_INFINITY, budget);
      for (int i = 0; i < nv; i++) {
        int a = red.arcs()[i];
        x[a] = solver.makeBoolVar("x" + a);
        vars[i] = x[a];
        hv[i] = hint[a] ? 1 : 0;
        b.setCoefficient(x[a], cost[a]);
      }
      for (int r = 0; r < red.rows().size(); r++) {
        long need = red.need().get(r);
        MPConstraint row = solver.makeConstraint(need, Double.POSITIVE_INFINITY);
        for (int a : red.rows().get(r)) {
          row.setCoefficient(x[a], Math.min(d[a], need));
        }
      }
      for (int[] ba : red.implied()) {
        MPConstraint imp = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
        imp.setCoefficient(x[ba[0]], 1);
        imp.setCoefficient(x[ba[1]], -1);
      }
      solver.setHint(vars, hv);
      solver.setTimeLimit(Math.max(10, (long) (timeLimit_s * 1000)));
      MPSolver.ResultStatus st = solver.solve();
      double sec = (System.nanoTime() - t0) * 1e-9;
      if (st == MPSolver.ResultStatus.INFEASIBLE) {
        return new Result(CpSolverStatus.INFEASIBLE, null, sec, nv);
      }
      if (st != MPSolver.ResultStatus.OPTIMAL && st != MPSolver.ResultStatus.FEASIBLE) {
        return new Result(CpSolverStatus.UNKNOWN, null, sec, nv);
      }
      boolean[] plan = new boolean[d.length];
      for (int i = 0; i < nv; i++) {
        plan[red.arcs()[i]] = vars[i].solutionValue() > 0.5;
      }
      return new Result(CpSolverStatus.FEASIBLE, plan, sec, nv);
    } finally {
      solver.delete();
    }
  }
}
