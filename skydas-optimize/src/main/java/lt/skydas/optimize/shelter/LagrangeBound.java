package lt.skydas.optimize.shelter;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.ShelterPairs;
import lt.skydas.assess.civil.ShelterSite;

/**
 * A bound on the siting programme that its LP relaxation cannot give (ADR 0023). Sites that share
 * no person in reach never compete, so with the budget priced at {@code λ} per euro instead of
 * enforced, the programme falls apart into one small programme per component (sites linked through
 * shared people): {@code max covered − λ·cost}. For every {@code λ >= 0},
 *
 * <pre>  optimum <= λ·budget + Σ_c U_c(λ)</pre>
 *
 * where {@code U_c(λ)} is any upper bound on component {@code c}'s programme — SCIP's dual bound
 * when it stops early, its optimum when it does not. Solved integrally per component, this bound is
 * at or below the LP relaxation's at the LP's own price of the budget. The components' plans at
 * that price, when they fit the budget together, are also a plan. Stateless.
 */
final class LagrangeBound {
  private LagrangeBound() {}

  /**
   * The bound, and the components' plans at the price.
   *
   * @param bound the Lagrangian bound (+Inf when a component got no bound in time)
   * @param chosen per site, taken by its component's plan at the price
   * @param covered people the components' plans cover
   * @param cost their cost
   * @param components the number of components
   */
  record Out(double bound, boolean[] chosen, double covered, double cost, int components) {}

  /**
   * The lowest bound over a few prices from {@code price0} (the LP's): a price at which the
   * components' plans spend less than the budget lowers next (the bound falls with the price while
   * the plans underspend), one that overspends rises; stops when another evaluation would pass
   * {@code deadline_ns}, after {@link #MAX_EVALUATIONS}, or once the bound is within {@code gap} of
   * the {@code incumbent} (the start found beside it). The plan returned is the best one that fits
   * the budget.
   */
  static Out search(
      double price0,
      Demand demand,
      List<ShelterSite> sites,
      int ns,
      ShelterPairs pairs,
      double budget,
      long deadline_ns,
      double gap,
      java.util.function.DoubleSupplier incumbent) {
    double price = price0;
    Out best = null;
    Out plan = null;
    long last = 0;
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    for (int e = 0; e < MAX_EVALUATIONS; e++) {
      long t = System.nanoTime();
      if (e > 0 && t + last * 1.3 > deadline_ns) {
        break;
      }
      Out o = at(price, demand, sites, ns, pairs, budget, e == 0 ? deadline_ns : t + last * 2);
      last = System.nanoTime() - t;
      if (best == null || o.bound() < best.bound()) {
        best = o;
      }
      if (o.cost() <= budget && (plan == null || o.covered() > plan.covered())) {
        plan = o;
      }
      double have = Math.max(incumbent.getAsDouble(), plan == null ? 0 : plan.covered());
      if (best.bound() <= 0 || (best.bound() - have) / best.bound() <= gap) {
        break; // proven to the gap asked
      }
      if (o.cost() < budget) {
        hi = price;
      } else {
        lo = price;
      }
      price = Double.isInfinite(hi) ? price * 1.25 : lo == 0 ? price * 0.8 : (lo + hi) / 2;
    }
    if (best == null) {
      return null;
    }
    return plan == null
        ? new Out(
            best.bound(), new boolean[sites.size()], 0, Double.POSITIVE_INFINITY, best.components())
        : new Out(best.bound(), plan.chosen(), plan.covered(), plan.cost(), best.components());
  }

  /** Evaluations of the bound in {@link #search}. */
  static final int MAX_EVALUATIONS = 6;

  static Out at(
      double price,
      Demand demand,
      List<ShelterSite> sites,
      int ns,
      ShelterPairs pairs,
      double budget,
      long deadline_ns) {
    List<int[]> comps = components(sites, ns, pairs, budget);
    double bound = price * budget;
    boolean[] chosen = new boolean[sites.size()];
    double covered = 0;
    double cost = 0;
    for (int c = 0; c < comps.size(); c++) {
      double left_s = (deadline_ns - System.nanoTime()) / 1e9;
      // a fair share of the time left, at least a tenth of a second
      double cap_s = Math.max(0.1, left_s / (comps.size() - c) * 4);
      double[] r = component(price, demand, sites, ns, pairs, comps.get(c), budget, cap_s, chosen);
      bound += r[0];
      covered += r[1];
      for (int j : comps.get(c)) {
        if (j >= ns && chosen[j]) {
          cost += sites.get(j).cost_eur();
        }
      }
    }
    return new Out(bound, chosen, covered, cost, comps.size());
  }

  /**
   * Components of the sites in the model (standing ones and affordable candidates with someone in
   * reach), linked through shared demand points; each ascending.
   */
  static List<int[]> components(
      List<ShelterSite> sites, int ns, ShelterPairs pairs, double budget) {
    int[] parent = new int[sites.size()];
    Arrays.setAll(parent, i -> i);
    Map<Integer, Integer> owner = new HashMap<>();
    boolean[] in = new boolean[sites.size()];
    for (int j = 0; j < sites.size(); j++) {
      ShelterSite s = sites.get(j);
      in[j] =
          pairs.start()[j + 1] > pairs.start()[j]
              && s.capacity() > 0
              && (j < ns || s.cost_eur() <= budget);
      if (!in[j]) {
        continue;
      }
      for (int k = pairs.start()[j]; k < pairs.start()[j + 1]; k++) {
        Integer o = owner.putIfAbsent(pairs.point()[k], j);
        if (o != null) {
          parent[find(parent, o)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int j = 0; j < sites.size(); j++) {
      if (in[j]) {
        groups.computeIfAbsent(find(parent, j), r -> new ArrayList<>()).add(j);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      out.add(g.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  private static int find(int[] p, int x) {
    while (p[x] != x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  /**
   * Component {@code comp}'s programme at {@code price}: {upper bound, people covered by the plan
   * found}; marks the plan's sites in {@code chosen}.
   */
  private static double[] component(
      double price,
      Demand demand,
      List<ShelterSite> sites,
      int ns,
      ShelterPairs pairs,
      int[] comp,
      double budget,
      double cap_s,
      boolean[] chosen) {
    List<ShelterSite> local = new ArrayList<>();
    int[] global = new int[comp.length];
    int t = 0;
    int standing = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int j : comp) {
        if ((j < ns) == (pass == 0)) {
          local.add(sites.get(j));
          global[t++] = j;
          standing += pass == 0 ? 1 : 0;
        }
      }
    }
    Map<Integer, Integer> localPoint = new HashMap<>();
    List<Integer> pts = new ArrayList<>();
    int[] start = new int[local.size() + 1];
    List<Integer> lp = new ArrayList<>();
    for (int l = 0; l < local.size(); l++) {
      int j = global[l];
      for (int k = pairs.start()[j]; k < pairs.start()[j + 1]; k++) {
        int i = pairs.point()[k];
        Integer li = localPoint.get(i);
        if (li == null) {
          li = pts.size();
          localPoint.put(i, li);
          pts.add(i);
        }
        lp.add(li);
      }
      start[l + 1] = lp.size();
    }
    int n = pts.size();
    double[] x = new double[n];
    double[] y = new double[n];
    long[] people = new long[n];
    int[] res = new int[n];
    for (int q = 0; q < n; q++) {
      int i = pts.get(q);
      x[q] = demand.x_m()[i];
      y[q] = demand.y_m()[i];
      people[q] = demand.people()[i];
      res[q] = demand.resident()[i];
    }
    Demand d = new Demand(x, y, people, res);
    ShelterPairs p = new ShelterPairs(start, lp.stream().mapToInt(Integer::intValue).toArray());
    MPSolver solver = MPSolver.createSolver("SCIP");
    try {
      SitingModel m = new SitingModel(solver, true, d, local, standing, p, budget);
      // the budget is priced, not enforced (the row stays: any one component within it is valid)
      for (int l = standing; l < local.size(); l++) {
        if (m.x[l] != null) {
          m.objective.setCoefficient(m.x[l], -price * local.get(l).cost_eur());
        }
      }
      solver.setTimeLimit(Math.max(100, (long) (cap_s * 1000)));
      MPSolverParameters prm = new MPSolverParameters();
      prm.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-6);
      MPSolver.ResultStatus st = solver.solve(prm);
      double ub;
      if (st == MPSolver.ResultStatus.OPTIMAL) {
        ub = Math.max(m.objective.value(), m.objective.bestBound());
      } else if (st == MPSolver.ResultStatus.FEASIBLE) {
        ub = m.objective.bestBound();
      } else {
        return new double[] {Double.POSITIVE_INFINITY, 0};
      }
      double covered = 0;
      for (MPVariable z : m.z) {
        if (z != null) {
          covered += z.solutionValue();
        }
      }
      for (int l = standing; l < local.size(); l++) {
        chosen[global[l]] = m.x[l] != null && m.x[l].solutionValue() > 0.5;
      }
      return new double[] {ub, covered};
    } finally {
      solver.delete();
    }
  }
}
