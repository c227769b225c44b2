package lt.skydas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.text.CsvCells;
import lt.skydas.optimize.clearance.ClearanceAsset;
import lt.skydas.optimize.clearance.ClearanceAssets;
import lt.skydas.optimize.clearance.ClearancePlanner;
import lt.skydas.optimize.clearance.ClearancePlanner.Assignment;
import lt.skydas.optimize.clearance.ClearancePlanner.Plan;
import lt.skydas.optimize.clearance.ClearancePlanner.Team;
import lt.skydas.optimize.clearance.ClearanceSizing;
import lt.skydas.optimize.clearance.HazardArea;
import lt.skydas.optimize.clearance.WorkCalendar;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Registry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skydas clearance plan}: who clears which minefield when, and how many teams it takes. */
@Command(
    name = "clearance",
    mixinStandardHelpOptions = true,
    description = "Mine clearance: plan who clears which minefield when (docs/clearance.md).",
    subcommands = {ClearanceCommand.PlanCmd.class})
final class ClearanceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the areas come from: the registry or a plan. */
  static final class Source {
    @Option(
        names = "--registry",
        paramLabel = "DB",
        description = "The registry's minefields with mines in the ground (.gpkg or jdbc URL).")
    String registry;

    @Option(
        names = "--plan",
        paramLabel = "FILE",
        description = "A plan's minefields (GeoJSON from optimize): its clearance liability.")
    Path plan;

    @Option(
        names = "--hazards",
        paramLabel = "FILE",
        description =
            "Hazardous areas from a mine-action information system (IMSMA-style GeoJSON or CSV"
                + " with the GICHD MDR fields; docs/clearance.md): the open ones are cleared.")
    Path hazards;
  }

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = {
        "Schedule the clearance of the hazardous areas by the teams given (CP-SAT, with a proven",
        "bound), and size the capability: the least-cost teams that clear them all in 1 … N years.",
        "Writes schedule.csv, sizing.csv and clearance.json into --out."
      })
  static final class PlanCmd implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin RegistryOptions.Db db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
        names = "--tasks",
        paramLabel = "FILE",
        description =
            "With --hazards: the clearance tasks of the same export (GICHD MDR task fields;"
                + " docs/clearance.md): a completed task's cleared area is taken off its hazard,"
                + " a hazard with an ongoing task is left to that task.")
    Path tasks;

    /** The hazards left to other organisations' ongoing tasks, and the area tasks cleared. */
    private final List<TasksReader.Task> inProgress = new ArrayList<>();

    private double clearedByTasks_m2;

    @Option(
        names = "--layers",
        paramLabel = "DIR",
        description =
            "Land cover and settlements for each area's vegetation and priority (default: the"
                + " shipped data/baltic).")
    Path layers;

    @Option(
        names = "--assets",
        paramLabel = "FILE",
        description = "Clearance asset catalog (default: the shipped one, with its sources).")
    Path assets;

    @Option(
        names = "--teams",
        paramLabel = "KIND=N[,KIND=N…]",
        split = ",",
        description =
            "Teams by asset kind (default manual_team=4,mechanical_flail=2,mechanical_tiller=1,mdd_team=2).")
    Map<String, Integer> teams;

    @Option(
        names = "--start",
        paramLabel = "DATE",
        description = "The first day of clearance (default: the next 1 April).")
    LocalDate start;

    @Option(
        names = "--years",
        defaultValue = "10",
        paramLabel = "N",
        description = "Size the capability for 1 … N years (default ${DEFAULT-VALUE}).")
    int years;

    @Option(
        names = "--time-limit-s",
        defaultValue = "60",
        paramLabel = "S",
        description = "Solver time for the schedule and the sizing (default ${DEFAULT-VALUE}).")
    double timeLimit_s;

    @Override
    public Integer call() throws Exception {
      if (years < 1 || years > 50) {
        throw new SkydasProblem(ProblemCode.USAGE, "--years must be 1 to 50, is " + years);
      }
      if (!(timeLimit_s > 0) || timeLimit_s > 86_400) {
        throw new SkydasProblem(ProblemCode.USAGE, "--time-limit-s must be above 0, at most 86400");
      }
      ClearanceAssets cat =
          assets == null ? ClearanceAssets.defaults() : ClearanceAssets.load(assets);
      Map<String, Integer> want =
          teams != null
              ? teams
              : Map.of(
                  "manual_team", 4, "mechanical_flail", 2, "mechanical_tiller", 1, "mdd_team", 2);
      for (String k : want.keySet()) {
        cat.get(k); // an unknown kind is named before any work
      }
      int epsg = Crs.nationalEpsg(db.home.toUpperCase(Locale.ROOT));
      ClearanceInputs in =
          new ClearanceInputs(layers != null ? layers : RegionStore.shippedLayers(), epsg);
      List<HazardArea> areas;
      if (source.registry != null) {
        db.db = source.registry;
        try (Registry r = db.open(false)) {
          areas = in.fromRegistry(r);
        }
      } else if (source.hazards != null) {
        java.nio.file.Path countries =
            db.countries != null
                ? db.countries
                : RegionStore.shippedLayers().resolve("countries.geojson.gz");
        areas =
            in.fromHazards(
                source.hazards,
                lt.skydas.registry.Territory.load(countries, db.home.toUpperCase(Locale.ROOT)));
        if (tasks != null) {
          areas = withTasks(areas, cat);
        }
      } else {
        areas = in.fromPlan(source.plan, ObstacleCatalog.defaults());
      }
      if (tasks != null && source.hazards == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--tasks goes with --hazards (the tasks name its hazard ids)");
      }
      if (areas.isEmpty()) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, "no minefield with mines in the ground: nothing to clear");
      }
      lt.skydas.optimize.clearance.ClearanceSurvey.Result survey =
          lt.skydas.optimize.clearance.ClearanceSurvey.apply(areas, cat);
      if (survey.surveyed_m2() > 0) {
        System.out.printf(
            Locale.ROOT,
            "Survey of the suspected areas (%.1f ha): non-technical survey cancels about %.1f ha,"
                + " technical survey reduces about %.1f ha (%.0f + %.0f team-days, EUR %.2f m)%n",
            survey.surveyed_m2() / 1e4,
            survey.cancelled_m2() / 1e4,
            survey.reduced_m2() / 1e4,
            survey.ntsDays(),
            survey.tsDays(),
            survey.cost_eur() / 1e6);
      }
      areas = survey.areas();
      if (areas.isEmpty()) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            "the surveys are expected to release every area: nothing to clear");
      }
      double cx = areas.stream().mapToDouble(HazardArea::x_m).average().orElse(0);
      double cy = areas.stream().mapToDouble(HazardArea::y_m).average().orElse(0);
      List<Team> ts = new ArrayList<>();
      for (ClearanceAsset k : cat.assets()) {
        int n = want.getOrDefault(k.id(), 0);
        if (n < 0 || n > 1000) {
          throw new SkydasProblem(ProblemCode.USAGE, "--teams " + k.id() + "=" + n + ": 0 to 1000");
        }
        if (n > 0 && !k.kind().equals(ClearanceAsset.CLEARANCE)) {
          throw new SkydasProblem(
              ProblemCode.USAGE,
              "--teams "
                  + k.id()
                  + ": a survey kind is not scheduled; its expected release of suspected areas is"
                  + " applied before the clearance (docs/clearance.md)");
        }
        for (int i = 1; i <= n; i++) {
          ts.add(new Team(k, i, cx, cy));
        }
      }
      if (ts.isEmpty()) {
        throw new SkydasProblem(ProblemCode.USAGE, "--teams gives no team");
      }
      LocalDate from = start != null ? start : nextApril();
      System.out.printf(
          Locale.ROOT,
          "Clearance of %d areas (%.1f ha) by %d teams from %s …%n",
          areas.size(),
          areas.stream().mapToDouble(HazardArea::area_m2).sum() / 1e4,
          ts.size(),
          from);
      Plan p =
          ClearancePlanner.plan(
              areas, ts, timeLimit_s / 2, Math.max(1, Runtime.getRuntime().availableProcessors()));
      List<ClearanceSizing.Sizing> curve =
          ClearanceSizing.curve(areas, cat, years, timeLimit_s / 2);
      Files.createDirectories(out);
      writeSchedule(p, cat, from);
      writeSizing(curve);
      writeJson(p, curve, cat, from, areas, survey);
      LocalDate end =
          p.assignments().stream()
              .map(
                  a ->
                      WorkCalendar.date(
                          from, a.team().asset(), cat.workingDaysPerMonth(), a.end_d()))
              .max(LocalDate::compareTo)
              .orElse(from);
      System.out.printf(
          Locale.ROOT,
          "Cleared by %s (%.0f working days), EUR %.1f m; objective %.0f, bound %.0f (gap %.1f %%,"
              + " %s)%n",
          end,
          p.makespan_d(),
          p.cost_eur() / 1e6,
          p.objective(),
          p.bound(),
          100 * p.gap(),
          p.method());
      for (String u : p.unsuitable()) {
        System.out.println("NOT SCHEDULED: " + u);
      }
      for (ClearanceSizing.Sizing s : curve) {
        System.out.printf(
            Locale.ROOT,
            "%2d years: %s%n",
            s.years(),
            s.feasible()
                ? s.teams() + String.format(Locale.ROOT, ", EUR %.1f m", s.cost_eur() / 1e6)
                : "not possible with this catalog (an area suits no asset)");
      }
      System.out.println("Written to " + out);
      return 0;
    }

    /**
     * The hazards as the tasks leave them: a hazard with an ongoing task is that task's (not
     * planned here, listed); completed tasks' cleared area is taken off (all of it when a completed
     * task gives none); planned and suspended tasks change nothing.
     */
    private List<HazardArea> withTasks(List<HazardArea> areas, ClearanceAssets cat) {
      Map<String, Double> byId = new java.util.LinkedHashMap<>();
      for (HazardArea a : areas) {
        byId.put(a.id(), a.area_m2());
      }
      List<TasksReader.Task> ts = TasksReader.read(tasks, byId, cat);
      Map<String, Double> cleared = new java.util.HashMap<>();
      java.util.Set<String> ongoing = new java.util.HashSet<>();
      for (TasksReader.Task t : ts) {
        if (t.status().equals("ongoing")) {
          ongoing.add(t.hazardId());
          inProgress.add(t);
        } else if (t.status().equals("completed")) {
          double m2 = Double.isNaN(t.cleared_m2()) ? byId.get(t.hazardId()) : t.cleared_m2();
          cleared.merge(t.hazardId(), m2, Double::sum);
        }
      }
      List<HazardArea> out = new ArrayList<>();
      for (HazardArea a : areas) {
        if (ongoing.contains(a.id())) {
          continue;
        }
        double done = Math.min(a.area_m2(), cleared.getOrDefault(a.id(), 0.0));
        clearedByTasks_m2 += done;
        double left = a.area_m2() - done;
        if (left >= 1) {
          out.add(
              done == 0
                  ? a
                  : new HazardArea(
                      a.id(),
                      left,
                      a.categories(),
                      a.vegetation(),
                      a.priority(),
                      a.x_m(),
                      a.y_m(),
                      a.suspected(),
                      a.soil()));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "Tasks: %d read; %.1f ha cleared by completed tasks; %d hazard(s) left to ongoing"
              + " tasks%s%n",
          ts.size(),
          clearedByTasks_m2 / 1e4,
          inProgress.size(),
          inProgress.isEmpty()
              ? ""
              : " ("
                  + String.join(
                      ", ",
                      inProgress.stream()
                          .map(t -> t.hazardId() + ": " + t.id() + " by " + t.organisation())
                          .toList())
                  + ")");
      return out;
    }

    /** A CSV cell: formula cells defused, quoted when it holds a comma, quote or line break. */
    static String csv(String v) {
      String d = CsvCells.defuse(v);
      return d.matches("(?s).*[,\"\r\n].*") ? '"' + d.replace("\"", "\"\"") + '"' : d;
    }

    private static LocalDate nextApril() {
      LocalDate now = LocalDate.now();
      LocalDate april = LocalDate.of(now.getYear(), 4, 1);
      return now.isBefore(april) ? april : april.plusYears(1);
    }

    private void writeSchedule(Plan p, ClearanceAssets cat, LocalDate from) {
      StringBuilder b =
          new StringBuilder(
              "area,team,asset,area_m2,vegetation,categories,priority,start_day,end_day,start_date,end_date,cost_eur,soil\n");
      for (Assignment a : p.assignments()) {
        ClearanceAsset k = a.team().asset();
        b.append(csv(a.area().id()))
            .append(',')
            .append(a.team().id())
            .append(',')
            .append(k.id())
            .append(String.format(Locale.ROOT, ",%.0f,", a.area().area_m2()))
            .append(a.area().vegetation())
            .append(',')
            .append(String.join(" ", new java.util.TreeSet<>(a.area().categories())))
            .append(
                String.format(
                    Locale.ROOT, ",%.0f,%.1f,%.1f,", a.area().priority(), a.start_d(), a.end_d()))
            .append(WorkCalendar.date(from, k, cat.workingDaysPerMonth(), a.start_d()))
            .append(',')
            .append(WorkCalendar.date(from, k, cat.workingDaysPerMonth(), a.end_d()))
            .append(String.format(Locale.ROOT, ",%.0f,", a.cost_eur()))
            .append(a.area().soil())
            .append('\n');
      }
      AtomicOutput.writeString(out.resolve("schedule.csv"), b.toString());
    }

    private void writeSizing(List<ClearanceSizing.Sizing> curve) {
      StringBuilder b = new StringBuilder("years,teams,mix,cost_eur,bound_eur,optimal\n");
      for (ClearanceSizing.Sizing s : curve) {
        b.append(s.years())
            .append(',')
            .append(s.feasible() ? s.teamCount() : "")
            .append(',')
            .append(csv(s.teams().toString().replace(",", ";")))
            .append(
                String.format(
                    Locale.ROOT, ",%.0f,%.0f,%s%n", s.cost_eur(), s.bound(), s.optimal()));
      }
      AtomicOutput.writeString(out.resolve("sizing.csv"), b.toString());
    }

    private void writeJson(
        Plan p,
        List<ClearanceSizing.Sizing> curve,
        ClearanceAssets cat,
        LocalDate from,
        List<HazardArea> areas,
        lt.skydas.optimize.clearance.ClearanceSurvey.Result survey)
        throws Exception {
      ObjectMapper json = new ObjectMapper();
      ObjectNode o = json.createObjectNode();
      o.put("start", from.toString());
      o.put("areas", areas.size());
      o.put("area_m2", areas.stream().mapToDouble(HazardArea::area_m2).sum());
      o.put("objective_priority_days", p.objective());
      o.put("bound_priority_days", p.bound());
      o.put("gap", p.gap());
      o.put("method", p.method());
      o.put("optimal_without_travel", p.optimal());
      o.put("working_days", p.makespan_d());
      o.put("cost_eur", p.cost_eur());
      ObjectNode sv = o.putObject("survey");
      sv.put("surveyed_m2", survey.surveyed_m2());
      sv.put("cancelled_m2", survey.cancelled_m2());
      sv.put("reduced_m2", survey.reduced_m2());
      sv.put("non_technical_survey_days", survey.ntsDays());
      sv.put("technical_survey_days", survey.tsDays());
      sv.put("cost_eur", survey.cost_eur());
      ObjectNode tk = o.putObject("tasks");
      tk.put("cleared_m2", clearedByTasks_m2);
      ArrayNode ip = tk.putArray("in_progress");
      for (TasksReader.Task t : inProgress) {
        ObjectNode x = ip.addObject();
        x.put("hazard_id", t.hazardId());
        x.put("task_id", t.id());
        x.put("organisation", t.organisation());
        x.put("asset", t.asset());
        x.put("start_date", t.start().toString());
      }
      ArrayNode un = o.putArray("not_scheduled");
      p.unsuitable().forEach(un::add);
      // land released per month (m2), by each area's release date
      Map<YearMonth, Double> released = new TreeMap<>();
      for (Assignment a : p.assignments()) {
        LocalDate d =
            WorkCalendar.date(from, a.team().asset(), cat.workingDaysPerMonth(), a.end_d());
        released.merge(YearMonth.from(d), a.area().area_m2(), Double::sum);
      }
      ObjectNode rel = o.putObject("released_m2_per_month");
      released.forEach((m, v) -> rel.put(m.toString(), v));
      ArrayNode sz = o.putArray("sizing");
      for (ClearanceSizing.Sizing s : curve) {
        ObjectNode x = sz.addObject();
        x.put("years", s.years());
        x.put("feasible", s.feasible());
        Map<String, Integer> mix = new LinkedHashMap<>(s.teams());
        x.set("teams", json.valueToTree(mix));
        x.put("cost_eur", s.cost_eur());
        x.put("bound_eur", s.bound());
        x.put("optimal", s.optimal());
      }
      ObjectNode src = o.putObject("assets");
      for (ClearanceAsset k : cat.assets()) {
        src.set(k.id(), json.valueToTree(k.sources()));
      }
      AtomicOutput.writeString(out.resolve("clearance.json"), o.toPrettyString() + "\n");
    }
  }
}
