package lt.skydas.optimize.shelter;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterPairs;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Where to build or adapt shelters under a budget so that the most people have a place within the
 * access time (issue 17): a capacitated maximal covering problem, solved as a mixed-integer
 * programme by SCIP through OR-Tools with a proven bound.
 *
 * <pre>
 *   max  Σ_k z_k                         people assigned over the pairs k = (point i, site j) in reach
 *   s.t. Σ_{k ∋ i} z_k ≤ people_i        each point's people once
 *        Σ_{k ∋ j} z_k ≤ min(cap_j, reach_j) · x_j
 *                                     a site's places, never more than the people in its reach
 *                                     (a standing shelter: x_j = 1, its capacity)
 *        z_k ≤ people_i · x_j            only at a chosen site (the strong link: a tight LP bound)
 *        Σ_j cost_j · x_j ≤ budget
 *        x_j ∈ {0, 1}, z_k ≥ 0
 * </pre>
 *
 * The pairs are the demand points within the access radius of each site ({@link ShelterPairs});
 * candidates that cost more than the budget or reach nobody are left out before the model is built.
 * SCIP stops at the relative gap asked for (1 % by default) or the time limit; the result carries
 * the incumbent, the proven bound and the gap between them, and the coverage of the chosen sites is
 * counted again by the exact max flow of {@link ShelterCoverage}. Stateless.
 */
public final class ShelterSiting {
  private ShelterSiting() {}

  /**
   * @param budget_eur the money for new sites
   * @param gap the relative gap at which to stop ({@code 0.01}: 1 %)
   * @param timeLimit_s the solver's time limit
   */
  public record Options(double budget_eur, double gap, double timeLimit_s) {
    public Options {
      if (!(budget_eur >= 0) || Double.isInfinite(budget_eur)) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, "shelter siting: budget must be a finite EUR >= 0");
      }
      if (!(gap >= 0 && gap < 1)) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "shelter siting: gap must be in [0, 1)");
      }
      if (!(timeLimit_s > 0)) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "shelter siting: time limit must be > 0");
      }
    }
  }

  /**
   * The siting.
   *
   * @param chosen indices of the chosen candidates, ascending
   * @param cost_eur what they cost
   * @param modelCovered the programme's incumbent: people assigned
   * @param bound the proven upper bound on people assigned
   * @param gap {@code (bound - incumbent) / bound} (0 when the bound is 0)
   * @param optimal true when SCIP proved the incumbent optimal
   * @param before coverage by the standing shelters alone
   * @param after coverage by the standing shelters and the chosen sites (exact max flow)
   * @param candidates candidates in the model (within the budget, reaching someone)
   * @param pairs pairs of points and sites in reach
   * @param seconds time to build and solve
   */
  public record Result(
      List<Integer> chosen,
      double cost_eur,
      double modelCovered,
      double bound,
      double gap,
      boolean optimal,
      ShelterCoverage before,
      ShelterCoverage after,
      int candidates,
      int pairs,
      double seconds) {
    public Result {
      chosen = List.copyOf(chosen);
    }
  }

  /**
   * A greedy start: the standing shelters filled first, then repeatedly the affordable candidate
   * with the most newly covered people per euro, filled from the people in its reach. Returns the
   * people assigned per pair ({@code NaN} for a chosen site's marker is not used: a site is chosen
   * when its entry in {@code chosen} is true).
   */
  record Start(boolean[] chosen, double[] z) {}

  static Start greedy(
      Demand demand, List<ShelterSite> sites, int ns, ShelterPairs pairs, double budget) {
    double[] left = new double[demand.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = demand.people()[i];
    }
    double[] z = new double[pairs.size()];
    boolean[] chosen = new boolean[sites.size()];
    for (int j = 0; j < ns; j++) {
      fill(j, sites.get(j).capacity(), pairs, left, z);
    }
    double money = budget;
    while (true) {
      int best = -1;
      double bestRatio = 0;
      for (int j = ns; j < sites.size(); j++) {
        ShelterSite s = sites.get(j);
        if (chosen[j] || s.cost_eur() > money || s.capacity() == 0) {
          continue;
        }
        double reach = 0;
        for (int k = pairs.start()[j]; k < pairs.start()[j + 1]; k++) {
          reach += left[pairs.point()[k]];
        }
        double gain = Math.min(reach, s.capacity());
        double ratio = gain / Math.max(1, s.cost_eur());
        if (gain > 0 && ratio > bestRatio) {
          bestRatio = ratio;
          best = j;
        }
      }
      if (best < 0) {
        return new Start(chosen, z);
      }
      chosen[best] = true;
      money -= sites.get(best).cost_eur();
      fill(best, sites.get(best).capacity(), pairs, left, z);
    }
  }

  private static void fill(int j, double cap, ShelterPairs pairs, double[] left, double[] z) {
    for (int k = pairs.start()[j]; k < pairs.start()[j + 1] && cap > 0; k++) {
      int i = pairs.point()[k];
      double take = Math.min(cap, left[i]);
      z[k] += take;
      left[i] -= take;
      cap -= take;
    }
  }

  private static void hint(
      MPSolver solver, MPVariable[] x, MPVariable[] zs, Start start, ShelterPairs pairs) {
    List<MPVariable> vars = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      if (x[j] != null) {
        vars.add(x[j]);
        vals.add(start.chosen()[j] ? 1.0 : 0.0);
      }
    }
    for (int k = 0; k < zs.length; k++) {
      if (zs[k] != null) {
        vars.add(zs[k]);
        vals.add(start.z()[k]);
      }
    }
    double[] v = new double[vals.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = vals.get(i);
    }
    solver.setHint(vars.toArray(new MPVariable[0]), v);
  }

  /** Chooses among {@code candidates} beside the {@code standing} shelters. */
  public static Result solve(
      List<Resident> residents,
      Demand demand,
      List<ShelterSite> standing,
      List<ShelterSite> candidates,
      ShelterAccess access,
      Options o) {
    long t0 = System.nanoTime();
    List<ShelterSite> sites = new ArrayList<>(standing);
    sites.addAll(candidates);
    ShelterPairs pairs = ShelterPairs.of(demand, sites, access);
    int ns = standing.size();
    Loader.loadNativeLibraries();
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      throw new IllegalStateException("SCIP is not available in this OR-Tools build");
    }
    try {
      int n = demand.size();
      MPConstraint[] pointRow = new MPConstraint[n];
      MPConstraint budget = solver.makeConstraint(Double.NEGATIVE_INFINITY, o.budget_eur());
      MPObjective obj = solver.objective();
      obj.setMaximization();
      MPVariable[] x = new MPVariable[sites.size()];
      MPVariable[] zs = new MPVariable[pairs.size()];
      int inModel = 0;
      int pairCount = 0;
      for (int j = 0; j < sites.size(); j++) {
        int from = pairs.start()[j];
        int to = pairs.start()[j + 1];
        boolean candidate = j >= ns;
        ShelterSite s = sites.get(j);
        if (to == from || s.capacity() == 0) {
          continue;
        }
        if (candidate && s.cost_eur() > o.budget_eur()) {
          continue;
        }
        MPConstraint siteRow;
        if (candidate) {
          x[j] = solver.makeBoolVar("x" + j);
          budget.setCoefficient(x[j], s.cost_eur());
          siteRow = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
          // a site fills at most its capacity and at most the people in its reach: the smaller
          // is the coefficient (valid, and a much tighter LP where a big basement serves few)
          double reach = 0;
          for (int k = from; k < to; k++) {
            reach += demand.people()[pairs.point()[k]];
          }
          siteRow.setCoefficient(x[j], -Math.min(s.capacity(), reach));
          inModel++;
        } else {
          siteRow = solver.makeConstraint(Double.NEGATIVE_INFINITY, s.capacity());
        }
        for (int k = from; k < to; k++) {
          int i = pairs.point()[k];
          double people = demand.people()[i];
          MPVariable z = solver.makeNumVar(0, people, "z" + k);
          zs[k] = z;
          obj.setCoefficient(z, 1);
          siteRow.setCoefficient(z, 1);
          if (pointRow[i] == null) {
            pointRow[i] = solver.makeConstraint(Double.NEGATIVE_INFINITY, people);
          }
          pointRow[i].setCoefficient(z, 1);
          if (candidate) {
            MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
            link.setCoefficient(z, 1);
            link.setCoefficient(x[j], -Math.min(people, s.capacity()));
          }
          pairCount++;
        }
      }
      hint(solver, x, zs, greedy(demand, sites, ns, pairs, o.budget_eur()), pairs);
      solver.setTimeLimit(Math.max(10, (long) (o.timeLimit_s() * 1000)));
      MPSolverParameters p = new MPSolverParameters();
      p.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, o.gap());
      MPSolver.ResultStatus st = solver.solve(p);
      if (st != MPSolver.ResultStatus.OPTIMAL && st != MPSolver.ResultStatus.FEASIBLE) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            "shelter siting: SCIP found no solution within "
                + o.timeLimit_s()
                + " s ("
                + st
                + "); give it more time");
      }
      List<Integer> chosen = new ArrayList<>();
      double cost = 0;
      List<ShelterSite> after = new ArrayList<>(standing);
      for (int j = ns; j < sites.size(); j++) {
        if (x[j] != null && x[j].solutionValue() > 0.5) {
          chosen.add(j - ns);
          cost += sites.get(j).cost_eur();
          after.add(sites.get(j));
        }
      }
      double value = obj.value();
      double bound = Math.max(value, obj.bestBound());
      double gap = bound <= 0 ? 0 : (bound - value) / bound;
      ShelterCoverage before = ShelterCoverage.of(residents, demand, standing, access);
      ShelterCoverage now = ShelterCoverage.of(residents, demand, after, access);
      return new Result(
          chosen,
          cost,
          value,
          bound,
          gap,
          st == MPSolver.ResultStatus.OPTIMAL && gap <= 1e-9,
          before,
          now,
          inModel,
          pairCount,
          (System.nanoTime() - t0) / 1e9);
    } finally {
      solver.delete();
    }
  }
}
