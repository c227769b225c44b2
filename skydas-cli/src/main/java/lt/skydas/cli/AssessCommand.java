package lt.skydas.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.PlanWatch;
import lt.skydas.assess.report.AssessmentWriter;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.SensorCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job: time from the border to each objective with and without a barrier plan. */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess a barrier plan: minimum time from the Belarus and Kaliningrad borders to each",
      "objective per vehicle class and season, with and without the plan; avenues of approach;",
      "delay bought per objective, per obstacle and per euro; the humanitarian check.",
      "Writes summary.json, avenues.geojson, warning.geojson, violations.geojson, isochrones/*.tif",
      "and report.html."
    })
final class AssessCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      paramLabel = "PLAN.geojson",
      description = "Barrier plan (GeoJSON). Without it: the baseline only.")
  Path plan;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Mixin RegionOptions region = new RegionOptions();

  @Mixin CaseOptions cases = new CaseOptions();

  @Option(
      names = "--objectives",
      paramLabel = "FILE",
      description =
          "Objectives GeoJSON (points, lines or areas with name and radius_m). Default: key cities and the Suwałki corridor.")
  Path objectives;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Obstacle catalog JSON (default: built-in).")
  Path catalog;

  @Option(
      names = "--sensors-file",
      paramLabel = "FILE",
      description =
          "Sensor catalog JSON for the plan's sensor, EW and counter-drone sites (default: built-in"
              + " sensors.json).")
  Path sensorsFile;

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--assume-watched",
      description =
          "Count every obstacle in full even where the plan's sensors do not watch it (for"
              + " comparison). Without it, a plan with sensor sites counts each obstacle by the"
              + " share of it the sensors observe; a plan without sensor sites always counts in"
              + " full.")
  boolean assumeWatched;

  @Mixin CivilianOptions civilians = new CivilianOptions();

  @Option(names = "--quiet", description = "Print only errors and the report path.")
  boolean quiet;

  @Override
  public Integer call() {
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    AssessmentRegion ar = loaded.region();
    List<Objective> objs = AssessCommand.objectives(objectives, ar);
    BarrierPlan asked = readPlan(plan, catalog, sensorsFile, ar, null);
    BarrierPlan p =
        asked.withPolicy(
            policy.resolve(
                catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog)));
    printPolicy(asked, p.policy(), quiet);
    AssessmentOptions opt = cases.options();
    opt = opt.withWatch(opt.watch().withAssumeWatched(assumeWatched));
    Assessor assessor = new Assessor(ar, objs, progress);
    civilians.applyRear(assessor, loaded);
    AssessmentResult r = assessor.assess(p, opt, progress);
    r = civilians.withShelters(r, loaded, assessor, policy.registryLocation());
    Path report = AssessmentWriter.write(out, r, ar);
    if (!quiet) {
      printTimes(r, objs.get(0));
    }
    System.out.println("Report: " + report.toAbsolutePath());
    return 0;
  }

  /** The objectives of {@code file}, or the region's when it is null. */
  static List<Objective> objectives(Path file, AssessmentRegion ar) {
    return file == null
        ? ObjectivesReader.of(ar.definition())
        : ObjectivesReader.read(file, ar.extent(), ar.grid().epsg());
  }

  /**
   * Reads a plan (an empty one when {@code plan} is null).
   *
   * @param policy the policy the run holds it to (the registry's or an explicit file), or null to
   *     keep the plan's own request (for {@link PolicyOptions#requestNote})
   */
  static BarrierPlan readPlan(
      Path plan, Path catalog, Path sensorsFile, AssessmentRegion ar, PlanPolicy policy) {
    ObstacleCatalog cat =
        catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog);
    BarrierPlanReader reader =
        sensorsFile == null
            ? BarrierPlanReader.forRegion(cat, ar.extent(), ar.grid().epsg())
            : new BarrierPlanReader(
                cat, SensorCatalog.load(sensorsFile), ar.extent(), ar.grid().epsg());
    BarrierPlan p = plan == null ? BarrierPlan.empty(PlanPolicy.DEFAULT) : reader.read(plan);
    return policy == null ? p : p.withPolicy(policy);
  }

  /** Says which policy the run holds to, and what the plan asked for when that differs. */
  static void printPolicy(BarrierPlan asked, PlanPolicy got, boolean quiet) {
    String note = PolicyOptions.requestNote(asked, got);
    if (note != null) {
      System.err.println(note);
    } else if (!quiet) {
      System.err.println("Policy: " + got.summary());
    }
  }

  /** Prints the time to {@code first} per case, baseline and with the plan. */
  static void printTimes(AssessmentResult r, Objective first) {
    System.out.printf(Locale.ROOT, "Time from the border to %s (hours):%n", first.name());
    System.out.printf(
        Locale.ROOT, "  %-11s %-7s %9s %9s %9s%n", "class", "season", "baseline", "plan", "delay");
    for (AssessmentResult.Case c : r.cases()) {
      AssessmentResult.ObjectiveTime t = c.time(first.id());
      System.out.printf(
          Locale.ROOT,
          "  %-11s %-7s %9s %9s %9s%n",
          c.vehicle().id(),
          c.season().id(),
          h(t.baseline_s()),
          h(t.plan_s()),
          h(t.delay_s()));
    }
    for (AssessmentResult.RouteTime t : r.reinforcement()) {
      if (t.season() == r.reinforcement().get(0).season()) {
        System.out.printf(
            Locale.ROOT,
            "Reinforcement %s (wheeled, %s): %s h -> %s h (%+.1f %%)%s%n",
            t.name(),
            t.season().id(),
            h(t.baseline_s()),
            h(t.plan_s()),
            t.increasePct(),
            t.withinLimit() ? "" : " OVER THE " + Math.round(t.limitPct()) + " % LIMIT");
      }
    }
    lt.skydas.assess.report.RaceSection.lines(r).forEach(System.out::println);
    lt.skydas.assess.report.CivilianSection.lines(r).forEach(System.out::println);
    printWatch(r, first);
    System.out.printf(
        Locale.ROOT,
        "Plan: %d obstacles, %s; %d humanitarian violation(s); assessed in %.1f s%n",
        r.plan().obstacles().size(),
        String.format(Locale.ROOT, "EUR %,.0f", r.plan().totalCost_eur()),
        r.violations().size(),
        r.seconds());
  }

  /** One line on the watch of obstacles: not modelled, or unobserved count and delay lost. */
  static void printWatch(AssessmentResult r, Objective first) {
    PlanWatch w = r.watch();
    if (w == null || r.plan().obstacles().isEmpty()) {
      return;
    }
    if (w.status() == PlanWatch.Status.NO_SENSORS) {
      System.out.println("Watch: " + PlanWatch.NO_SENSORS_NOTE);
      return;
    }
    long unobserved = w.vehicles().stream().filter(o -> !o.observed()).count();
    double lost = 0;
    String worst = "";
    for (AssessmentResult.Case c : r.cases()) {
      double d = c.time(first.id()).delayLost_s();
      if (d > lost) {
        lost = d;
        worst = " (" + c.id() + ")";
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Watch: %d of %d obstacles not observed by the plan's sensors (vehicles); %s%n",
        unobserved,
        r.plan().obstacles().size(),
        w.status() == PlanWatch.Status.ASSUMED_WATCHED
            ? "all counted in full (--assume-watched)"
            : "delay lost toward " + first.name() + " up to " + h(lost) + " h" + worst);
  }

  static String h(double s) {
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.2f", s / 3600) : "-";
  }

  /** Options selecting vehicle classes, seasons and assessment depth. */
  static final class CaseOptions {
    @Mixin CaseSelection selection = new CaseSelection();

    @Option(
        names = "--avenues",
        paramLabel = "N",
        defaultValue = "3",
        description = "Distinct avenues per objective (default ${DEFAULT-VALUE}).")
    int avenues;

    @Option(
        names = "--marginal",
        paramLabel = "none|fast|exact",
        defaultValue = "fast",
        description =
            "Per-obstacle marginal values: fast (from the assessment's own searches), exact (one"
                + " search per obstacle and case; slow) or none (default ${DEFAULT-VALUE}).")
    AssessmentOptions.Marginal marginal;

    AssessmentOptions options() {
      if (avenues < 0 || avenues > 20) {
        throw new SkydasProblem(ProblemCode.USAGE, "--avenues must be within 0..20");
      }
      return selection.options().withMarginal(marginal).withAvenues(avenues);
    }
  }
}
