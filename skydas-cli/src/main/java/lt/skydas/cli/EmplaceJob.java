package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.emplace.EmplacementResult;
import lt.skydas.emplace.EmplacementWriter;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;

/**
 * The {@code emplace} job of {@code skydas serve}: {@code skydas emplace} on the server's region
 * with the shipped forces, the plan sent as GeoJSON ({@code plan}, required), {@code warning_h}
 * (required), optional {@code curve_h} (rising hours; empty: no curve; absent: 0–72 h), {@code
 * in_place} (ids of obstacles already laid or executed), {@code depots} (the registry's depot
 * records, GeoJSON: those in service replace the shipped depots), {@code warning_at} (ISO-8601, the
 * moment the order is given; default: when the job runs), {@code classes} and {@code seasons}. A
 * bad parameter is a problem naming its JSON field. Writes timeline.csv, timeline.cot.xml (for
 * TAK), delay-curve.csv, emplacement.json, emplacement.geojson and emplacement.html.
 */
final class EmplaceJob implements JobType {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AssessJob regionHolder;

  /** Shares the assess job's region (loaded once per server). */
  EmplaceJob(AssessJob regionHolder) {
    this.regionHolder = regionHolder;
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.PLANNER, Role.ADMIN);
  }

  @Override
  public void validate(JsonNode p) {
    JsonNode plan = p.get("plan");
    if (plan == null || !plan.path("type").asText().equals("FeatureCollection")) {
      throw field("plan", "plan must be a GeoJSON FeatureCollection");
    }
    warning(p);
    options(p);
    JsonNode d = p.get("depots");
    if (d != null
        && !d.isNull()
        && !(d.isObject() && d.path("type").asText().equals("FeatureCollection"))) {
      throw field("depots", "depots must be a GeoJSON FeatureCollection of depot records");
    }
    inPlace(p);
    warningAt(p);
  }

  /** The {@code warning_at} moment; now when absent. */
  static java.time.Instant warningAt(JsonNode p) {
    JsonNode v = p.get("warning_at");
    if (v == null || v.isNull()) {
      return java.time.Instant.now();
    }
    try {
      return EmplaceCommand.warningAt(v.asText());
    } catch (SkydasProblem e) {
      throw field("warning_at", "warning_at must be an ISO-8601 time with a zone, not " + v);
    }
  }

  static double warning(JsonNode p) {
    JsonNode w = p.get("warning_h");
    if (w == null || !w.isNumber()) {
      throw field("warning_h", "warning_h must be a number of hours");
    }
    try {
      EmplaceOptions.checkWarning(w.asDouble());
    } catch (IllegalArgumentException e) {
      throw field("warning_h", "warning_h: " + e.getMessage());
    }
    return w.asDouble();
  }

  static EmplaceOptions options(JsonNode p) {
    double[] curve = EmplaceOptions.DEFAULT_CURVE_H;
    JsonNode c = p.get("curve_h");
    if (c != null && !c.isNull()) {
      if (!c.isArray()) {
        throw field("curve_h", "curve_h must be an array of hours");
      }
      curve = new double[c.size()];
      for (int i = 0; i < curve.length; i++) {
        if (!c.get(i).isNumber()) {
          throw field("curve_h", "curve_h must be an array of hours");
        }
        curve[i] = c.get(i).asDouble();
      }
    }
    try {
      return new EmplaceOptions(AssessJob.cases(p), EmplaceOptions.defaults().scheduler(), curve);
    } catch (IllegalArgumentException e) {
      throw field("curve_h", "curve_h: " + e.getMessage());
    }
  }

  /** The {@code in_place} ids (obstacles already laid or executed); empty when absent. */
  static Set<String> inPlace(JsonNode p) {
    JsonNode v = p.get("in_place");
    if (v == null || v.isNull()) {
      return Set.of();
    }
    if (!v.isArray()) {
      throw field("in_place", "in_place must be an array of obstacle ids");
    }
    Set<String> ids = new java.util.HashSet<>();
    v.forEach(x -> ids.add(x.asText()));
    return ids;
  }

  private static Double finite(double s) {
    return Double.isFinite(s) ? s / 3600 : null;
  }

  private static SkydasProblem field(String name, String message) {
    return new SkydasProblem(ProblemCode.BAD_INPUT, message, java.util.Map.of("field", name));
  }

  @Override
  public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
    Path planFile = dir.resolve("plan.geojson");
    Files.writeString(planFile, JSON.writeValueAsString(p.get("plan")));
    Path depotsFile = null;
    if (p.hasNonNull("depots")) {
      depotsFile = dir.resolve("depots.geojson");
      Files.writeString(depotsFile, JSON.writeValueAsString(p.get("depots")));
    }
    var loaded = regionHolder.region(progress);
    EmplaceCommand.Run run =
        EmplaceCommand.run(
            loaded,
            new EmplaceCommand.Inputs(
                planFile, null, depotsFile, null, null, null, regionHolder.policy()),
            options(p),
            inPlace(p),
            warning(p),
            progress);
    Path out = dir.resolve("out");
    EmplacementWriter.write(out, run.plan(), run.forces(), run.at(), run.curve(), warningAt(p));
    AssessJob.lift(
        out,
        dir,
        List.of(
            "timeline.csv",
            "timeline.cot.xml",
            "delay-curve.csv",
            "emplacement.json",
            "emplacement.geojson",
            "emplacement.html"));
    ObjectNode res = JSON.createObjectNode();
    // the shape of the assess job's result (the web's result table and comparison read it), with
    // each case's time to each objective given what is in place at the warning time
    res.put("warning_h", run.at().warning_h());
    res.put("obstacles", run.plan().obstacles().size());
    res.put("cost_eur", run.plan().totalCost_eur());
    res.put("violations", 0);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    lt.skydas.assess.ObjectivesReader.of(loaded.region().definition())
        .forEach(o -> names.put(o.id(), o.name()));
    var cases = res.putArray("cases");
    for (EmplacementResult.CaseOutcome c : run.at().cases()) {
      ObjectNode o = cases.addObject();
      o.put("class", c.vehicleClass().id());
      o.put("season", c.season().id());
      o.put("in_place", c.inPlace());
      o.put("on_warning", c.obstacles().size());
      ObjectNode objs = o.putObject("objectives");
      for (EmplacementResult.ObjectiveDelay d : c.objectives()) {
        ObjectNode x = objs.putObject(d.id());
        x.put("name", names.getOrDefault(d.id(), d.id()));
        x.put("baseline_h", finite(d.baseline_s()));
        x.put("plan_h", finite(d.plan_s()));
        x.put("delay_h", d.delay_s() / 3600);
      }
    }
    res.put("not_possible", run.at().shortfalls().size());
    // where the stock came from: the registry's depots (sent as depots) or the shipped forces'
    res.put("depots_from", depotsFile == null ? "shipped forces" : "registry");
    var ds = res.putArray("depots");
    run.forces().depots().forEach(d -> ds.add(d.id()));
    res.putArray("files")
        .add("emplacement.html")
        .add("timeline.csv")
        .add("timeline.cot.xml")
        .add("emplacement.geojson");
    return res;
  }
}
