package lt.skydas.optimize;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which EW and counter-drone candidates to buy so that named sites are protected: the covering
 * problem behind {@link ProtectionStep}, on plain arrays. Exact by CP-SAT, lexicographically: first
 * the most sites protected (at most {@link Problem#required}) within the ceiling, then the least
 * cost for that many.
 *
 * <p>Model: {@code y_c} per candidate, {@code p_s} per site; {@code p_s ≤ Σ y_c} over the detectors
 * covering s and {@code p_s ≤ Σ y_c} over the effectors covering s; {@code Σ p_s ≤ required};
 * {@code Σ cost_c y_c ≤ ceiling}; {@code y_a + y_b ≤ 1} for every conflict (a jammer that would
 * deny the other candidate). Stateless; thread-safe.
 */
final class ProtectionSolver {
  private static volatile boolean loaded;

  private ProtectionSolver() {}

  /**
   * One covering problem. Arrays are not copied.
   *
   * @param siteCount sites 0..siteCount-1
   * @param cost_eur per candidate, >= 0
   * @param detects per candidate: it detects drones over the sites it covers
   * @param defeats per candidate: it defeats drones over the sites it covers
   * @param covers per candidate: the sites it covers, any order
   * @param conflicts pairs of candidates that may not both be bought
   * @param required protect at most this many (more buys nothing)
   * @param ceiling_eur spend at most this
   */
  record Problem(
      int siteCount,
      long[] cost_eur,
      boolean[] detects,
      boolean[] defeats,
      int[][] covers,
      int[][] conflicts,
      int required,
      long ceiling_eur) {
    int candidates() {
      return cost_eur.length;
    }
  }

  /**
   * The choice.
   *
   * @param chosen per candidate
   * @param protectedSites per site: detected and defended by chosen candidates
   * @param protectedCount how many (capped at nothing: every protected site counts)
   * @param cost_eur what the chosen candidates cost
   * @param optimal both stages proven optimal
   * @param bound at most this many sites can be protected within the ceiling (proven)
   */
  record Solution(
      boolean[] chosen,
      boolean[] protectedSites,
      int protectedCount,
      long cost_eur,
      boolean optimal,
      int bound) {}

  /** The lexicographic optimum, each stage within {@code timeLimit_s}. */
  static Solution solve(Problem p, double timeLimit_s, int workers) {
    load();
    Stage first = stage(p, -1, timeLimit_s, workers);
    if (first.chosen == null) {
      boolean[] none = new boolean[p.candidates()];
      return evaluate(p, none, false, first.bound);
    }
    int best = count(evaluate(p, first.chosen, false, 0).protectedSites, p.required);
    Stage second = stage(p, best, timeLimit_s, workers);
    boolean[] chosen = second.chosen != null ? second.chosen : first.chosen;
    return evaluate(p, chosen, first.optimal && second.optimal, first.bound);
  }

  /** What {@code chosen} protects and costs. */
  static Solution evaluate(Problem p, boolean[] chosen, boolean optimal, int bound) {
    boolean[] det = new boolean[p.siteCount];
    boolean[] def = new boolean[p.siteCount];
    long cost = 0;
    for (int c = 0; c < p.candidates(); c++) {
      if (!chosen[c]) {
        continue;
      }
      cost += p.cost_eur[c];
      for (int s : p.covers[c]) {
        det[s] |= p.detects[c];
        def[s] |= p.defeats[c];
      }
    }
    boolean[] prot = new boolean[p.siteCount];
    int n = 0;
    for (int s = 0; s < p.siteCount; s++) {
      prot[s] = det[s] && def[s];
      n += prot[s] ? 1 : 0;
    }
    return new Solution(chosen.clone(), prot, n, cost, optimal, bound);
  }

  private static int count(boolean[] prot, int cap) {
    int n = 0;
    for (boolean b : prot) {
      n += b ? 1 : 0;
    }
    return Math.min(n, cap);
  }

  private record Stage(boolean[] chosen, boolean optimal, int bound) {}

  /**
   * Stage 1 ({@code atLeast < 0}): the most protected sites within the ceiling. Stage 2: at least
   * {@code atLeast} protected at the least cost.
   */
  private static Stage stage(Problem p, int atLeast, double timeLimit_s, int workers) {
    CpModel m = new CpModel();
    int n = p.candidates();
    Literal[] y = new Literal[n];
    for (int c = 0; c < n; c++) {
      y[c] = m.newBoolVar("y" + c);
    }
    List<List<Literal>> det = new ArrayList<>();
    List<List<Literal>> def = new ArrayList<>();
    for (int s = 0; s < p.siteCount; s++) {
      det.add(new ArrayList<>());
      def.add(new ArrayList<>());
    }
    for (int c = 0; c < n; c++) {
      for (int s : p.covers[c]) {
        if (p.detects[c]) {
          det.get(s).add(y[c]);
        }
        if (p.defeats[c]) {
          def.get(s).add(y[c]);
        }
      }
    }
    Literal[] ps = new Literal[p.siteCount];
    for (int s = 0; s < p.siteCount; s++) {
      ps[s] = m.newBoolVar("p" + s);
      if (det.get(s).isEmpty() || def.get(s).isEmpty()) {
        m.addEquality(ps[s], 0);
        continue;
      }
      m.addBoolOr(det.get(s)).onlyEnforceIf(ps[s]);
      m.addBoolOr(def.get(s)).onlyEnforceIf(ps[s]);
    }
    LinearExpr protectedSum = LinearExpr.sum(ps);
    m.addLessOrEqual(protectedSum, p.required);
    LinearExprBuilder cost = LinearExpr.newBuilder();
    for (int c = 0; c < n; c++) {
      cost.addTerm(y[c], p.cost_eur[c]);
    }
    m.addLessOrEqual(cost, p.ceiling_eur);
    for (int[] pair : p.conflicts) {
      m.addAtMostOne(new Literal[] {y[pair[0]], y[pair[1]]});
    }
    if (atLeast < 0) {
      m.maximize(protectedSum);
    } else {
      m.addGreaterOrEqual(protectedSum, atLeast);
      m.minimize(cost);
    }
    CpSolver solver = new CpSolver();
    solver
        .getParameters()
        .setMaxTimeInSeconds(Math.max(0.01, timeLimit_s))
        .setNumWorkers(Math.max(1, workers))
        .setRandomSeed(1)
        .setLogSearchProgress(false);
    CpSolverStatus st = solver.solve(m);
    boolean found = st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE;
    int bound =
        atLeast < 0
            ? (found ? (int) Math.floor(solver.bestObjectiveBound() + 1e-6) : p.required)
            : atLeast;
    if (!found) {
      return new Stage(null, false, bound);
    }
    boolean[] chosen = new boolean[n];
    for (int c = 0; c < n; c++) {
      chosen[c] = solver.booleanValue(y[c]);
    }
    return new Stage(chosen, st == CpSolverStatus.OPTIMAL, bound);
  }

  private static void load() {
    if (!loaded) {
      synchronized (ProtectionSolver.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }
}
