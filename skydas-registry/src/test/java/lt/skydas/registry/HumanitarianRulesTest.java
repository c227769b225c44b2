package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The humanitarian rules in every write of the registry, on the shipped ground (31k settlements,
 * residential areas, 210k buildings of the border zone, protected areas): create, import, edit and
 * the moves toward the ground are refused naming the rule, the record and the distance; clearance
 * never is; the policy is the registry's, versioned, set by an admin with a reason, audited, and a
 * refused change leaves the old one in force.
 */
class HumanitarianRulesTest {
  /** 2.5 km from any settlement, residential area or building; in no protected area. */
  static final double FREE_LON = 23.63;

  static final double FREE_LAT = 54.49;

  /**
   * ~590 m east of an isolated farmstead (a 2,765 m² building at 53.94256 N 23.97457 E, 1.8 km from
   * the nearest settlement point): only the buildings layer puts it in a buffer.
   */
  static final double FARM_LON = 23.97457 + 0.009;

  static final double FARM_LAT = 53.94256;

  /** In a national park (Dzūkija), 3.3 km from any dwelling. */
  static final double PARK_LON = 24.44;

  static final double PARK_LAT = 54.10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Territory GROUND =
      Territory.load(Path.of("../data/baltic/countries.geojson.gz"), "LT");

  @TempDir Path dir;
  Registry reg;

  @BeforeEach
  void open() {
    reg =
        new Registry(
            JdbcStore.open(dir.resolve("r.gpkg").toString(), true),
            Fixtures.CATALOG,
            GROUND,
            Fixtures.ticking());
  }

  @AfterEach
  void close() {
    reg.close();
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void aMinefieldNearAFarmsteadIsRefusedNamingTheBuildingAndTheDistance() {
    assertThatThrownBy(
            () -> reg.create(PLANNER, TestDrafts.minefield("m1", FARM_LON, FARM_LAT).build()))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("m1")
        .hasMessageContaining("civilian_buffer")
        .hasMessageMatching("(?s).*lies \\d+ m from a building at 53\\.9\\d+ N 23\\.9\\d+ E.*")
        .hasMessageContaining("inside the 1000 m civilian buffer")
        .hasMessageContaining("built-in default");
    assertThat(reg.count()).isZero();
    // far from everyone it is accepted, and a ditch may lie near the farm
    reg.create(PLANNER, TestDrafts.minefield("m2", FREE_LON, FREE_LAT).build());
    reg.create(
        PLANNER,
        TestDrafts.minefield("d1", FARM_LON, FARM_LAT)
            .withType("at_ditch")
            .withMinefield(null)
            .build());
    assertThat(reg.count()).isEqualTo(2);
  }

  @Test
  void anImportIsRefusedWholeAndAnEditIntoTheBufferIsRefused() {
    assertThatThrownBy(
            () ->
                reg.importAll(
                    PLANNER,
                    List.of(
                        TestDrafts.minefield("ok", FREE_LON, FREE_LAT).build(),
                        TestDrafts.minefield("near", FARM_LON, FARM_LAT).build()),
                    "plan.geojson"))
        .hasMessageContaining("record near: geometry: civilian_buffer: near:");
    assertThat(reg.count()).isZero();
    RegistryRecord r = reg.create(PLANNER, TestDrafts.minefield("m", FREE_LON, FREE_LAT).build());
    assertThatThrownBy(
            () ->
                reg.update(
                    PLANNER,
                    "m",
                    r.version(),
                    RecordDraft.builder()
                        .withGeometry(Fixtures.square(FARM_LON, FARM_LAT, 0.005))
                        .build()))
        .hasMessageContaining("record m not changed")
        .hasMessageContaining("civilian_buffer");
    assertThat(reg.find("m").orElseThrow().geometry()).isEqualTo(r.geometry());
  }

  @Test
  void apMinesNeedThePolicyAndItsZonesAndAChangeStopsTheirWayIntoTheGround() throws Exception {
    assertThatThrownBy(
            () ->
                reg.create(
                    PLANNER,
                    TestDrafts.minefield("ap", FREE_LON, FREE_LAT)
                        .withType("ap_minefield")
                        .withMinefield(Fixtures.completeAp(FREE_LON, FREE_LAT))
                        .build()))
        .hasMessageContaining("ap_mines_not_enabled: ap: Anti-personnel minefield")
        .hasMessageContaining("does not enable");
    // enabled, but only in a zone elsewhere
    reg.policy()
        .set(
            ADMIN,
            json(
                "{\"ap_mines_enabled\":true,\"ap_mine_zones\":[{\"type\":\"Polygon\","
                    + "\"coordinates\":[[[25.0,54.0],[25.1,54.0],[25.1,54.1],[25.0,54.1],"
                    + "[25.0,54.0]]]}]}"),
            "AP mines in the southern zone only",
            "test");
    assertThatThrownBy(
            () ->
                reg.create(
                    PLANNER,
                    TestDrafts.minefield("ap", FREE_LON, FREE_LAT)
                        .withType("ap_minefield")
                        .withMinefield(Fixtures.completeAp(FREE_LON, FREE_LAT))
                        .build()))
        .hasMessageContaining("ap_mines_outside_zones")
        .hasMessageContaining("registry version 1");
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":true}"), "AP mines anywhere", "test");
    RegistryRecord ap =
        reg.create(
            PLANNER,
            TestDrafts.minefield("ap", FREE_LON, FREE_LAT)
                .withType("ap_minefield")
                .withMinefield(Fixtures.completeAp(FREE_LON, FREE_LAT))
                .build());
    // the ministry turns AP mines off again: the planned field may not be approved
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":false}"), "AP mines off", "test");
    assertThatThrownBy(() -> reg.transition(ADMIN, "ap", ap.version(), Action.APPROVE))
        .hasMessageContaining("record ap cannot be approved: ap_mines_not_enabled")
        .hasMessageContaining("registry version 3");
    assertThat(reg.find("ap").orElseThrow().status()).isEqualTo(Status.PLANNED);
    assertThat(reg.verify().ok()).isTrue();
  }

  /**
   * The lots say what is in the ground: AP mines entered under an anti-tank type are AP mines, on
   * create, on an edit of the lots alone, and on the way into the ground after the policy turns
   * them off.
   */
  @Test
  void apMinesInTheLotsOfAnAntiTankTypeAreAntiPersonnelMinesThroughEveryDoor() throws Exception {
    assertThatThrownBy(
            () ->
                reg.create(
                    PLANNER,
                    TestDrafts.minefield("mixed", FREE_LON, FREE_LAT)
                        .withMinefield(Fixtures.completeAp(FREE_LON, FREE_LAT))
                        .build()))
        .hasMessageContaining("ap_mines_not_enabled: mixed: Anti-tank minefield")
        .hasMessageContaining("its lots: PMN-4 × 120 (AP)")
        .hasMessageContaining("built-in default");
    assertThat(reg.find("mixed")).isEmpty();
    // an anti-tank field whose lots are edited to hold AP mines
    RegistryRecord at = reg.create(PLANNER, TestDrafts.minefield("at", FREE_LON, FREE_LAT).build());
    assertThatThrownBy(
            () ->
                reg.update(
                    PLANNER,
                    "at",
                    at.version(),
                    TestDrafts.edit()
                        .withMinefield(Fixtures.completeAp(FREE_LON, FREE_LAT))
                        .build()))
        .hasMessageContaining("record at not changed")
        .hasMessageContaining("ap_mines_not_enabled: at:")
        .hasMessageContaining("PMN-4 × 120 (AP)");
    assertThat(reg.find("at").orElseThrow().minefield().lots().get(0).category()).isEqualTo("AT");
    // entered while the policy allowed them, stopped on approval once it does not
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":true}"), "AP mines anywhere", "test");
    RegistryRecord mixed =
        reg.create(
            PLANNER,
            TestDrafts.minefield("mixed", FREE_LON + 0.02, FREE_LAT)
                .withMinefield(Fixtures.completeAp(FREE_LON + 0.02, FREE_LAT))
                .build());
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":false}"), "AP mines off", "test");
    assertThatThrownBy(() -> reg.transition(ADMIN, "mixed", mixed.version(), Action.APPROVE))
        .hasMessageContaining("record mixed cannot be approved: ap_mines_not_enabled")
        .hasMessageContaining("registry version 2");
    assertThat(reg.find("mixed").orElseThrow().status()).isEqualTo(Status.PLANNED);
    assertThat(reg.verify().ok()).isTrue();
  }

  @Test
  void protectedAreasKeepOutWhatThePolicySaysPerKind() throws Exception {
    assertThatThrownBy(
            () ->
                reg.create(
                    PLANNER,
                    TestDrafts.minefield("p1", PARK_LON, PARK_LAT)
                        .withType("at_ditch")
                        .withMinefield(null)
                        .build()))
        .hasMessageContaining("protected_area: p1: Anti-tank ditch (barriers) lies in national")
        .hasMessageContaining("where the policy keeps barriers out");
    // a road control point in a national park is allowed by default
    reg.create(
        PLANNER,
        RecordDraft.builder()
            .withId("cp1")
            .withType("road_control_point")
            .withStatus(Status.PLANNED)
            .withGeometry(Fixtures.point(PARK_LON, PARK_LAT))
            .build());
    // a policy may allow ditches by type while barriers stay out
    reg.policy()
        .set(
            ADMIN,
            json("{\"protected_areas\":{\"at_ditch\":\"allowed\"}}"),
            "ditches along the park's existing drainage",
            "test");
    reg.create(
        PLANNER,
        TestDrafts.minefield("p1", PARK_LON, PARK_LAT)
            .withType("at_ditch")
            .withMinefield(null)
            .build());
    assertThat(reg.count()).isEqualTo(2);
  }

  @Test
  void onlyAnAdminWithAReasonSetsThePolicyAndARefusedChangeKeepsTheOld() throws Exception {
    assertThat(reg.policy().current().sameRules(PlanPolicy.DEFAULT)).isTrue();
    assertThat(reg.policy().current().source()).contains("built-in default");
    reg.policy().set(ADMIN, json("{\"civilian_buffer_m\":1500}"), "wider buffer", "test");
    String[][] refused = {
      {"{\"civilian_buffer_m\":300}", "reason", "below the floor of 500 m"},
      {"{\"protected_areas\":{\"minefields\":\"allowed\"}}", "reason", "unknown obstacle kind"},
      {"{\"ap_mines\":true}", "reason", "unknown policy member"},
      {"{\"civilian_buffer_m\":1200}", " ", "say why the policy changes"},
    };
    for (String[] r : refused) {
      assertThatThrownBy(() -> reg.policy().set(ADMIN, json(r[0]), r[1], "policy.json"))
          .as(r[0])
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
          .hasMessageContaining("policy.json")
          .hasMessageContaining(r[2]);
    }
    assertThatThrownBy(
            () -> reg.policy().set(PLANNER, json("{\"civilian_buffer_m\":1200}"), "x", "test"))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.FORBIDDEN));
    assertThat(reg.policy().current().civilianBuffer_m()).isEqualTo(1500);
    assertThat(reg.policy().stored().orElseThrow().version()).isEqualTo(1);
    // below the floor with an audited reason
    reg.policy()
        .set(
            ADMIN,
            json("{\"civilian_buffer_m\":300,\"buffer_override_reason\":\"urban defence line\"}"),
            "ministry order 17",
            "test");
    PlanPolicy now = reg.policy().current();
    assertThat(now.civilianBuffer_m()).isEqualTo(300);
    assertThat(now.bufferOverride()).isEqualTo("urban defence line");
    assertThat(now.source()).isEqualTo("registry version 2");
    List<StoredPolicy> h = reg.policy().history();
    assertThat(h).extracting(StoredPolicy::version).containsExactly(1L, 2L);
    assertThat(h).extracting(StoredPolicy::setBy).containsExactly("admin", "admin");
    assertThat(h.get(1).reason()).isEqualTo("ministry order 17");
    assertThat(reg.verify().ok()).isTrue();
  }

  @Test
  void laidMinesAreAlwaysRecordedAndClearedButNoNewOnesLaid() throws Exception {
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":true}"), "AP on", "test");
    RegistryRecord a = apOrdered("a", FREE_LON, FREE_LAT);
    RegistryRecord b = apOrdered("b", 23.69, 55.09); // another free spot, 3.2 km from anyone
    RegistryRecord laid = reg.transition(ENGINEER, "a", a.version(), Action.LAY);
    reg.policy().set(ADMIN, json("{\"ap_mines_enabled\":false}"), "AP off", "test");
    // no new AP mines go into the ground …
    assertThatThrownBy(() -> reg.transition(ENGINEER, "b", b.version(), Action.LAY))
        .hasMessageContaining("record b cannot be laid: ap_mines_not_enabled");
    // … but those laid are recorded in full (marked, fenced, monitored, emplaced) and cleared
    RegistryRecord r = reg.transition(ENGINEER, "a", laid.version(), Action.MARK);
    r = reg.transition(ENGINEER, "a", r.version(), Action.FENCE);
    r = reg.transition(ENGINEER, "a", r.version(), Action.MONITOR);
    r = reg.transition(ENGINEER, "a", r.version(), Action.EMPLACE);
    assertThat(r.status()).isEqualTo(Status.EMPLACED);
    r = reg.transition(ENGINEER, "a", r.version(), Action.START_CLEARANCE);
    assertThat(r.status()).isEqualTo(Status.CLEARANCE_IN_PROGRESS);
  }

  private RegistryRecord apOrdered(String id, double lon, double lat) {
    RegistryRecord r =
        reg.create(
            PLANNER,
            TestDrafts.minefield(id, lon, lat)
                .withType("ap_minefield")
                .withMinefield(Fixtures.completeAp(lon, lat))
                .build());
    r = reg.transition(ADMIN, id, r.version(), Action.APPROVE);
    r = reg.transition(ENGINEER, id, r.version(), Action.PREPARE);
    r = reg.transition(ENGINEER, id, r.version(), Action.STOCK);
    return reg.transition(ADMIN, id, r.version(), Action.ORDER);
  }
}
