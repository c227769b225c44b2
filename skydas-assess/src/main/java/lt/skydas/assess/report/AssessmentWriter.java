package lt.skydas.assess.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.ObjectiveTime;
import lt.skydas.assess.Objective;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.Violation;
import lt.skydas.raster.GeoTiff;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Writes an assessment to a directory: {@code summary.json}, {@code avenues.geojson}, {@code
 * warning.geojson} (where the attacker is first seen, {@link WarningLayer}), {@code
 * civilians.geojson} (the settlements in 48 h reach, {@link CivilianLayer}), {@code
 * violations.geojson}, {@code isochrones/<class>-<season>.tif} (hours, Float32, EPSG:3346) and
 * {@code report.html}. The directory is built in a temporary sibling and swapped in only when
 * complete, so a failure never leaves half an output.
 */
public final class AssessmentWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AssessmentWriter() {}

  /** Writes everything to {@code dir} (replacing it); returns the report path. */
  public static Path write(Path dir, AssessmentResult r, AssessmentRegion region) {
    return write(dir, r, region, "Skydas assessment", "", tmp -> {});
  }

  /** The violations of {@code r}, one feature each with its rule, obstacle, message, distance. */
  static void writeViolations(GeoJsonWriter w, AssessmentResult r, lt.skydas.core.geo.Crs crs)
      throws IOException {
    for (Violation v : r.violations()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("rule", v.rule().id());
      p.put("obstacle", v.obstacleId());
      p.put("message", v.message());
      p.put("distance_m", Double.isNaN(v.distance_m()) ? null : Math.round(v.distance_m()));
      w.feature(null, crs.toWgs84(v.where_lks94()), p);
    }
  }

  /** Extra files a caller adds to the output directory. */
  @FunctionalInterface
  public interface Extra {
    void write(Path tmpDir) throws IOException;
  }

  /**
   * Writes the assessment plus a report section and files of the caller's (e.g. {@code optimize})
   * to {@code dir}, atomically; returns the report path.
   */
  public static Path write(
      Path dir,
      AssessmentResult r,
      AssessmentRegion region,
      String title,
      String extraSection,
      Extra extra) {
    SensorFindings sensors = SensorFindings.of(r, region);
    AtomicOutput.writeDirectory(
        dir,
        tmp -> {
          Files.writeString(
              tmp.resolve("summary.json"), JSON.writeValueAsString(summary(r, region, sensors)));
          try (OutputStream out = Files.newOutputStream(tmp.resolve("avenues.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new java.io.BufferedOutputStream(out), 6)) {
            writeAvenues(w, r, region.crs());
          }
          try (OutputStream out = Files.newOutputStream(tmp.resolve("warning.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new java.io.BufferedOutputStream(out), 6)) {
            WarningLayer.write(w, r, sensors.watch(), region.crs());
          }
          try (OutputStream out = Files.newOutputStream(tmp.resolve("civilians.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new java.io.BufferedOutputStream(out), 6)) {
            CivilianLayer.write(w, r, region.crs());
          }
          try (OutputStream out = Files.newOutputStream(tmp.resolve("violations.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new java.io.BufferedOutputStream(out), 6)) {
            writeViolations(w, r, region.crs());
          }
          Path iso = Files.createDirectories(tmp.resolve("isochrones"));
          for (Case c : r.cases()) {
            // Cloud-Optimised, with its unit: QGIS and web clients read it by tiles and overviews
            GeoTiff.writeFloat32Cog(
                iso.resolve(c.id() + ".tif"),
                c.isochrone_h(),
                "h",
                "attacker arrival time with the plan, hours ("
                    + c.vehicle().id()
                    + ", "
                    + c.season().id()
                    + ")");
          }
          Files.writeString(
              tmp.resolve("report.html"),
              ReportHtml.render(r, region, title, extraSection, sensors));
          extra.write(tmp);
        });
    return dir.resolve("report.html");
  }

  static void writeAvenues(GeoJsonWriter w, AssessmentResult r, Crs crs) throws IOException {
    GeometryFactory gf = new GeometryFactory();
    Map<String, String> names = objectiveNames(r);
    for (Case c : r.cases()) {
      for (Avenue a : c.avenues()) {
        if (a.path_lks94().size() < 2) {
          continue;
        }
        Geometry line = gf.createLineString(a.path_lks94().toArray(new Coordinate[0]));
        line = DouglasPeuckerSimplifier.simplify(line, 25);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", a.objectiveId());
        p.put("objective_name", names.get(a.objectiveId()));
        p.put("vehicle", a.vehicle().id());
        p.put("season", a.season().id());
        p.put("scenario", a.scenario().id());
        p.put("rank", a.rank());
        p.put("time_s", Math.round(a.time_s()));
        p.put("time_h", round(a.time_s() / 3600, 2));
        p.put("length_km", round(a.length_m() / 1000, 2));
        p.put("road_share", round(a.roadShare(), 3));
        p.put("obstacles", String.join(",", a.obstacleIds()));
        w.feature(null, crs.toWgs84(line), p);
      }
    }
  }

  static Map<String, String> objectiveNames(AssessmentResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Objective o : r.objectives()) {
      m.put(o.id(), o.name());
    }
    return m;
  }

  static Map<String, Object> summary(AssessmentResult r, AssessmentRegion region) {
    return summary(r, region, SensorFindings.of(r, region));
  }

  static Map<String, Object> summary(
      AssessmentResult r, AssessmentRegion region, SensorFindings sensors) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("generated_at", Instant.now().toString());
    s.put(
        "region",
        Map.of(
            "name", region.name(),
            "cell_size_m", region.grid().cellSize(),
            "width", region.grid().width(),
            "height", region.grid().height(),
            "attacker_start_cells", region.attackerStartCells().length));
    BarrierPlan plan = r.plan();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source", plan.source());
    p.put("name", plan.name());
    p.put("obstacles", plan.obstacles().size());
    p.put("total_cost_eur", Math.round(plan.totalCost_eur()));
    p.put("clearance_cost_eur", Math.round(plan.clearanceCost_eur()));
    p.put("clearance_effort_h", Math.round(plan.clearanceEffort_h()));
    // the policy the run held the plan to, its source named (docs/policy.md)
    Map<String, Object> pol =
        new LinkedHashMap<>(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(lt.skydas.plan.PolicyFile.toJson(plan.policy()), Map.class));
    pol.put("version", plan.policy().registryVersion());
    p.put("policy", pol);
    List<Object> programme = new ArrayList<>();
    plan.costByYearAndCategory()
        .forEach(
            (year, byCat) ->
                byCat.forEach(
                    (cat, eur) -> {
                      Map<String, Object> row = new LinkedHashMap<>();
                      row.put("year", year);
                      row.put("category", cat);
                      row.put("cost_eur", Math.round(eur));
                      programme.add(row);
                    }));
    p.put("programme", programme);
    s.put("plan", p);
    List<Object> objs = new ArrayList<>();
    for (Objective o : r.objectives()) {
      objs.add(Map.of("id", o.id(), "name", o.name(), "radius_m", o.radius_m()));
    }
    s.put("objectives", objs);
    double meur = plan.totalCost_eur() / 1e6;
    List<Object> cases = new ArrayList<>();
    for (Case c : r.cases()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("vehicle", c.vehicle().id());
      cm.put("season", c.season().id());
      List<Object> ts = new ArrayList<>();
      for (ObjectiveTime t : c.times()) {
        Map<String, Object> tm = new LinkedHashMap<>();
        tm.put("objective", t.objectiveId());
        tm.put("baseline_s", num(t.baseline_s()));
        tm.put("plan_s", num(t.plan_s()));
        tm.put("delay_s", num(t.delay_s()));
        tm.put("baseline_h", num(round(t.baseline_s() / 3600, 3)));
        tm.put("plan_h", num(round(t.plan_s() / 3600, 3)));
        tm.put(
            "delay_h_per_million_eur", meur > 0 ? num(round(t.delay_s() / 3600 / meur, 4)) : null);
        ts.add(tm);
      }
      cm.put("times", ts);
      cm.put("avenues", c.avenues().size());
      cm.put("isochrone", "isochrones/" + c.id() + ".tif");
      cm.put("seconds", round(c.seconds(), 2));
      cases.add(cm);
    }
    s.put("cases", cases);
    List<Object> obstacles = new ArrayList<>();
    for (Obstacle o : plan.obstacles()) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("id", o.id());
      om.put("type", o.type().id());
      om.put("name", o.name());
      om.put("year", o.year());
      om.put("quantity", round(o.quantity(), 3));
      om.put("unit", o.type().unit());
      om.put("cost_eur", Math.round(o.cost_eur()));
      om.put("clearance_cost_eur", Math.round(o.clearanceCost_eur()));
      om.put("clearance_effort_h", Math.round(o.clearanceEffort_h()));
      Map<String, Object> marginal = new LinkedHashMap<>();
      for (Case c : r.cases()) {
        Map<String, Double> m = c.marginal_s().get(o.id());
        if (m != null) {
          Map<String, Object> mm = new LinkedHashMap<>();
          m.forEach((k, v) -> mm.put(k, num(v)));
          marginal.put(c.id(), mm);
        }
      }
      om.put("marginal_delay_s", marginal);
      obstacles.add(om);
    }
    s.put("obstacles", obstacles);
    s.put("sensors", SensorSection.summary(plan, sensors.warnings()));
    s.put("watch", WatchSection.summary(sensors.watch()));
    List<Object> routes = new ArrayList<>();
    for (AssessmentResult.RouteTime t : r.reinforcement()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("route", t.routeId());
      m.put("name", t.name());
      m.put("season", t.season().id());
      m.put("baseline_s", num(t.baseline_s()));
      m.put("plan_s", num(t.plan_s()));
      m.put("increase_pct", num(round(t.increasePct(), 2)));
      m.put("limit_pct", t.limitPct());
      m.put("within_limit", t.withinLimit());
      routes.add(m);
    }
    s.put("reinforcement", routes);
    s.put("corridor_race", RaceSection.summary(r));
    s.put("violations", r.violations().size());
    s.put("civilians", CivilianSection.summary(r));
    s.put("seconds", round(r.seconds(), 2));
    return s;
  }

  static Object num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static double round(double v, int places) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
