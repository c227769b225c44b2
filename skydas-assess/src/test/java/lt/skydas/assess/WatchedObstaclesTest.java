package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.ObjectiveTime;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Obstacles count in full only where a sensor of the plan watches them. Open ground of 40 × 20
 * cells of 100 m, attackers from the west column, the objective 35 columns east; an AT ditch
 * (tracked crossing delay 3600 s, unwatched factor 0.35) across the whole front at column 15. A
 * fibre fence sensor (vehicle range 30 m, ground-coupled) laid along the ditch watches the cells of
 * the ditch it runs beside; the ditch's observed share is the share of its 50 m samples in those
 * cells. The delay is 3600 × (0.35 + 0.65 × share); the delay lost is 3600 minus that.
 */
class WatchedObstaclesTest {
  @TempDir Path dir;

  private static final double DITCH_S = 3600;
  private static final double UNWATCHED = 0.35;

  private SyntheticRegion r;
  private AssessmentRegion region;
  private Assessor assessor;

  @BeforeEach
  void setUp() {
    r = new SyntheticRegion(40, 20);
    region = r.build();
    assessor =
        new Assessor(
            region,
            List.of(
                new Objective(
                    "target",
                    "Target",
                    new GeometryFactory().createPoint(new Coordinate(r.x(35.5), r.y(10.5))),
                    0)),
            Progress.NONE);
  }

  private static AssessmentOptions tracked() {
    return AssessmentOptions.defaults()
        .withCases(List.of(VehicleClass.TRACKED), List.of(Season.DRY))
        .withMarginal(AssessmentOptions.Marginal.EXACT)
        .withThreads(1);
  }

  private String line(String id, String type, double c0, double r0, double c1, double r1) {
    return r.feature(id, type, "LineString", c0, r0, c1, r1);
  }

  /** The ditch from the north to the south edge (0.1 mm inside), 2000 m: 40 samples of 50 m. */
  private String ditch() {
    return line("ditch", "at_ditch", 15.5, 0.000001, 15.5, 19.999999);
  }

  /** A fence sensor along column 15.5 from the north edge down to row {@code toRow}. */
  private String fence(double toRow) {
    return line("fence", "fibre_fence_sensor", 15.5, 0.000001, 15.5, toRow);
  }

  private BarrierPlan plan(String... features) throws IOException {
    return r.plan(dir, region, features);
  }

  private ObjectiveTime time(AssessmentResult res) {
    return res.cases().get(0).time("target");
  }

  @Test
  void aPlanWithoutSensorsCountsEveryObstacleInFullAsBefore() throws IOException {
    AssessmentResult res = assessor.assess(plan(ditch()), tracked(), Progress.NONE);
    assertThat(res.watch().status()).isEqualTo(PlanWatch.Status.NO_SENSORS);
    assertThat(time(res).delay_s()).isCloseTo(DITCH_S, within(1e-6));
    assertThat(time(res).allWatched_s()).isEqualTo(time(res).plan_s());
    assertThat(time(res).delayLost_s()).isZero();
  }

  @Test
  void anUnwatchedDitchDelaysByItsUnwatchedFactorAndTheRestIsLost() throws IOException {
    // the fence lies far from the ditch, along column 35.5
    String farFence = line("fence", "fibre_fence_sensor", 35.5, 0.000001, 35.5, 5);
    AssessmentResult res = assessor.assess(plan(ditch(), farFence), tracked(), Progress.NONE);
    assertThat(res.watch().status()).isEqualTo(PlanWatch.Status.MODELLED);
    assertThat(res.watch().vehicles().get(0).observedShare()).isZero();
    assertThat(res.watch().factors().factor(0, VehicleClass.TRACKED)).isEqualTo(UNWATCHED);
    ObjectiveTime t = time(res);
    assertThat(t.delay_s()).isCloseTo(UNWATCHED * DITCH_S, within(1e-3)); // 1260 s
    assertThat(t.delayLost_s()).isCloseTo((1 - UNWATCHED) * DITCH_S, within(1e-3)); // 2340 s
    assertThat(t.allWatched_s() - t.baseline_s()).isCloseTo(DITCH_S, within(1e-3));
    Case c = res.cases().get(0);
    assertThat(c.marginal_s().get("ditch").get("target"))
        .isCloseTo(UNWATCHED * DITCH_S, within(1e-3));
  }

  @Test
  void aFullyWatchedDitchCountsInFull() throws IOException {
    AssessmentResult res =
        assessor.assess(plan(ditch(), fence(19.999999)), tracked(), Progress.NONE);
    assertThat(res.watch().vehicles().get(0).observedShare()).isEqualTo(1.0);
    assertThat(time(res).delay_s()).isCloseTo(DITCH_S, within(1e-3));
    assertThat(time(res).delayLost_s()).isZero();
  }

  @Test
  void aHalfWatchedDitchCountsByTheRule() throws IOException {
    // the fence runs beside rows 0..9 (cell centres 0.5..9.5 within 30 m; row 10's centre is 50 m
    // beyond its end): 20 of the ditch's 40 samples are observed
    AssessmentResult res = assessor.assess(plan(ditch(), fence(10)), tracked(), Progress.NONE);
    double share = res.watch().vehicles().get(0).observedShare();
    assertThat(share).isCloseTo(0.5, within(1e-6));
    double factor = UNWATCHED + (1 - UNWATCHED) * 0.5; // 0.675
    assertThat(time(res).delay_s()).isCloseTo(factor * DITCH_S, within(0.01)); // 2430 s
    assertThat(time(res).delayLost_s()).isCloseTo((1 - factor) * DITCH_S, within(0.01)); // 1170
  }

  @Test
  void assumeWatchedCountsEveryObstacleInFullDespiteTheGaps() throws IOException {
    String farFence = line("fence", "fibre_fence_sensor", 35.5, 0.000001, 35.5, 5);
    AssessmentOptions opt =
        tracked().withWatch(AssessmentOptions.WatchOptions.defaults().withAssumeWatched(true));
    AssessmentResult res = assessor.assess(plan(ditch(), farFence), opt, Progress.NONE);
    assertThat(res.watch().status()).isEqualTo(PlanWatch.Status.ASSUMED_WATCHED);
    assertThat(res.watch().vehicles().get(0).observedShare()).isZero();
    assertThat(time(res).delay_s()).isCloseTo(DITCH_S, within(1e-3));
    assertThat(time(res).delayLost_s()).isZero();
  }
}
