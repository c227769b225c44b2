package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.assess.report.AssessmentWriter;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.raster.GeoTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class AssessorTest {
  @TempDir Path dir;

  private static final double TRACKED_OPEN_S_PER_M = 3.6 / 30;

  private static AssessmentOptions tracked(Season s) {
    return AssessmentOptions.defaults()
        .withCases(List.of(VehicleClass.TRACKED), List.of(s))
        .withMarginal(AssessmentOptions.Marginal.EXACT)
        .withThreads(1);
  }

  private static Objective objectiveAt(SyntheticRegion r, double col, double row) {
    return new Objective(
        "target",
        "Target",
        new GeometryFactory().createPoint(new Coordinate(r.x(col), r.y(row))),
        0);
  }

  private Path planFile(String features) throws IOException {
    Path p = dir.resolve("plan.geojson");
    Files.writeString(
        p,
        "{\"type\":\"FeatureCollection\",\"name\":\"T <b>&amp;</b>\",\"policy\":{\"civilian_buffer_m\":300,\"buffer_override_reason\":\"synthetic test region\"},\"features\":["
            + features
            + "]}");
    return p;
  }

  private static String line(
      SyntheticRegion r, String id, String type, double c0, double r0, double c1, double r1) {
    double[] a = r.lonLat(c0, r0);
    double[] b = r.lonLat(c1, r1);
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Feature\",\"id\":\"%s\",\"properties\":{\"type\":\"%s\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}}",
        id,
        type,
        a[0],
        a[1],
        b[0],
        b[1]);
  }

  private static String point(SyntheticRegion r, String id, String type, double c, double row) {
    double[] a = r.lonLat(c, row);
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Feature\",\"id\":\"%s\",\"properties\":{\"type\":\"%s\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.9f,%.9f]}}",
        id,
        type,
        a[0],
        a[1]);
  }

  @Test
  void openGroundTimeIsDistanceTimesFriction() {
    SyntheticRegion r = new SyntheticRegion(40, 21);
    Assessor a = new Assessor(r.build(), List.of(objectiveAt(r, 30.5, 10.5)), Progress.NONE);
    AssessmentResult res =
        a.assess(BarrierPlan.empty(PlanPolicy.DEFAULT), tracked(Season.DRY), Progress.NONE);
    Case c = res.cases().get(0);
    // 30 orthogonal moves of 100 m; frictions are floats, so exact up to float rounding of 3.6/30
    assertThat(c.time("target").baseline_s())
        .isCloseTo(30 * 100 * TRACKED_OPEN_S_PER_M, within(1e-3));
    assertThat(c.avenues()).isNotEmpty();
    assertThat(c.avenues().get(0).length_m()).isCloseTo(3000, within(1e-6));
  }

  @Test
  void riverForcesTheBridgeAndADemolitionAddsItsRoadDelay() throws IOException {
    SyntheticRegion r = new SyntheticRegion(40, 21);
    r.column(20, 0, 20, SyntheticRegion.RIVER);
    r.road(2.5, 10.5, 19.5, 10.5, "PRIMARY", false)
        .road(19.5, 10.5, 20.5, 10.5, "PRIMARY", true)
        .road(20.5, 10.5, 38.5, 10.5, "PRIMARY", false);
    AssessmentRegion ar = r.build();
    Assessor a = new Assessor(ar, List.of(objectiveAt(r, 30.5, 10.5)), Progress.NONE);
    AssessmentResult base =
        a.assess(BarrierPlan.empty(PlanPolicy.DEFAULT), tracked(Season.DRY), Progress.NONE);
    double t0 = base.cases().get(0).time("target").baseline_s();
    assertThat(t0).isFinite();

    BarrierPlan plan =
        new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent())
            .read(planFile(point(r, "demo", "bridge_demolition", 20.0, 10.5)));
    AssessmentResult res = a.assess(plan, tracked(Season.DRY), Progress.NONE);
    Case c = res.cases().get(0);
    assertThat(c.time("target").baseline_s()).isEqualTo(t0);
    assertThat(c.time("target").delay_s()).isCloseTo(14_400, within(1e-6));
    assertThat(c.marginal_s().get("demo").get("target")).isCloseTo(14_400, within(1e-6));
    AssessmentResult fast =
        a.assess(
            plan, tracked(Season.DRY).withMarginal(AssessmentOptions.Marginal.FAST), Progress.NONE);
    assertThat(fast.cases().get(0).marginal_s().get("demo").get("target"))
        .isCloseTo(14_400, within(1e-6));
    assertThat(
            c.avenues().stream()
                .filter(v -> v.scenario() == Scenario.PLAN)
                .findFirst()
                .orElseThrow()
                .obstacleIds())
        .containsExactly("demo");
  }

  @Test
  void ditchAcrossTheFrontDelaysByItsCrossingDelayAndNothingIsEverFaster() throws IOException {
    SyntheticRegion r = new SyntheticRegion(40, 21);
    r.road(0.5, 5.5, 39.5, 5.5, "SECONDARY", false);
    AssessmentRegion ar = r.build();
    Assessor a = new Assessor(ar, List.of(objectiveAt(r, 35.5, 15.5)), Progress.NONE);
    BarrierPlan plan =
        new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent())
            .read(planFile(line(r, "ditch", "at_ditch", 15.5, 0.05, 15.5, 20.95)));
    for (Season s : Season.values()) {
      AssessmentResult res = a.assess(plan, tracked(s), Progress.NONE);
      Case c = res.cases().get(0);
      double delay = c.time("target").delay_s();
      assertThat(delay).as("season %s", s).isCloseTo(3600, within(1e-6));
      assertThat(c.marginal_s().get("ditch").get("target")).isCloseTo(3600, within(1e-6));
      AssessmentResult fast =
          a.assess(plan, tracked(s).withMarginal(AssessmentOptions.Marginal.FAST), Progress.NONE);
      assertThat(fast.cases().get(0).marginal_s().get("ditch").get("target"))
          .as("fast marginal equals the exact one, season %s", s)
          .isCloseTo(3600, within(1e-6));
      float[] iso = c.isochrone_h().data();
      assertThat(iso[5 * 40 + 10]).isLessThan(iso[5 * 40 + 20]);
    }
  }

  @Test
  void minesNearCiviliansAreViolationsAndOutputsAreWritten() throws IOException {
    SyntheticRegion r = new SyntheticRegion(40, 21);
    r.civilian(25.5, 10.5);
    AssessmentRegion ar = r.build();
    Assessor a = new Assessor(ar, List.of(objectiveAt(r, 35.5, 10.5)), Progress.NONE);
    BarrierPlan plan =
        new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent())
            .read(
                planFile(
                    line(r, "mf<1>", "at_minefield", 27.5, 0.05, 27.5, 20.95)
                        + ","
                        + line(r, "far", "at_minefield", 10.5, 0.05, 10.5, 20.95)));
    AssessmentResult res =
        a.assess(
            plan,
            tracked(Season.DRY).withCases(List.of(VehicleClass.values()), List.of(Season.DRY)),
            Progress.NONE);
    assertThat(res.violations()).extracting(v -> v.obstacleId()).containsExactly("mf<1>");
    assertThat(res.violations().get(0).distance_m()).isCloseTo(200, within(1.0));

    Path out = dir.resolve("out");
    Path report = AssessmentWriter.write(out, res, ar);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("cases")).hasSize(3);
    assertThat(summary.path("violations").asInt()).isEqualTo(1);
    assertThat(
            summary
                .path("obstacles")
                .get(0)
                .path("marginal_delay_s")
                .path("tracked-dry")
                .path("target")
                .isNumber())
        .isTrue();
    assertThat(GeoJsonReader.readAll(out.resolve("avenues.geojson"))).isNotEmpty();
    assertThat(GeoJsonReader.readAll(out.resolve("violations.geojson"))).hasSize(1);
    assertThat(GeoTiff.readFloat(out.resolve("isochrones/wheeled-dry.tif")).grid())
        .isEqualTo(ar.grid());
    String html = Files.readString(report);
    assertThat(html)
        .contains("T &lt;b&gt;&amp;amp;&lt;/b&gt;")
        .doesNotContain("<b>&amp;</b>")
        .contains("mf&lt;1&gt;");
    assertThat(html).contains("<svg").contains("data:image/png;base64,");
    assertThat(html).contains("Friendly reinforcement routes").contains("Humanitarian check");
    assertThat(html).contains("Programme: cost by year and category");
    assertThat(summary.path("plan").path("programme").get(0).path("category").asText())
        .isEqualTo("mines");
  }

  @Test
  void sensorSitesAreReportedApartFromThePlanCostAndLeaveTimesUnchanged() throws IOException {
    SyntheticRegion r = new SyntheticRegion(40, 21);
    r.civilian(25.5, 10.5);
    AssessmentRegion ar = r.build();
    Assessor a = new Assessor(ar, List.of(objectiveAt(r, 35.5, 10.5)), Progress.NONE);
    String ditch = line(r, "ditch", "at_ditch", 15.5, 0.05, 15.5, 20.95);
    double[] q = r.lonLat(20.5, 5.5);
    String sensors =
        point(r, "r<1>", "gsr_portable", 5.5, 5.5)
            + ","
            + point(r, "j1", "gnss_jammer", 26.5, 10.5)
            + ","
            + String.format(
                Locale.ROOT,
                "{\"type\":\"Feature\",\"id\":\"q1\",\"properties\":{\"type\":\"cuas_radar\","
                    + "\"azimuth_deg\":90,\"height_m\":8},\"geometry\":{\"type\":\"Point\","
                    + "\"coordinates\":[%.9f,%.9f]}}",
                q[0],
                q[1]);
    BarrierPlanReader reader = new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent());
    BarrierPlan plain = reader.read(planFile(ditch));
    BarrierPlan plan = reader.read(planFile(ditch + "," + sensors));
    assertThat(plan.sensors()).extracting(s -> s.id()).containsExactly("r<1>", "j1", "q1");
    assertThat(plan.totalCost_eur()).isEqualTo(plain.totalCost_eur());
    AssessmentResult res = a.assess(plan, tracked(Season.DRY), Progress.NONE);
    AssessmentResult without = a.assess(plain, tracked(Season.DRY), Progress.NONE);
    assertThat(res.cases().get(0).time("target").plan_s())
        .isEqualTo(without.cases().get(0).time("target").plan_s());
    assertThat(res.violations()).isEmpty();

    Path out = dir.resolve("out");
    String html = Files.readString(AssessmentWriter.write(out, res, ar));
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("sensors");
    assertThat(s.path("count").asInt()).isEqualTo(3);
    assertThat(s.path("cost_eur").asLong()).isEqualTo(600_000 + 150_000 + 350_000);
    assertThat(s.path("upkeep_eur_per_year").asLong()).isEqualTo(60_000 + 15_000 + 35_000);
    JsonNode radar = s.path("sites").get(2);
    assertThat(radar.path("type").asText()).isEqualTo("cuas_radar");
    assertThat(radar.path("category").asText()).isEqualTo("cuas_sensor");
    assertThat(radar.path("height_m").asDouble()).isEqualTo(8);
    assertThat(radar.path("arc_deg").asDouble()).isEqualTo(120);
    assertThat(radar.path("azimuth_deg").asDouble()).isEqualTo(90);
    assertThat(s.path("warnings")).hasSize(1);
    assertThat(s.path("warnings").get(0).path("sensor").asText()).isEqualTo("j1");
    assertThat(s.path("warnings").get(0).path("distance_m").asLong()).isEqualTo(100);
    assertThat(html)
        .contains("Sensor, EW and counter-drone sites")
        .contains("r&lt;1&gt;")
        .contains("Man-portable ground surveillance radar")
        .contains("cuas_sensor")
        .contains("120° centred on 90°")
        .contains("€1.1 m to buy")
        .contains("jammer near settlement Kaimas: j1");

    JsonNode watch =
        new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("watch");
    assertThat(watch.path("target").asText()).isEqualTo("vehicle");
    assertThat(watch.path("obstacles").get(0).path("id").asText()).isEqualTo("ditch");
    assertThat(watch.path("obstacles").get(0).path("observed_share").asDouble()).isPositive();
    assertThat(watch.path("obstacles_unobserved").asInt()).isZero();
    // the radar watches the whole ditch, so it counts in full and no delay is lost
    assertThat(watch.path("obstacles").get(0).path("factor").asDouble()).isEqualTo(1.0);
    assertThat(watch.path("delay_lost").get(0).path("hours").asDouble()).isZero();
    JsonNode warning = watch.path("warning").get(0);
    assertThat(warning.path("case").asText()).isEqualTo("tracked-dry");
    assertThat(warning.path("objective").asText()).isEqualTo("target");
    assertThat(warning.path("warning_h").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(warning.path("arrival_h").asDouble());
    assertThat(warning.path("arrival_h").asDouble() - warning.path("first_detection_h").asDouble())
        .isCloseTo(warning.path("warning_h").asDouble(), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(html).contains("What the sensors watch (vehicles)");
    assertThat(html).contains("Warning time (h)");

    AssessmentWriter.write(dir.resolve("plain"), without, ar);
    JsonNode none =
        new ObjectMapper().readTree(dir.resolve("plain/summary.json").toFile()).path("sensors");
    assertThat(none.path("count").asInt()).isZero();
    assertThat(Files.readString(dir.resolve("plain/report.html")))
        .doesNotContain("Sensor, EW and counter-drone sites")
        .doesNotContain("What the sensors watch");
    // a plan without sensor sites: the watch is not modelled, and both outputs say so
    JsonNode plainWatch =
        new ObjectMapper().readTree(dir.resolve("plain/summary.json").toFile()).path("watch");
    assertThat(plainWatch.path("status").asText()).isEqualTo("no_sensors");
    assertThat(plainWatch.path("note").asText())
        .isEqualTo(
            "the plan has no sensor sites: obstacles are assumed watched by forces outside the"
                + " plan");
    assertThat(Files.readString(dir.resolve("plain/report.html")))
        .contains("The plan has no sensor sites: obstacles are assumed watched by forces outside");
  }

  @Test
  void objectiveOutsideTheGridIsAClearError() {
    SyntheticRegion r = new SyntheticRegion(10, 10);
    assertThatThrownBy(
            () -> new Assessor(r.build(), List.of(objectiveAt(r, 500, 500)), Progress.NONE))
        .hasMessageContaining("objective \"Target\"")
        .hasMessageContaining("covers no cell");
  }
}
