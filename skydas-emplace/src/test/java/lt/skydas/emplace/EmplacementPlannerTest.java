package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObjectiveDelay;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole emplacement on the small {@link RiverRegion}: a road from the attacker's west edge to a
 * target in the east, a bridge, minefields; engineers and a depot in the east.
 */
class EmplacementPlannerTest {
  @TempDir Path dir;

  private SyntheticRegion r;
  private AssessmentRegion region;
  private Assessor assessor;
  private BarrierPlan plan;

  @BeforeEach
  void setUp() throws Exception {
    RiverRegion river = new RiverRegion(dir);
    r = river.r;
    region = river.region;
    assessor = river.assessor;
    plan = river.plan;
  }

  private ForcesReader reader() {
    return new ForcesReader(
        Set.of("engineer_section", "demolition_squad", "mechanical_minelayer", "closure_team"),
        (x, y) -> x >= r.x(21) && x <= r.x(40) && y <= r.y(0) && y >= r.y(20));
  }

  private Forces forces(int atMines, double readiness_h, String teams) throws Exception {
    double[] home = r.lonLat(36.5, 10.5);
    double[] depot = r.lonLat(33.5, 10.5);
    String json =
        String.format(
            Locale.ROOT,
            "{\"depots\":[{\"id\":\"d1\",\"name\":\"Depot\",\"lon\":%.9f,\"lat\":%.9f,"
                + "\"stock\":{\"at_mines\":%d,\"demolition_charges\":2}}],"
                + "\"units\":[{\"id\":\"eng\",\"name\":\"Engineers\",\"lon\":%.9f,\"lat\":%.9f,"
                + "\"readiness_h\":%s,\"teams\":%s}]}",
            depot[0],
            depot[1],
            atMines,
            home[0],
            home[1],
            readiness_h,
            teams);
    Path f = Files.writeString(dir.resolve("forces-" + System.nanoTime() + ".json"), json);
    return reader().read(f);
  }

  private EmplaceOptions options(double... curve) {
    AssessmentOptions a =
        AssessmentOptions.defaults()
            .withCases(List.of(VehicleClass.TRACKED, VehicleClass.DISMOUNTED), List.of(Season.DRY))
            .withThreads(2);
    return new EmplaceOptions(a, SchedulerOptions.defaults(), curve);
  }

  @Test
  void everyJobIsTimedFromItsTeamAndCountsOnlyIfFinishedBeforeTheAttacker() throws Exception {
    Forces f = forces(10_000, 0.5, "{\"engineer_section\":1,\"mechanical_minelayer\":1}");
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, f, options(), Progress.NONE)) {
      EmplacementResult at = p.at(2, Progress.NONE);
      assertThat(at.shortfalls()).isEmpty();
      assertThat(at.stock().get("at_mines")[0])
          .as("2 km of AT minefield, 1,000 per km")
          .isEqualTo(4000, org.assertj.core.api.Assertions.within(1.0));
      assertThat(at.depots().get("d1").get("at_mines"))
          .as("both minefields draw from the one depot")
          .containsExactly(
              new double[] {4000, 10_000}, org.assertj.core.api.Assertions.within(1.0));
      assertThat(at.depots().get("d1").get("demolition_charges")).containsExactly(1.0, 2.0);
      var season = at.seasons().get(0);
      assertThat(season.schedule().assignments())
          .extracting(Assignment::jobId)
          .containsExactlyInAnyOrder("bridge", "mines-w", "mines-e");
      assertThat(season.depotOf()).containsEntry("mines-w", "d1").containsEntry("bridge", "d1");
      for (Assignment a : season.schedule().assignments()) {
        assertThat(a.leave_s()).as(a.jobId()).isGreaterThanOrEqualTo(1800);
        assertThat(a.finish_s()).as(a.jobId()).isGreaterThan(a.start_s());
        assertThat(a.onTime())
            .as(a.jobId())
            .isEqualTo(a.finish_s() <= season.jobDeadline_s().get(a.jobId()));
      }
      for (CaseOutcome c : at.cases()) {
        for (var o : c.obstacles()) {
          if (o.inPlace()) {
            assertThat(o.finish_s())
                .as(c.vehicleClass() + " " + o.obstacleId())
                .isLessThanOrEqualTo(2 * 3600 + o.arrival_s());
          }
        }
        ObjectiveDelay d = c.objectives().get(0);
        assertThat(d.plan_s()).isGreaterThanOrEqualTo(d.permanent_s());
        assertThat(d.permanent_s()).isGreaterThanOrEqualTo(d.baseline_s());
      }
    }
  }

  @Test
  void theDelayCurveNeverFallsAndLongWarningPutsEverythingInPlace() throws Exception {
    Forces f = forces(10_000, 1, "{\"engineer_section\":1}");
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, f, options(0, 1, 2, 4, 8, 16, 96), Progress.NONE)) {
      List<EmplacementResult> curve = p.curve(Progress.NONE);
      assertThat(curve).hasSize(7);
      for (int k = 0; k < 2; k++) {
        double before = -1;
        for (EmplacementResult r : curve) {
          CaseOutcome c = r.cases().get(k);
          double t = c.objectives().get(0).plan_s();
          assertThat(t)
              .as("%s at %.0f h", c.vehicleClass(), r.warning_h())
              .isGreaterThanOrEqualTo(before);
          before = t;
        }
      }
      EmplacementResult first = curve.get(0);
      EmplacementResult last = curve.get(curve.size() - 1);
      assertThat(first.cases().get(0).inPlace())
          .as("no time at all: nothing laid in time")
          .isZero();
      assertThat(last.cases().get(0).inPlace()).isEqualTo(3);
      assertThat(last.cases().get(0).objectives().get(0).onWarningDelay_s()).isPositive();
    }
  }

  @Test
  void anObstacleAlreadyLaidCountsLikeAPermanentOneAndNeedsNoTeam() throws Exception {
    Forces f = forces(10_000, 0.5, "{\"engineer_section\":1,\"mechanical_minelayer\":1}");
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, f, options(), Set.of("mines-w"), Progress.NONE)) {
      EmplacementResult at = p.at(0, Progress.NONE);
      assertThat(at.seasons().get(0).schedule().assignments())
          .extracting(Assignment::jobId)
          .containsExactlyInAnyOrder("bridge", "mines-e");
      assertThat(at.stock().get("at_mines")[0])
          .as("only mines-e still to lay")
          .isCloseTo(2000, org.assertj.core.api.Assertions.within(1.0));
      for (CaseOutcome c : at.cases()) {
        assertThat(c.obstacles()).extracting(o -> o.obstacleId()).doesNotContain("mines-w");
        ObjectiveDelay d = c.objectives().get(0);
        assertThat(d.permanent_s())
            .as(c.vehicleClass() + ": the laid minefield already delays")
            .isGreaterThan(d.baseline_s());
      }
    }
    assertThatThrownBy(
            () ->
                new EmplacementPlanner(assessor, plan, f, options(), Set.of("nope"), Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"nope\"");
  }

  @Test
  void aStockSmallerThanThePlanNeedsNamesWhatIsShort() throws Exception {
    Forces f = forces(2500, 1, "{\"engineer_section\":2}");
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, f, options(), Progress.NONE)) {
      EmplacementResult at = p.at(10, Progress.NONE);
      assertThat(at.stock().get("at_mines"))
          .containsExactly(
              new double[] {4000.0, 2500.0}, org.assertj.core.api.Assertions.within(1.0));
      assertThat(at.shortfalls()).hasSize(1);
      assertThat(at.shortfalls().get(0).reason())
          .contains("stock short")
          .contains("at_mines: needs 2000");
    }
  }

  @Test
  void aUnitWithNothingToDoForThePlanIsNamedWithWhy() throws Exception {
    double[] home = r.lonLat(36.5, 10.5);
    Path f =
        Files.writeString(
            dir.resolve("two-units.json"),
            String.format(
                Locale.ROOT,
                "{\"depots\":[{\"id\":\"d1\",\"name\":\"D\",\"lon\":%.9f,\"lat\":%.9f,"
                    + "\"stock\":{\"at_mines\":9000,\"demolition_charges\":1}}],\"units\":["
                    + "{\"id\":\"eng\",\"name\":\"E\",\"lon\":%.9f,\"lat\":%.9f,"
                    + "\"readiness_h\":1,\"teams\":{\"engineer_section\":1}},"
                    + "{\"id\":\"kasp\",\"name\":\"K\",\"lon\":%.9f,\"lat\":%.9f,"
                    + "\"readiness_h\":1,\"teams\":{\"closure_team\":3}}]}",
                home[0],
                home[1],
                home[0],
                home[1],
                home[0],
                home[1]));
    try (EmplacementPlanner p =
        new EmplacementPlanner(assessor, plan, reader().read(f), options(), Progress.NONE)) {
      EmplacementResult at = p.at(4, Progress.NONE);
      assertThat(at.idleUnits()).hasSize(1);
      assertThat(at.idleUnits().get(0).obstacleId()).isEqualTo("kasp");
      assertThat(at.idleUnits().get(0).reason())
          .isEqualTo("the plan has no job for its teams (closure_team)");
    }
  }

  @Test
  void forcesOutsideTheTerritoryOrWithUnknownTeamsAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> forces(100, 1, "{\"sapper_dog\":1}"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("unit \"eng\"")
        .hasMessageContaining("unknown team type \"sapper_dog\"");
    assertThatThrownBy(() -> forces(100, -2, "{\"engineer_section\":1}"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("readiness_h");
    double[] west = r.lonLat(5, 5);
    Path f =
        Files.writeString(
            dir.resolve("west.json"),
            String.format(
                Locale.ROOT,
                "{\"depots\":[{\"id\":\"far\",\"name\":\"Far\",\"lon\":%.6f,\"lat\":%.6f,"
                    + "\"stock\":{}}],\"units\":[{\"id\":\"u\",\"name\":\"U\",\"lon\":%.6f,"
                    + "\"lat\":%.6f,\"readiness_h\":1,\"teams\":{\"engineer_section\":1}}]}",
                west[0],
                west[1],
                west[0],
                west[1]));
    assertThatThrownBy(() -> reader().read(f))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("depot \"far\"")
        .hasMessageContaining("outside the friendly territory");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"depots\": [");
    assertThatThrownBy(() -> reader().read(broken))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("broken.json")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void theShippedDefaultsLoadAndNameRealUnits() {
    Forces f =
        new ForcesReader(
                Set.of(
                    "engineer_section", "demolition_squad", "mechanical_minelayer", "closure_team"),
                (x, y) -> true)
            .defaults();
    assertThat(f.units()).extracting(Forces.Unit::name).anyMatch(n -> n.contains("Vitkus"));
    assertThat(f.depots()).allMatch(d -> d.name().contains("notional"));
    assertThat(f.stock("at_mines")).isPositive();
    Map<String, Integer> all = new java.util.TreeMap<>();
    f.units().forEach(u -> u.teams().forEach((k, v) -> all.merge(k, v, Integer::sum)));
    assertThat(all)
        .containsKeys(
            "mechanical_minelayer", "engineer_section", "demolition_squad", "closure_team");
  }
}
