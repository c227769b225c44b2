package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/** Sensor, EW and counter-drone sites in plan files: parsing, defaults and every bad input. */
class BarrierPlanSensorsTest {
  @TempDir Path dir;
  private final Envelope lithuania = BarrierPlanReaderTest.envelope(20.9, 53.8, 26.9, 56.5);
  private final BarrierPlanReader reader =
      new BarrierPlanReader(ObstacleCatalog.defaults(), SensorCatalog.defaults(), lithuania);

  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[25.50,54.30]}";
  private static final String LINE =
      "{\"type\":\"LineString\",\"coordinates\":[[25.50,54.30],[25.60,54.30]]}";
  private static final String POLYGON =
      "{\"type\":\"Polygon\",\"coordinates\":[[[25.5,54.3],[25.6,54.3],[25.6,54.4],[25.5,54.3]]]}";

  private Path plan(String... features) throws IOException {
    Path p = dir.resolve("plan.geojson");
    Files.writeString(
        p, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
    return p;
  }

  private static String feature(String props, String geom) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geom + "}";
  }

  @Test
  void readsSensorSitesBesideObstacles() throws IOException {
    Path p =
        plan(
            feature("\"type\":\"at_ditch\",\"id\":\"d1\"", LINE),
            feature("\"type\":\"gsr_portable\",\"id\":\"r1\",\"year\":2", POINT),
            feature("\"type\":\"eoir_mast\",\"id\":\"c1\",\"height_m\":20", POINT),
            feature("\"type\":\"cuas_radar\",\"id\":\"q1\",\"azimuth_deg\":90.5", POINT),
            feature("\"type\":\"fibre_fence_sensor\",\"id\":\"f1\",\"name\":\"Fence\"", LINE));
    BarrierPlan plan = reader.read(p);

    assertThat(plan.obstacles()).extracting(Obstacle::id).containsExactly("d1");
    assertThat(plan.sensors()).extracting(SensorSite::id).containsExactly("r1", "c1", "q1", "f1");
    SensorSite radar = plan.sensors().get(0);
    assertThat(radar.type().category()).isEqualTo(SensorCategory.SURVEILLANCE);
    assertThat(radar.name()).isEqualTo(radar.type().name());
    assertThat(radar.year()).isEqualTo(2);
    assertThat(radar.height_m()).isEqualTo(3); // the catalog's
    assertThat(radar.overridesHeight()).isFalse();
    assertThat(radar.azimuth_deg()).isNaN();
    assertThat(radar.geometry_lks94()).isInstanceOf(Point.class);
    Coordinate expected = Crs.lks94().toMetric(25.50, 54.30, new Coordinate());
    assertThat(radar.geometry_lks94().getCoordinate().distance(expected)).isLessThan(0.01);

    assertThat(plan.sensors().get(1).height_m()).isEqualTo(20);
    assertThat(plan.sensors().get(1).overridesHeight()).isTrue();
    assertThat(plan.sensors().get(2).azimuth_deg()).isEqualTo(90.5);

    SensorSite fence = plan.sensors().get(3);
    assertThat(fence.name()).isEqualTo("Fence");
    assertThat(fence.geometry_lks94()).isInstanceOf(LineString.class);
    // 0.1 degree of longitude at 54.3 N is about 6.5 km; priced per km
    assertThat(fence.quantity()).isCloseTo(6.5, within(0.1));
    assertThat(fence.cost_eur()).isCloseTo(fence.quantity() * 40_000, within(1.0));
    assertThat(radar.quantity()).isEqualTo(1);

    assertThat(plan.sensorCost_eur())
        .isCloseTo(600_000 + 250_000 + 350_000 + fence.cost_eur(), within(1.0));
    assertThat(plan.sensorUpkeep_eur_per_year())
        .isCloseTo(60_000 + 20_000 + 35_000 + fence.quantity() * 2_000, within(1.0));
    // sensors are reported apart: the obstacle cost (and so every budget) is unchanged
    assertThat(plan.totalCost_eur()).isCloseTo(plan.obstacles().get(0).cost_eur(), within(1e-6));
  }

  @Test
  void oldPlansHaveNoSensorsAndTheDefaultReaderKnowsTheBuiltInTypes() throws IOException {
    Path p = plan(feature("\"type\":\"at_ditch\",\"id\":\"d1\"", LINE));
    BarrierPlan plan = new BarrierPlanReader(ObstacleCatalog.defaults(), lithuania).read(p);
    assertThat(plan.sensors()).isEmpty();
    assertThat(plan.sensorCost_eur()).isZero();
    assertThat(new BarrierPlan("s", "n", PlanPolicy.DEFAULT, plan.obstacles()).sensors()).isEmpty();

    Path s = plan(feature("\"type\":\"gnss_jammer\"", POINT));
    BarrierPlan withJammer = new BarrierPlanReader(ObstacleCatalog.defaults(), lithuania).read(s);
    assertThat(withJammer.sensors()).extracting(SensorSite::id).containsExactly("sensor-1");
    assertThat(withJammer.withPolicy(new PlanPolicy(true, 500)).sensors()).hasSize(1);
  }

  @Test
  void typeOfNeitherCatalogNamesFileFeatureAndNearMatches() throws IOException {
    Path p = plan(feature("\"type\":\"gsr_portabel\",\"id\":\"s1\"", POINT));
    assertThatThrownBy(() -> reader.read(p))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("plan.geojson: feature 0 (id \"s1\"): ")
        .hasMessageContaining("unknown obstacle type \"gsr_portabel\", nor a sensor type")
        .hasMessageContaining("near matches: gsr_portable;")
        .hasMessageContaining("sensor types: gsr_portable, eoir_mast");
    Path q = plan(feature("\"type\":\"jammer\"", POINT));
    assertThatThrownBy(() -> reader.read(q))
        .hasMessageContaining("near matches: gnss_jammer, uas_link_jammer");
  }

  @Test
  void sensorWithAPolygonOrAPointLineIsRefused() throws IOException {
    Path p = plan(feature("\"type\":\"gsr_portable\",\"id\":\"s1\"", POLYGON));
    assertThatThrownBy(() -> reader.read(p))
        .hasMessageContaining(
            "feature 0 (id \"s1\"): gsr_portable is a sensor site and needs a Point geometry,"
                + " not Polygon");
    Path l = plan(feature("\"type\":\"fibre_fence_sensor\"", POINT));
    assertThatThrownBy(() -> reader.read(l))
        .hasMessageContaining(
            "fibre_fence_sensor is a sensor line and needs a LineString or MultiLineString"
                + " geometry, not Point");
  }

  @Test
  void heightOutOfRangeOrNotANumber() throws IOException {
    for (String h : List.of("5000", "-1", "3000.5")) {
      Path p = plan(feature("\"type\":\"aerostat_radar\",\"id\":\"a\",\"height_m\":" + h, POINT));
      assertThatThrownBy(() -> reader.read(p))
          .hasMessageContaining("plan.geojson: feature 0 (id \"a\"): height_m must be within")
          .hasMessageContaining("0..3000 m, not " + h);
    }
    Path p = plan(feature("\"type\":\"aerostat_radar\",\"height_m\":\"high\"", POINT));
    assertThatThrownBy(() -> reader.read(p)).hasMessageContaining("height_m must be a number");
    Path edge = plan(feature("\"type\":\"aerostat_radar\",\"height_m\":3000", POINT));
    assertThat(reader.read(edge).sensors().get(0).height_m()).isEqualTo(3000);
  }

  @Test
  void directionalSensorNeedsAnAzimuthWithinRange() throws IOException {
    Path missing = plan(feature("\"type\":\"cuas_radar\",\"id\":\"q\"", POINT));
    assertThatThrownBy(() -> reader.read(missing))
        .hasMessageContaining("feature 0 (id \"q\"): cuas_radar covers a 120° arc: azimuth_deg")
        .hasMessageContaining("is required");
    Path far = plan(feature("\"type\":\"cuas_radar\",\"azimuth_deg\":400", POINT));
    assertThatThrownBy(() -> reader.read(far))
        .hasMessageContaining("azimuth_deg must be within 0..360 degrees, not 400");
    Path text = plan(feature("\"type\":\"drone_jammer_handheld\",\"azimuth_deg\":\"N\"", POINT));
    assertThatThrownBy(() -> reader.read(text))
        .hasMessageContaining("azimuth_deg must be a number");
    // an omnidirectional type may carry an azimuth; it is kept as given
    Path omni = plan(feature("\"type\":\"gsr_portable\",\"azimuth_deg\":0", POINT));
    assertThat(reader.read(omni).sensors().get(0).azimuth_deg()).isZero();
  }

  @Test
  void sensorOutsideTheRegionOrSharingAnIdIsRefused() throws IOException {
    Path p =
        plan(
            feature(
                "\"type\":\"gsr_portable\"", "{\"type\":\"Point\",\"coordinates\":[13.4,52.5]}"));
    assertThatThrownBy(() -> reader.read(p))
        .hasMessageContaining("feature 0: position [13.40000, 52.50000] lies outside the region");
    Path dup =
        plan(
            feature("\"type\":\"at_ditch\",\"id\":\"x\"", LINE),
            feature("\"type\":\"gsr_portable\",\"id\":\"x\"", POINT));
    assertThatThrownBy(() -> reader.read(dup))
        .hasMessageContaining("feature 1 (id \"x\"): duplicate sensor id \"x\"");
  }

  @Test
  void aSensorCatalogSharingAnIdWithTheObstacleCatalogIsRefused() throws IOException {
    String json =
        new String(
                BarrierPlanSensorsTest.class.getResourceAsStream("sensors.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"id\": \"ugs_seismic_acoustic\"", "\"id\": \"bunker\"");
    Path file = Files.writeString(dir.resolve("my-sensors.json"), json);
    SensorCatalog clash = SensorCatalog.load(file);
    assertThatThrownBy(() -> new BarrierPlanReader(ObstacleCatalog.defaults(), clash, lithuania))
        .hasMessageContaining("my-sensors.json: type \"bunker\": the id is also an obstacle type");
  }

  @Test
  void jammersInsideTheCivilianBufferAreWarningsNotViolations() throws IOException {
    Path p =
        plan(
            feature("\"type\":\"gnss_jammer\",\"id\":\"j1\"", POINT),
            feature("\"type\":\"gsr_portable\",\"id\":\"r1\"", POINT),
            feature(
                "\"type\":\"uas_link_jammer\",\"id\":\"j2\"",
                "{\"type\":\"Point\",\"coordinates\":[25.90,54.60]}"));
    BarrierPlan plan = reader.read(p);
    Coordinate village = Crs.lks94().toMetric(25.50, 54.305, new Coordinate()); // ~556 m north
    HumanitarianCheck check =
        new HumanitarianCheck(
            List.of(
                new CivilianFeature(
                    "Kaimas", "settlement", new GeometryFactory().createPoint(village))));
    assertThat(check.check(plan)).isEmpty();
    List<SensorWarning> w = check.jammersNearCivilians(plan);
    assertThat(w).extracting(SensorWarning::sensorId).containsExactly("j1");
    assertThat(w.get(0).distance_m()).isCloseTo(556, within(10.0));
    assertThat(w.get(0).message())
        .startsWith(
            "jammer near settlement Kaimas: j1, a Ground GNSS jammer (area denial), lies 55")
        .endsWith("inside the 1000 m civilian buffer");
    PlanPolicy narrow =
        new PlanPolicy(false, 100, java.util.List.of(), java.util.Map.of(), "test", "test");
    assertThat(check.jammersNearCivilians(plan.withPolicy(narrow))).isEmpty();
  }
}
