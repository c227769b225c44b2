package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class ObstacleWatchTest {
  /** 100 × 100 cells of 10 m; x < 500 observed by one sensor, x < 200 by two. */
  static CoverageGrid halfObserved() {
    GridSpec g = new GridSpec(0, 1000, 10, 100, 100, 3346);
    short[] count = new short[g.cellCount()];
    for (int row = 0; row < 100; row++) {
      for (int col = 0; col < 50; col++) {
        count[row * 100 + col] = (short) (col < 20 ? 2 : 1);
      }
    }
    return new CoverageGrid(g, TargetClass.VEHICLE, count, List.of());
  }

  @Test
  void aDitchAcrossTheEdgeOfCoverageIsHalfWatched() throws Exception {
    var w =
        ObstacleWatch.of(
            halfObserved(), "d", "at_ditch", new WKTReader().read("LINESTRING (300 500, 700 500)"));
    assertThat(w.observedShare()).isEqualTo(0.5);
    assertThat(w.meanSensors()).isCloseTo(0.5, offset(1e-9));
    assertThat(w.observed()).isTrue();
  }

  @Test
  void anAreaCountsTheCellsItsCentresCoverAndAPointItsCell() throws Exception {
    CoverageGrid g = halfObserved();
    var field =
        ObstacleWatch.of(
            g,
            "m",
            "at_minefield",
            new WKTReader().read("POLYGON ((100 100, 300 100, 300 300, 100 300, 100 100))"));
    assertThat(field.observedShare()).isEqualTo(1.0);
    assertThat(field.meanSensors()).isCloseTo(1.5, offset(1e-9)); // half the columns by two
    var bunker = ObstacleWatch.of(g, "b", "bunker", new WKTReader().read("POINT (800 800)"));
    assertThat(bunker.observed()).isFalse();
    var tiny =
        ObstacleWatch.of(
            g,
            "t",
            "bunker",
            new WKTReader().read("POLYGON ((101 101, 103 101, 103 103, 101 101))"));
    assertThat(tiny.observedShare()).isEqualTo(1.0);
  }
}
