package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.INSPECTOR;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

abstract class LifecycleTest {
  /** The store this run of the suite uses. */
  abstract TestDatabases.Store store();

  Registry open() {
    return Fixtures.open(store().fresh(dir));
  }

  @TempDir Path dir;

  @Test
  void anObstacleGoesFromPlanToReleasedLandWithTheOwningRoles() {
    try (Registry reg = open()) {
      RegistryRecord r =
          reg.create(
              PLANNER, RecordDraft.planned("d1", "at_ditch", Fixtures.line(24.2, 55.2, 0.02)));
      assertThat(r.status()).isEqualTo(Status.PLANNED);
      assertThat(r.version()).isEqualTo(1);
      r = reg.transition(ADMIN, "d1", 1, Action.APPROVE);
      r = reg.transition(ENGINEER, "d1", r.version(), Action.START_CONSTRUCTION);
      r = reg.transition(ENGINEER, "d1", r.version(), Action.EMPLACE);
      r = reg.transition(INSPECTOR, "d1", r.version(), Action.REPORT_DAMAGE);
      r = reg.transition(ENGINEER, "d1", r.version(), Action.REPAIR);
      r = reg.transition(ENGINEER, "d1", r.version(), Action.START_CLEARANCE);
      r = reg.transition(ENGINEER, "d1", r.version(), Action.COMPLETE_CLEARANCE);
      r = reg.transition(INSPECTOR, "d1", r.version(), Action.RELEASE_LAND);
      assertThat(r.status()).isEqualTo(Status.LAND_RELEASED);
      assertThat(r.version()).isEqualTo(9);
      assertThat(reg.history("d1"))
          .extracting(AuditEvent::action)
          .containsExactly(
              "create",
              "approve",
              "start_construction",
              "emplace",
              "report_damage",
              "repair",
              "start_clearance",
              "complete_clearance",
              "release_land");
      assertThat(reg.verify().problems()).isEmpty();
    }
  }

  @Test
  void aWrongRoleIsRefusedNamingTheRoleThatOwnsTheAction() {
    try (Registry reg = open()) {
      reg.create(PLANNER, RecordDraft.planned("b1", "bunker", Fixtures.point(24.3, 55.3)));
      assertThatThrownBy(() -> reg.transition(PLANNER, "b1", 1, Action.APPROVE))
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.FORBIDDEN))
          .hasMessageContaining("planner may not approve (admin)");
      assertThatThrownBy(() -> reg.transition(ADMIN, "b1", 1, Action.EMPLACE))
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.CONFLICT))
          .hasMessageContaining("b1 is planned: emplace is only allowed from under_construction");
      assertThatThrownBy(
              () ->
                  reg.create(
                      Fixtures.VIEWER,
                      RecordDraft.planned("b2", "bunker", Fixtures.point(24.31, 55.3))))
          .hasMessageContaining("petras acting as viewer may not create planned records");
      assertThatThrownBy(() -> reg.transition(ENGINEER, "b1", 1, Action.MARK))
          .hasMessageContaining("mark applies to minefields");
      assertThat(reg.find("b1").orElseThrow().version()).isEqualTo(1);
      assertThat(reg.find("b2")).isEmpty();
    }
  }

  @Test
  void aStaleVersionIsAConflictAndTheFirstEditIsKept() {
    try (Registry reg = open()) {
      reg.create(PLANNER, RecordDraft.planned("c1", "bunker", Fixtures.point(24.3, 55.3)));
      reg.update(PLANNER, "c1", 1, TestDrafts.edit().withName("first").build());
      assertThatThrownBy(
              () -> reg.update(PLANNER, "c1", 1, TestDrafts.edit().withName("second").build()))
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.CONFLICT))
          .hasMessageContaining("version 2, not 1");
      RegistryRecord r = reg.find("c1").orElseThrow();
      assertThat(r.name()).isEqualTo("first");
      assertThat(r.version()).isEqualTo(2);
    }
  }

  @Test
  void editsBelongToTheRoleOwningTheStatusAndClosedRecordsStayClosed() {
    try (Registry reg = open()) {
      reg.importAll(
          ADMIN,
          List.of(
              TestDrafts.obstacle("e1")
                  .withType("at_ditch")
                  .withStatus(Status.EMPLACED)
                  .withGeometry(Fixtures.line(24.1, 55.1, 0.01))
                  .build(),
              TestDrafts.obstacle("e2")
                  .withType("at_ditch")
                  .withStatus(Status.CLEARED)
                  .withGeometry(Fixtures.line(24.1, 55.2, 0.01))
                  .build()),
          "test");
      RecordDraft rename = TestDrafts.edit().withName("as built").build();
      assertThatThrownBy(() -> reg.update(PLANNER, "e1", 1, rename))
          .hasMessageContaining("(engineer)");
      assertThat(reg.update(ENGINEER, "e1", 1, rename).name()).isEqualTo("as built");
      assertThatThrownBy(() -> reg.update(ENGINEER, "e2", 1, rename))
          .hasMessageContaining("closed");
      assertThatThrownBy(
              () ->
                  reg.update(
                      ENGINEER, "e1", 2, TestDrafts.edit().withStatus(Status.CLEARED).build()))
          .hasMessageContaining("status: is changed by a lifecycle action");
    }
  }
}

/** {@link LifecycleTest} on the embedded GeoPackage. */
class LifecycleGeoPackageTest extends LifecycleTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/** {@link LifecycleTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}; failed in CI). */
class LifecyclePostgisTest extends LifecycleTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
