package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dual-use works in the registry (issue 16): entered whole, moved along their lifecycle by role
 * with progress, each change chained; bad input and edits outside Skydas named.
 */
class RegistryWorksTest {
  @TempDir Path dir;
  Registry reg;

  @AfterEach
  void close() {
    if (reg != null) {
      reg.close();
    }
  }

  static WorkProject road(String id, String status, int pct) {
    return new WorkProject(
        id,
        "Road 131 Kalvarija–Marijampolė",
        "road",
        LocalDate.parse("2026-04-01"),
        LocalDate.parse("2028-06-30"),
        24_000_000,
        status,
        pct,
        50,
        80,
        70.0,
        Fixtures.line(23.20, 54.45, 0.03),
        0);
  }

  static WorkProject bridge(String id) {
    return new WorkProject(
        id,
        "Bridge over the Šešupė",
        "bridge",
        LocalDate.parse("2026-05-01"),
        LocalDate.parse("2027-10-31"),
        9_000_000,
        "planned",
        0,
        40,
        100,
        null,
        Fixtures.point(23.35, 54.55),
        0);
  }

  private SkydasProblem problem(Runnable r) {
    try {
      r.run();
    } catch (SkydasProblem p) {
      return p;
    }
    throw new AssertionError("no problem");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void aProjectGoesThroughItsLifecycleEachStepChained(TestDatabases.Store store) {
    reg = Fixtures.open(store.fresh(dir));
    RegistryWorks w = reg.works();
    w.importAll(PLANNER, List.of(road("S-131-1", "planned", 0), bridge("B-1")), "works.json");
    assertThat(w.list()).extracting(WorkProject::id).containsExactly("B-1", "S-131-1");
    assertThat(w.transition(ADMIN, "S-131-1", 1, "approve", null).status()).isEqualTo("approved");
    WorkProject started = w.transition(ENGINEER, "S-131-1", 2, "start", 30);
    assertThat(started.status()).isEqualTo("under_construction");
    assertThat(started.donePct()).isEqualTo(30);
    assertThat(w.transition(ENGINEER, "S-131-1", 3, "progress", 60).donePct()).isEqualTo(60);
    WorkProject done = w.transition(ENGINEER, "S-131-1", 4, "complete", null);
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.donePct()).isEqualTo(100);
    assertThat(done.version()).isEqualTo(5);
    assertThat(reg.history(WorkProject.entityId("S-131-1")))
        .extracting(AuditEvent::action)
        .containsExactly("import", "approve", "start", "progress", "complete");
    assertThat(w.find("S-131-1").orElseThrow()).isEqualTo(done);
    assertThat(reg.verify().problems()).isEmpty();
    // the wrong role, a stale version, an action the status does not allow, progress going back
    assertThat(problem(() -> w.transition(PLANNER, "B-1", 1, "approve", null)).code())
        .isEqualTo(ProblemCode.FORBIDDEN);
    assertThat(problem(() -> w.transition(ADMIN, "B-1", 7, "approve", null)).code())
        .isEqualTo(ProblemCode.CONFLICT);
    assertThat(problem(() -> w.transition(ENGINEER, "B-1", 1, "complete", null)).getMessage())
        .isEqualTo("works project B-1 is planned: complete applies to under_construction only");
    w.transition(ADMIN, "B-1", 1, "approve", null);
    w.transition(ENGINEER, "B-1", 2, "start", 50);
    assertThat(problem(() -> w.transition(ENGINEER, "B-1", 3, "progress", 40)).getMessage())
        .contains("40 % done does not fit under_construction")
        .contains("not below the 50 % reported");
    assertThat(problem(() -> w.transition(ADMIN, "B-1", 3, "demolish", null)).getMessage())
        .contains("unknown works action 'demolish' (one of approve, cancel, complete");
    assertThat(w.transition(ADMIN, "B-1", 3, "cancel", null).status()).isEqualTo("cancelled");
    assertThat(reg.verify().problems()).isEmpty();
    // an edit outside Skydas is named
    reg.store()
        .executeRaw(
            "UPDATE works SET doc = replace(doc, 'completed', 'planned') WHERE id = 'S-131-1'");
    assertThat(reg.verify().problems())
        .containsExactly(
            "works project S-131-1: differs from its audit event (changed outside Skydas)");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void badProjectsAreAllNamedAndNothingIsEntered(TestDatabases.Store store) {
    reg = Fixtures.open(store.fresh(dir));
    RegistryWorks w = reg.works();
    WorkProject pointRoad =
        new WorkProject(
            "S-2",
            null,
            "road",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2025-01-01"),
            1,
            "planned",
            0,
            50,
            80,
            70.0,
            Fixtures.point(23.3, 54.5),
            0);
    SkydasProblem p =
        problem(
            () ->
                w.importAll(
                    ADMIN,
                    List.of(
                        road("S-1", "under_construction", 0),
                        pointRoad,
                        new WorkProject(
                            "S-3",
                            null,
                            "road",
                            LocalDate.parse("2026-01-01"),
                            LocalDate.parse("2027-01-01"),
                            1,
                            "planned",
                            0,
                            50,
                            80,
                            70.0,
                            Fixtures.line(24.0, 53.6, 0.02),
                            0)),
                    "works.json"));
    assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT);
    assertThat(p.getMessage())
        .contains("no works entered from works.json")
        .contains("project 1 (S-1): done_pct: 0 does not fit under_construction")
        .contains("project 2 (S-2): end: before the start 2026-01-01")
        .contains("project 2 (S-2): geometry: a road is a LineString")
        .contains(
            "project 3 (S-3): geometry: lies in Belarus (BY), not on LT's side of the border");
    assertThat(w.list()).isEmpty();
    assertThat(
            problem(() -> w.importAll(PLANNER, List.of(road("S-9", "completed", 100)), "w")).code())
        .isEqualTo(ProblemCode.FORBIDDEN);
    w.importAll(PLANNER, List.of(road("S-1", "planned", 0)), "works.json");
    assertThatThrownBy(() -> w.importAll(PLANNER, List.of(road("S-1", "planned", 0)), "again"))
        .hasMessageContaining("'S-1' is already in the registry");
    assertThat(reg.verify().problems()).isEmpty();
  }
}
