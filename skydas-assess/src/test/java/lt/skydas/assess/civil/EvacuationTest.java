package lt.skydas.assess.civil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Evacuation on a synthetic valley with one road: a town of 20,000 at the east end is the rear;
 * village A lies west of an obstacle across the road and the valley, village B east of it. A ditch
 * cuts A off (a violation naming the ditch); a road control point leaves A a way out only while it
 * is open (reported, not a violation); B's time out is its road distance over the road speed.
 */
class EvacuationTest {
  @TempDir Path dir;

  private AssessmentResult assess(String obstacleType) throws IOException {
    return assess(obstacleType, null);
  }

  /** With {@code rearCell} (a column on the road) the only assembly point, when not null. */
  private AssessmentResult assess(String obstacleType, Double rearCell) throws IOException {
    SyntheticRegion r = new SyntheticRegion(200, 21);
    r.road(0.5, 10.5, 199.5, 10.5, "SECONDARY", false);
    r.resident("A", 50, 10, 300);
    r.resident("B", 120, 10, 500);
    r.resident("Town", 195, 10, 20_000);
    AssessmentRegion ar = r.build();
    Objective o =
        new Objective(
            "t", "T", new GeometryFactory().createPoint(new Coordinate(r.x(199), r.y(10.5))), 0);
    double[] a = r.lonLat(100.5, obstacleType.equals("at_ditch") ? 0.05 : 10.5);
    double[] b = r.lonLat(100.5, 20.95);
    String geom =
        obstacleType.equals("at_ditch")
            ? String.format(
                Locale.ROOT,
                "{\"type\":\"LineString\",\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}",
                a[0],
                a[1],
                b[0],
                b[1])
            : String.format(
                Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.9f,%.9f]}", a[0], a[1]);
    Path f = dir.resolve(obstacleType + ".geojson");
    Files.writeString(
        f,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
            + "\"properties\":{\"type\":\""
            + obstacleType
            + "\"},\"geometry\":"
            + geom
            + "}]}");
    BarrierPlan plan = new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent()).read(f);
    Assessor assessor = new Assessor(ar, List.of(o), Progress.NONE);
    if (rearCell != null) {
      assessor.evacuateTo(List.of(new Evacuation.Assembly("Depot", r.x(rearCell), r.y(10.5))));
    }
    return assessor.assess(
        plan,
        AssessmentOptions.defaults()
            .withCases(List.of(VehicleClass.WHEELED), List.of(Season.DRY))
            .withThreads(1),
        Progress.NONE);
  }

  /** The secondary road's wheeled speed, capped at the evacuation traffic's (m/s). */
  private static double evacuationSpeed_ms() {
    double table =
        SpeedTable.defaults().roadSpeed_kmh("SECONDARY", VehicleClass.WHEELED, Season.DRY);
    assertThat(table).isGreaterThan(Evacuation.EVACUATION_ROAD_KMH);
    return Math.min(table, Evacuation.EVACUATION_ROAD_KMH) / 3.6;
  }

  private static Evacuation.Row row(Evacuation e, String name) {
    return e.rows().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aDitchAcrossTheOnlyRoadCutsTheVillageOffAndIsAViolation() throws IOException {
    AssessmentResult res = assess("at_ditch");
    Evacuation e = res.evacuations().get(0);
    assertThat(e.rear()).containsExactly("Town");
    Evacuation.Row a = row(e, "A");
    assertThat(a.cutOff()).isTrue();
    assertThat(a.evacBaseline_h()).isFinite();
    assertThat(a.evac_h()).isInfinite();
    assertThat(a.nearestClosure()).isEqualTo("x");
    assertThat(a.nearestClosure_m()).isCloseTo(5000, within(1.0));
    Evacuation.Row b = row(e, "B");
    assertThat(b.cutOff()).isFalse();
    // B's way out: an hour to get on the road, then 75 cells of road at the speed table's
    // secondary-road speed, at most the evacuation traffic's 40 km/h
    double v_ms = evacuationSpeed_ms();
    assertThat(b.evac_h() * 3600)
        .isCloseTo(Evacuation.DEPART_H * 3600 + 7500 / v_ms, within(200 / v_ms));
    // at every warning A's 300 people are at risk; B gets out before the attacker arrives
    assertThat(e.peopleAtRisk()).containsOnly(300L);
    List<Violation> cut =
        res.violations().stream()
            .filter(v -> v.rule() == Violation.Rule.CUTS_OFF_SETTLEMENT)
            .toList();
    assertThat(cut).hasSize(1);
    assertThat(cut.get(0).obstacleId()).isEqualTo("x");
    assertThat(cut.get(0).message())
        .startsWith("A (village, 300 people) is cut off from the rear")
        .contains("nearest: x, 5000 m away");
  }

  @Test
  void aRoadControlPointLeavesAWayOutWhileOpenAndIsNoViolation() throws IOException {
    AssessmentResult res = assess("road_control_point");
    Evacuation e = res.evacuations().get(0);
    Evacuation.Row a = row(e, "A");
    assertThat(a.cutOff()).isFalse();
    assertThat(a.unlessOpened()).isTrue();
    assertThat(a.evac_h()).isCloseTo(a.evacBaseline_h(), within(1e-9));
    assertThat(res.violations()).isEmpty();
  }

  @Test
  void aRearGivenByTheUserReplacesTheTownsAndMovesTheCut() throws IOException {
    // the assembly point west of the ditch: now A gets out and B is the one cut off
    AssessmentResult res = assess("at_ditch", 20.0);
    Evacuation e = res.evacuations().get(0);
    assertThat(e.rear()).containsExactly("Depot");
    assertThat(row(e, "A").cutOff()).isFalse();
    assertThat(row(e, "B").cutOff()).isTrue();
    // A's way out: an hour to leave, then 30 cells of road west to the point
    double v_ms = evacuationSpeed_ms();
    assertThat(row(e, "A").evac_h() * 3600)
        .isCloseTo(Evacuation.DEPART_H * 3600 + 3000 / v_ms, within(200 / v_ms));
  }
}
