package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.report.AssessmentWriter;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.region.Region;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;

/**
 * The {@code assess} job of {@code skydas serve}: the same assessment as {@code skydas assess} on
 * the server's region, with the plan sent as GeoJSON ({@code plan}, optional), optional {@code
 * classes} and {@code seasons}, and optionally where evacuees go ({@code rear}: GeoJSON assembly
 * points or rear lines, as {@code assess --rear}). Outputs (summary.json, avenues.geojson,
 * warning.geojson, report.html …) go to the job's folder; the newest avenues are served as the OGC
 * collection {@code avenues}.
 */
final class AssessJob implements JobType {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegionOptions region;
  private final java.util.function.Supplier<lt.skydas.plan.PlanPolicy> policy;
  private final java.util.function.Supplier<List<lt.skydas.registry.RegistryRecord>> shelters;
  private volatile RegionStore.Loaded loaded;

  /**
   * @param policy the humanitarian policy in force (the server's registry's), read per job
   */
  AssessJob(RegionOptions region, java.util.function.Supplier<lt.skydas.plan.PlanPolicy> policy) {
    this(region, policy, List::of);
  }

  /**
   * @param policy the humanitarian policy in force (the server's registry's), read per job
   * @param shelters the registry's ready shelters, read per job: the report counts the places of
   *     the people in the attacker's 48 h reach
   */
  AssessJob(
      RegionOptions region,
      java.util.function.Supplier<lt.skydas.plan.PlanPolicy> policy,
      java.util.function.Supplier<List<lt.skydas.registry.RegistryRecord>> shelters) {
    this.region = region;
    this.policy = policy;
    this.shelters = shelters;
  }

  /** The result with the places in the registry's ready shelters, when it has any. */
  private AssessmentResult withShelters(
      AssessmentResult r, RegionStore.Loaded l, Assessor assessor) {
    List<lt.skydas.registry.RegistryRecord> rs = shelters.get();
    if (rs.isEmpty()) {
      return r;
    }
    List<lt.skydas.assess.civil.ShelterSite> sites = new ArrayList<>();
    for (var rec : rs) {
      sites.add(ShelterInputs.site(rec, l.pack().crs()));
    }
    return r.withShelterPlaces(assessor, l.region().residents(), sites);
  }

  /** The policy a job is held to now. */
  lt.skydas.plan.PlanPolicy policy() {
    return policy.get();
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.PLANNER, Role.ADMIN);
  }

  @Override
  public void validate(JsonNode p) {
    cases(p);
    JsonNode plan = p.get("plan");
    if (plan != null && !plan.isNull() && !plan.path("type").asText().equals("FeatureCollection")) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "plan must be a GeoJSON FeatureCollection");
    }
    JsonNode rear = p.get("rear");
    if (rear != null && !rear.isNull() && !rear.path("type").asText().equals("FeatureCollection")) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          "rear must be a GeoJSON FeatureCollection of assembly points or rear lines (WGS84)");
    }
  }

  static AssessmentOptions cases(JsonNode p) {
    List<VehicleClass> vs = new ArrayList<>();
    for (JsonNode c : p.path("classes")) {
      vs.add(VehicleClass.parse(c.asText(), "classes"));
    }
    List<Season> ss = new ArrayList<>();
    for (JsonNode s : p.path("seasons")) {
      ss.add(Season.parse(s.asText(), "seasons"));
    }
    return AssessmentOptions.defaults()
        .withCases(
            vs.isEmpty()
                ? List.of(VehicleClass.values())
                : List.copyOf(new java.util.LinkedHashSet<>(vs)),
            ss.isEmpty()
                ? List.of(Season.values())
                : List.copyOf(new java.util.LinkedHashSet<>(ss)));
  }

  RegionOptions regionOptions() {
    return region;
  }

  /** The server's region pack, loaded on first use and shared with other users (coverage). */
  Region pack() {
    return region(Progress.NONE).pack();
  }

  /** The server's region, loaded on first use (shared by the jobs that need it). */
  RegionStore.Loaded region(Progress progress) {
    RegionStore.Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = region.load(progress);
        }
        l = loaded;
      }
    }
    return l;
  }

  /** Obstacles, cost, clearance liability, violations and time per objective and case. */
  static ObjectNode summary(AssessmentResult r) {
    ObjectNode res = JSON.createObjectNode();
    res.put("obstacles", r.plan().obstacles().size());
    res.put("cost_eur", r.plan().totalCost_eur());
    res.put("clearance_liability_eur", r.plan().clearanceCost_eur());
    res.put("violations", r.violations().size());
    res.set("policy", JSON.valueToTree(r.plan().policy().describe()));
    res.put("seconds", r.seconds());
    var civilians = res.putArray("civilians");
    lt.skydas.assess.report.CivilianSection.lines(r).forEach(civilians::add);
    var cases = res.putArray("cases");
    for (AssessmentResult.Case c : r.cases()) {
      ObjectNode o = cases.addObject();
      o.put("class", c.vehicle().id());
      o.put("season", c.season().id());
      var times = o.putObject("objectives");
      for (var obj : r.objectives()) {
        AssessmentResult.ObjectiveTime t = c.time(obj.id());
        if (t != null) {
          ObjectNode x = times.putObject(obj.id());
          x.put("name", obj.name());
          x.put("baseline_h", Double.isFinite(t.baseline_s()) ? t.baseline_s() / 3600 : null);
          x.put("plan_h", Double.isFinite(t.plan_s()) ? t.plan_s() / 3600 : null);
          x.put("delay_h", Double.isFinite(t.delay_s()) ? t.delay_s() / 3600 : null);
        }
      }
    }
    return res;
  }

  /**
   * Renders each case's isochrones as {@code isochrones-<case>.png} in the job folder and lists
   * them, with their extents in the region's map CRS, the CRS's code and its proj4 definition, in
   * the result (the web map overlays them).
   */
  static void isochrones(AssessmentResult r, Path dir, ObjectNode res) throws java.io.IOException {
    var list = res.putArray("isochrones");
    for (AssessmentResult.Case c : r.cases()) {
      if (c.isochrone_h() == null) {
        continue;
      }
      String name = "isochrones-" + c.id() + ".png";
      double[] e =
          lt.skydas.assess.report.IsochroneImage.write(c.isochrone_h(), 2000, dir.resolve(name));
      ObjectNode o = list.addObject();
      o.put("case", c.id());
      o.put("file", name);
      var ext = o.putArray("extent");
      for (double v : e) {
        ext.add(v);
      }
      lt.skydas.core.geo.Crs crs = lt.skydas.core.geo.Crs.of(c.isochrone_h().grid().epsg());
      o.put("crs", "EPSG:" + crs.epsg());
      o.put("proj4", crs.proj4());
      // the hours themselves, as the Cloud-Optimised GeoTIFF the writer made, for GIS clients
      Path cog = dir.resolve("out").resolve("isochrones").resolve(c.id() + ".tif");
      if (Files.isRegularFile(cog)) {
        String tif = "isochrones-" + c.id() + ".tif";
        Files.copy(cog, dir.resolve(tif));
        o.put("cog", tif);
      }
    }
  }

  /** Lifts the main outputs of {@code out} into the job folder, where they are served. */
  static void lift(Path out, Path dir, List<String> names) throws java.io.IOException {
    for (String f : names) {
      if (Files.isRegularFile(out.resolve(f))) {
        Files.copy(out.resolve(f), dir.resolve(f));
      }
    }
  }

  @Override
  public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
    AssessmentRegion ar = region(progress).region();
    Path planFile = null;
    JsonNode plan = p.get("plan");
    if (plan != null && !plan.isNull()) {
      planFile = dir.resolve("plan.geojson");
      Files.writeString(planFile, JSON.writeValueAsString(plan));
    }
    BarrierPlan bp = AssessCommand.readPlan(planFile, null, null, ar, policy.get());
    Assessor assessor = new Assessor(ar, ObjectivesReader.of(ar.definition()), progress);
    JsonNode rear = p.get("rear");
    if (rear != null && !rear.isNull()) {
      // as `assess --rear`: the same checks, errors naming rear.geojson and the feature
      Path rearFile = dir.resolve("rear.geojson");
      Files.writeString(rearFile, JSON.writeValueAsString(rear));
      assessor.evacuateTo(RearReader.read(rearFile, region(progress).pack()));
    }
    AssessmentResult r = assessor.assess(bp, cases(p), progress);
    r = withShelters(r, region(progress), assessor);
    Path out = dir.resolve("out");
    AssessmentWriter.write(out, r, ar);
    // the job's files are served flat: lift the main outputs up one level
    lift(
        out,
        dir,
        List.of(
            "summary.json",
            "avenues.geojson",
            "warning.geojson",
            "civilians.geojson",
            "report.html",
            "violations.geojson"));
    ObjectNode res = summary(r);
    isochrones(r, dir, res);
    res.putArray("files").add("summary.json").add("avenues.geojson").add("report.html");
    return res;
  }
}
