package lt.skydas.assess.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ObjectivesReader;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dual-use works on a 40 × 21 grid of 100 m: a secondary road along row 10 from A (col 2) to B (col
 * 38) crosses a river (col 20) on a bridge. The works upgrade the road east of the river and
 * rebuild the bridge, whose load class before is below the convoy's.
 */
class WorksTimelineTest {
  @TempDir Path dir;

  private SyntheticRegion sr;

  private AssessmentRegion region() throws IOException {
    sr = new SyntheticRegion(40, 21);
    sr.column(20, 0, 20, SyntheticRegion.RIVER);
    sr.road(2.5, 10.5, 19.5, 10.5, "SECONDARY", false)
        .road(19.5, 10.5, 20.5, 10.5, "SECONDARY", true)
        .road(20.5, 10.5, 38.5, 10.5, "SECONDARY", false);
    RegionDefinition def = sr.routeAtoB(dir, "\"LT-BY\"", 2.5, 10.5, 38.5, 10.5);
    AssessmentRegion base = sr.build();
    return new AssessmentRegion(
        base.name(),
        base.grid(),
        base.landCover(),
        base.landCoverNames(),
        base.roads(),
        base.attackerStartCells(),
        base.civilians(),
        Map.of(),
        Map.of(),
        null,
        null,
        def);
  }

  private String line(double c0, double c1) {
    double[] a = sr.lonLat(c0, 10.5);
    double[] b = sr.lonLat(c1, 10.5);
    return String.format(
        Locale.ROOT,
        "{\"type\": \"LineString\", \"coordinates\": [[%.9f, %.9f], [%.9f, %.9f]]}",
        a[0],
        a[1],
        b[0],
        b[1]);
  }

  private String point(double c) {
    double[] a = sr.lonLat(c, 10.5);
    return String.format(
        Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%.9f, %.9f]}", a[0], a[1]);
  }

  private Path works(String projects) throws IOException {
    Path f = dir.resolve("works.json");
    Files.writeString(
        f,
        "{\"format\": \"skydas-works/1\", \"name\": \"Test works\", \"projects\": ["
            + projects
            + "]}");
    return f;
  }

  private String project(
      String id,
      String kind,
      String end,
      String status,
      int pct,
      int before,
      int after,
      String geometry) {
    return String.format(
        Locale.ROOT,
        "{\"id\": \"%s\", \"kind\": \"%s\", \"start\": \"2025-01-01\", \"end\": \"%s\","
            + " \"cost_eur\": 1000000, \"status\": \"%s\", \"done_pct\": %d, \"mlc_before\": %d,"
            + " \"mlc_after\": %d, \"speed_after_kmh\": 100, \"geometry\": %s}",
        id,
        kind,
        end,
        status,
        pct,
        before,
        after,
        geometry);
  }

  @Test
  void theConvoyWaitsForTheBridgeThenGainsTheUpgradedRoad() throws IOException {
    AssessmentRegion ar = region();
    Assessor a = new Assessor(ar, ObjectivesReader.of(ar.definition()), Progress.NONE);
    WorksProgramme w =
        WorksProgramme.read(
            works(
                project(
                        "bridge",
                        "bridge",
                        "2026-06-30",
                        "under_construction",
                        40,
                        30,
                        80,
                        point(20))
                    + ","
                    + project(
                        "east", "road", "2027-09-30", "approved", 0, 60, 80, line(20.5, 38.5))),
            Crs.lks94());
    WorksEffects fx = WorksEffects.of(w, a.network(), ar.roads());
    assertThat(fx.roadsOf(0)).hasSize(1);
    assertThat(fx.roadsOf(1)).hasSize(1);
    List<WorksTimeline.Step> t =
        WorksTimeline.compute(
            a, fx, Season.DRY, SpeedTable.defaults(), 60, LocalDate.parse("2026-01-01"));
    assertThat(t)
        .extracting(WorksTimeline.Step::day)
        .containsExactly(
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-06-30"),
            LocalDate.parse("2027-09-30"));
    // before the bridge is rebuilt (MLC 30 < 60) the river cuts the route: no ford, no way round
    assertThat(t.get(0).transit_s()[0]).isInfinite();
    double sec = SpeedTable.defaults().roadSpeed_kmh("SECONDARY", VehicleClass.WHEELED, Season.DRY);
    // rebuilt: the road at the secondary speed (3.6 km between the objectives' road nodes, less
    // up to a cell at each end where the objective's cell meets the road)
    double t1 = t.get(1).transit_s()[0];
    assertThat(t1 * sec / 3.6).isBetween(3500.0, 3600.0);
    assertThat(t.get(1).inEffect()).containsExactly("bridge");
    // upgraded: the road east of the river at 100 km/h instead: the time saved is its length
    // (1.7..1.8 km to B's node) times the difference in pace
    double saved = t1 - t.get(2).transit_s()[0];
    assertThat(saved / (3.6 / sec - 3.6 / 100)).isBetween(1700.0, 1800.0);
    assertThat(t.get(2).inEffect()).containsExactly("bridge", "east");
    assertThat(w.cost_eur()).isEqualTo(2_000_000);
  }

  @Test
  void aCancelledProjectNeverCountsAndBadProjectsAreNamed() throws IOException {
    AssessmentRegion ar = region();
    Assessor a = new Assessor(ar, ObjectivesReader.of(ar.definition()), Progress.NONE);
    WorksProgramme cancelled =
        WorksProgramme.read(
            works(project("bridge", "bridge", "2026-06-30", "cancelled", 0, 30, 80, point(20))),
            Crs.lks94());
    WorksEffects fx = WorksEffects.of(cancelled, a.network(), ar.roads());
    List<WorksTimeline.Step> t =
        WorksTimeline.compute(
            a, fx, Season.DRY, SpeedTable.defaults(), 60, LocalDate.parse("2030-01-01"));
    assertThat(t).hasSize(1);
    assertThat(t.get(0).transit_s()[0]).isInfinite();
    // a road project off the road (row 3)
    double[] p = sr.lonLat(5, 3.5);
    double[] q = sr.lonLat(15, 3.5);
    String off =
        String.format(
            Locale.ROOT,
            "{\"type\": \"LineString\", \"coordinates\": [[%.9f, %.9f], [%.9f, %.9f]]}",
            p[0],
            p[1],
            q[0],
            q[1]);
    WorksProgramme offRoad =
        WorksProgramme.read(
            works(project("off", "road", "2027-01-01", "planned", 0, 60, 80, off)), Crs.lks94());
    assertThatThrownBy(() -> WorksEffects.of(offRoad, a.network(), ar.roads()))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("works.json")
        .hasMessageContaining("project off")
        .hasMessageContaining("lies on no road of the region's road network");
    Path bad = works(project("x", "road", "2027-01-01", "completed", 50, 60, 80, line(3, 10)));
    assertThatThrownBy(() -> WorksProgramme.read(bad, Crs.lks94()))
        .hasMessageContaining("projects[0] (x)")
        .hasMessageContaining("done_pct 50 does not fit status completed");
    Path late = works(project("y", "road", "2024-01-01", "planned", 0, 60, 80, line(3, 10)));
    assertThatThrownBy(() -> WorksProgramme.read(late, Crs.lks94()))
        .hasMessageContaining("end 2024-01-01 is before start 2025-01-01");
    Path kind = works(project("z", "tunnel", "2027-01-01", "planned", 0, 60, 80, line(3, 10)));
    assertThatThrownBy(() -> WorksProgramme.read(kind, Crs.lks94()))
        .hasMessageContaining("projects[0] (z).kind")
        .hasMessageContaining("\"tunnel\" is not one of road, bridge");
  }
}
