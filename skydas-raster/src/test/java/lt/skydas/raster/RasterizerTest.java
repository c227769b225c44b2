package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import lt.skydas.core.geo.GridSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

  @Test
  void burntCellsLieBetweenTheOpenAndClosedCellReferences() {
    for (int seed = 1; seed <= 300; seed++) {
      Random r = new Random(seed);
      int n = 2 + r.nextInt(4);
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        double x = 950 + r.nextDouble() * 700;
        double y = 1450 + r.nextDouble() * 600;
        if (seed % 3 == 0) { // vertices on cell corners: diagonal lines through corners
          x = 1000 + 10 * r.nextInt(61);
          y = 1500 + 10 * r.nextInt(51);
        }
        cs[i] = new Coordinate(x, y);
      }
      LineString line = gf.createLineString(cs);
      TreeSet<Integer> got = new TreeSet<>();
      Rasterizer.burnLines(g, line, got::add);
      TreeSet<Integer> touching = new TreeSet<>();
      TreeSet<Integer> crossing = new TreeSet<>();
      for (int c = 0; c < g.cellCount(); c++) {
        double x0 = g.minX() + (c % g.width()) * 10.0;
        double y1 = g.maxY() - (c / g.width()) * 10.0;
        if (line.intersects(gf.toGeometry(new Envelope(x0, x0 + 10, y1 - 10, y1)))) {
          touching.add(c);
        }
        Envelope inner = new Envelope(x0 + 1e-7, x0 + 10 - 1e-7, y1 - 10 + 1e-7, y1 - 1e-7);
        if (line.intersects(gf.toGeometry(inner))) {
          crossing.add(c);
        }
      }
      assertThat(got).as("seed %d: every cell the line crosses", seed).containsAll(crossing);
      assertThat(touching).as("seed %d: only cells the line touches", seed).containsAll(got);
    }
  }

  @Property(tries = 300, seed = "20251122")
  void noEightNeighbourPathCrossesAWestToEastPolyline(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(12);
    Coordinate[] cs = new Coordinate[n + 2];
    boolean snap = r.nextBoolean();
    for (int i = 0; i < n + 2; i++) {
      // zig-zag in x, so segments run in every direction, but start west and end east of the grid
      double x =
          i == 0
              ? 1000 - r.nextDouble() * 30
              : i == n + 1 ? 1600 + r.nextDouble() * 30 : 990 + r.nextDouble() * 620;
      double y = 1530 + r.nextDouble() * 440;
      if (snap) {
        x = Math.round(x / 10) * 10.0;
        y = Math.round(y / 10) * 10.0;
      }
      cs[i] = new Coordinate(x, y);
    }
    boolean[] wall = new boolean[g.cellCount()];
    Rasterizer.burnLines(g, gf.createLineString(cs), c -> wall[c] = true);
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
          if (g.contains(col + dc, row + dr)) {
            int nb = (row + dr) * g.width() + col + dc;
            if (!seen[nb] && !wall[nb]) {
              seen[nb] = true;
              q.add(nb);
            }
          }
        }
      }
    }
    for (int col = 0; col < g.width(); col++) {
      assertThat(seen[(g.height() - 1) * g.width() + col])
          .as("seed %d: flood from the north reached the south at col %d", seed, col)
          .isFalse();
    }
  }

  @Test
  void polygonsSharingEdgesThroughCellCentresClaimEachCellOnce() {
    for (int seed = 1; seed <= 50; seed++) {
      Random r = new Random(seed);
      // a square split by a zig-zag whose vertices sit on cell centres
      double x0 = 1005;
      double x1 = 1505;
      double[] ys = new double[6];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = 1605 + 10 * r.nextInt(30);
      }
      Coordinate[] north = new Coordinate[ys.length + 3];
      Coordinate[] south = new Coordinate[ys.length + 3];
      for (int i = 0; i < ys.length; i++) {
        double x = x0 + (x1 - x0) * i / (ys.length - 1);
        north[i] = new Coordinate(x, ys[i]);
        south[ys.length - 1 - i] = new Coordinate(x, ys[i]);
      }
      north[ys.length] = new Coordinate(x1, 1955);
      north[ys.length + 1] = new Coordinate(x0, 1955);
      north[ys.length + 2] = north[0];
      south[ys.length] = new Coordinate(x0, 1555);
      south[ys.length + 1] = new Coordinate(x1, 1555);
      south[ys.length + 2] = south[0];
      int[] count = new int[g.cellCount()];
      Rasterizer.fillPolygonal(g, gf.createPolygon(north), c -> count[c]++);
      Rasterizer.fillPolygonal(g, gf.createPolygon(south), c -> count[c]++);
      int[] whole = new int[g.cellCount()];
      Rasterizer.fillPolygonal(g, gf.toGeometry(new Envelope(x0, x1, 1555, 1955)), c -> whole[c]++);
      assertThat(count).as("seed %d", seed).containsExactly(whole);
    }
  }

  @Test
  void byteOverloadsWriteTheValue() {
    byte[] target = new byte[g.cellCount()];
    Rasterizer.fillPolygonal(
        g, gf.toGeometry(new Envelope(1000, 1020, 1980, 2000)), target, (byte) 7);
    Rasterizer.burnLines(
        g,
        gf.createLineString(
            new Coordinate[] {new Coordinate(1035, 1995), new Coordinate(1045, 1995)}),
        target,
        (byte) 9);
    assertThat(target[0]).isEqualTo((byte) 7);
    assertThat(target[g.width() + 1]).isEqualTo((byte) 7);
    assertThat(target[3]).isEqualTo((byte) 9);
    assertThat(target[4]).isEqualTo((byte) 9);
    assertThat(target[2]).isZero();
  }

  @Test
  void rasterisesNationalScaleForestsInSeconds() {
    GridSpec big = new GridSpec(300_000, 6_260_000, 25, 18_000, 15_000, 3346);
    byte[] target = new byte[big.cellCount()];
    Random r = new Random(42);
    // one huge ragged polygon of 100k vertices with a hole
    Polygon huge = ragged(r, 525_000, 6_075_000, 150_000, 100_000);
    Polygon hole = ragged(r, 525_000, 6_075_000, 40_000, 20_000);
    Geometry donut =
        gf.createPolygon(huge.getExteriorRing().getCoordinates())
            .getFactory()
            .createPolygon(
                gf.createLinearRing(huge.getExteriorRing().getCoordinates()),
                new org.locationtech.jts.geom.LinearRing[] {
                  gf.createLinearRing(hole.getExteriorRing().getCoordinates())
                });
    List<Polygon> forests = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      forests.add(
          ragged(
              r,
              310_000 + r.nextDouble() * 430_000,
              5_900_000 + r.nextDouble() * 350_000,
              500 + r.nextDouble() * 5000,
              200 + r.nextInt(3000)));
    }
    long t0 = System.nanoTime();
    Rasterizer.fillPolygonal(big, donut, target, (byte) 1);
    long t1 = System.nanoTime();
    for (Polygon p : forests) {
      Rasterizer.fillPolygonal(big, p, target, (byte) 2);
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "rasterise 18000x15000: 100k-vertex polygon %d ms, 3000 polygons (~5M vertices) %d ms%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertThat((t2 - t0) / 1e9).as("seconds").isLessThan(30);
  }

  private Polygon ragged(Random r, double cx, double cy, double radius, int n) {
    Coordinate[] cs = new Coordinate[n + 1];
    double rr = radius;
    for (int i = 0; i < n; i++) {
      double a = 2 * Math.PI * i / n;
      rr = Math.max(radius * 0.5, Math.min(radius, rr + (r.nextDouble() - 0.5) * radius * 0.05));
      cs[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    cs[n] = cs[0];
    return gf.createPolygon(cs);
  }
}
