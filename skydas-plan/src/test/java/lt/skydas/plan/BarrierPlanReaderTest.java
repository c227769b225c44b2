package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class BarrierPlanReaderTest {
  @TempDir Path dir;
  private final ObstacleCatalog catalog = ObstacleCatalog.defaults();
  private final Envelope lithuania = envelope(20.9, 53.8, 26.9, 56.5);

  static Envelope envelope(double lon0, double lat0, double lon1, double lat1) {
    Coordinate a = Crs.lks94().toMetric(lon0, lat0, new Coordinate());
    Coordinate b = Crs.lks94().toMetric(lon1, lat1, new Coordinate());
    Envelope e = new Envelope(a, b);
    e.expandBy(20_000);
    return e;
  }

  private Path plan(String features, String extra) throws IOException {
    Path p = dir.resolve("plan.geojson");
    Files.writeString(
        p, "{\"type\":\"FeatureCollection\"" + extra + ",\"features\":[" + features + "]}");
    return p;
  }

  private static String feature(String props, String geom) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geom + "}";
  }

  private static final String LINE =
      "{\"type\":\"LineString\",\"coordinates\":[[25.50,54.30],[25.60,54.30]]}";

  @Test
  void catalogShipsEveryObstacleTheMinistryNames() {
    assertThat(catalog.listTypes())
        .extracting(ObstacleType::id)
        .contains(
            "at_minefield",
            "ap_minefield",
            "mixed_minefield",
            "at_ditch",
            "dragons_teeth",
            "bunker",
            "drainage_ditch",
            "reforestation_belt",
            "roadside_tree_line",
            "road_control_point",
            "bridge_demolition");
    assertThat(catalog.listTypes())
        .allSatisfy(
            t -> {
              if (t.emplacement().onWarning()) {
                assertThat(t.sources())
                    .as(t.id())
                    .containsOnlyKeys(
                        "delay", "cost", "build", "clearance", "watch", "emplacement");
              } else {
                assertThat(t.sources())
                    .as(t.id())
                    .containsOnlyKeys("delay", "cost", "build", "clearance", "watch");
              }
            });
  }

  @Test
  void readsObstaclesWithPolicyQuantitiesAndCost() throws IOException {
    Path p =
        plan(
            feature("\"type\":\"at_ditch\",\"id\":\"d1\",\"name\":\"Ditch\",\"year\":2", LINE),
            ",\"name\":\"P\",\"policy\":{\"ap_mines_enabled\":true,\"civilian_buffer_m\":500}");
    BarrierPlan plan = new BarrierPlanReader(catalog, lithuania).read(p);
    assertThat(plan.name()).isEqualTo("P");
    // the plan's policy is what it asks for, read like a policy file
    assertThat(plan.policy().sameRules(new PlanPolicy(true, 500))).isTrue();
    assertThat(plan.policy().source()).startsWith("requested by plan ").endsWith("plan.geojson");
    Obstacle o = plan.obstacles().get(0);
    assertThat(o.id()).isEqualTo("d1");
    assertThat(o.year()).isEqualTo(2);
    // 0.1 degree of longitude at 54.3 N is about 6.5 km
    assertThat(o.quantity()).isCloseTo(6.5, within(0.1));
    assertThat(o.cost_eur()).isCloseTo(o.quantity() * 150_000, within(1.0));
    assertThat(o.type().crossingDelay_s(VehicleClass.TRACKED)).isEqualTo(3600);
    assertThat(o.type().category()).isEqualTo("barriers");
    assertThat(plan.costByYearAndCategory()).containsOnlyKeys(2);
    assertThat(plan.costByYearAndCategory().get(2).get("barriers"))
        .isCloseTo(o.cost_eur(), within(1e-6));
  }

  @Test
  void unknownTypeListsKnownOnes() throws IOException {
    Path p = plan(feature("\"type\":\"moat\"", LINE), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(p))
        .hasMessageContaining("plan.geojson: feature 0")
        .hasMessageContaining("unknown obstacle type \"moat\"")
        .hasMessageContaining("at_ditch");
  }

  @Test
  void wrongGeometryKind() throws IOException {
    Path p = plan(feature("\"type\":\"bunker\"", LINE), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(p))
        .hasMessageContaining("bunker needs a Point or MultiPoint geometry, not LineString");
  }

  @Test
  void selfIntersectingPolygonIsInvalidWithLocation() throws IOException {
    String bowtie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[25.0,54.0],[25.1,54.1],[25.1,54.0],[25.0,54.1],[25.0,54.0]]]}";
    Path p = plan(feature("\"type\":\"reforestation_belt\",\"id\":\"r\"", bowtie), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(p))
        .hasMessageContaining("feature 0")
        .hasMessageContaining("invalid geometry: Self-intersection at [25.05, 54.05");
  }

  @Test
  void outsideRegion() throws IOException {
    String far = "{\"type\":\"LineString\",\"coordinates\":[[13.4,52.5],[13.5,52.5]]}";
    Path p = plan(feature("\"type\":\"at_ditch\"", far), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(p))
        .hasMessageContaining("outside the region");
  }

  @Test
  void duplicateIdsAndHostileStrings() throws IOException {
    Path dup =
        plan(
            feature("\"type\":\"at_ditch\",\"id\":\"x\"", LINE)
                + ","
                + feature("\"type\":\"at_ditch\",\"id\":\"x\"", LINE),
            "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(dup))
        .hasMessageContaining("feature 1")
        .hasMessageContaining("duplicate obstacle id \"x\"");
    Path ctl = plan(feature("\"type\":\"at_ditch\",\"name\":\"a\\u0000b\"", LINE), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(ctl))
        .hasMessageContaining("control character");
    Path huge =
        plan(feature("\"type\":\"at_ditch\",\"name\":\"" + "x".repeat(5000) + "\"", LINE), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(huge))
        .hasMessageContaining("1..200 characters");
    // SQL or HTML metacharacters are just text: kept verbatim, escaped by writers
    Path sql =
        plan(feature("\"type\":\"at_ditch\",\"name\":\"'; DROP TABLE x; -- <script>\"", LINE), "");
    assertThat(new BarrierPlanReader(catalog, lithuania).read(sql).obstacles().get(0).name())
        .isEqualTo("'; DROP TABLE x; -- <script>");
  }

  @Test
  void badPolicyAndYear() throws IOException {
    Path p = plan(feature("\"type\":\"at_ditch\"", LINE), ",\"policy\":{\"civilian_buffer_m\":-5}");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(p))
        .hasMessageContaining("civilian_buffer_m");
    Path y = plan(feature("\"type\":\"at_ditch\",\"year\":1.5", LINE), "");
    assertThatThrownBy(() -> new BarrierPlanReader(catalog, lithuania).read(y))
        .hasMessageContaining("year must be a whole number");
  }

  @Test
  void humanitarianCheckFlagsMinesNearCiviliansAndApMines() throws IOException {
    Path p =
        plan(
            feature("\"type\":\"at_minefield\",\"id\":\"m1\"", LINE)
                + ","
                + feature(
                    "\"type\":\"ap_minefield\",\"id\":\"m2\"",
                    "{\"type\":\"LineString\",\"coordinates\":[[25.50,54.50],[25.60,54.50]]}")
                + ","
                + feature("\"type\":\"at_ditch\",\"id\":\"d\"", LINE),
            "");
    BarrierPlan plan = new BarrierPlanReader(catalog, lithuania).read(p);
    GeometryFactory gf = new GeometryFactory();
    Coordinate village =
        Crs.lks94().toMetric(25.55, 54.305, new Coordinate()); // ~550 m north of m1
    HumanitarianCheck check =
        new HumanitarianCheck(
            List.of(new CivilianFeature("Kaimas", "settlement", gf.createPoint(village))));
    List<Violation> v = check.check(plan);
    assertThat(v).extracting(Violation::obstacleId).containsExactly("m1", "m2");
    assertThat(v.get(0).rule()).isEqualTo(Violation.Rule.CIVILIAN_BUFFER);
    assertThat(v.get(0).distance_m()).isCloseTo(556, within(10.0));
    assertThat(v.get(0).message()).contains("Kaimas").contains("1000 m civilian buffer");
    assertThat(v.get(0).where_lks94().getLength())
        .isCloseTo(2 * Math.sqrt(1000 * 1000 - 556 * 556), within(40.0));
    assertThat(v.get(1).rule()).isEqualTo(Violation.Rule.AP_MINES_NOT_ENABLED);

    BarrierPlan lenient =
        new BarrierPlan(plan.source(), plan.name(), new PlanPolicy(true, 500), plan.obstacles());
    assertThat(check.check(lenient)).isEmpty();
  }
}
