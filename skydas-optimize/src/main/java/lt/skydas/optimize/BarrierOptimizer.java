package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Objective;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.ForcesReader;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.corridor.Gate;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.solve.ModelObjective;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;

/**
 * The optimisation pipeline: candidates (with the user's edits) → friendly-route restrictions →
 * corridor graphs → sensor candidates → model → solver → phasing → plan → verification on the full
 * model. Each step is its own class with an output record (see {@link #run} and {@code
 * skydas-optimize/package.md}). The optimiser keeps no state between runs.
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
  private final SensorCatalog sensorCatalog;

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
    this.sensorCatalog = SensorCatalog.defaults();
  }

  /**
   * Runs the pipeline's steps: sites from the edited candidates ({@link Sites}); early checks of
   * the pins ({@link BudgetChecks}); gates and friendly-route restriction ({@link FriendlyRoutes});
   * corridor graphs; the model ({@link ModelStep}); solve and phase ({@link SolveStep}); the plan
   * ({@link PlanStep}); verification on the full model ({@link VerifyStep}).
   *
   * @param candidates_s time the caller spent generating the candidates (for the statistics)
   * @throws SkydasProblem INFEASIBLE when no candidate is left, pins cannot hold, the budget pays
   *     for nothing or no objective is reachable
   */
  public OptimizationResult run(
      SiteEdits edits, double candidates_s, OptimizeOptions opt, Progress progress) {
    return run(edits, candidates_s, opt, ProtectOptions.none(), WarningOptions.none(), progress);
  }

  /**
   * The options' values that depend on the region, checked before any work: each country budget
   * names a home country of {@code region}.
   *
   * @throws SkydasProblem USAGE with the field ({@link OptionProblems#FIELD}) and the home
   *     countries
   */
  public static void checkFor(OptimizeOptions opt, AssessmentRegion region) {
    CountryBudgets.check(opt.programme(), region);
    if (opt.hasCorridorMargin() && region.definition().friendlyRoutes().isEmpty()) {
      throw OptionProblems.invalid(
          ProblemCode.USAGE,
          "min_corridor_margin_h",
          "needs a friendly route in the region, and region "
              + region.definition().name()
              + " has none (its file's friendly_routes)");
    }
  }

  /**
   * As {@link #run(SiteEdits, double, OptimizeOptions, Progress)}, first buying the EW and
   * counter-drone sites that protect {@code protect}'s named sites ({@link ProtectionStep}) and
   * optimising the barrier on the money left; then, for a minimum warning time ({@code warning}),
   * buying the sensors that see each verified avenue early enough with the money the barrier left
   * ({@link WarningStep}) and verifying the plan again with them.
   */
  public OptimizationResult run(
      SiteEdits edits,
      double candidates_s,
      OptimizeOptions asked,
      ProtectOptions protect,
      WarningOptions warning,
      Progress progress) {
    return run(edits, candidates_s, asked, protect, warning, null, progress);
  }

  /**
   * As above, with the forces that put reserved and crisis-laid obstacles in place ({@link
   * EmplacementStep}, when {@code asked.emplacement()} is on); null: the options' forces file, else
   * the shipped forces (positions checked against the region's grid only: callers with the country
   * raster read the file themselves, as the command line does).
   */
  public OptimizationResult run(
      SiteEdits edits,
      double candidates_s,
      OptimizeOptions asked,
      ProtectOptions protect,
      WarningOptions warning,
      Forces forces,
      Progress progress) {
    CountryBudgets.check(asked.programme(), assessRegion);
    CountryBudgets.CountryOf countries = new CountryBudgets.CountryOf(assessRegion);
    ProtectionStep.Outcome guarded =
        ProtectionStep.run(
            assessRegion, protect, asked.programme(), sensorCatalog, asked.threads(), progress);
    OptimizeOptions opt =
        guarded.protection().enabled()
            ? asked.withProgramme(
                asked
                    .programme()
                    .less(
                        guarded.byYear_eur(),
                        CountryBudgets.byCountry(
                            guarded.protection().chosen(), asked.programme().years(), countries)))
            : asked;
    List<String> notes = new ArrayList<>(edits.notes());
    notes.addAll(guarded.protection().notes());
    if (edits.candidates().isEmpty()) {
      throw new SkydasProblem(
          ProblemCode.INFEASIBLE,
          "no candidate site is left (all forbidden, or none fits the region and policy)");
    }
    Sites sites = Sites.of(edits.candidates(), catalog);
    BudgetChecks.checkPinsFit(sites, edits, opt.programme());
    // corridor graphs, on the sites restricted to openable types on friendly routes
    long t0 = System.nanoTime();
    CorridorGraphBuilder builder =
        new CorridorGraphBuilder(graphRegion, objectives, speeds, progress);
    List<Gate> gates = builder.locate(sites.list(), opt.chunk_m());
    FriendlyRoutes.Restricted restricted =
        FriendlyRoutes.restrict(
            sites, FriendlyRoutes.sitesOnRoutes(builder, gates), edits, catalog);
    notes.addAll(restricted.notes());
    List<CorridorGraphs.Case> cases = casesOf(opt);
    MarginRoutes.Routes marginRoutes =
        opt.hasCorridorMargin() ? MarginRoutes.locate(builder, cases) : MarginRoutes.Routes.none();
    CorridorGraphs both =
        builder.build(
            gates,
            cases,
            opt.objectiveMode(),
            opt.linkRange_m(),
            opt.maxLinks(),
            opt.threads(),
            progress,
            marginRoutes.sinks());
    int nObj = both.targets().size() - marginRoutes.sinks().size();
    CorridorGraphs graphs = both.columns(0, nObj);
    double graphs_s = (System.nanoTime() - t0) / 1e9;
    // on-warning options the forces cannot put in place in time leave the model
    Emplaced emplaced = emplace(restricted.sites(), graphs, edits, opt, forces, progress);
    restricted =
        new FriendlyRoutes.Restricted(emplaced.sites(), restricted.onRoutes(), restricted.notes());
    notes.addAll(emplaced.notes());
    for (String id : graphs.uncovered()) {
      notes.add(
          "objective "
              + id
              + " covers no cell of the corridor-graph model: not counted in the objective");
    }
    // the least-cost obstacles that hold the minimum corridor margin become pins
    MarginStep.Outcome margin =
        opt.hasCorridorMargin()
            ? MarginStep.run(
                both.columns(nObj, both.targets().size()),
                marginRoutes.routes(),
                restricted.sites(),
                edits,
                countries,
                opt)
            : MarginStep.Outcome.none();
    edits = MarginStep.withPins(edits, margin);
    // sensor candidates near the sites and what each would watch (the full model's surface)
    long t1 = System.nanoTime();
    List<SensorCandidate> sensors =
        SensorCandidates.generate(
            assessRegion,
            restricted.sites().list(),
            opt.sensors(),
            sensorCatalog,
            opt.programme().years(),
            opt.threads());
    double sensors_s = (System.nanoTime() - t1) / 1e9;
    if (opt.sensors().enabled() && sensors.isEmpty()) {
      notes.add("no sensor candidate watches any site: obstacles are planned without sensors");
    }
    // the model, solved and phased, as a plan
    ModelFactory.Built built =
        ModelStep.build(
            restricted.sites(),
            graphs,
            edits,
            opt,
            sensors,
            emplaced.rows(),
            emplaced.storage(),
            emplaced.warnings());
    String[] optionCountry = CountryBudgets.optionCountries(built, countries);
    built = CountryBudgets.withRows(built, opt.programme(), optionCountry);
    notes.addAll(built.notes());
    BarrierModel model = built.model();
    SolveStep.Solution solution = SolveStep.run(solver, built, opt, progress);
    boolean[] chosen = solution.built();
    PlanStep.MadePlan made =
        PlanStep.make(
                built, chosen, solution.phased().yearOfOption(), opt.policy(), assessRegion.crs())
            .withSensors(guarded.protection().chosen())
            .withStatus(margin.pins().keySet(), OptimizationResult.CORRIDOR_MARGIN);
    notes.addAll(made.notes());
    double[] planTimes = solver.scenarioTimes(model, chosen);
    double[] emptyTimes = solver.scenarioTimes(model, new boolean[chosen.length]);
    double modelObjective = solver.objective(model, chosen);
    // verification on the full model
    long t2 = System.nanoTime();
    AssessmentResult verification =
        VerifyStep.assess(assessRegion, objectives, speeds, made.plan(), opt, progress);
    EvacuationStep.Repair evac =
        EvacuationStep.repair(
            assessRegion, objectives, speeds, verification, built, chosen, progress);
    if (evac.changed()) { // no settlement cut off: remake the plan without the closures, verify
      chosen = evac.chosen();
      notes.add(evac.note());
      made =
          PlanStep.make(
                  built, chosen, solution.phased().yearOfOption(), opt.policy(), assessRegion.crs())
              .withSensors(guarded.protection().chosen())
              .withStatus(margin.pins().keySet(), OptimizationResult.CORRIDOR_MARGIN);
      planTimes = solver.scenarioTimes(model, chosen);
      modelObjective = solver.objective(model, chosen);
      verification =
          VerifyStep.assess(assessRegion, objectives, speeds, made.plan(), opt, progress);
    }
    WarningResult warned = WarningResult.none();
    List<SensorSite> warningSensors = List.of();
    double[] extraByYear = guarded.byYear_eur().clone();
    if (warning.enabled()) {
      WarningStep.Outcome w =
          warnStep(warning, verification, made, built, chosen, solution.phased(), opt, progress);
      List<WarningResult.Row> verifiedRows = w.rows();
      if (!w.added().isEmpty()) {
        warningSensors = w.added();
        made = made.withSensors(w.added());
        extraByYear[w.added().get(0).year() - 1] += w.cost_eur();
        verification =
            VerifyStep.assess(assessRegion, objectives, speeds, made.plan(), opt, progress);
        verifiedRows =
            WarningStep.check(
                assessRegion, verification, made.plan().sensors(), warning, opt.threads());
      }
      warned =
          new WarningResult(
              w.added(), w.cost_eur(), w.candidates(), w.optimal(), w.rows(), verifiedRows);
    }
    Protection protection = guarded.protection();
    if (protection.enabled()) {
      protection =
          protection.withVerified(
              ProtectionStep.verify(
                  assessRegion, made.plan().sensors(), protection.points(), opt.threads()));
    }
    double verify_s = (System.nanoTime() - t2) / 1e9;
    VerifyStep.Compared compared =
        VerifyStep.compare(
            built, graphs, objectives, opt.objectiveMode(), verification, planTimes, emptyTimes);
    OptimizationResult.Stats stats =
        new OptimizationResult.Stats(
            edits.candidates().size(),
            sites.size(),
            model.options().size(),
            gates.size(),
            model.scenarios().size(),
            arcCount(graphs),
            candidates_s,
            graphs_s,
            solution.solve_s(),
            verify_s);
    return new OptimizationResult(
        made.plan(),
        solution.solved(),
        opt.objectiveMode(),
        compared.cases(),
        compared.objectiveTimes(),
        ModelObjective.of(model).value(emptyTimes),
        modelObjective,
        compared.verifiedObjective(),
        compared.verifiedEmptyObjective(),
        years(solution.phased(), extraByYear),
        solution.unscheduled(),
        verification,
        stats,
        notes,
        made.fixedStatus(),
        new OptimizationResult.Sensors(
            sensors.size(), made.watched(), sensorCost_eur(built, chosen), sensors_s),
        ModelPaths.of(model, chosen),
        protection,
        warned,
        onWarning(opt, emplaced, built, chosen, made.plan(), compared, progress),
        margin,
        CountryBudgets.spend(
            asked.programme(),
            built,
            chosen,
            optionCountry,
            guarded.protection().chosen(),
            warningSensors,
            countries));
  }

  /**
   * The emplacement outcome for the chosen options; with {@code --verify-emplacement}, checked by
   * the timeline and the race on the final plan ({@link EmplacementCheck}).
   */
  private OnWarning onWarning(
      OptimizeOptions opt,
      Emplaced emplaced,
      ModelFactory.Built built,
      boolean[] chosen,
      lt.skydas.plan.BarrierPlan plan,
      VerifyStep.Compared compared,
      Progress progress) {
    if (emplaced.step() == null) {
      return OnWarning.none();
    }
    progress.begin("delay against warning time (model)", 1);
    Forces forces = emplaced.built(built, chosen);
    OnWarning w =
        OnWarning.of(
                opt.emplacement(),
                forces,
                emplaced.input().forces(),
                emplaced.step(),
                built,
                chosen)
            .withCurve(
                WarningCurve.of(
                    built.warnings().primaryModel(),
                    chosen,
                    emplaced.input().withForces(forces),
                    opt.emplacement().warning_h(),
                    opt.threads()));
    progress.end();
    ScenarioWarnings sw = built.warnings();
    if (sw.many()) {
      double[] at =
          sw.objectiveByWarning(built.model(), solver.scenarioTimes(built.model(), chosen));
      double[] none =
          sw.objectiveByWarning(
              built.model(), solver.scenarioTimes(built.model(), new boolean[chosen.length]));
      List<OnWarning.AtWarning> robust = new ArrayList<>();
      for (int i = 0; i < at.length; i++) {
        robust.add(new OnWarning.AtWarning(sw.hours()[i], at[i], none[i], i == sw.primary()));
      }
      w = w.withRobust(robust);
    }
    if (!opt.emplacement().verify()) {
      return w;
    }
    return w.withCheck(
        EmplacementCheck.run(
            assessRegion, objectives, speeds, plan, forces, opt, compared.cases(), progress));
  }

  /**
   * The sites after {@link EmplacementStep}, its capacity rows, outcome (null: off), the depots'
   * storage rows and notes.
   *
   * @param input the step's input with every depot site built (the road travel to each)
   * @param forces the forces as given (their depots, and the depot sites as candidates)
   */
  private record Emplaced(
      Sites sites,
      List<ModelFactory.WorkRow> rows,
      EmplacementStep.Input input,
      EmplacementStep.Outcome step,
      Forces forces,
      DepotStorage storage,
      PlanningWarnings warnings,
      List<String> notes) {

    /** The forces with the depot sites the plan builds. */
    Forces built(ModelFactory.Built built, boolean[] chosen) {
      List<String> ids = new ArrayList<>();
      for (int o = 0; o < chosen.length; o++) {
        if (chosen[o] && built.depot(o) != null) {
          ids.add(built.depot(o).id());
        }
      }
      return forces.withBuilt(ids);
    }
  }

  /**
   * Pipeline step "emplacement at the planning warning": the attacker's no-plan arrivals at the
   * sites from the corridor graphs ({@link SiteArrivals}), the forces' road travel ({@link
   * ForcesTravel}, on the graph region's roads), then {@link EmplacementStep}.
   */
  private Emplaced emplace(
      Sites sites,
      CorridorGraphs graphs,
      SiteEdits edits,
      OptimizeOptions opt,
      Forces given,
      Progress progress) {
    EmplacementOptions eo = opt.emplacement();
    if (!eo.enabled()) {
      return new Emplaced(
          sites,
          List.of(),
          null,
          null,
          null,
          DepotStorage.none(),
          PlanningWarnings.single(),
          List.of());
    }
    Forces forces = given != null ? given : forces(eo);
    long t0 = System.nanoTime();
    progress.begin("emplacement at " + eo.warning_h() + " h of warning", 1);
    double[] arrival = SiteArrivals.earliest_s(graphs, sites.size());
    // road travel to every depot and depot site, so the forces with the sites the plan builds
    // reuse it
    Forces every =
        forces.withBuilt(forces.depotSites().stream().map(Forces.DepotSite::id).toList());
    List<EmplacementStep.Travel> travel =
        ForcesTravel.of(
            new lt.skydas.assess.Assessor(graphRegion, objectives, Progress.NONE),
            speeds,
            every,
            sites.list(),
            opt.seasons(),
            opt.threads());
    EmplacementStep.Input everyInput =
        new EmplacementStep.Input(
            sites.list(),
            ModelStep.fixed(sites, edits).typeBySite().keySet(),
            arrival,
            every,
            travel,
            eo.warning_h());
    // an option counts as in time through a depot site too: the storage rows make the plan build
    // a site where the standing depots have no room (the curve and the check use what is built)
    EmplacementStep.Planned planned = EmplacementStep.run(everyInput, eo.warnings_h());
    EmplacementStep.Outcome out = planned.outcome();
    progress.end();
    List<String> notes = new ArrayList<>(out.notes());
    int dropped = out.dropped().stream().mapToInt(EmplacementStep.Dropped::count).sum();
    double[] hours = eo.warnings_h();
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "emplacement at %.1f h of warning%s: %d on-warning options the forces cannot put in"
                + " place before the attacker comes left out of the model; %d capacity rows"
                + " (%.1f s)",
            eo.warning_h(),
            hours.length > 1
                ? " (the objective the mean over "
                    + java.util.Arrays.toString(hours).replace(".0", "")
                    + " h)"
                : "",
            dropped,
            out.rows().size(),
            (System.nanoTime() - t0) / 1e9));
    return new Emplaced(
        new Sites(out.sites(), sites.indexById()),
        out.rows(),
        everyInput,
        out,
        forces,
        EmplacementStep.storage(out, forces),
        planned.warnings(),
        notes);
  }

  /** The options' forces file, or the shipped forces; positions must lie on the region's grid. */
  private Forces forces(EmplacementOptions eo) {
    Set<String> teamTypes = new java.util.TreeSet<>();
    for (lt.skydas.plan.ObstacleType t : catalog.listTypes()) {
      teamTypes.addAll(t.emplacement().workH_perUnit().keySet());
    }
    ForcesReader reader =
        new ForcesReader(
            teamTypes, (x, y) -> assessRegion.grid().cellAt(x, y) >= 0, assessRegion.grid().epsg());
    return eo.forcesFile() == null ? reader.defaults() : reader.read(eo.forcesFile());
  }

  /**
   * The minimum-warning step on the verified plan, with the money the barrier left: the total row's
   * slack, the sensor ceiling's, and the room in the year with the most room left (the earliest of
   * those), where the sensors are bought.
   */
  private WarningStep.Outcome warnStep(
      WarningOptions warning,
      AssessmentResult verification,
      PlanStep.MadePlan made,
      ModelFactory.Built built,
      boolean[] chosen,
      ModelSolver.Phased phased,
      OptimizeOptions opt,
      Progress progress) {
    BarrierModel.Budget total = built.model().budgets().get(0);
    double used = 0;
    for (int o = 0; o < chosen.length; o++) {
      used += chosen[o] ? total.coefficient()[o] : 0;
    }
    double money = total.limit() - used;
    money = Math.min(money, opt.sensors().max_eur() - sensorCost_eur(built, chosen));
    double[] ceilings = opt.programme().yearCeilings_eur();
    int year = 0;
    double room = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < ceilings.length; y++) {
      double r =
          ceilings[y] - (y < phased.spentByYear_eur().length ? phased.spentByYear_eur()[y] : 0);
      if (r > room) {
        room = r;
        year = y;
      }
    }
    return WarningStep.run(
        assessRegion,
        verification,
        made.plan().sensors(),
        warning,
        sensorCatalog,
        Math.min(money, room),
        opt.programme().years(),
        year + 1,
        opt.threads(),
        progress);
  }

  /** What the chosen sensors cost against the budget (purchase plus upkeep), EUR. */
  private static double sensorCost_eur(ModelFactory.Built built, boolean[] chosen) {
    double eur = 0;
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o] && built.sensor(o) != null) {
        eur += built.sensor(o).cost_eur();
      }
    }
    return eur;
  }

  /** Every vehicle class × season of the options, classes outermost. */
  static List<CorridorGraphs.Case> casesOf(OptimizeOptions opt) {
    List<CorridorGraphs.Case> cases = new ArrayList<>();
    for (VehicleClass v : opt.classes()) {
      for (Season s : opt.seasons()) {
        cases.add(new CorridorGraphs.Case(v, s));
      }
    }
    return cases;
  }

  /** Per year: what the barrier spends plus what the protection step takes ({@code extra_eur}). */
  private static List<OptimizationResult.Year> years(
      ModelSolver.Phased phased, double[] extra_eur) {
    List<OptimizationResult.Year> years = new ArrayList<>();
    for (int y = 0; y < phased.spentByYear_eur().length; y++) {
      double extra = y < extra_eur.length ? extra_eur[y] : 0;
      years.add(
          new OptimizationResult.Year(
              y + 1, phased.spentByYear_eur()[y] + extra, phased.objectiveByYear()[y]));
    }
    return years;
  }

  private static long arcCount(CorridorGraphs graphs) {
    long arcs = 0;
    for (List<GateGraph> row : graphs.graphs()) {
      for (GateGraph g : row) {
        arcs += g.arcCount();
      }
    }
    return arcs;
  }
}
