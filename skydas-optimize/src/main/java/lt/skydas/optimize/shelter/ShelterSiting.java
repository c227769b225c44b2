package lt.skydas.optimize.shelter;

import com.google.ortools.Loader;
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
 * candidates that cost more than the budget or reach nobody are left out. The programme is hard for
 * SCIP at mid budgets (its LP bound sits 1 to 2 % above the optimum), so the solve runs in stages
 * within the time limit (ADR 0023):
 *
 * <ol>
 *   <li>a start: the ratio greedy, the LP relaxation (GLOP) and the greedy in its order, then SCIP
 *       over a kernel of candidates (those the LP uses or a greedy takes) for {@link #KERNEL_SHARE}
 *       of the time;
 *   <li>beside it, in a second thread, the Lagrangian bound ({@link LagrangeBound}): the budget
 *       priced at the LP's dual value and a few prices near it, the programme solved per component
 *       of sites that share people — tighter than the LP bound;
 *   <li>when the start is within the gap asked of the best bound, done; else SCIP on the whole
 *       programme, hinted with the start, for the time left.
 * </ol>
 *
 * The result carries the incumbent, the best proven bound (SCIP's, the LP's or the Lagrangian) and
 * the gap between them; the coverage of the chosen sites is counted again by the exact max flow of
 * {@link ShelterCoverage}. Stateless.
 */
public final class ShelterSiting {
  private ShelterSiting() {}

  /** The share of the time limit by which the Lagrangian bound is due. */
  static final double LAGRANGE_SHARE = 0.85;

  /** The share of the time limit the kernel programme of the start may take. */
  static final double KERNEL_SHARE = 0.85;

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
   * @param startCovered people assigned by the start handed to SCIP (greedy or LP-guided)
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
      double seconds,
      double startCovered) {
    public Result {
      chosen = List.copyOf(chosen);
    }
  }

  /**
   * The best of three starts: the ratio greedy; the candidates in the order of their values in the
   * LP relaxation (GLOP), then the ratio greedy with the money left; and the programme itself
   * solved by SCIP over a kernel of candidates only (those the LP relaxation uses or either greedy
   * takes: a few hundred of the thousands), for {@code kernelLimit_s}. The kernel's solution is
   * feasible for the whole programme and usually within a fraction of a percent of its optimum.
   */
  static SitingStart.Start start(
      Demand demand,
      List<ShelterSite> sites,
      int ns,
      ShelterPairs pairs,
      double budget,
      ShelterAccess access,
      double kernelLimit_s,
      java.util.function.DoubleConsumer onPrice,
      java.util.concurrent.atomic.AtomicReference<Double> incumbent) {
    SitingStart.Start best = SitingStart.greedy(demand, sites, ns, pairs, budget);
    MPSolver lp = MPSolver.createSolver("GLOP");
    if (lp == null) {
      return best;
    }
    java.util.Set<Integer> kernel = new java.util.TreeSet<>();
    double lpBound;
    try {
      SitingModel m = new SitingModel(lp, false, demand, sites, ns, pairs, budget);
      if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
        return best;
      }
      lpBound = m.objective.value();
      onPrice.accept(Math.abs(m.budget.dualValue()));
      List<Integer> order = new ArrayList<>();
      for (int j = ns; j < sites.size(); j++) {
        if (m.x[j] != null && m.x[j].solutionValue() > 1e-6) {
          order.add(j);
        }
      }
      order.sort((a, b) -> Double.compare(m.x[b].solutionValue(), m.x[a].solutionValue()));
      SitingStart.Start lpFirst =
          SitingStart.ordered(
              demand, sites, ns, pairs, budget, order.stream().mapToInt(i -> i).toArray());
      kernel.addAll(order);
      for (int j = ns; j < sites.size(); j++) {
        if (best.chosen()[j] || lpFirst.chosen()[j]) {
          kernel.add(j);
        }
      }
      if (lpFirst.value() > best.value()) {
        best = lpFirst;
      }
    } finally {
      lp.delete();
    }
    SitingStart.Start k =
        kernelStart(demand, sites, ns, pairs, budget, access, kernel, best, kernelLimit_s);
    SitingStart.Start pick = k != null && k.value() > best.value() ? k : best;
    incumbent.set(pick.value());
    return new SitingStart.Start(pick.chosen(), pick.z(), pick.value(), lpBound);
  }

  /**
   * SCIP over the standing sites and the {@code kernel} candidates only, hinted with {@code start};
   * its solution as a start of the whole programme, or null when it found none.
   */
  private static SitingStart.Start kernelStart(
      Demand demand,
      List<ShelterSite> sites,
      int ns,
      ShelterPairs pairs,
      double budget,
      ShelterAccess access,
      java.util.Set<Integer> kernel,
      SitingStart.Start start,
      double kernelLimit_s) {
    List<ShelterSite> sub = new ArrayList<>(sites.subList(0, ns));
    int[] full = new int[ns + kernel.size()];
    for (int j = 0; j < ns; j++) {
      full[j] = j;
    }
    int t = ns;
    for (int j : kernel) {
      sub.add(sites.get(j));
      full[t++] = j;
    }
    ShelterPairs sp = ShelterPairs.of(demand, sub, access);
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      return null;
    }
    try {
      SitingModel m = new SitingModel(solver, true, demand, sub, ns, sp, budget);
      boolean[] subChosen = new boolean[sub.size()];
      double[] subZ = new double[sp.size()];
      for (int j = 0; j < sub.size(); j++) {
        subChosen[j] = start.chosen()[full[j]];
        int off = pairs.start()[full[j]] - sp.start()[j];
        for (int q = sp.start()[j]; q < sp.start()[j + 1]; q++) {
          subZ[q] = start.z()[q + off];
        }
      }
      m.hint(solver, new SitingStart.Start(subChosen, subZ, start.value(), 0));
      solver.setTimeLimit(Math.max(1000, (long) (kernelLimit_s * 1000)));
      MPSolverParameters p = new MPSolverParameters();
      p.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-4);
      MPSolver.ResultStatus st = solver.solve(p);
      if (st != MPSolver.ResultStatus.OPTIMAL && st != MPSolver.ResultStatus.FEASIBLE) {
        return null;
      }
      boolean[] chosen = new boolean[sites.size()];
      double[] z = new double[pairs.size()];
      for (int j = 0; j < sub.size(); j++) {
        chosen[full[j]] = m.x[j] != null && m.x[j].solutionValue() > 0.5;
        int off = pairs.start()[full[j]] - sp.start()[j];
        for (int q = sp.start()[j]; q < sp.start()[j + 1]; q++) {
          z[q + off] = m.z[q] == null ? 0 : Math.max(0, m.z[q].solutionValue());
        }
      }
      for (int j = 0; j < ns; j++) {
        chosen[j] = false;
      }
      return new SitingStart.Start(chosen, z, m.objective.value(), 0);
    } finally {
      solver.delete();
    }
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
    // the Lagrangian bound at the LP's price of the budget, beside the start (a second thread)
    java.util.concurrent.ExecutorService ex =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread th = new Thread(r, "shelter-lagrange");
              th.setDaemon(true);
              return th;
            });
    List<java.util.concurrent.Future<LagrangeBound.Out>> lag = new ArrayList<>();
    long lagDeadline = t0 + (long) (LAGRANGE_SHARE * o.timeLimit_s() * 1e9);
    SitingStart.Start start;
    LagrangeBound.Out lagrange = null;
    java.util.concurrent.atomic.AtomicReference<Double> incumbent =
        new java.util.concurrent.atomic.AtomicReference<>(0.0);
    try {
      start =
          start(
              demand,
              sites,
              ns,
              pairs,
              o.budget_eur(),
              access,
              o.timeLimit_s() * KERNEL_SHARE,
              price ->
                  lag.add(
                      ex.submit(
                          () ->
                              LagrangeBound.search(
                                  price,
                                  demand,
                                  sites,
                                  ns,
                                  pairs,
                                  o.budget_eur(),
                                  lagDeadline,
                                  o.gap(),
                                  incumbent::get))),
              incumbent);
      if (!lag.isEmpty()) {
        lagrange = lag.get(0).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("shelter siting interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("shelter siting: " + e.getCause(), e.getCause());
    } finally {
      ex.shutdownNow();
    }
    double bound = start.lpBound() > 0 ? start.lpBound() : Double.POSITIVE_INFINITY;
    if (lagrange != null) {
      bound = Math.min(bound, lagrange.bound());
      if (lagrange.cost() <= o.budget_eur() && lagrange.covered() > start.value()) {
        start =
            new SitingStart.Start(
                lagrange.chosen(),
                SitingStart.assign(demand, sites, ns, pairs, lagrange.chosen()),
                lagrange.covered(),
                start.lpBound());
      }
    }
    if (relGap(start.value(), bound) <= o.gap()) {
      int inModel = 0;
      for (int j = ns; j < sites.size(); j++) {
        inModel +=
            pairs.start()[j + 1] > pairs.start()[j] && sites.get(j).cost_eur() <= o.budget_eur()
                ? 1
                : 0;
      }
      return result(
          residents,
          demand,
          standing,
          sites,
          ns,
          access,
          start.chosen(),
          start.value(),
          bound,
          inModel,
          pairs.size(),
          t0,
          start.value());
    }
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      throw new IllegalStateException("SCIP is not available in this OR-Tools build");
    }
    try {
      SitingModel m = new SitingModel(solver, true, demand, sites, ns, pairs, o.budget_eur());
      MPVariable[] x = m.x;
      MPObjective obj = m.objective;
      m.hint(solver, start);
      double spent_s = (System.nanoTime() - t0) / 1e9;
      solver.setTimeLimit(Math.max(1000, (long) ((o.timeLimit_s() - spent_s) * 1000)));
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
      boolean[] chosen = new boolean[sites.size()];
      for (int j = ns; j < sites.size(); j++) {
        chosen[j] = x[j] != null && x[j].solutionValue() > 0.5;
      }
      double value = obj.value();
      bound = Math.min(Math.max(value, obj.bestBound()), bound); // also GLOP's and Lagrange's
      return result(
          residents,
          demand,
          standing,
          sites,
          ns,
          access,
          chosen,
          value,
          Math.max(value, bound),
          m.candidates,
          m.pairs,
          t0,
          start.value());
    } finally {
      solver.delete();
    }
  }

  private static double relGap(double value, double bound) {
    return bound <= 0 ? 0 : (bound - value) / bound;
  }

  private static Result result(
      List<Resident> residents,
      Demand demand,
      List<ShelterSite> standing,
      List<ShelterSite> sites,
      int ns,
      ShelterAccess access,
      boolean[] chosen,
      double value,
      double bound,
      int candidates,
      int pairs,
      long t0,
      double startCovered) {
    List<Integer> picked = new ArrayList<>();
    double cost = 0;
    List<ShelterSite> after = new ArrayList<>(standing);
    for (int j = ns; j < sites.size(); j++) {
      if (chosen[j]) {
        picked.add(j - ns);
        cost += sites.get(j).cost_eur();
        after.add(sites.get(j));
      }
    }
    double gap = relGap(value, bound);
    return new Result(
        picked,
        cost,
        value,
        bound,
        gap,
        gap <= 1e-9,
        ShelterCoverage.of(residents, demand, standing, access),
        ShelterCoverage.of(residents, demand, after, access),
        candidates,
        pairs,
        (System.nanoTime() - t0) / 1e9,
        startCovered);
  }
}
