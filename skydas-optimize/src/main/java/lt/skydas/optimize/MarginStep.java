package lt.skydas.optimize;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;

/**
 * Pipeline step "minimum corridor margin" (issue 16: "the optimiser can take a minimum margin as a
 * constraint"): before the barrier model, the least-cost set of obstacles that keeps the attacker
 * from cutting each friendly route's convoy path until the convoy has passed plus the margin, in
 * every case (class × season) on the corridor graphs toward the routes' paths; they become pins, so
 * the barrier model spends the rest on the objectives and every plan it makes holds the margin on
 * the graphs (an obstacle more never makes the attacker faster).
 *
 * <p><b>Method</b> (exact): a covering problem solved by CP-SAT with lazy path rows. Variables
 * {@code y} (at most one type per site; user pins and standing obstacles fixed); minimise the cost
 * against the total budget subject to the total, the mine ceiling and the country budgets; for each
 * route, case and path {@code P} of the graph found so far with length {@code L(P) < F} (F = the
 * convoy's transit in the case's season plus the margin): {@code Σ_{gate arcs a of P} delay_a(y) ≥
 * F − L(P)}. After each solve, the shortest path of every route and case under the chosen plan is
 * searched; one shorter than F joins the rows, until none is: the plan is then feasible, and
 * optimal since every round solved a relaxation. Delays in whole seconds (rounded down), floors
 * rounded up: the rows never count more delay than the graph has. Delays are those of the unwatched
 * option where sensors are planned (an obstacle's full delay needs a sensor the barrier may not
 * buy).
 *
 * <p>The convoy's transit and path are the graph region's (the wheeled convoy's fastest path per
 * season, as {@code assess} times it); the verification on the full model reports the margins the
 * plan really gives.
 */
final class MarginStep {
  /** Rounds of path generation at most. */
  static final int MAX_ROUNDS = 200;

  /** Paths short of the floor added per route, case and round at most. */
  static final int PATHS_PER_ROUND = 12;

  private static volatile boolean loaded;

  private MarginStep() {}

  /**
   * A route's floors.
   *
   * @param id the route's id
   * @param name for people
   * @param transit_s per case of the graphs, the convoy's transit in the case's season
   */
  record Route(String id, String name, double[] transit_s) {}

  /**
   * One route and case: the attacker's time to the convoy's path on the graph without the step's
   * obstacles (with the user's pins and standing obstacles) and with them, against the floor.
   */
  record Row(
      String route,
      CorridorGraphs.Case kase,
      double transit_s,
      double floor_s,
      double before_s,
      double after_s) {
    String caseName() {
      return kase.name();
    }

    /** The margin the graph gives after the step, s. */
    double margin_s() {
      return after_s - transit_s;
    }
  }

  /**
   * What the step bought.
   *
   * @param margin_h the required margin, NaN when the step did not run
   * @param pins site id → type of the obstacles it bought (pins of the barrier model)
   * @param cost_eur what they cost against the total budget
   * @param optimal proven least cost (the cost equals the bound)
   * @param rounds rounds of path generation
   * @param bound_eur a proven lower bound on what any set holding the margin costs (CP-SAT's bound
   *     on the rows found, a relaxation)
   */
  record Outcome(
      double margin_h,
      Map<String, String> pins,
      long cost_eur,
      boolean optimal,
      int rounds,
      List<Row> rows,
      long bound_eur) {
    Outcome {
      pins = Map.copyOf(pins);
      rows = List.copyOf(rows);
    }

    static Outcome none() {
      return new Outcome(Double.NaN, Map.of(), 0, true, 0, List.of(), 0);
    }

    boolean enabled() {
      return !Double.isNaN(margin_h);
    }
  }

  /** One option of the covering problem: a type at a site. */
  record Opt(int site, ObstacleType type, long cost_eur, boolean mine, double f) {}

  /**
   * {@link #run} for the pipeline: the options' margin, the user's pins and standing obstacles of
   * {@code edits}, each site's home country from {@code countries}.
   */
  static Outcome run(
      CorridorGraphs routeGraphs,
      List<Route> routes,
      Sites sites,
      BarrierOptimizer.SiteEdits edits,
      CountryBudgets.CountryOf countries,
      OptimizeOptions opt) {
    String[] siteCountry = new String[sites.size()];
    for (int i = 0; i < sites.size(); i++) {
      siteCountry[i] = countries.of(sites.get(i).geometry_lks94());
    }
    return run(
        routeGraphs,
        routes,
        opt.minCorridorMargin_h(),
        sites,
        edits.pinned(),
        edits.existing(),
        siteCountry,
        opt);
  }

  /** {@code edits} with the obstacles {@code o} bought pinned besides the user's. */
  static BarrierOptimizer.SiteEdits withPins(BarrierOptimizer.SiteEdits edits, Outcome o) {
    if (o.pins().isEmpty()) {
      return edits;
    }
    Map<String, String> pins = new LinkedHashMap<>(edits.pinned());
    pins.putAll(o.pins());
    return new BarrierOptimizer.SiteEdits(
        edits.candidates(), pins, edits.existing(), edits.notes());
  }

  /**
   * Buys the least-cost set that holds {@code margin_h} on every route graph.
   *
   * @param routeGraphs one target column per route ({@link CorridorGraphs#columns}), in {@code
   *     routes} order
   * @param sites the sites with the types they may take (after the friendly-route and emplacement
   *     restrictions)
   * @param pinned site id → type the user pinned; {@code existing} those that already stand
   * @param countryOf per site, its home country (for the country budgets)
   * @throws SkydasProblem INFEASIBLE naming the route and case when no plan within the budget holds
   *     the margin there
   */
  static Outcome run(
      CorridorGraphs routeGraphs,
      List<Route> routes,
      double margin_h,
      Sites sites,
      Map<String, String> pinned,
      java.util.Set<String> existing,
      String[] countryOf,
      OptimizeOptions opt) {
    Programme programme = opt.programme();
    double yearMax = Arrays.stream(programme.yearCeilings_eur()).max().orElse(0);
    List<Opt> opts = new ArrayList<>();
    List<List<Integer>> bySite = new ArrayList<>();
    int[] fixedOpt = new int[sites.size()];
    Arrays.fill(fixedOpt, -1);
    boolean watch = opt.sensors().enabled();
    for (int s = 0; s < sites.size(); s++) {
      List<Integer> here = new ArrayList<>();
      String id = sites.get(s).id();
      String pin = pinned.get(id);
      for (ObstacleType t : sites.get(s).types()) {
        if (pin != null && !pin.equals(t.id())) {
          continue;
        }
        Obstacle o = new Obstacle(id, t.name(), t, null, sites.get(s).geometry_lks94(), 0);
        long cost =
            pin != null && existing.contains(id) ? 0 : ModelFactory.budgetCost_eur(o, programme);
        if (pin == null && (cost > yearMax || o.buildEffort_h() > programme.yearCapacity_h())) {
          continue; // fits no programme year: the model leaves it out too
        }
        if (pin != null) {
          fixedOpt[s] = opts.size();
        }
        here.add(opts.size());
        opts.add(new Opt(s, t, cost, t.mines().isMine(), watch ? t.unobservedDelayFactor() : 1));
      }
      bySite.add(here);
    }
    int nc = routeGraphs.cases().size();
    double margin_s = margin_h * 3600;
    List<Row> before = new ArrayList<>();
    int[] fixedPlan = fixedOpt.clone();
    for (int r = 0; r < routes.size(); r++) {
      for (int k = 0; k < nc; k++) {
        double t =
            MarginCover.shortest(routeGraphs.graph(k, r), k, routeGraphs, fixedPlan, opts, null);
        double floor = routes.get(r).transit_s()[k] + margin_s;
        before.add(
            new Row(
                routes.get(r).id(),
                routeGraphs.cases().get(k),
                routes.get(r).transit_s()[k],
                floor,
                t,
                t));
      }
    }
    load();
    CpModel m = new CpModel();
    BoolVar[] y = new BoolVar[opts.size()];
    for (int o = 0; o < opts.size(); o++) {
      y[o] = m.newBoolVar("y" + o);
    }
    for (int s = 0; s < sites.size(); s++) {
      List<Literal> xs = new ArrayList<>();
      for (int o : bySite.get(s)) {
        xs.add(y[o]);
      }
      if (xs.size() > 1) {
        m.addAtMostOne(xs);
      }
      if (fixedOpt[s] >= 0) {
        m.addEquality(y[fixedOpt[s]], 1);
      }
    }
    MarginCover.Budgets budgets = new MarginCover.Budgets(programme, opts, countryOf);
    LinearExprBuilder cost = LinearExpr.newBuilder();
    LinearExprBuilder mines = LinearExpr.newBuilder();
    Map<String, LinearExprBuilder> byCountry = new LinkedHashMap<>();
    for (String cc : programme.ceilings().byCountry_eur().keySet()) {
      byCountry.put(cc, LinearExpr.newBuilder());
    }
    for (int o = 0; o < opts.size(); o++) {
      Opt op = opts.get(o);
      cost.addTerm(y[o], op.cost_eur());
      if (op.mine()) {
        mines.addTerm(y[o], op.cost_eur());
      }
      LinearExprBuilder c = byCountry.get(countryOf[op.site()]);
      if (c != null) {
        c.addTerm(y[o], op.cost_eur());
      }
    }
    m.addLessOrEqual(cost, budgets.total);
    m.addLessOrEqual(mines, budgets.mines);
    for (var e : programme.ceilings().byCountry_eur().entrySet()) {
      m.addLessOrEqual(byCountry.get(e.getKey()), Math.round(e.getValue()));
    }
    m.minimize(cost);
    MarginCover.Paths paths =
        new MarginCover.Paths(routeGraphs, routes, margin_s, opts, bySite, m, y);
    long start = System.nanoTime();
    int rounds = 0;
    // phase 1: path generation with a greedy cover that only adds (the attacker only gets slower)
    int[] plan = fixedPlan.clone();
    int[] feasible = null;
    while (true) {
      if (!paths.generate(plan)) {
        feasible = plan;
        break;
      }
      if (paths.emptyRow) {
        throw infeasible(before, margin_h);
      }
      int[] next = MarginCover.greedy(plan, paths.rows, bySite, opts, budgets);
      if (next == null || ++rounds > MAX_ROUNDS || elapsed(start) > opt.timeLimit_s() / 2) {
        break; // CP-SAT decides below
      }
      plan = next;
    }
    // phase 2: CP-SAT on the rows found, hinted with the greedy plan, with more path generation
    boolean optimal = false;
    double bound = 0;
    if (feasible != null && paths.rows.isEmpty()) {
      optimal = true; // held already: nothing to buy
      bound = budgets.cost(feasible);
    }
    while (!optimal && elapsed(start) < opt.timeLimit_s()) {
      m.clearHints();
      if (feasible != null) {
        for (int o = 0; o < opts.size(); o++) {
          m.addHint(y[o], feasible[opts.get(o).site()] == o ? 1 : 0);
        }
      }
      CpSolver solver = new CpSolver();
      solver
          .getParameters()
          .setMaxTimeInSeconds(Math.max(1, Math.min(30, opt.timeLimit_s() - elapsed(start))))
          .setNumWorkers(Math.max(1, opt.threads()))
          .setRandomSeed(1)
          .setLogSearchProgress(false);
      CpSolverStatus st = solver.solve(m);
      if (st == CpSolverStatus.INFEASIBLE || st == CpSolverStatus.MODEL_INVALID) {
        throw infeasible(before, margin_h);
      }
      if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
        break;
      }
      bound = Math.max(bound, solver.bestObjectiveBound());
      int[] cand = new int[plan.length];
      Arrays.fill(cand, -1);
      for (int o = 0; o < opts.size(); o++) {
        if (solver.booleanValue(y[o])) {
          cand[opts.get(o).site()] = o;
        }
      }
      rounds++;
      if (!paths.generate(cand)) {
        if (feasible == null || budgets.cost(cand) <= budgets.cost(feasible)) {
          feasible = cand;
        }
        optimal = st == CpSolverStatus.OPTIMAL;
        break;
      }
      if (paths.emptyRow) {
        throw infeasible(before, margin_h);
      }
      if (feasible == null) {
        // repair the solver's plan greedily: a feasible plan to hint with and to fall back on
        int[] rep = cand;
        while (rep != null && paths.generate(rep) && !paths.emptyRow) {
          rep = MarginCover.greedy(rep, paths.rows, bySite, opts, budgets);
        }
        feasible = rep != null && !paths.generate(rep) ? rep : null;
      }
    }
    if (feasible == null) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          String.format(
              Locale.ROOT,
              "no set of obstacles holding a corridor margin of %.2f h was found in %.0f s (%d"
                  + " rounds): give more --time-limit-s or a smaller --min-corridor-margin-h",
              margin_h,
              elapsed(start),
              rounds));
    }
    plan = feasible;
    Map<String, String> pins = new LinkedHashMap<>();
    long spent = 0;
    for (int s = 0; s < plan.length; s++) {
      if (plan[s] >= 0 && fixedOpt[s] < 0) {
        pins.put(sites.get(s).id(), opts.get(plan[s]).type().id());
        spent += opts.get(plan[s]).cost_eur();
      }
    }
    long fixedCost = budgets.cost(fixedPlan);
    optimal &= budgets.cost(plan) <= Math.ceil(bound - 1e-6);
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (int r = 0; r < routes.size(); r++) {
      for (int k = 0; k < nc; k++) {
        Row b = before.get(i++);
        double t = MarginCover.shortest(routeGraphs.graph(k, r), k, routeGraphs, plan, opts, null);
        rows.add(new Row(b.route(), b.kase(), b.transit_s(), b.floor_s(), b.before_s(), t));
      }
    }
    return new Outcome(
        margin_h,
        pins,
        spent,
        optimal,
        rounds,
        rows,
        Math.max(0, (long) Math.ceil(bound - 1e-6) - fixedCost));
  }

  private static double elapsed(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static SkydasProblem infeasible(List<Row> before, double margin_h) {
    Row worst = before.get(0);
    for (Row r : before) {
      if (r.before_s() - r.floor_s() < worst.before_s() - worst.floor_s()) {
        worst = r;
      }
    }
    return new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "no plan within the budget holds a corridor margin of %.2f h: on route %s (%s) the"
                + " attacker cuts the convoy's path %.2f h after crossing, the convoy needs %.2f h;"
                + " the sites on the way cannot buy the %.2f h missing (more budget, more sites"
                + " with --sites, or a smaller --min-corridor-margin-h)",
            margin_h,
            worst.route(),
            worst.caseName(),
            worst.before_s() / 3600,
            worst.transit_s() / 3600,
            (worst.floor_s() - worst.before_s()) / 3600));
  }

  private static void load() {
    if (!loaded) {
      synchronized (MarginStep.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }
}
