package lt.skydas.assess.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.plan.TargetClass;
import lt.skydas.raster.FloatRaster;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class WatchSectionTest {
  /** 10 × 1 cells of 100 m; arrival time = column / 10 h. */
  static final GridSpec G = new GridSpec(0, 100, 100, 10, 1, 3346);

  static FloatRaster iso() {
    float[] t = new float[10];
    for (int c = 0; c < 10; c++) {
      t[c] = c / 10f;
    }
    return new FloatRaster(G, t);
  }

  static CoverageGrid observed(int... cols) {
    short[] n = new short[10];
    for (int c : cols) {
      n[c] = 1;
    }
    return new CoverageGrid(G, TargetClass.VEHICLE, n, List.of());
  }

  /** From the west edge to the east, arriving at 1 h. */
  static Avenue avenue() {
    return new Avenue(
        "o",
        VehicleClass.TRACKED,
        Season.DRY,
        Scenario.PLAN,
        1,
        3600,
        980,
        0,
        List.of(new Coordinate(10, 50), new Coordinate(990, 50)),
        List.of());
  }

  static WarningTimes.WarningTime walk(CoverageGrid sensors, List<WarningTimes.Post> posts) {
    return WarningTimes.walk("tracked-dry", avenue(), iso(), sensors, posts, null, List.of());
  }

  @Test
  void theFirstDetectionIsTheArrivalAtTheFirstObservedCell() {
    WarningTimes.WarningTime w = walk(observed(6, 7), List.of());
    assertThat(w.firstDetection_h()).isCloseTo(0.6, within(1e-6));
    assertThat(w.warning_h()).isCloseTo(0.4, within(1e-6));
    assertThat(w.firstDetectionWithout_h()).isNaN();
    assertThat(w.warningWithout_h()).isZero();
  }

  @Test
  void aPathNobodyObservesHasNoDetection() {
    WarningTimes.WarningTime w = walk(observed(), List.of());
    assertThat(w.firstDetection_h()).isNaN();
    assertThat(w.warning_h()).isZero();
  }

  @Test
  void aMannedPostDetectsWithinItsRadiusWithOrWithoutSensors() {
    var post =
        new WarningTimes.Post(
            new GeometryFactory().createPoint(new Coordinate(450, 80)),
            50,
            new org.locationtech.jts.geom.Envelope(400, 500, 30, 130));
    // the path passes 30 m from the post between x = 410 and 490: cell 4, reached at 0.4 h
    WarningTimes.WarningTime alone = walk(null, List.of(post));
    assertThat(alone.firstDetectionWithout_h()).isCloseTo(0.4, within(1e-6));
    assertThat(alone.warningWithout_h()).isCloseTo(0.6, within(1e-6));
    assertThat(alone.firstDetection_h()).isCloseTo(0.4, within(1e-6));
    WarningTimes.WarningTime both = walk(observed(2), List.of(post));
    assertThat(both.firstDetection_h()).isCloseTo(0.2, within(1e-6));
    assertThat(both.firstDetectionWithout_h()).isCloseTo(0.4, within(1e-6));
  }
}
