package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.TreeSet;
import lt.skydas.core.geo.GridSpec;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;

class RasterizerTest {
  private final GeometryFactory gf = new GeometryFactory();
  private final GridSpec g = new GridSpec(1000, 2000, 10, 60, 50, 3346);

  private Polygon randomStar(Random r, double cx, double cy, double radius) {
    int n = 5 + r.nextInt(30);
    Coordinate[] cs = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      double rr = radius * (0.3 + 0.7 * r.nextDouble());
      cs[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    cs[n] = cs[0];
    return gf.createPolygon(cs);
  }

  @Test
  void fillMatchesCentreInPolygonReference() {
    for (int seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      Polygon outer =
          randomStar(
              r,
              1000 + r.nextDouble() * 600,
              1500 + r.nextDouble() * 500,
              50 + r.nextDouble() * 300);
      Geometry geom = outer;
      if (seed % 3 == 0) {
        GeometricShapeFactory sf = new GeometricShapeFactory(gf);
        sf.setCentre(outer.getCentroid().getCoordinate());
        sf.setSize(40);
        geom = outer.difference(sf.createCircle());
      }
      if (seed % 4 == 0) {
        geom = geom.union(randomStar(r, 1100, 1600, 60));
      }
      TreeSet<Integer> got = new TreeSet<>();
      int[] visits = {0};
      Rasterizer.fillPolygonal(
          g,
          geom,
          c -> {
            got.add(c);
            visits[0]++;
          });
      IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(geom);
      TreeSet<Integer> expected = new TreeSet<>();
      for (int c = 0; c < g.cellCount(); c++) {
        Coordinate p = new Coordinate(g.centerX(c % g.width()), g.centerY(c / g.width()));
        if (loc.locate(p) == Location.INTERIOR) {
          expected.add(c);
        }
      }
      assertThat(got).as("seed %d", seed).isEqualTo(expected);
      assertThat(visits[0]).as("seed %d: each cell once", seed).isEqualTo(got.size());
    }
  }

  @Test
  void burnMatchesCellsTheLineIntersects() {
    for (int seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      int n = 2 + r.nextInt(5);
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        cs[i] = new Coordinate(950 + r.nextDouble() * 700, 1450 + r.nextDouble() * 600);
      }
      LineString line = gf.createLineString(cs);
      TreeSet<Integer> got = new TreeSet<>();
      Rasterizer.burnLines(g, line, got::add);
      TreeSet<Integer> expected = new TreeSet<>();
      for (int c = 0; c < g.cellCount(); c++) {
        int col = c % g.width();
        int row = c / g.width();
        Envelope box =
            new Envelope(
                g.minX() + col * 10 + 1e-7, g.minX() + col * 10 + 10 - 1e-7,
                g.maxY() - row * 10 - 10 + 1e-7, g.maxY() - row * 10 - 1e-7);
        if (line.intersects(gf.toGeometry(box))) {
          expected.add(c);
        }
      }
      // every cell the line really crosses is burnt; extra cells only where the line grazes a
      // corner
      assertThat(got).as("seed %d", seed).containsAll(expected);
      assertThat(got.size() - expected.size())
          .as("seed %d: extra cells", seed)
          .isLessThanOrEqualTo(2 * n + 2);
    }
  }

  @Test
  void burntLineCannotBeCrossedByAnEightNeighbourMove() {
    for (int seed = 1; seed <= 100; seed++) {
      Random r = new Random(seed);
      int n = 3 + r.nextInt(8);
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        double x = i == 0 ? 990 : i == n - 1 ? 1610 : 1000 + 600.0 * i / (n - 1);
        cs[i] = new Coordinate(x, 1520 + r.nextDouble() * 460);
      }
      boolean[] wall = new boolean[g.cellCount()];
      Rasterizer.burnLines(g, gf.createLineString(cs), c -> wall[c] = true);
      // flood from the top row (north) with 8-neighbour moves through non-wall cells
      boolean[] seen = new boolean[g.cellCount()];
      ArrayDeque<Integer> q = new ArrayDeque<>();
      for (int c = 0; c < g.width(); c++) {
        if (!wall[c]) {
          seen[c] = true;
          q.add(c);
        }
      }
      while (!q.isEmpty()) {
        int c = q.poll();
        int row = c / g.width();
        int col = c % g.width();
        for (int dr = -1; dr <= 1; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            int rr = row + dr;
            int cc = col + dc;
            if (g.contains(cc, rr)) {
              int nb = rr * g.width() + cc;
              if (!seen[nb] && !wall[nb]) {
                seen[nb] = true;
                q.add(nb);
              }
            }
          }
        }
      }
      for (int col = 0; col < g.width(); col++) {
        int bottom = (g.height() - 1) * g.width() + col;
        assertThat(seen[bottom])
            .as("seed %d: reached the south side at col %d", seed, col)
            .isFalse();
      }
    }
  }

  @Test
  void partsOutsideTheGridAreSkipped() {
    TreeSet<Integer> got = new TreeSet<>();
    Rasterizer.burnLines(
        g,
        gf.createLineString(new Coordinate[] {new Coordinate(0, 1995), new Coordinate(1015, 1995)}),
        got::add);
    assertThat(got).containsExactly(0, 1);
    got.clear();
    Rasterizer.fillPolygonal(g, gf.toGeometry(new Envelope(-5000, -4000, 0, 100)), got::add);
    assertThat(got).isEmpty();
  }
}
