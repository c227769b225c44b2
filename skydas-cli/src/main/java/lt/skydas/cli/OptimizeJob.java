package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import lt.skydas.assess.Objective;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.OptimizationResult;
import lt.skydas.optimize.OptimizationWriter;
import lt.skydas.optimize.OptimizeOptions;
import lt.skydas.optimize.OptionProblems;
import lt.skydas.region.Region;
import lt.skydas.region.RegionDefinition;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;

/**
 * The {@code optimize} job of {@code skydas serve}: {@code skydas optimize} on the server's region
 * with the programme given as parameters ({@code budget_eur}, {@code mine_ceiling_eur}, {@code
 * years}, {@code time_limit_s}, {@code classes}, {@code seasons}, {@code emplacement}, {@code
 * planning_warning_h}, {@code also_warning_h} (hours, an array), {@code warning_floor_h}, {@code
 * verify_emplacement}; the server's forces are the shipped ones: no file path crosses the wire),
 * validated by the optimiser's options as the command line's are; a bad parameter is a problem
 * naming its JSON field. Writes plan.geojson, phasing.csv, optimization.json, avenues.geojson,
 * warning.geojson and report.html into the job folder.
 */
final class OptimizeJob implements JobType {
  private final RegionOptions region;
  private final java.util.function.Supplier<lt.skydas.plan.PlanPolicy> policy;

  /**
   * @param policy the humanitarian policy in force (the server's registry's), read per job
   */
  OptimizeJob(RegionOptions region, java.util.function.Supplier<lt.skydas.plan.PlanPolicy> policy) {
    this.region = region;
    this.policy = policy;
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.PLANNER, Role.ADMIN);
  }

  /**
   * The parameters as the optimiser's options, validated by {@link OptimizeOptions#builder()} as
   * the command line's are; a bad field fails as {@link ProblemCode#BAD_INPUT} naming the JSON
   * field (the problem's {@code field} member).
   */
  static OptimizeOptions options(JsonNode p) {
    return options(p, lt.skydas.plan.PlanPolicy.DEFAULT);
  }

  /** As {@link #options(JsonNode)}, held to {@code policy}. */
  static OptimizeOptions options(JsonNode p, lt.skydas.plan.PlanPolicy policy) {
    OptimizeOptions.Builder b = OptimizeOptions.builder().policy(policy);
    number(p, "budget_eur").ifPresent(b::budget_eur);
    number(p, "mine_ceiling_eur").ifPresent(b::mineCeiling_eur);
    number(p, "years").ifPresent(v -> b.years(wholeNumber("years", v)));
    number(p, "time_limit_s").ifPresent(b::timeLimit_s);
    for (String gone : new String[] {"civilian_buffer_m", "ap_mines_enabled", "policy"}) {
      if (p.has(gone)) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            gone
                + ": a job cannot choose its humanitarian policy; it is held to the registry's"
                + " (GET /api/policy; an admin sets it with PUT /api/policy)",
            java.util.Map.of("field", gone));
      }
    }
    number(p, "sensors_max_eur").ifPresent(b::sensorsMax_eur);
    number(p, "barriers_max_eur").ifPresent(b::barriersMax_eur);
    number(p, "ew_max_eur").ifPresent(b::ewMax_eur);
    number(p, "clearance_max_eur").ifPresent(b::clearanceMax_eur);
    b.countryBudgets_eur(byCountry(p, "country_budgets_eur"));
    number(p, "min_corridor_margin_h").ifPresent(b::minCorridorMargin_h);
    if (p.has("sensors")) {
      b.sensors(p.get("sensors").asBoolean());
    }
    if (p.has("emplacement")) {
      b.emplacement(p.get("emplacement").asBoolean());
    }
    number(p, "planning_warning_h").ifPresent(b::planningWarning_h);
    number(p, "warning_floor_h").ifPresent(b::warningFloor_h);
    b.alsoWarnings_h(numbers(p, "also_warning_h"));
    if (p.has("verify_emplacement")) {
      b.verifyEmplacement(p.get("verify_emplacement").asBoolean());
    }
    b.classes(list(p, "classes"));
    b.seasons(list(p, "seasons"));
    try {
      return b.build();
    } catch (SkydasProblem e) {
      throw OptionProblems.named(e, ProblemCode.BAD_INPUT, field -> field);
    }
  }

  private static OptionalDouble number(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull()) {
      return OptionalDouble.empty();
    }
    if (!v.isNumber()) {
      throw OptionProblems.invalid(ProblemCode.BAD_INPUT, field, "must be a number");
    }
    return OptionalDouble.of(v.asDouble());
  }

  /** The field's object of amounts by country code ({"LT": 6e8}); empty when absent or null. */
  private static Map<String, Double> byCountry(JsonNode p, String field) {
    JsonNode v = p.get(field);
    Map<String, Double> out = new TreeMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw OptionProblems.invalid(
          ProblemCode.BAD_INPUT, field, "must be an object of amounts by country ({\"LT\": 6e8})");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isNumber()) {
        throw OptionProblems.invalid(
            ProblemCode.BAD_INPUT, field, "must be an amount for " + e.getKey());
      }
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return out;
  }

  /** The field's numbers (an array, or one number); empty when absent or null. */
  private static List<Double> numbers(JsonNode p, String field) {
    JsonNode v = p.get(field);
    List<Double> xs = new ArrayList<>();
    if (v == null || v.isNull()) {
      return xs;
    }
    if (v.isNumber()) {
      xs.add(v.asDouble());
      return xs;
    }
    if (!v.isArray()) {
      throw OptionProblems.invalid(ProblemCode.BAD_INPUT, field, "must be an array of hours");
    }
    for (JsonNode x : v) {
      if (!x.isNumber()) {
        throw OptionProblems.invalid(ProblemCode.BAD_INPUT, field, "must be an array of hours");
      }
      xs.add(x.asDouble());
    }
    return xs;
  }

  private static int wholeNumber(String field, double v) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw OptionProblems.invalid(ProblemCode.BAD_INPUT, field, "must be a whole number");
    }
    return (int) v;
  }

  /** The field's items as text; null (the default) when absent, null or empty. */
  private static List<String> list(JsonNode p, String field) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull() || v.isEmpty()) {
      return null;
    }
    List<String> xs = new ArrayList<>();
    v.forEach(x -> xs.add(x.asText()));
    return xs;
  }

  /**
   * The ids of the served region's objectives: those of its pack's definition, or the built-in
   * Lithuania's for the default pack.
   *
   * @throws SkydasProblem naming the pack's definition file when it cannot be read
   */
  static List<String> objectiveIds(RegionOptions region) {
    RegionDefinition def =
        region.pack == null
            ? RegionDefinition.lithuania()
            : RegionDefinition.read(region.pack.resolve(Region.DEFINITION_FILE));
    return ObjectivesReader.of(def).stream().map(Objective::id).toList();
  }

  /** As {@link #extras(JsonNode, List)} with the built-in Lithuania's objectives. */
  static ProtectArgs extras(JsonNode p) {
    return extras(p, ObjectivesReader.defaults().stream().map(Objective::id).toList());
  }

  /**
   * The job's optional terms beside the options: {@code min_warning_h}, hours for every objective
   * or an object of objective id → hours (as {@code optimize --min-warning-h}).
   *
   * @throws SkydasProblem BAD_INPUT naming {@code min_warning_h}
   */
  static ProtectArgs extras(JsonNode p, List<String> objectiveIds) {
    ProtectArgs a = ProtectArgs.none();
    JsonNode w = p.get("min_warning_h");
    if (w == null || w.isNull()) {
      return a;
    }
    List<String> items = new ArrayList<>();
    if (w.isNumber()) {
      items.add(Double.toString(w.asDouble()));
    } else if (w.isObject()) {
      for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) w::fields) {
        if (!e.getValue().isNumber()) {
          throw OptionProblems.invalid(
              ProblemCode.BAD_INPUT, "min_warning_h", "wants hours for " + e.getKey());
        }
        items.add(e.getKey() + "=" + e.getValue().asDouble());
      }
    } else {
      throw OptionProblems.invalid(
          ProblemCode.BAD_INPUT,
          "min_warning_h",
          "must be hours, or an object of objective id and hours");
    }
    a.minWarning = items;
    try {
      a.warning(objectiveIds, null);
    } catch (SkydasProblem e) {
      throw OptionProblems.invalid(
          ProblemCode.BAD_INPUT,
          "min_warning_h",
          e.getMessage().replaceFirst("^--min-warning-h ", ""));
    }
    return a;
  }

  @Override
  public void validate(JsonNode p) {
    options(p); // throws a problem naming the bad field
    extras(p, objectiveIds(region));
  }

  @Override
  public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
    OptimizeCommand.Run run =
        OptimizeCommand.run(
            region,
            null,
            options(p, policy.get()),
            null,
            null,
            null,
            extras(p, objectiveIds(region)),
            progress);
    OptimizationResult r = run.result();
    Path out = dir.resolve("out");
    OptimizationWriter.write(out, r, run.region(), run.limits());
    AssessJob.lift(
        out,
        dir,
        List.of(
            "plan.geojson",
            "phasing.csv",
            "optimization.json",
            "summary.json",
            "avenues.geojson",
            "warning.geojson",
            "report.html"));
    ObjectNode res = AssessJob.summary(r.verification());
    AssessJob.isochrones(r.verification(), dir, res);
    res.put("cost_eur", r.buildCost_eur());
    res.put("solver_status", String.valueOf(r.solved().status()));
    res.put("gap", OptimizationWriter.gap(r));
    res.putArray("files").add("plan.geojson").add("phasing.csv").add("report.html");
    return res;
  }
}
