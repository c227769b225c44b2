package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The observed cells as polygons: exactly the cells, checked cell by cell against the grid. */
class CoveragePolygonsTest {
  private static final GeometryFactory GF = new GeometryFactory();

  @Test
  void anLShapeAndASeparateCellAreTheirCellsExactly() {
    // 4 x 3 grid of 10 m cells:  X . . X
    //                            X . . .
    //                            X X X .
    short[] count = {1, 0, 0, 2, 1, 0, 0, 0, 3, 1, 1, 0};
    GridSpec g = new GridSpec(1000, 2000, 10, 4, 3, 3346);
    Geometry p =
        CoveragePolygons.observed(new CoverageGrid(g, TargetClass.VEHICLE, count, List.of()), 0);
    assertThat(p.getArea()).isEqualTo(6 * 100.0);
    assertThat(p.getNumGeometries()).isEqualTo(2);
    assertCellsMatch(g, count, p);
  }

  @Test
  void randomCoverageIsCoveredCellByCell() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      int w = 5 + rnd.nextInt(30);
      int h = 5 + rnd.nextInt(30);
      short[] count = new short[w * h];
      for (int i = 0; i < count.length; i++) {
        count[i] = (short) (rnd.nextDouble() < 0.4 ? 1 + rnd.nextInt(3) : 0);
      }
      GridSpec g = new GridSpec(500_000, 6_100_000, 100, w, h, 3346);
      Geometry p =
          CoveragePolygons.observed(new CoverageGrid(g, TargetClass.PERSON, count, List.of()), 0);
      long observed = 0;
      for (short c : count) {
        observed += c > 0 ? 1 : 0;
      }
      assertThat(p.getArea()).as("seed %d: area", seed).isEqualTo(observed * 100.0 * 100.0);
      assertCellsMatch(g, count, p);
    }
  }

  @Test
  void simplifiedOutlinesStayWithinTheTolerance() {
    // a disc of radius 20 cells: stair-stepped edges become lines, the area barely changes
    GridSpec g = new GridSpec(0, 5000, 100, 50, 50, 3346);
    short[] count = new short[2500];
    for (int r = 0; r < 50; r++) {
      for (int c = 0; c < 50; c++) {
        count[r * 50 + c] = (short) (Math.hypot(c - 24.5, r - 24.5) <= 20 ? 1 : 0);
      }
    }
    CoverageGrid cov = new CoverageGrid(g, TargetClass.VEHICLE, count, List.of());
    Geometry exact = CoveragePolygons.observed(cov, 0);
    Geometry simple = CoveragePolygons.observed(cov, 100);
    assertThat(simple.getCoordinates().length).isLessThan(exact.getCoordinates().length / 2);
    assertThat(simple.getArea())
        .isCloseTo(exact.getArea(), org.assertj.core.data.Offset.offset(0.03 * exact.getArea()));
    assertThat(simple.buffer(100.01).covers(exact)).isTrue();
  }

  @Test
  void nothingObservedIsEmpty() {
    GridSpec g = new GridSpec(0, 100, 10, 10, 10, 3346);
    assertThat(
            CoveragePolygons.observed(
                    new CoverageGrid(g, TargetClass.VEHICLE, new short[100], List.of()), 10)
                .isEmpty())
        .isTrue();
  }

  private static void assertCellsMatch(GridSpec g, short[] count, Geometry p) {
    for (int r = 0; r < g.height(); r++) {
      for (int c = 0; c < g.width(); c++) {
        boolean inside = p.contains(GF.createPoint(new Coordinate(g.centerX(c), g.centerY(r))));
        assertThat(inside).as("cell %d,%d", c, r).isEqualTo(count[r * g.width() + c] > 0);
      }
    }
  }
}
