package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.core.geo.GridSpec;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The observed area of a {@link CoverageGrid} as polygons (for maps and OGC API Features): the
 * cells observed by at least one sensor, as runs along rows stacked into rectangles where rows
 * repeat, unioned, then simplified with a tolerance (one cell turns the stair steps of the cell
 * edges into straight lines; topology preserved, so holes and separate parts stay). In the grid's
 * CRS (LKS-94 metres). Stateless.
 */
public final class CoveragePolygons {
  private CoveragePolygons() {}

  /**
   * The cells with {@code count > 0}, unioned and simplified.
   *
   * @param tolerance_m simplification tolerance, metres (0: the exact cell outlines)
   * @return a polygon or multipolygon; empty when nothing is observed
   */
  public static Geometry observed(CoverageGrid coverage, double tolerance_m) {
    GeometryFactory gf = new GeometryFactory();
    List<Geometry> boxes = rectangles(coverage.grid(), coverage.count(), gf);
    if (boxes.isEmpty()) {
      return gf.createPolygon();
    }
    Geometry union = CascadedPolygonUnion.union(boxes);
    return tolerance_m > 0 ? TopologyPreservingSimplifier.simplify(union, tolerance_m) : union;
  }

  /**
   * Runs of observed cells along each row; a run repeated exactly in the next row grows downwards
   * instead of starting a new rectangle.
   */
  static List<Geometry> rectangles(GridSpec g, short[] count, GeometryFactory gf) {
    int w = g.width();
    int[] openTop = new int[w]; // per run start column: the row the open run began, or -1
    int[] openEnd = new int[w];
    java.util.Arrays.fill(openTop, -1);
    List<Geometry> out = new ArrayList<>();
    for (int row = 0; row <= g.height(); row++) {
      boolean[] continued = new boolean[w];
      if (row < g.height()) {
        int c = 0;
        while (c < w) {
          if (count[row * w + c] <= 0) {
            c++;
            continue;
          }
          int start = c;
          while (c < w && count[row * w + c] > 0) {
            c++;
          }
          if (openTop[start] >= 0 && openEnd[start] == c) {
            continued[start] = true;
          } else {
            close(g, gf, openTop, openEnd, start, row, out);
            openTop[start] = row;
            openEnd[start] = c;
            continued[start] = true;
          }
        }
      }
      for (int s = 0; s < w; s++) {
        if (openTop[s] >= 0 && !continued[s]) {
          close(g, gf, openTop, openEnd, s, row, out);
        }
      }
    }
    return out;
  }

  /** Ends the open run starting at column s (if any) above {@code row}. */
  private static void close(
      GridSpec g,
      GeometryFactory gf,
      int[] openTop,
      int[] openEnd,
      int s,
      int row,
      List<Geometry> out) {
    if (openTop[s] < 0) {
      return;
    }
    double cs = g.cellSize();
    double x0 = g.minX() + s * cs;
    double x1 = g.minX() + openEnd[s] * cs;
    double yTop = g.maxY() - openTop[s] * cs;
    double yBottom = g.maxY() - row * cs;
    out.add(gf.toGeometry(new Envelope(x0, x1, yBottom, yTop)));
    openTop[s] = -1;
  }
}
