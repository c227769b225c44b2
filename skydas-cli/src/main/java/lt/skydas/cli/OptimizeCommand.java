package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.Forces;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.BarrierOptimizer;
import lt.skydas.optimize.Candidate;
import lt.skydas.optimize.CandidateGenerator;
import lt.skydas.optimize.Limits;
import lt.skydas.optimize.LimitsFinder;
import lt.skydas.optimize.OptimizationResult;
import lt.skydas.optimize.OptimizationWriter;
import lt.skydas.optimize.OptimizeOptions;
import lt.skydas.optimize.OptionProblems;
import lt.skydas.optimize.ProtectOptions;
import lt.skydas.optimize.WarningOptions;
import lt.skydas.optimize.edits.SiteEditsReader;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ObstacleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Computes the barrier plan that buys the most delay for the money. */
@Command(
    name = "optimize",
    mixinStandardHelpOptions = true,
    description = {
      "Choose where obstacles go, year by year, under the budget and the hard humanitarian",
      "constraints, so that the attacker's time to the objectives grows most. Solves on a corridor",
      "graph contracted from the movement model, proves a bound, re-verifies the plan on the full",
      "model, and writes plan.geojson (readable by `skydas assess`), phasing.csv,",
      "optimization.json and report.html.",
      "%nThe objective: per vehicle class, the attacker's time to each objective relative to",
      "its unobstructed time, in the worst season (or the mean with --mean-season), averaged",
      "over the objectives and weighted by --weights. With --objective-mode nearest only the",
      "time to the nearest objective counts (one objective no site can delay then caps the",
      "whole plan).",
      "%nWith --sites FILE (GeoJSON, WGS84) you edit the candidates. Each feature has",
      "properties.action: `add` (geometry + type or types: a new site), `forbid`",
      "(candidate id, or a geometry: every candidate it meets), `pin` (candidate id",
      "+ type: built in every plan) or `existing` (geometry + type: already built,",
      "in every plan at no cost). Candidate ids come from `skydas candidates` run",
      "with the same region, --belts-km and policy."
    })
final class OptimizeCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin RegionOptions region = new RegionOptions();

  @Mixin ProgrammeOptions programme = new ProgrammeOptions();

  @Option(
      names = "--graph-cell-size",
      paramLabel = "M",
      description =
          "Cell size of the model the corridor graph is built on (default 200 for the shipped"
              + " region, or the --region pack itself).")
  Double graphCell;

  @Option(names = "--objectives", paramLabel = "FILE", description = "Objectives GeoJSON.")
  Path objectives;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Obstacle catalog JSON.")
  Path catalog;

  @Option(
      names = "--sites",
      paramLabel = "FILE",
      description =
          "Candidate edits (GeoJSON): add, forbid or pin sites; existing obstacles count as built.")
  Path sites;

  @Mixin ProtectArgs protect = new ProtectArgs();

  @Option(names = "--quiet", description = "Print only errors and the report path.")
  boolean quiet;

  @Override
  public Integer call() {
    OptimizeOptions opt = programme.options();
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    Run run;
    try {
      run = run(region, graphCell, opt, objectives, catalog, sites, protect, progress);
    } catch (SkydasProblem p) {
      throw OptionProblems.named(p, null, ProgrammeOptions::optionName); // an option's field
    }
    Path report = OptimizationWriter.write(out, run.result(), run.region(), run.limits());
    System.out.println("Policy: " + run.result().plan().policy().summary());
    if (!quiet) {
      print(run.result());
      printLimits(run.limits());
    }
    System.out.println("Report: " + report.toAbsolutePath());
    return routeLimitsHeld(run.result().verification(), out);
  }

  /**
   * The friendly-route limit is a hard constraint. Sites on the routes get only openable obstacles,
   * but the routes are located on the coarse graph model; should the verification on the full model
   * find a route over its limit, the run fails with one line per route (exit 6) after the outputs
   * are written for review.
   */
  static int routeLimitsHeld(AssessmentResult verification, Path out) {
    int broken = 0;
    for (AssessmentResult.RouteTime t : verification.reinforcement()) {
      if (!t.withinLimit()) {
        broken++;
        System.err.printf(
            Locale.ROOT,
            "skydas: the plan slows the friendly route %s (%s) by %.1f %%, over the %.0f %%"
                + " limit; outputs in %s are for review only%n",
            t.name(),
            t.season().id(),
            t.increasePct(),
            t.limitPct(),
            out);
      }
    }
    return broken == 0 ? 0 : ProblemCode.INFEASIBLE.exitCode();
  }

  /** An optimisation and the region it was verified on. */
  record Run(OptimizationResult result, AssessmentRegion region, Limits limits) {}

  /** Loads the regions, generates and edits candidates, optimises and verifies. */
  static Run run(
      RegionOptions region,
      Double graphCell,
      OptimizeOptions opt,
      Path objectives,
      Path catalog,
      Path sites,
      ProtectArgs protect,
      Progress progress) {
    if (sites != null && !Files.isRegularFile(sites)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, sites + ": no such file", Map.of("file", sites.toString()));
    }
    RegionStore.Loaded loaded = region.load(progress);
    AssessmentRegion ar = loaded.region();
    BarrierOptimizer.checkFor(opt, ar);
    ProtectOptions guard = protect.options(ar.grid());
    AssessmentRegion gr = ar;
    if (region.pack == null) {
      double cell = region.cellSize == null ? 100 : region.cellSize;
      double g = graphCell == null ? Math.max(cell, 200) : graphCell;
      if (g != cell) {
        RegionOptions ro = new RegionOptions();
        ro.cellSize = g;
        ro.startDepth_m = region.startDepth_m;
        gr = ro.load(progress).region();
      }
    } else if (graphCell != null) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--graph-cell-size applies to the default region only");
    }
    List<Objective> objs =
        objectives == null
            ? ObjectivesReader.of(ar.definition())
            : ObjectivesReader.read(objectives, ar.extent(), ar.grid().epsg());
    ObstacleCatalog cat =
        catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog);
    HumanitarianCheck hc = ar.humanitarian();
    long t0 = System.nanoTime();
    CandidateGenerator generator =
        new CandidateGenerator(loaded.pack(), cat, SpeedTable.defaults(), hc);
    List<Candidate> cs = generator.generate(opt.candidates(), progress);
    double candidates_s = (System.nanoTime() - t0) / 1e9;
    BarrierOptimizer.SiteEdits se =
        sites == null
            ? BarrierOptimizer.SiteEdits.none(cs)
            : new SiteEditsReader(cat, ar.extent(), ar.grid().epsg(), hc, opt.policy())
                .read(sites, cs);
    BarrierOptimizer optimizer =
        new BarrierOptimizer(ar, gr, objs, cat, SpeedTable.defaults(), Solvers.create());
    byte[] country = loaded.pack().country();
    boolean[] home = ar.definition().homeCodes();
    WarningOptions warning =
        protect.warning(
            objs.stream().map(Objective::id).toList(),
            cell -> country.length == ar.grid().cellCount() && home[country[cell] & 0xff]);
    Forces forces =
        opt.emplacement().enabled()
            ? EmplaceCommand.forces(ar, loaded, catalog, opt.emplacement().forcesFile())
            : null;
    OptimizationResult result =
        optimizer.run(se, candidates_s, opt, guard, warning, forces, progress);
    List<Double> depths = opt.candidates().beltDepths_m();
    Limits limits =
        new LimitsFinder(
                loaded.pack(),
                depths,
                generator.belts(depths, opt.candidates().flankReach_m()),
                se.candidates(),
                cat,
                SpeedTable.defaults())
            .find(result, opt);
    return new Run(result, ar, limits);
  }

  /** What limits the plan: objectives without delay and why; what binds when money is left. */
  static void printLimits(Limits l) {
    for (Limits.ObjectiveLimit o : l.objectives()) {
      System.out.println("No delay (" + o.casesText(l.caseCount()) + "): " + o.text());
    }
    Limits.BudgetLimit b = l.budget();
    System.out.printf(
        Locale.ROOT,
        "Obstacles, sensors and counter-drone sites cost EUR %,.0f of the EUR %,.0f budget (%.0f"
            + " %% left)%s%n",
        b.spent_eur(),
        b.budget_eur(),
        100 * b.leftShare(),
        b.binding().isEmpty() ? "." : "; what binds:");
    for (String s : b.binding()) {
      System.out.println("  - " + s);
    }
  }

  static void print(OptimizationResult r) {
    System.out.printf(
        Locale.ROOT,
        "Optimised plan: %d obstacles, EUR %,.0f (clearance liability EUR %,.0f);"
            + " %s, proven gap %.2f %% (%.1f %% of the delay bought); %d humanitarian violation(s)%n",
        r.plan().obstacles().size(),
        r.buildCost_eur(),
        r.plan().clearanceCost_eur(),
        r.solved().status(),
        100 * OptimizationWriter.gap(r),
        100 * OptimizationWriter.delayGap(r),
        r.verification().violations().size());
    if (r.sensors().candidates() > 0) {
      System.out.printf(
          Locale.ROOT,
          "Sensors: %d of %d candidates, EUR %,.0f (purchase and upkeep over the programme);"
              + " %d of %d obstacles watched%n",
          r.barrierSensors().size(),
          r.sensors().candidates(),
          r.sensors().cost_eur(),
          r.sensors().watched().size(),
          r.plan().obstacles().size());
    }
    if (r.protection().enabled()) {
      System.out.println(OptimizationWriter.protectionLine(r));
    }
    if (r.warning().enabled()) {
      System.out.println(OptimizationWriter.warningLine(r));
    }
    System.out.println(OptimizationWriter.emplacementLine(r));
    OptimizationWriter.countryLines(r).forEach(System.out::println);
    if (!OptimizationWriter.marginLine(r).isEmpty()) {
      System.out.println(OptimizationWriter.marginLine(r));
    }
    System.out.printf(
        Locale.ROOT,
        "Objective (%s): model %.4f (empty plan %.4f, bound %.4f), verified %.4f (empty plan"
            + " %.4f)%n",
        r.objectiveMode() == ObjectiveMode.EACH
            ? "time to each objective, mean over objectives"
            : "time to the nearest objective",
        r.modelObjective(),
        r.emptyObjective(),
        r.solved().bound(),
        r.verifiedObjective(),
        r.verifiedEmptyObjective());
    System.out.printf(
        Locale.ROOT,
        "Attacker time to the nearest objective (h): %-18s %15s %15s%n",
        "case",
        "model",
        "verified");
    for (OptimizationResult.CaseTimes c : r.cases()) {
      System.out.printf(
          Locale.ROOT,
          "  %-18s %6.2f -> %6.2f   %6.2f -> %6.2f%n",
          c.caseId(),
          c.modelBaseline_s() / 3600,
          c.modelPlan_s() / 3600,
          c.verifiedBaseline_s() / 3600,
          c.verifiedPlan_s() / 3600);
    }
    printObjectives(r);
    for (String n : r.notes()) {
      System.out.println("Note: " + n);
    }
    if (!r.unscheduled().isEmpty()) {
      System.out.println("Fits no programme year (not built): " + r.unscheduled());
    }
  }

  /** Delay per objective (rows) and case (columns), verified; the model's in brackets. */
  static void printObjectives(OptimizationResult r) {
    List<String> caseIds = r.cases().stream().map(OptimizationResult.CaseTimes::caseId).toList();
    Map<String, List<OptimizationResult.ObjectiveTimes>> byObjective = new LinkedHashMap<>();
    for (OptimizationResult.ObjectiveTimes t : r.objectiveTimes()) {
      byObjective.computeIfAbsent(t.objectiveId(), k -> new ArrayList<>()).add(t);
    }
    boolean each = r.objectiveMode() == ObjectiveMode.EACH;
    int cw = each ? 15 : 6;
    for (String c : caseIds) {
      cw = Math.max(cw, c.length());
    }
    StringBuilder head = new StringBuilder();
    head.append(
        String.format(
            Locale.ROOT,
            "Delay per objective (h), verified%s:%n  %-18s",
            each ? " (model)" : "",
            "objective"));
    for (String c : caseIds) {
      head.append(String.format(Locale.ROOT, " %" + cw + "s", c));
    }
    System.out.println(head);
    for (List<OptimizationResult.ObjectiveTimes> row : byObjective.values()) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "  %-18s", row.get(0).objectiveId()));
      for (String c : caseIds) {
        OptimizationResult.ObjectiveTimes t =
            row.stream().filter(x -> x.caseId().equals(c)).findFirst().orElse(null);
        String cell = "";
        if (t != null) {
          cell =
              String.format(
                  Locale.ROOT, "%+.2f", (t.verifiedPlan_s() - t.verifiedBaseline_s()) / 3600);
          if (t.modelled()) {
            cell +=
                String.format(
                    Locale.ROOT, " (%+.2f)", (t.modelPlan_s() - t.modelBaseline_s()) / 3600);
          }
        }
        b.append(String.format(Locale.ROOT, " %" + cw + "s", cell));
      }
      System.out.println(b);
    }
  }
}
