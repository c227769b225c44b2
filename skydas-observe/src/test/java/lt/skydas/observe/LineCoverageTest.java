package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class LineCoverageTest {
  @Test
  void aLineHalfInsideTheObservedBandHasOneGapOfTheOtherHalf() throws Exception {
    GridSpec g = new GridSpec(0, 1000, 10, 100, 100, 3346);
    short[] count = new short[g.cellCount()];
    for (int row = 0; row < 100; row++) {
      for (int col = 0; col < 50; col++) { // x < 500 observed once, by two sensors where x < 200
        count[row * 100 + col] = (short) (col < 20 ? 2 : 1);
      }
    }
    CoverageGrid cov = new CoverageGrid(g, TargetClass.VEHICLE, count, List.of());
    Geometry line = new WKTReader().read("LINESTRING (100 500, 900 500)");
    LineCoverage lc = LineCoverage.of(cov, line, 5);
    assertThat(lc.length_m()).isEqualTo(800);
    assertThat(lc.observed_m()).isEqualTo(400);
    assertThat(lc.unobserved_m()).isEqualTo(400);
    assertThat(lc.meanSensors())
        .isCloseTo((100 * 2 + 300 * 1) / 800.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lc.gaps()).hasSize(1);
    assertThat(lc.gaps().get(0).geometry_lks94().toText())
        .isEqualTo("LINESTRING (500 500, 900 500)");
  }

  @Test
  void gapsOfEveryPartOfAMultiLineComeLongestFirst() throws Exception {
    GridSpec g = new GridSpec(0, 1000, 10, 100, 100, 3346);
    CoverageGrid none =
        new CoverageGrid(g, TargetClass.PERSON, new short[g.cellCount()], List.of());
    Geometry lines =
        new WKTReader().read("MULTILINESTRING ((0 10, 0 110), (10 10, 310 10), (20 20, 20 20))");
    LineCoverage lc = LineCoverage.of(none, lines, 10);
    assertThat(lc.observedShare()).isZero();
    assertThat(lc.gaps()).extracting(LineCoverage.Gap::part).containsExactly(1, 0);
    assertThat(lc.gaps().get(0).length_m()).isEqualTo(300);
  }
}
