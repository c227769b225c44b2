package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.emplace.EmplacementPlanner;
import lt.skydas.emplace.EmplacementResult;
import lt.skydas.emplace.EmplacementWriter;
import lt.skydas.emplace.Forces;
import lt.skydas.emplace.ForcesReader;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Emplacement on warning: who lays or executes what, and what is in place when the attacker comes.
 */
@Command(
    name = "emplace",
    mixinStandardHelpOptions = true,
    description = {
      "Emplacement of a plan's reserved and crisis-laid obstacles when warning comes: engineer",
      "teams drive from home to a depot, load, lay minefields and charge prepared demolitions,",
      "close road control points. Writes the timeline, which obstacles are in place when the",
      "attacker reaches them (per class and season), and the delay against warning time (0-72 h)."
    })
final class EmplaceCommand implements Callable<Integer> {
  @Option(
      names = "--plan",
      required = true,
      paramLabel = "PLAN.geojson",
      description = "Barrier plan (GeoJSON), e.g. the plan.geojson of `skydas optimize`.")
  Path plan;

  @Option(
      names = "--warning-h",
      required = true,
      paramLabel = "H",
      description = "Hours between the order to emplace and the attacker crossing (0..720).")
  double warning_h;

  @Option(
      names = "--warning-at",
      paramLabel = "TIME",
      description =
          "When the order to emplace is given, ISO-8601 (e.g. 2027-06-01T06:00:00Z or"
              + " 2027-06-01T09:00+03:00; default: now): the CoT tasks' start and stale times"
              + " count from it.")
  String warningAt;

  @Option(
      names = "--curve-h",
      split = ",",
      paramLabel = "H",
      description = "Warning times of the delay curve, rising (default 0,3,6,12,18,24,36,48,72).")
  List<Double> curve;

  @Option(names = "--no-curve", description = "Only the given warning time, no delay curve.")
  boolean noCurve;

  @Option(
      names = "--in-place",
      split = ",",
      paramLabel = "ID",
      description =
          "Ids of the plan's minefields, demolitions or closures already in place (laid, executed):"
              + " they count like permanent obstacles and no team goes to them.")
  List<String> inPlace;

  @Option(
      names = "--forces",
      paramLabel = "FILE",
      description = "Depots and engineer units (JSON; default: the shipped Lithuanian defaults).")
  Path forcesFile;

  @Option(
      names = "--depots",
      paramLabel = "RECORDS.geojson",
      description =
          "Depots from the registry instead of the forces file's: its depot records in service"
              + " (prepared or stocked) with their stock, e.g. from `skydas registry export --kind"
              + " depot`.")
  Path depotsFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Option(
      names = "--schedule-time-s",
      paramLabel = "S",
      description = "Time limit of each schedule's search, seconds (default 5).")
  Double scheduleTime_s;

  @Mixin RegionOptions region = new RegionOptions();
  @Mixin AssessCommand.CaseOptions cases = new AssessCommand.CaseOptions();

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Option(names = "--objectives", paramLabel = "FILE", description = "Objectives GeoJSON.")
  Path objectives;

  @Option(names = "--catalog", paramLabel = "FILE", description = "Obstacle catalog JSON.")
  Path catalog;

  @Option(names = "--sensors-file", paramLabel = "FILE", description = "Sensor catalog JSON.")
  Path sensorsFile;

  @Option(names = "--quiet", description = "Print only errors and the report path.")
  boolean quiet;

  @Override
  public Integer call() throws InterruptedException {
    double[] curveH = curveHours();
    Instant warnedAt = warningAt(warningAt);
    try {
      EmplaceOptions.checkWarning(warning_h);
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(ProblemCode.USAGE, "--warning-h: " + e.getMessage());
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    SchedulerOptions so = EmplaceOptions.defaults().scheduler();
    if (scheduleTime_s != null) {
      if (!(scheduleTime_s > 0 && scheduleTime_s <= 3600)) {
        throw new SkydasProblem(ProblemCode.USAGE, "--schedule-time-s must be within (0, 3600]");
      }
      so = so.toBuilder().withTimeLimit_s(scheduleTime_s).build();
    }
    Run run =
        run(
            region.load(progress),
            new Inputs(
                plan,
                forcesFile,
                depotsFile,
                catalog,
                sensorsFile,
                objectives,
                policy.resolve(
                    catalog == null
                        ? lt.skydas.plan.ObstacleCatalog.defaults()
                        : lt.skydas.plan.ObstacleCatalog.load(catalog))),
            new EmplaceOptions(cases.options(), so, curveH),
            inPlace == null ? Set.of() : Set.copyOf(inPlace),
            warning_h,
            progress);
    Path report =
        EmplacementWriter.write(out, run.plan(), run.forces(), run.at(), run.curve(), warnedAt);
    System.out.println("Policy: " + run.plan().policy().summary());
    if (!quiet) {
      print(run.at());
    }
    System.out.println("Report: " + report.toAbsolutePath());
    return 0;
  }

  /**
   * The warning moment: an ISO-8601 instant or offset date-time, or now when {@code text} is null.
   *
   * @throws SkydasProblem (usage) naming {@code --warning-at} when it is neither
   */
  static Instant warningAt(String text) {
    if (text == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--warning-at: not an ISO-8601 time with a zone (e.g. 2027-06-01T06:00:00Z): " + text);
    }
  }

  /**
   * The files an emplacement reads; all but the plan may be null (the defaults; {@code depots}:
   * registry depot records replacing the forces' depots).
   */
  /**
   * The files of a run and the humanitarian policy it is held to (the registry's or an explicit
   * file's; never the plan's own).
   */
  record Inputs(
      Path plan,
      Path forces,
      Path depots,
      Path catalog,
      Path sensors,
      Path objectives,
      lt.skydas.plan.PlanPolicy policy) {}

  /** What {@link #run} computed. */
  record Run(
      BarrierPlan plan, Forces forces, EmplacementResult at, List<EmplacementResult> curve) {}

  /**
   * The emplacement at {@code warning_h} and, when the options hold warning times, the delay curve;
   * shared by the command and the server's {@code emplace} job. A plan that breaks a humanitarian
   * rule is refused before anything is computed.
   */
  static Run run(
      RegionStore.Loaded loaded,
      Inputs in,
      EmplaceOptions opt,
      Set<String> inPlace,
      double warning_h,
      lt.skydas.core.progress.Progress progress)
      throws InterruptedException {
    AssessmentRegion ar = loaded.region();
    List<Objective> objs = AssessCommand.objectives(in.objectives(), ar);
    BarrierPlan p = AssessCommand.readPlan(in.plan(), in.catalog(), in.sensors(), ar, in.policy());
    // the no-plan times depend on the region only: kept beside the pack for the next run
    Assessor assessor =
        new Assessor(ar, objs, progress)
            .keepNoPlanTimesIn(loaded.pack().directory().resolve("cache"));
    refuseBrokenRules(assessor.humanitarianCheck().check(p));
    Forces forces = forces(ar, loaded, in.catalog(), in.forces(), in.depots());
    EmplacementPlanner planner;
    try {
      planner = new EmplacementPlanner(assessor, p, forces, opt, inPlace, progress);
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, in.plan() + ": " + e.getMessage());
    }
    try (planner) {
      EmplacementResult at = planner.at(warning_h, progress);
      List<EmplacementResult> curve =
          opt.curve_h().length == 0 ? List.of() : planner.curve(progress);
      return new Run(p, forces, at, curve);
    }
  }

  private double[] curveHours() {
    if (noCurve) {
      return new double[0];
    }
    if (curve == null) {
      return EmplaceOptions.DEFAULT_CURVE_H;
    }
    double[] h = curve.stream().mapToDouble(Double::doubleValue).toArray();
    try {
      new EmplaceOptions(AssessmentOptions.defaults(), SchedulerOptions.defaults(), h);
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(ProblemCode.USAGE, "--curve-h: " + e.getMessage());
    }
    return h;
  }

  /** Laying mines is where the humanitarian rules bite: a plan that breaks one is refused. */
  private static void refuseBrokenRules(List<Violation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    Violation v = violations.get(0);
    throw new SkydasProblem(
        ProblemCode.INFEASIBLE,
        String.format(
            Locale.ROOT,
            "the plan breaks a humanitarian rule %d time(s); nothing is emplaced. First: %s (%s,"
                + " obstacle %s)",
            violations.size(),
            v.message(),
            v.rule().id(),
            v.obstacleId()));
  }

  /**
   * The forces file (or the shipped forces when null), team types from the catalog, every depot and
   * unit home in Lithuania (the pack's country raster).
   */
  static Forces forces(
      AssessmentRegion ar, RegionStore.Loaded loaded, Path catalog, Path forcesFile) {
    return forces(ar, loaded, catalog, forcesFile, null);
  }

  /** As above, the depots replaced by the registry records of {@code depotsFile} when not null. */
  static Forces forces(
      AssessmentRegion ar,
      RegionStore.Loaded loaded,
      Path catalog,
      Path forcesFile,
      Path depotsFile) {
    Set<String> teamTypes = new HashSet<>();
    ObstacleCatalog cat =
        catalog == null ? ObstacleCatalog.defaults() : ObstacleCatalog.load(catalog);
    for (ObstacleType t : cat.listTypes()) {
      teamTypes.addAll(t.emplacement().workH_perUnit().keySet());
    }
    byte[] country = loaded.pack().country();
    boolean[] home = ar.definition().homeCodes();
    ForcesReader reader =
        new ForcesReader(
            teamTypes,
            (x, y) -> {
              int cell = ar.grid().cellAt(x, y);
              return cell >= 0 && home[country[cell] & 0xff];
            },
            ar.grid().epsg());
    Forces f = forcesFile == null ? reader.defaults() : reader.read(forcesFile);
    if (depotsFile == null) {
      return f;
    }
    String name = depotsFile.toString();
    com.fasterxml.jackson.databind.JsonNode records;
    try {
      records = new com.fasterxml.jackson.databind.ObjectMapper().readTree(depotsFile.toFile());
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, name + ": no such depots file");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw SkydasProblem.badInput(
          name, "line " + e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw SkydasProblem.badInput(name, null, "unreadable: " + e.getMessage());
    }
    return f.withDepots(reader.depotsFromRecords(records, name), name);
  }

  private static void print(EmplacementResult at) {
    System.out.printf(Locale.ROOT, "At %.1f h of warning:%n", at.warning_h());
    for (EmplacementResult.SeasonPlan s : at.seasons()) {
      long on = s.schedule().assignments().stream().filter(x -> x.onTime()).count();
      System.out.printf(
          Locale.ROOT,
          "  %-7s %d jobs, %d on time (%s, %.1f s)%n",
          s.season().id(),
          s.schedule().assignments().size(),
          on,
          s.schedule().method(),
          s.solve_s());
    }
    List<String> lines = new ArrayList<>();
    for (EmplacementResult.CaseOutcome c : at.cases()) {
      EmplacementResult.ObjectiveDelay first = c.objectives().get(0);
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-10s %-7s %3d/%-3d in place, %s: %.2f h delay (%.2f h from obstacles laid on"
                  + " warning)",
              c.vehicleClass().id(),
              c.season().id(),
              c.inPlace(),
              c.obstacles().size(),
              first.id(),
              first.delay_s() / 3600,
              first.onWarningDelay_s() / 3600));
    }
    lines.forEach(System.out::println);
    for (Map.Entry<String, double[]> e : at.stock().entrySet()) {
      if (e.getValue()[1] < e.getValue()[0]) {
        System.out.printf(
            Locale.ROOT,
            "  stock short: %s needed %,.0f, available %,.0f%n",
            e.getKey(),
            e.getValue()[0],
            e.getValue()[1]);
      }
    }
    for (EmplacementResult.Shortfall u : at.idleUnits()) {
      System.out.printf(Locale.ROOT, "  unit %s can do nothing: %s%n", u.obstacleId(), u.reason());
    }
    if (!at.shortfalls().isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "  %d obstacle(s) cannot be put in place at all (see the report); first: %s: %s%n",
          at.shortfalls().size(),
          at.shortfalls().get(0).obstacleId(),
          at.shortfalls().get(0).reason());
    }
  }
}
