package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentResult.RaceTime;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The corridor race on open ground 60 × 40 cells of 100 m: Belarus beyond the west edge, Russia
 * beyond the east edge, a friendly route down column 20 from row 2 to row 37. The attacker cuts it
 * where it is nearest: 20 cells from the west, 39 from the east, straight across open ground.
 */
class CorridorRaceTest {
  @TempDir Path dir;

  private static final double TRACKED_OPEN_S_PER_M = 3.6 / 30;
  private static final int W = 60;
  private static final int H = 40;

  private AssessmentRegion region(SyntheticRegion sr) throws IOException {
    RegionDefinition def = sr.routeAtoB(dir, "\"LT-BY\", \"LT-RU\"", 20.5, 2.5, 20.5, 37.5);
    AssessmentRegion base = sr.build();
    int[] starts = new int[2 * H];
    for (int r = 0; r < H; r++) {
      starts[2 * r] = r * W;
      starts[2 * r + 1] = r * W + W - 1;
    }
    GeometryFactory gf = new GeometryFactory();
    var west =
        gf.createLineString(
            new Coordinate[] {new Coordinate(sr.x(0), sr.y(0)), new Coordinate(sr.x(0), sr.y(H))});
    var east =
        gf.createLineString(
            new Coordinate[] {new Coordinate(sr.x(W), sr.y(0)), new Coordinate(sr.x(W), sr.y(H))});
    return new AssessmentRegion(
        "race",
        base.grid(),
        base.landCover(),
        base.landCoverNames(),
        base.roads(),
        starts,
        base.civilians(),
        Map.of("LT-BY", west, "LT-RU", east),
        Map.of(),
        null,
        null,
        def);
  }

  private static AssessmentOptions tracked() {
    return AssessmentOptions.defaults()
        .withCases(List.of(VehicleClass.TRACKED), List.of(Season.DRY))
        .withThreads(1);
  }

  private static RaceTime side(AssessmentResult r, String iso) {
    return rows(r).stream().filter(x -> x.side().equals(iso)).findFirst().orElseThrow();
  }

  private static List<RaceTime> rows(AssessmentResult r) {
    return lt.skydas.assess.report.RaceSection.rows(r);
  }

  @Test
  void startCellsSplitByTheNearestHostileBorder() throws IOException {
    Map<String, int[]> sides = CorridorRace.sides(region(new SyntheticRegion(W, H)));
    assertThat(sides).containsOnlyKeys("BY", "RU");
    assertThat(java.util.Arrays.stream(sides.get("BY")).map(c -> c % W)).hasSize(H).containsOnly(0);
    assertThat(java.util.Arrays.stream(sides.get("RU")).map(c -> c % W))
        .hasSize(H)
        .containsOnly(W - 1);
  }

  @Test
  void eachSideCutsTheRouteWhereItIsNearest() throws IOException {
    AssessmentRegion ar = region(new SyntheticRegion(W, H));
    AssessmentResult r =
        new Assessor(ar, ObjectivesReader.of(ar.definition()), Progress.NONE)
            .assess(BarrierPlan.empty(lt.skydas.plan.PlanPolicy.DEFAULT), tracked(), Progress.NONE);
    assertThat(rows(r)).hasSize(2);
    RaceTime by = side(r, "BY");
    RaceTime ru = side(r, "RU");
    // straight across open ground from the start cell's centre to column 20's centre
    assertThat(by.cutBaseline_s()).isCloseTo(20 * 100 * TRACKED_OPEN_S_PER_M, within(1e-4));
    assertThat(ru.cutBaseline_s()).isCloseTo(39 * 100 * TRACKED_OPEN_S_PER_M, within(1e-4));
    // the convoy's transit is the route's reinforcement time; no plan: nothing changes
    double transit = r.reinforcement().get(0).baseline_s();
    assertThat(transit).isPositive();
    assertThat(by.transitBaseline_s()).isEqualTo(transit);
    assertThat(by.marginBaseline_s()).isEqualTo(by.cutBaseline_s() - transit);
    assertThat(by.cutPlan_s()).isEqualTo(by.cutBaseline_s());
    assertThat(ru.marginPlan_s()).isEqualTo(ru.marginBaseline_s());
    assertThat(by.routeId()).isEqualTo("ab");
    assertThat(by.vehicle()).isEqualTo(VehicleClass.TRACKED);
  }

  @Test
  void aDitchOnTheWestDelaysOnlyTheCutFromTheWest() throws IOException {
    SyntheticRegion sr = new SyntheticRegion(W, H);
    AssessmentRegion ar = region(sr);
    BarrierPlan plan =
        sr.plan(dir, ar, sr.feature("d", "at_ditch", "LineString", 10.5, 0.05, 10.5, 39.95));
    AssessmentResult r =
        new Assessor(ar, ObjectivesReader.of(ar.definition()), Progress.NONE)
            .assess(plan, tracked(), Progress.NONE);
    RaceTime by = side(r, "BY");
    RaceTime ru = side(r, "RU");
    assertThat(by.cutPlan_s()).isGreaterThan(by.cutBaseline_s() + 60);
    assertThat(by.marginPlan_s()).isGreaterThan(by.marginBaseline_s() + 60);
    assertThat(ru.cutPlan_s()).isCloseTo(ru.cutBaseline_s(), within(1e-6));
    // the ditch lies off the convoy's path: its transit is unchanged
    assertThat(by.transitPlan_s()).isEqualTo(by.transitBaseline_s());
  }
}
