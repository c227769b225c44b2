package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ReinforcementRoute;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.corridor.Gate;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;

/**
 * The optimisation pipeline: candidates (with the user's edits) → friendly-route restrictions →
 * corridor graphs → model → solver → phasing → plan → verification on the full model.
 */
public final class BarrierOptimizer {
  /**
   * The sites after the user's edits.
   *
   * @param candidates generated minus forbidden, plus added and existing
   * @param pinned type by candidate id for pinned and existing sites
   * @param existing ids of obstacles already built
   * @param notes what the edits did
   */
  public record SiteEdits(
      List<Candidate> candidates,
      Map<String, String> pinned,
      Set<String> existing,
      List<String> notes) {
    public static SiteEdits none(List<Candidate> candidates) {
      return new SiteEdits(candidates, Map.of(), Set.of(), List.of());
    }
  }

  private final AssessmentRegion assessRegion;
  private final AssessmentRegion graphRegion;
  private final List<Objective> objectives;
  private final ObstacleCatalog catalog;
  private final SpeedTable speeds;
  private final ModelSolver solver;

  /**
   * @param assessRegion the full model the plan is verified on
   * @param graphRegion the (usually coarser) model the corridor graphs are built on
   */
  public BarrierOptimizer(
      AssessmentRegion assessRegion,
      AssessmentRegion graphRegion,
      List<Objective> objectives,
      ObstacleCatalog catalog,
      SpeedTable speeds,
      ModelSolver solver) {
    this.assessRegion = assessRegion;
    this.graphRegion = graphRegion;
    this.objectives = List.copyOf(objectives);
    this.catalog = catalog;
    this.speeds = speeds;
    this.solver = solver;
  }

  public OptimizationResult run(
      SiteEdits edits, double candidates_s, OptimizeOptions opt, Progress progress) {
    List<String> notes = new ArrayList<>(edits.notes());
    List<Candidate> cands = edits.candidates();
    if (cands.isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          "no candidate site is left (all forbidden, or none fits the region and policy)");
    }
    List<SiteTypes> sites = new ArrayList<>();
    Map<String, Integer> siteIndex = new HashMap<>();
    for (Candidate c : cands) {
      List<ObstacleType> types = new ArrayList<>();
      for (String id : c.types()) {
        types.add(catalog.findType(id).orElseThrow(() -> new IllegalStateException(id)));
      }
      siteIndex.put(c.id(), sites.size());
      sites.add(new SiteTypes(c.id(), c.geometry_lks94(), types));
    }
    checkPinsFit(sites, siteIndex, edits, opt.programme());
    // corridor graphs
    long t0 = System.nanoTime();
    CorridorGraphBuilder builder =
        new CorridorGraphBuilder(graphRegion, objectives, speeds, progress);
    List<Gate> gates = builder.locate(sites, opt.chunk_m());
    List<CorridorGraphs.Case> cases = new ArrayList<>();
    for (VehicleClass v : opt.classes()) {
      for (Season s : opt.seasons()) {
        cases.add(new CorridorGraphs.Case(v, s));
      }
    }
    // friendly routes: only obstacles that open for friendly traffic may stand on them
    Set<Integer> onRoutes = new TreeSet<>();
    for (ReinforcementRoute r : ReinforcementRoute.defaults()) {
      for (VehicleClass v : List.of(VehicleClass.TRACKED, VehicleClass.WHEELED)) {
        onRoutes.addAll(
            builder.sitesOnRoute(gates, r.from(), r.to(), new CorridorGraphs.Case(v, Season.DRY)));
      }
    }
    for (int s : onRoutes) {
      SiteTypes st = sites.get(s);
      if (edits.existing().contains(st.id())) {
        continue; // it stands already: the routes are measured with it
      }
      String pin = edits.pinned().get(st.id());
      if (pin != null) {
        ObstacleType pt = catalog.findType(pin).orElseThrow();
        if (!pt.openable()) {
          throw new SkydasProblem(
              ProblemCode.INFEASIBLE,
              "pinned "
                  + pt.id()
                  + " at "
                  + st.id()
                  + " stands on a friendly reinforcement route: only obstacles that open for"
                  + " friendly traffic (control points, prepared demolitions) may stand there");
        }
      }
      List<ObstacleType> open = st.types().stream().filter(ObstacleType::openable).toList();
      sites.set(s, new SiteTypes(st.id(), st.geometry_lks94(), open));
    }
    if (!onRoutes.isEmpty()) {
      notes.add(
          onRoutes.size()
              + " sites lie on a friendly reinforcement route: only openable obstacles offered"
              + " there");
    }
    CorridorGraphs graphs =
        builder.build(
            gates,
            cases,
            opt.objectiveMode(),
            opt.linkRange_m(),
            opt.maxLinks(),
            opt.threads(),
            progress);
    double graphs_s = (System.nanoTime() - t0) / 1e9;
    for (String id : graphs.uncovered()) {
      notes.add(
          "objective "
              + id
              + " covers no cell of the corridor-graph model: not counted in the objective");
    }

    // the model
    Map<Integer, String> pinnedBySite = new HashMap<>();
    Set<Integer> existing = new TreeSet<>();
    for (Map.Entry<String, String> e : edits.pinned().entrySet()) {
      Integer s = siteIndex.get(e.getKey());
      if (s != null) {
        pinnedBySite.put(s, e.getValue());
        if (edits.existing().contains(e.getKey())) {
          existing.add(s);
        }
      }
    }
    Map<VehicleClass, Double> weights = new HashMap<>(opt.classWeights());
    ModelFactory.Built built =
        ModelFactory.build(
            sites,
            graphs,
            new ModelFactory.Fixed(pinnedBySite, existing),
            opt.programme(),
            weights,
            opt.robust());
    BarrierModel model = built.model();
    notes.addAll(built.notes());
    checkBudgetsAllowSomething(model, built);

    // solve and phase
    long t1 = System.nanoTime();
    ModelSolver.Solved solved =
        solver.solve(model, opt.timeLimit_s(), opt.gapTarget(), opt.threads(), progress);
    double solve_s = (System.nanoTime() - t1) / 1e9;
    ModelSolver.Phased phased =
        solver.phase(
            model, solved.chosen(), opt.programme(), built.buildEffort_h(), built.existing());
    boolean[] built_ = solved.chosen().clone();
    List<String> unscheduled = new ArrayList<>();
    for (int o : phased.unscheduled()) {
      BarrierModel.Option op = model.options().get(o);
      if (op.forced()) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s fits in no programme year (EUR %,d, %,.0f h) next to the"
                    + " other pinned obstacles: the yearly ceilings or the build capacity are"
                    + " too small",
                op.type(),
                sites.get(op.site()).id(),
                op.cost_eur(),
                built.buildEffort_h()[o]));
      }
      built_[o] = false;
      unscheduled.add(
          sites.get(model.options().get(o).site()).id() + " " + model.options().get(o).type());
    }
    List<Obstacle> obstacles = new ArrayList<>();
    Map<String, String> fixedStatus = new java.util.LinkedHashMap<>();
    double standing_eur = 0;
    for (int o = 0; o < built_.length; o++) {
      if (!built_[o]) {
        continue;
      }
      BarrierModel.Option op = model.options().get(o);
      Obstacle proto = built.obstacles().get(o);
      String id = sites.get(op.site()).id();
      if (built.existing()[o]) {
        fixedStatus.put(id, OptimizationResult.EXISTING);
        standing_eur += proto.cost_eur();
      } else if (op.forced()) {
        fixedStatus.put(id, OptimizationResult.PINNED);
      }
      obstacles.add(
          new Obstacle(
              id,
              String.format(Locale.ROOT, "%s at %s", proto.type().name(), id),
              proto.type(),
              lt.skydas.core.geo.Crs.lks94().toWgs84(proto.geometry_lks94()),
              proto.geometry_lks94(),
              Math.max(0, phased.yearOfOption()[o])));
    }
    long standing =
        fixedStatus.values().stream().filter(OptimizationResult.EXISTING::equals).count();
    if (standing > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%d existing obstacle%s (EUR %,.0f to build today) in the plan at no cost",
              standing,
              standing == 1 ? "" : "s",
              standing_eur));
    }
    BarrierPlan plan =
        new BarrierPlan("skydas optimize", "Optimised barrier plan", opt.policy(), obstacles);
    double[] planTimes = solver.scenarioTimes(model, built_);
    double[] emptyTimes = solver.scenarioTimes(model, new boolean[built_.length]);
    double modelObjective = solver.objective(model, built_);

    // verification on the full model
    long t2 = System.nanoTime();
    Assessor assessor = new Assessor(assessRegion, objectives, progress);
    AssessmentOptions ao =
        new AssessmentOptions(
            opt.classes(),
            opt.seasons(),
            speeds,
            1,
            1.5,
            3000,
            AssessmentOptions.Marginal.FAST,
            opt.threads(),
            opt.routeLimitPct());
    AssessmentResult verification = assessor.assess(plan, ao, progress);
    double verify_s = (System.nanoTime() - t2) / 1e9;
    // the model's times per case (nearest: the smallest over the case's scenarios) and objective
    int nk = cases.size();
    int[] sc = built.scenarioCase();
    int[] st = built.scenarioTarget();
    double[] modelBase = filled(nk, Double.POSITIVE_INFINITY);
    double[] modelPlan = filled(nk, Double.POSITIVE_INFINITY);
    // per case, objective id → the model's scenario toward that objective alone (EACH only)
    List<Map<String, Integer>> scenarioOf = new ArrayList<>();
    for (int k = 0; k < nk; k++) {
      scenarioOf.add(new HashMap<>());
    }
    for (int i = 0; i < sc.length; i++) {
      modelBase[sc[i]] = Math.min(modelBase[sc[i]], emptyTimes[i]);
      modelPlan[sc[i]] = Math.min(modelPlan[sc[i]], planTimes[i]);
      if (opt.objectiveMode() == ObjectiveMode.EACH) {
        scenarioOf.get(sc[i]).put(graphs.targets().get(st[i]).id(), i);
      }
    }
    // verified: per scenario the time to the nearest of its target's objectives, as the model
    double[] verifiedTimes = new double[sc.length];
    double[] verifiedEmpty = new double[sc.length];
    List<OptimizationResult.CaseTimes> caseTimes = new ArrayList<>();
    List<OptimizationResult.ObjectiveTimes> objectiveTimes = new ArrayList<>();
    for (int k = 0; k < nk; k++) {
      AssessmentResult.Case vc = verifiedCase(verification, cases.get(k));
      double vb = Double.POSITIVE_INFINITY;
      double vp = Double.POSITIVE_INFINITY;
      for (AssessmentResult.ObjectiveTime t : vc.times()) {
        vb = Math.min(vb, t.baseline_s());
        vp = Math.min(vp, t.plan_s());
      }
      caseTimes.add(
          new OptimizationResult.CaseTimes(
              cases.get(k).name(), modelBase[k], modelPlan[k], vb, vp));
      for (Objective o : objectives) {
        AssessmentResult.ObjectiveTime t = vc.time(o.id());
        Integer i = scenarioOf.get(k).get(o.id());
        objectiveTimes.add(
            new OptimizationResult.ObjectiveTimes(
                cases.get(k).name(),
                o.id(),
                o.name(),
                i == null ? Double.NaN : emptyTimes[i],
                i == null ? Double.NaN : planTimes[i],
                t.baseline_s(),
                t.plan_s()));
      }
    }
    for (int i = 0; i < sc.length; i++) {
      AssessmentResult.Case vc = verifiedCase(verification, cases.get(sc[i]));
      double vb = Double.POSITIVE_INFINITY;
      double vp = Double.POSITIVE_INFINITY;
      for (String id : graphs.targets().get(st[i]).objectiveIds()) {
        vb = Math.min(vb, vc.time(id).baseline_s());
        vp = Math.min(vp, vc.time(id).plan_s());
      }
      verifiedEmpty[i] = vb;
      verifiedTimes[i] = vp;
    }
    double verifiedObjective = objectiveOf(model, verifiedTimes);
    List<OptimizationResult.Year> years = new ArrayList<>();
    for (int y = 0; y < phased.spentByYear_eur().length; y++) {
      years.add(
          new OptimizationResult.Year(
              y + 1, phased.spentByYear_eur()[y], phased.objectiveByYear()[y]));
    }
    long arcs = 0;
    for (List<GateGraph> row : graphs.graphs()) {
      for (GateGraph g : row) {
        arcs += g.arcCount();
      }
    }
    OptimizationResult.Stats stats =
        new OptimizationResult.Stats(
            cands.size(),
            sites.size(),
            model.options().size(),
            gates.size(),
            model.scenarios().size(),
            arcs,
            candidates_s,
            graphs_s,
            solve_s,
            verify_s);
    return new OptimizationResult(
        plan,
        solved,
        opt.objectiveMode(),
        caseTimes,
        objectiveTimes,
        objectiveOf(model, emptyTimes),
        modelObjective,
        verifiedObjective,
        objectiveOf(model, verifiedEmpty),
        years,
        unscheduled,
        verification,
        stats,
        notes,
        fixedStatus);
  }

  private static AssessmentResult.Case verifiedCase(AssessmentResult r, CorridorGraphs.Case c) {
    return r.cases().stream()
        .filter(x -> x.vehicle() == c.vehicle() && x.season() == c.season())
        .findFirst()
        .orElseThrow();
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /**
   * The model's objective for given scenario times (same weights and aggregation): {@code Σ_g w_g ·
   * agg_g(times)}, as {@code ModelIndex.objective} computes it for the solvers.
   */
  static double objectiveOf(BarrierModel m, double[] times) {
    double total = 0;
    for (int g = 0; g < m.groups().size(); g++) {
      BarrierModel.Group grp = m.groups().get(g);
      double agg = grp.aggregate() == BarrierModel.Aggregate.MIN ? Double.POSITIVE_INFINITY : 0;
      int n = 0;
      for (int k = 0; k < m.scenarios().size(); k++) {
        if (m.scenarios().get(k).group() != g) {
          continue;
        }
        n++;
        agg =
            grp.aggregate() == BarrierModel.Aggregate.MIN
                ? Math.min(agg, times[k])
                : agg + times[k];
      }
      if (n > 0) {
        total += grp.weight() * (grp.aggregate() == BarrierModel.Aggregate.MIN ? agg : agg / n);
      }
    }
    return total;
  }

  /**
   * Pins that alone break a budget row (as {@link ModelFactory} costs them) or fit in no programme
   * year fail here, before the corridor graphs are built. Pins must name a site and one of its
   * types (the {@code SiteEdits} reader checks that for the user).
   */
  private static void checkPinsFit(
      List<SiteTypes> sites, Map<String, Integer> siteIndex, SiteEdits edits, Programme p) {
    List<Obstacle> pins = new ArrayList<>();
    long total = 0;
    long mines = 0;
    long hours = 0;
    for (Map.Entry<String, String> e : edits.pinned().entrySet()) {
      Integer s = siteIndex.get(e.getKey());
      SiteTypes st = s == null ? null : sites.get(s);
      ObstacleType t =
          st == null
              ? null
              : st.types().stream()
                  .filter(x -> x.id().equals(e.getValue()))
                  .findFirst()
                  .orElse(null);
      if (t == null) {
        throw new IllegalArgumentException(
            "pin " + e.getKey() + " as " + e.getValue() + " names no site with that type");
      }
      if (edits.existing().contains(e.getKey())) {
        continue;
      }
      Obstacle o = new Obstacle(st.id(), t.name(), t, null, st.geometry_lks94(), 0);
      pins.add(o);
      total += costOf(o, p);
      mines += t.mines().isMine() ? Math.round(o.cost_eur()) : 0;
      hours += Math.round(o.buildEffort_h());
    }
    if (total > Math.round(p.spendable_eur())) {
      throw pinsExceed("total budget", total, Math.round(p.spendable_eur()));
    }
    if (mines > Math.round(p.mines_eur())) {
      throw pinsExceed("mine ceiling", mines, Math.round(p.mines_eur()));
    }
    if (Double.isFinite(p.yearCapacity_h())) {
      long cap = Math.round(p.yearCapacity_h() * p.years());
      if (hours > cap) {
        throw pinsExceed("build capacity", hours, cap);
      }
    }
    // ceilings and capacity do not carry over: each pin must fit in one year
    double maxCeiling = 0;
    for (double c : p.yearCeilings_eur()) {
      maxCeiling = Math.max(maxCeiling, Math.floor(c));
    }
    for (Obstacle o : pins) {
      long cost = costOf(o, p);
      if (cost > maxCeiling) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s costs EUR %,d, more than any programme year allows (yearly"
                    + " ceiling at most EUR %,.0f); raise the ceilings or unpin it",
                o.type().id(),
                o.id(),
                cost,
                maxCeiling),
            Map.of("constraint", "yearly ceiling", "required", cost, "limit", maxCeiling));
      }
      if (o.buildEffort_h() > p.yearCapacity_h()) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                Locale.ROOT,
                "pinned %s at %s needs %,.0f h to build, more than the yearly build capacity of"
                    + " %,.0f h; raise the capacity or unpin it",
                o.type().id(),
                o.id(),
                o.buildEffort_h(),
                p.yearCapacity_h()),
            Map.of("constraint", "build capacity", "required", o.buildEffort_h()));
      }
    }
  }

  /** What an option costs against the budget, as {@link ModelFactory} charges it. */
  private static long costOf(Obstacle o, Programme p) {
    return Math.round(o.cost_eur() + (p.countClearance() ? o.clearanceCost_eur() : 0));
  }

  private static SkydasProblem pinsExceed(String row, long need, long limit) {
    boolean h = row.equals("build capacity");
    return new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "pinned obstacles need %s%,d%s of the %s but only %s%,d%s is available; unpin some or"
                + " raise the limit",
            h ? "" : "EUR ",
            need,
            h ? " h" : "",
            row,
            h ? "" : "EUR ",
            limit,
            h ? " h" : ""),
        Map.of("constraint", row, "required", need, "limit", limit));
  }

  /** A budget that cannot pay for even the cheapest obstacle is an error, not an empty plan. */
  private static void checkBudgetsAllowSomething(BarrierModel m, ModelFactory.Built built) {
    for (BarrierModel.Budget b : m.budgets()) {
      long forced = 0;
      for (int o = 0; o < m.options().size(); o++) {
        if (m.options().get(o).forced()) {
          forced += b.coefficient()[o];
        }
      }
      if (forced > b.limit()) {
        throw pinsExceed(b.name(), forced, b.limit());
      }
    }
    long cheapest = Long.MAX_VALUE;
    int cheapestOption = -1;
    for (int o = 0; o < m.options().size(); o++) {
      if (m.options().get(o).forced()) {
        continue;
      }
      boolean fits = true;
      for (BarrierModel.Budget b : m.budgets()) {
        fits &= b.coefficient()[o] <= b.limit();
      }
      if (fits) {
        return;
      }
      if (m.options().get(o).cost_eur() < cheapest) {
        cheapest = m.options().get(o).cost_eur();
        cheapestOption = o;
      }
    }
    if (cheapestOption < 0) {
      return; // nothing but pins: the plan is the pins
    }
    BarrierModel.Option c = m.options().get(cheapestOption);
    String binding = "total budget";
    for (BarrierModel.Budget b : m.budgets()) {
      if (b.coefficient()[cheapestOption] > b.limit()) {
        binding = b.name();
        break;
      }
    }
    throw new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "the %s is too small for any obstacle: the cheapest (%s at %s) costs EUR %,d",
            binding,
            c.type(),
            m.sites().get(c.site()),
            c.cost_eur()));
  }
}
