package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The policy file (strict, with the floor and its audited override) and the rules it adds to the
 * check: AP mines only inside the policy's zones, and obstacle kinds kept out of protected areas by
 * category or type, on a synthetic ground in LKS-94 with known distances.
 */
class PolicyRulesTest {
  @TempDir Path dir;
  private static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Crs LKS = Crs.of(Crs.LKS94);

  private PlanPolicy read(String json) throws Exception {
    Path f = dir.resolve("policy.json");
    Files.writeString(f, json);
    return PolicyFile.read(f, CATALOG);
  }

  private void refused(String json, String... parts) {
    var t =
        assertThatThrownBy(() -> read(json))
            .as(json)
            .isInstanceOfSatisfying(
                SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
            .hasMessageStartingWith("policy.json");
    for (String p : parts) {
      t.hasMessageContaining(p);
    }
  }

  @Test
  void aPolicyFileIsReadStrictlyWithTheFloorAndItsReason() throws Exception {
    PlanPolicy d = read("{}");
    assertThat(d.sameRules(PlanPolicy.DEFAULT)).isTrue();
    assertThat(d.source()).isEqualTo("file policy.json");
    PlanPolicy p =
        read(
            "{\"civilian_buffer_m\": 300, \"buffer_override_reason\": \"town defence\","
                + " \"protected_areas\": {\"mines\": \"forbidden\", \"at_ditch\": true}}");
    assertThat(p.civilianBuffer_m()).isEqualTo(300);
    assertThat(p.bufferOverride()).isEqualTo("town defence");
    assertThat(p.allowedInProtectedArea(CATALOG.findType("at_ditch").orElseThrow())).isTrue();
    assertThat(p.allowedInProtectedArea(CATALOG.findType("dragons_teeth").orElseThrow())).isFalse();
    assertThat(p.allowedInProtectedArea(CATALOG.findType("road_control_point").orElseThrow()))
        .isTrue();
    // what the file says comes back from its JSON
    PlanPolicy again = PolicyFile.parse(PolicyFile.toJson(p), "again", CATALOG, "again");
    assertThat(again.sameRules(p)).isTrue();

    refused("{\"civilian_buffer_m\": 0}", "civilian_buffer_m", "below the floor of 500 m");
    refused("{\"civilian_buffer_m\": 499, \"buffer_override_reason\": \"  \"}", "below the floor");
    refused("{\"civilian_buffer_m\": -1}", "within 0..50000");
    refused("{\"civilian_buffer_m\": \"wide\"}", "within 0..50000");
    refused("{\"ap_mines\": true}", "ap_mines: unknown policy member");
    refused("{\"ap_mines_enabled\": \"yes\"}", "true or false");
    refused(
        "{\"protected_areas\": {\"minefield\": \"forbidden\"}}",
        "protected_areas.minefield: unknown obstacle kind",
        "at_minefield");
    refused("{\"protected_areas\": {\"mines\": \"maybe\"}}", "\"allowed\" or \"forbidden\"");
    refused(
        "{\"ap_mine_zones\": [{\"type\":\"Point\",\"coordinates\":[24,55]}],"
            + "\"ap_mines_enabled\": true}",
        "ap_mine_zones[0]",
        "not Point");
    refused(
        "{\"ap_mine_zones\": [{\"type\":\"Polygon\",\"coordinates\":[[[24,55],[25,55],[25,56],"
            + "[24,55]]]}]}",
        "need ap_mines_enabled: true");
    refused(
        "{\"ap_mines_enabled\": true, \"ap_mine_zones\": [{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[500000,6000000],[500100,6000000],[500100,6000100],[500000,6000000]]]}]}",
        "ap_mine_zones[0]");
    refused("{\"civilian_buffer_m\": 1000", "not a JSON policy");
    assertThatThrownBy(() -> PolicyFile.read(dir.resolve("none.json"), CATALOG))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND));
  }

  private static Geometry metric(double lon, double lat, double lon2, double lat2) {
    return LKS.toMetric(
        GF.createLineString(
            new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon2, lat2)}));
  }

  private static Obstacle obstacle(String id, String type, Geometry lks) {
    return new Obstacle(id, id, CATALOG.findType(type).orElseThrow(), LKS.toWgs84(lks), lks, 1);
  }

  @Test
  void apMinesOnlyInsideTheZonesAndKindsKeptOutOfProtectedAreas() throws Exception {
    // a park: 25.00–25.02 E, 54.60–54.62 N
    Geometry park =
        LKS.toMetric(
            GF.createPolygon(
                new Coordinate[] {
                  new Coordinate(25.00, 54.60),
                  new Coordinate(25.02, 54.60),
                  new Coordinate(25.02, 54.62),
                  new Coordinate(25.00, 54.62),
                  new Coordinate(25.00, 54.60)
                }));
    HumanitarianCheck check =
        new HumanitarianCheck(
            List.of(), List.of(new ProtectedArea("Test park", "national park", park)), Crs.LKS94);
    PlanPolicy zoned =
        read(
            "{\"ap_mines_enabled\": true, \"ap_mine_zones\": [{\"type\":\"Polygon\","
                + "\"coordinates\":[[[24.0,54.0],[24.5,54.0],[24.5,54.5],[24.0,54.5],"
                + "[24.0,54.0]]]}]}");
    Obstacle inZone = obstacle("in", "ap_minefield", metric(24.1, 54.2, 24.12, 54.2));
    // 0.01° of longitude at 54.5 N ≈ 646 m sticks out of the zone's east edge (24.5 E)
    Obstacle across = obstacle("across", "ap_minefield", metric(24.49, 54.3, 24.51, 54.3));
    Obstacle ditchInPark = obstacle("ditch", "at_ditch", metric(25.005, 54.61, 25.015, 54.61));
    Obstacle cpInPark =
        new Obstacle(
            "cp",
            "cp",
            CATALOG.findType("road_control_point").orElseThrow(),
            GF.createPoint(new Coordinate(25.01, 54.61)),
            LKS.toMetric(GF.createPoint(new Coordinate(25.01, 54.61))),
            1);
    BarrierPlan plan =
        new BarrierPlan("p", "p", zoned, List.of(inZone, across, ditchInPark, cpInPark));
    List<Violation> v = check.check(plan);
    assertThat(v)
        .extracting(Violation::obstacleId, Violation::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("across", Violation.Rule.AP_MINES_OUTSIDE_ZONES),
            org.assertj.core.groups.Tuple.tuple("ditch", Violation.Rule.PROTECTED_AREA));
    Violation out = v.get(0);
    // the part outside is ~646 m long (0.01° at 54.3 N: 651 m) and touches the zone
    assertThat(out.where_lks94().getLength()).isBetween(640.0, 660.0);
    assertThat(out.message()).contains("outside the policy's AP zones");
    assertThat(v.get(1).message())
        .isEqualTo(
            "ditch: Anti-tank ditch (barriers) lies in national park Test park, where the policy"
                + " keeps barriers out");
    assertThat(check.allows(across, zoned)).isFalse();
    assertThat(check.allows(inZone, zoned)).isTrue();
    assertThat(check.allows(cpInPark, zoned)).isTrue();
    // the same ditch is allowed once the policy allows ditches by type
    PlanPolicy ditches =
        new PlanPolicy(false, 1000, List.of(), Map.of("at_ditch", true), null, "test");
    assertThat(check.allows(ditchInPark, ditches)).isTrue();
    assertThat(
            check.allows(obstacle("teeth", "dragons_teeth", ditchInPark.geometry_lks94()), ditches))
        .isFalse();
    // without AP mines enabled the zones do not matter
    assertThat(check.check(inZone, PlanPolicy.DEFAULT))
        .extracting(Violation::rule)
        .containsExactly(Violation.Rule.AP_MINES_NOT_ENABLED);
  }

  @Test
  void aBufferBelowTheFloorNeedsAReasonInTheTypeItself() {
    assertThatThrownBy(() -> new PlanPolicy(false, 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the floor of 500 m");
    PlanPolicy ok = new PlanPolicy(false, 200, List.of(), Map.of(), "border town", "test");
    assertThat(ok.summary()).contains("200 m civilian buffer (below the floor: border town)");
    assertThat(ok.withCivilianBuffer_m(800).bufferOverride()).isEqualTo("border town");
  }
}
