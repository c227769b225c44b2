package lt.skydas.mobility.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import lt.skydas.core.geo.GridSpec;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class CellWalkTest {
  private final GridSpec g = new GridSpec(0, 1000, 100, 10, 10, 3346);
  private final GeometryFactory gf = new GeometryFactory();

  record Piece(int cell, double from, double to) {}

  private List<Piece> walk(double... xy) {
    List<Piece> out = new ArrayList<>();
    CellWalk.walk(g, xy, 0, xy.length / 2, (c, a, b) -> out.add(new Piece(c, a, b)));
    return out;
  }

  @Test
  void horizontalLineCrossesThreeCells() {
    List<Piece> ps = walk(50, 950, 250, 950);
    assertThat(ps).extracting(Piece::cell).containsExactly(0, 1, 2);
    assertThat(ps.get(0).from()).isEqualTo(0);
    assertThat(ps.get(0).to()).isCloseTo(50, within(1e-9));
    assertThat(ps.get(2).to()).isCloseTo(200, within(1e-9));
  }

  @Test
  void vertexInsideACellMergesPieces() {
    List<Piece> ps = walk(10, 990, 50, 950, 90, 990);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).to()).isCloseTo(2 * Math.hypot(40, 40), within(1e-9));
  }

  @Test
  void partsOutsideTheGridAreSkipped() {
    List<Piece> ps = walk(-150, 950, 150, 950);
    assertThat(ps).extracting(Piece::cell).containsExactly(0, 1);
    assertThat(ps.get(0).from()).isCloseTo(150, within(1e-9));
  }

  @Test
  void matchesBruteForceCellIntersectionOnRandomLines() {
    for (int seed = 1; seed <= 300; seed++) {
      Random r = new Random(seed);
      int n = 2 + r.nextInt(4);
      double[] xy = new double[2 * n];
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        xy[2 * i] = -50 + r.nextDouble() * 1100;
        xy[2 * i + 1] = -50 + r.nextDouble() * 1100;
        cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
      }
      LineString line = gf.createLineString(cs);
      TreeSet<Integer> expected = new TreeSet<>();
      double inside = 0;
      for (int c = 0; c < g.cellCount(); c++) {
        int col = c % 10;
        int row = c / 10;
        Envelope box =
            new Envelope(col * 100, col * 100 + 100, 1000 - row * 100 - 100, 1000 - row * 100);
        var cut = line.intersection(gf.toGeometry(box));
        if (cut.getLength() > 1e-6) {
          expected.add(c);
          inside += cut.getLength();
        }
      }
      List<Piece> ps = walk(xy);
      TreeSet<Integer> got = new TreeSet<>();
      double total = 0;
      double prevTo = -1;
      for (Piece p : ps) {
        if (p.to() - p.from() > 1e-6) {
          got.add(p.cell());
        }
        assertThat(p.from())
            .as("seed %d: pieces in order", seed)
            .isGreaterThanOrEqualTo(prevTo - 1e-9);
        prevTo = p.to();
        total += p.to() - p.from();
      }
      assertThat(got).as("seed %d", seed).isEqualTo(expected);
      assertThat(total).as("seed %d: length inside grid", seed).isCloseTo(inside, within(1e-6));
    }
  }
}
