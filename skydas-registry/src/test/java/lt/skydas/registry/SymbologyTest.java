package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import lt.skydas.registry.Symbology.Stage;
import lt.skydas.registry.exchange.RegistryExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The symbol follows the record's type and lifecycle (issue 19): the right tactical graphic per
 * type, the demolition's state of readiness and the ditch under construction by stage, status A
 * while anticipated. The table's codes themselves are checked against milsymbol and a 2525C → D
 * converter in skydas-web ({@code test/symbols.test.mjs}).
 */
class SymbologyTest {
  private static final Symbology S = Symbology.defaults();

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    // kind, type, status, wkt, 2525C, APP-6(D)
    "OBSTACLE, bridge_demolition, PLANNED, POINT (25 55), GFMAORP--------, 10032510002712010000",
    "OBSTACLE, bridge_demolition, PREPARED, POINT (25 55), GFMAORS--------, 10032510002712020000",
    "OBSTACLE, bridge_demolition, ORDERED, POINT (25 55), GFMAORA--------, 10032510002712030000",
    "OBSTACLE, bridge_demolition, EXECUTED, POINT (25 55), GFMPORC--------, 10032500002712040000",
    "OBSTACLE, at_ditch, APPROVED, 'LINESTRING (25 55, 25.1 55)', GFMAOADC-------,"
        + " 10032510002902020000",
    "OBSTACLE, at_ditch, UNDER_CONSTRUCTION, 'LINESTRING (25 55, 25.1 55)', GFMPOADU-------,"
        + " 10032500002902010000",
    "OBSTACLE, drainage_ditch, EMPLACED, 'LINESTRING (25 55, 25.1 55)', GFMPOADC-------,"
        + " 10032500002902020000",
    "OBSTACLE, dragons_teeth, EMPLACED, 'LINESTRING (25 55, 25.1 55)', GFMPOAOF-------,"
        + " 10032500002819010000",
    "OBSTACLE, road_control_point, PLANNED, POINT (25 55), GFSAPO---------, 10032510003214000000",
    "OBSTACLE, roadside_tree_line, PREPARED, 'LINESTRING (25 55, 25.1 55)', GFMAOS---------,"
        + " 10032510002801000000",
    "MINEFIELD, ap_minefield, LAID, 'LINESTRING (25 55, 25.1 55)', GFMPOFS--------,"
        + " 10032500002707011400",
    "MINEFIELD, mixed_minefield, STOCKED, 'LINESTRING (25 55, 25.1 55)', GFMAOFS--------,"
        + " 10032510002707012100",
    "DEPOT, depot, PREPARED, POINT (25 55), GFSPPAS--------, 10032500003202000000",
    "DEPOT, depot, APPROVED, POINT (25 55), GFSAPAS--------, 10032510003202000000",
    "SHELTER, shelter, READY, POINT (25 55), GFMPSS---------, 10032500002810000000",
    "OBSTACLE, someones_own_type, PLANNED, 'LINESTRING (25 55, 25.1 55)', GFMAOGL--------,"
        + " 10032510002901000000",
    "OBSTACLE, someones_own_type, EMPLACED, 'POLYGON ((25 55, 25.1 55, 25 55.1, 25 55))',"
        + " GFMPOGZ--------, 10032500002702000000",
  })
  void codesFollowTypeAndLifecycle(
      RecordKind kind, String type, Status status, String wkt, String c, String d) {
    Symbology.Symbol s = S.of(kind, type, RecordCodec.geometry(wkt), status);
    assertThat(s.sidc()).as("2525C").isEqualTo(c);
    assertThat(s.sidcApp6d()).as("APP-6(D)").isEqualTo(d);
  }

  @Test
  void sensorsTakeTheirCatalogCodeWithTheStatus() {
    var planned =
        S.of(
            RecordKind.SENSOR,
            "gsr_portable",
            RecordCodec.geometry("POINT (25 55)"),
            Status.PLANNED);
    var built =
        S.of(
            RecordKind.SENSOR,
            "gsr_portable",
            RecordCodec.geometry("POINT (25 55)"),
            Status.EMPLACED);
    assertThat(planned.sidc()).isEqualTo("SFGAESR--------");
    assertThat(built.sidc()).isEqualTo("SFGPESR--------");
    assertThat(built.sidcApp6d()).isEqualTo("10031500002203000000");
    assertThat(planned.sidcApp6d()).isEqualTo("10031510002203000000");
  }

  @ParameterizedTest
  @EnumSource(Status.class)
  void everyStatusHasASymbolForEveryCatalogType(Status status) {
    for (var t : lt.skydas.plan.ObstacleCatalog.defaults().listTypes()) {
      var s = S.of(RecordKind.OBSTACLE, t.id(), RecordCodec.geometry("POINT (25 55)"), status);
      assertThat(s.sidc()).as(t.id() + " " + status).hasSize(15).startsWith("G");
      assertThat(s.sidc().charAt(3))
          .as(t.id() + " " + status)
          .isEqualTo(Symbology.anticipated(RecordKind.OBSTACLE, status) ? 'A' : 'P');
    }
    assertThat(Stage.of(status)).isNotNull();
  }

  @Test
  void exportsCarryTheSymbol() {
    Instant t = Instant.parse("2027-01-01T00:00:00Z");
    RegistryRecord r =
        new RegistryRecord(
            "demo-1",
            RecordKind.OBSTACLE,
            "bridge_demolition",
            null,
            Status.PREPARED,
            RecordCodec.geometry("POINT (25 55)"),
            false,
            false,
            false,
            null,
            null,
            null,
            null,
            1,
            t,
            t);
    Map<String, Object> p = RegistryExchange.featureProperties(r);
    assertThat(p)
        .containsEntry("sidc", "GFMAORS--------")
        .containsEntry("sidc_app6d", "10032510002712020000");
  }
}
