package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.INSPECTOR;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

abstract class MinefieldRecordTest {
  /** The store this run of the suite uses. */
  abstract TestDatabases.Store store();

  Registry open() {
    return Fixtures.open(store().fresh(dir));
  }

  @TempDir Path dir;

  private static RegistryRecord build(
      Registry reg, String id, String type, MinefieldData m, double lon, double lat) {
    reg.create(
        PLANNER,
        TestDrafts.minefield(id, lon, lat)
            .withType(type)
            .withName("field " + id)
            .withMinefield(m)
            .withYear(1)
            .build());
    RegistryRecord r = reg.transition(ADMIN, id, 1, Action.APPROVE);
    r = reg.transition(ENGINEER, id, r.version(), Action.PREPARE);
    r = reg.transition(ENGINEER, id, r.version(), Action.STOCK);
    r = reg.transition(ADMIN, id, r.version(), Action.ORDER);
    return reg.transition(ENGINEER, id, r.version(), Action.LAY);
  }

  @Test
  void anIncompleteMinefieldCannotBeEmplacedAndEveryMissingFieldIsNamedAtOnce() {
    try (Registry reg = open()) {
      RegistryRecord r = build(reg, "m1", "at_minefield", null, 24.2, 55.2);
      assertThatThrownBy(() -> reg.transition(ENGINEER, "m1", r.version(), Action.EMPLACE))
          .isInstanceOfSatisfying(
              SkydasProblem.class,
              p -> {
                @SuppressWarnings("unchecked")
                List<FieldError> errors = (List<FieldError>) p.details().get("errors");
                assertThat(errors)
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "minefield.reference_points",
                        "minefield.emplacing_method",
                        "minefield.rows",
                        "minefield.lots",
                        "minefield.laid_from",
                        "minefield.anti_handling.fitted",
                        "minefield.self_destruct.fitted",
                        "minefield.warning_signs",
                        "marked");
              })
          .hasMessageContaining(
              "minefield m1 cannot be emplaced: its record is incomplete (9 field(s))");
      assertThat(reg.find("m1").orElseThrow().status()).isEqualTo(Status.LAID);
    }
  }

  @Test
  void aCompleteMarkedAtMinefieldIsEmplaced() {
    try (Registry reg = open()) {
      RegistryRecord r =
          build(reg, "m2", "at_minefield", Fixtures.completeAt(24.2, 55.2), 24.2, 55.2);
      r = reg.transition(ENGINEER, "m2", r.version(), Action.MARK);
      r = reg.transition(ENGINEER, "m2", r.version(), Action.EMPLACE);
      assertThat(r.status()).isEqualTo(Status.EMPLACED);
      assertThat(r.marked()).isTrue();
      assertThat(r.minefield().mineCount()).isEqualTo(40);
    }
  }

  @Test
  void anApAreaMustBeFencedAndMonitoredAndItsMinesDetectable() {
    try (Registry reg = open()) {
      // AP mines need a policy that enables them (HumanitarianRulesTest: refused without one)
      reg.policy()
          .set(
              ADMIN,
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .createObjectNode()
                  .put("ap_mines_enabled", true),
              "AP mines enabled for the test of their record",
              "test");
      MinefieldData m = Fixtures.completeAp(24.3, 55.3);
      MinefieldData undetectable =
          new MinefieldData(
              m.referencePoints(),
              m.rows(),
              m.mines(),
              List.of(
                  new MinefieldData.MineLot(
                      "PMN-4",
                      "AP",
                      120,
                      "pressure",
                      3650.0,
                      false,
                      "DE",
                      "2023-11",
                      "AP-23-1142")),
              m.emplacingMethod(),
              m.laidFrom(),
              m.laidTo(),
              m.antiHandling(),
              m.selfDestruct(),
              m.warningSigns(),
              null,
              m.monitoring());
      RegistryRecord r = build(reg, "ap1", "ap_minefield", undetectable, 24.3, 55.3);
      RegistryRecord marked = reg.transition(ENGINEER, "ap1", r.version(), Action.MARK);
      assertThatThrownBy(() -> reg.transition(ENGINEER, "ap1", marked.version(), Action.EMPLACE))
          .hasMessageContaining("minefield.lots[0].detectable: AP mines must be detectable")
          .hasMessageContaining("minefield.fencing: an AP area must be fenced")
          .hasMessageContaining("fenced: the AP area is not fenced yet")
          .hasMessageContaining("monitored: the AP area is not monitored yet")
          .hasMessageNotContaining("minefield.monitoring:");
      RegistryRecord fixed =
          reg.update(ENGINEER, "ap1", marked.version(), TestDrafts.edit().withMinefield(m).build());
      fixed = reg.transition(ENGINEER, "ap1", fixed.version(), Action.FENCE);
      fixed = reg.transition(INSPECTOR, "ap1", fixed.version(), Action.MONITOR);
      fixed = reg.transition(ENGINEER, "ap1", fixed.version(), Action.EMPLACE);
      assertThat(fixed.status()).isEqualTo(Status.EMPLACED);
      assertThat(fixed.fenced() && fixed.monitored() && fixed.marked()).isTrue();
    }
  }

  /**
   * Articles 5 and 10: an area with mines in the ground is cleared before it is abandoned. Every
   * edit of an emplaced minefield keeps its record complete (DraftChecks), so one that would drop
   * its monitoring or fencing is refused, naming the field and the rule, and nothing changes; other
   * edits pass; clearance under way does not lift the rule.
   */
  @Test
  void anAreaWithMinesInTheGroundCannotBeAbandonedByAnEdit() {
    try (Registry reg = open()) {
      reg.policy()
          .set(
              ADMIN,
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .createObjectNode()
                  .put("ap_mines_enabled", true),
              "AP mines enabled for the test of their record",
              "test");
      MinefieldData m = Fixtures.completeAp(24.3, 55.3);
      RegistryRecord r = build(reg, "ap2", "ap_minefield", m, 24.3, 55.3);
      r = reg.transition(ENGINEER, "ap2", r.version(), Action.MARK);
      r = reg.transition(ENGINEER, "ap2", r.version(), Action.FENCE);
      r = reg.transition(INSPECTOR, "ap2", r.version(), Action.MONITOR);
      r = reg.transition(ENGINEER, "ap2", r.version(), Action.EMPLACE);
      MinefieldData unwatched =
          new MinefieldData(
              m.referencePoints(),
              m.rows(),
              m.mines(),
              m.lots(),
              m.emplacingMethod(),
              m.laidFrom(),
              m.laidTo(),
              m.antiHandling(),
              m.selfDestruct(),
              m.warningSigns(),
              m.fencing(),
              null);
      MinefieldData unfenced =
          new MinefieldData(
              m.referencePoints(),
              m.rows(),
              m.mines(),
              m.lots(),
              m.emplacingMethod(),
              m.laidFrom(),
              m.laidTo(),
              m.antiHandling(),
              m.selfDestruct(),
              m.warningSigns(),
              null,
              m.monitoring());
      for (Status in : List.of(Status.EMPLACED, Status.CLEARANCE_IN_PROGRESS)) {
        if (in == Status.CLEARANCE_IN_PROGRESS) {
          r = reg.transition(ENGINEER, "ap2", r.version(), Action.START_CLEARANCE);
        }
        long v = r.version();
        assertThatThrownBy(
                () ->
                    reg.update(
                        ENGINEER, "ap2", v, TestDrafts.edit().withMinefield(unwatched).build()))
            .as(in.id())
            .isInstanceOf(SkydasProblem.class)
            .hasMessageContaining("minefield.monitoring")
            .hasMessageContaining("monitored by military personnel (Article 5)");
        assertThatThrownBy(
                () ->
                    reg.update(
                        ENGINEER, "ap2", v, TestDrafts.edit().withMinefield(unfenced).build()))
            .as(in.id())
            .hasMessageContaining("minefield.fencing")
            .hasMessageContaining("fenced or otherwise protected (Article 5)");
        RegistryRecord still = reg.find("ap2").orElseThrow();
        assertThat(still.version()).as(in.id()).isEqualTo(v);
        assertThat(still.minefield().monitoring()).as(in.id()).isEqualTo(m.monitoring());
        r =
            reg.update(
                ENGINEER, "ap2", v, TestDrafts.edit().withName("field ap2, " + in.id()).build());
        assertThat(r.name()).isEqualTo("field ap2, " + in.id());
      }
    }
  }

  @Test
  void remotelyDeliveredMinesNeedTheirSelfDestructionPeriod() {
    MinefieldData m = Fixtures.completeAt(24.2, 55.2);
    MinefieldData remote =
        new MinefieldData(
            m.referencePoints(),
            List.of(),
            List.of(),
            m.lots(),
            "remotely_delivered",
            m.laidFrom(),
            null,
            m.antiHandling(),
            new MinefieldData.SelfDestruct(false, null, null),
            m.warningSigns(),
            null,
            null);
    RegistryRecord r =
        new RegistryRecord(
            "r",
            RecordKind.MINEFIELD,
            "at_minefield",
            null,
            Status.UNDER_CONSTRUCTION,
            Fixtures.square(24.2, 55.2, 0.01),
            true,
            false,
            false,
            remote,
            null,
            null,
            null,
            1,
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH);
    assertThat(RecordValidator.emplacementErrors(r, false))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "minefield.self_destruct.self_destruct_d", "minefield.self_destruct.fitted");
  }

  /** A record under construction with {@code m} over a square, as the validator sees it. */
  private static RegistryRecord underConstruction(String type, MinefieldData m) {
    return new RegistryRecord(
        "r",
        RecordKind.MINEFIELD,
        type,
        null,
        Status.UNDER_CONSTRUCTION,
        Fixtures.square(24.2, 55.2, 0.01),
        true,
        true,
        true,
        m,
        null,
        null,
        null,
        1,
        java.time.Instant.EPOCH,
        java.time.Instant.EPOCH);
  }

  private static MinefieldData with(
      MinefieldData m,
      List<MinefieldData.MineLot> lots,
      String method,
      MinefieldData.SelfDestruct sd,
      MinefieldData.WarningSigns signs) {
    return new MinefieldData(
        m.referencePoints(),
        method.equals("remotely_delivered") ? List.of() : m.rows(),
        m.mines(),
        lots,
        method,
        m.laidFrom(),
        m.laidTo(),
        m.antiHandling(),
        sd,
        signs,
        m.fencing(),
        m.monitoring());
  }

  /** Issue 20, Technical Annex 1(d): each lot's markings are part of the complete record. */
  @Test
  void eachLotCarriesItsMarkings() {
    MinefieldData m = Fixtures.completeAt(24.2, 55.2);
    assertThat(RecordValidator.emplacementErrors(underConstruction("at_minefield", m), false))
        .isEmpty();
    MinefieldData unmarked =
        with(
            m,
            List.of(
                new MinefieldData.MineLot("TM-62", "AT", 40, "pressure", 365.0, true),
                new MinefieldData.MineLot(
                    "TM-62", "AT", 10, "pressure", 365.0, true, "PL", "2024-13", "L-2")),
            m.emplacingMethod(),
            m.selfDestruct(),
            m.warningSigns());
    assertThat(
            RecordValidator.emplacementErrors(underConstruction("at_minefield", unmarked), false))
        .extracting(e -> e.field() + ": " + e.message())
        .containsExactly(
            "minefield.lots[0].country_of_origin: the marking's country of origin (Technical Annex"
                + " 1(d))",
            "minefield.lots[0].produced: the marking's month and year of production, YYYY-MM"
                + " (Technical Annex 1(d))",
            "minefield.lots[0].lot_number: the marking's lot or serial number (Technical Annex"
                + " 1(d))",
            "minefield.lots[1].produced: '2024-13' is not a month, YYYY-MM");
  }

  /**
   * Issue 20, Technical Annex 3 (Article 6): remotely delivered AP mines self-destruct within 30
   * days (at least 90 %) and self-deactivate within 120 days (at least 99.9 %), as stated; each
   * bound is checked at and beyond its edge.
   */
  @Test
  void remotelyDeliveredApMinesMeetTechnicalAnnex3() {
    MinefieldData m = Fixtures.completeAp(24.2, 55.2);
    var ok = new MinefieldData.SelfDestruct(true, 30.0, 120.0, 0.9, 0.999);
    MinefieldData remote = with(m, m.lots(), "remotely_delivered", ok, m.warningSigns());
    assertThat(RecordValidator.emplacementErrors(underConstruction("ap_minefield", remote), true))
        .extracting(FieldError::field)
        .noneMatch(f -> f.startsWith("minefield.self_destruct"));
    var late = new MinefieldData.SelfDestruct(true, 31.0, 121.0, 0.89, 0.998);
    assertThat(
            RecordValidator.emplacementErrors(
                underConstruction(
                    "ap_minefield",
                    with(m, m.lots(), "remotely_delivered", late, m.warningSigns())),
                true))
        .extracting(FieldError::field)
        .contains(
            "minefield.self_destruct.self_destruct_d",
            "minefield.self_destruct.self_destruct_reliability",
            "minefield.self_destruct.self_deactivation_d",
            "minefield.self_destruct.self_deactivation_reliability");
    var unstated = new MinefieldData.SelfDestruct(true, 20.0, null);
    assertThat(
            RecordValidator.emplacementErrors(
                underConstruction(
                    "ap_minefield",
                    with(m, m.lots(), "remotely_delivered", unstated, m.warningSigns())),
                true))
        .extracting(e -> e.field() + ": " + e.message())
        .contains(
            "minefield.self_destruct.self_destruct_reliability: state the share that"
                + " self-destructs within the period (Technical Annex 3(a): at least 0.9)")
        .anyMatch(x -> x.startsWith("minefield.self_destruct.self_deactivation_d:"));
    // the same periods on AT mines laid by hand are not bound by Technical Annex 3
    MinefieldData at = Fixtures.completeAt(24.2, 55.2);
    assertThat(
            RecordValidator.emplacementErrors(
                underConstruction(
                    "at_minefield", with(at, at.lots(), "hand", late, at.warningSigns())),
                false))
        .isEmpty();
  }

  /** Issue 20, Technical Annex 4: the signs' size, colour and a CCW official language. */
  @Test
  void warningSignsMeetTechnicalAnnex4() {
    MinefieldData m = Fixtures.completeAt(24.2, 55.2);
    java.util.function.Function<MinefieldData.WarningSigns, List<String>> errs =
        w ->
            RecordValidator.emplacementErrors(
                    underConstruction(
                        "at_minefield",
                        with(m, m.lots(), m.emplacingMethod(), m.selfDestruct(), w)),
                    false)
                .stream()
                .map(e -> e.field() + ": " + e.message())
                .toList();
    assertThat(
            errs.apply(
                new MinefieldData.WarningSigns(
                    "square", 10, 50.0, List.of("lt", "English"), 15.0, 15.0, "Orange")))
        .isEmpty();
    assertThat(
            errs.apply(
                new MinefieldData.WarningSigns(
                    "triangle", 10, 50.0, List.of("lt", "de"), 27.0, 20.0, "blue")))
        .containsExactly(
            "minefield.warning_signs.languages: none of [lt, de] is a CCW official language (ar,"
                + " zh, en, fr, ru, es)",
            "minefield.warning_signs.width_cm: 27 × 20 cm is below Technical Annex 4(a): 28 × 20"
                + " cm",
            "minefield.warning_signs.colour: 'blue' is not red or orange (Technical Annex 4(b))");
    assertThat(
            errs.apply(
                new MinefieldData.WarningSigns(
                    "square", 10, 50.0, List.of("lt", "en"), 14.0, 20.0, "red")))
        .containsExactly(
            "minefield.warning_signs.width_cm: 14 × 20 cm is below Technical Annex 4(a): 15 cm a"
                + " side");
    assertThat(errs.apply(new MinefieldData.WarningSigns("square", 10, 50.0, List.of("lt", "en"))))
        .containsExactly(
            "minefield.warning_signs.width_cm: the signs' size in cm (Technical Annex 4(a))",
            "minefield.warning_signs.colour: the signs' colour: red or orange with a yellow"
                + " reflecting border (Technical Annex 4(b))");
  }

  @Test
  void enteringAnEmplacedMinefieldDirectlyNeedsTheCompleteRecordToo() {
    try (Registry reg = open()) {
      assertThatThrownBy(
              () ->
                  reg.importAll(
                      ADMIN,
                      List.of(
                          TestDrafts.minefield("x1", 24.2, 55.2)
                              .withStatus(Status.EMPLACED)
                              .withProtection(true, null, null)
                              .withMinefield(null)
                              .withWhere("old.geojson feature 1")
                              .build()),
                      "old.geojson"))
          .hasMessageContaining("old.geojson feature 1: minefield.reference_points");
      assertThat(reg.count()).isZero();
      assertThat(reg.verify().events()).isZero();
    }
  }
}

/** {@link MinefieldRecordTest} on the embedded GeoPackage. */
class MinefieldRecordGeoPackageTest extends MinefieldRecordTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/**
 * {@link MinefieldRecordTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}; failed in
 * CI).
 */
class MinefieldRecordPostgisTest extends MinefieldRecordTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
