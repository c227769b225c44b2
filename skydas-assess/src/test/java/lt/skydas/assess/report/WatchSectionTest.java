package lt.skydas.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.plan.TargetClass;
import lt.skydas.raster.FloatRaster;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class WatchSectionTest {
  /** 10 × 1 cells of 100 m; arrival time = column / 10 h; columns 6..7 observed. */
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

  static final List<Coordinate> PATH = List.of(new Coordinate(990, 50), new Coordinate(10, 50));

  @Test
  void theFirstDetectionIsTheEarliestArrivalAtAnObservedPointWhateverThePathsDirection() {
    assertThat(WatchSection.firstDetection_h(PATH, observed(6, 7), iso())).isEqualTo(0.6f);
    assertThat(WatchSection.firstDetection_h(PATH.reversed(), observed(6, 7), iso()))
        .isEqualTo(0.6f);
  }

  @Test
  void aPathNobodyObservesHasNoDetection() {
    assertThat(WatchSection.firstDetection_h(PATH, observed(), iso())).isNaN();
  }
}
