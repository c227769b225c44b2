package lt.skydas.raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lt.skydas.core.geo.GridSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Burns vector geometries (in the grid's map units) into grid cells. Cells outside the grid are
 * skipped silently. Stateless and thread-safe.
 */
public final class Rasterizer {
  private Rasterizer() {}

  /** Receives cell ids ({@code row * width + col}). */
  @FunctionalInterface
  public interface CellVisitor {
    void visit(int cellId);
  }

  /**
   * Visits every cell whose centre lies inside {@code polygonal} (a Polygon, MultiPolygon or a
   * collection of them; other members are ignored), each exactly once per call. The even-odd rule
   * is applied over all rings of all polygons together, so holes are respected and (for invalid
   * input) overlapping parts cancel out. A centre exactly on an edge counts as inside on the
   * left/top edges and outside on the right/bottom ones, so adjacent polygons sharing an edge never
   * both claim a cell. Cells are visited row by row, north to south, west to east within a row.
   *
   * <p>Scanline with an edge table limited to the polygon's row range: O(E log E + rows × active
   * edges + visited cells) for E edges; no per-cell point-in-polygon test.
   *
   * @param g the grid; geometry coordinates are in its map units
   * @param polygonal non-null; empty geometries visit nothing
   * @param v called with each cell id {@code row * width + col} inside the grid
   */
  public static void fillPolygonal(GridSpec g, Geometry polygonal, CellVisitor v) {
    List<Polygon> polys = new ArrayList<>();
    collectPolygons(polygonal, polys);
    int edges = 0;
    for (Polygon p : polys) {
      edges += p.getNumPoints();
    }
    if (edges == 0) {
      return;
    }
    // edges in grid coordinates: u = column units east, w = row units south
    double[] u0 = new double[edges];
    double[] w0 = new double[edges];
    double[] dudw = new double[edges];
    int[] rowEnd = new int[edges];
    long[] keys = new long[edges]; // (first row << 32) | edge index, sorted below
    int n = 0;
    double cs = g.cellSize();
    double minX = g.minX();
    double maxY = g.maxY();
    int height = g.height();
    for (Polygon poly : polys) {
      for (int r = -1; r < poly.getNumInteriorRing(); r++) {
        CoordinateSequence c =
            (r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r)).getCoordinateSequence();
        int m = c.size();
        if (m < 2) {
          continue;
        }
        double ub = (c.getX(0) - minX) / cs;
        double wb = (maxY - c.getY(0)) / cs;
        for (int k = 1; k < m; k++) {
          double ua = ub;
          double wa = wb;
          ub = (c.getX(k) - minX) / cs;
          wb = (maxY - c.getY(k)) / cs;
          double ta = ua;
          double sa = wa;
          double tb = ub;
          double sb = wb;
          if (!(sa != sb)) {
            continue; // horizontal or NaN
          }
          if (sa > sb) {
            ta = ub;
            sa = wb;
            tb = ua;
            sb = wa;
          }
          // rows whose centre (row + 0.5) lies in [sa, sb)
          int rs = Math.max((int) Math.ceil(sa - 0.5), 0);
          int re = Math.min((int) Math.ceil(sb - 0.5) - 1, height - 1);
          if (rs > re) {
            continue;
          }
          u0[n] = ta;
          w0[n] = sa;
          dudw[n] = (tb - ta) / (sb - sa);
          rowEnd[n] = re;
          keys[n] = ((long) rs << 32) | n;
          n++;
        }
      }
    }
    if (n == 0) {
      return;
    }
    Arrays.sort(keys, 0, n);
    int[] active = new int[16];
    int activeCount = 0;
    double[] xs = new double[16];
    int next = 0;
    int firstRow = (int) (keys[0] >>> 32);
    int lastRow = 0;
    for (int i = 0; i < n; i++) {
      lastRow = Math.max(lastRow, rowEnd[i]);
    }
    int w = g.width();
    for (int row = firstRow; row <= lastRow; row++) {
      while (next < n && (int) (keys[next] >>> 32) <= row) {
        if (activeCount == active.length) {
          active = Arrays.copyOf(active, activeCount * 2);
        }
        active[activeCount++] = (int) keys[next++];
      }
      int m = 0;
      for (int i = 0; i < activeCount; i++) {
        int e = active[i];
        if (rowEnd[e] >= row) {
          active[m++] = e;
        }
      }
      activeCount = m;
      if (activeCount == 0) {
        if (next < n) {
          row = (int) (keys[next] >>> 32) - 1; // jump over an empty band
        }
        continue;
      }
      if (xs.length < activeCount) {
        xs = new double[active.length];
      }
      double wc = row + 0.5;
      for (int i = 0; i < activeCount; i++) {
        int e = active[i];
        xs[i] = u0[e] + (wc - w0[e]) * dudw[e];
      }
      Arrays.sort(xs, 0, activeCount);
      int base = row * w;
      for (int i = 0; i + 1 < activeCount; i += 2) {
        // columns whose centre (col + 0.5) lies in [xs[i], xs[i+1])
        int c0 = Math.max((int) Math.ceil(xs[i] - 0.5), 0);
        int c1 = Math.min((int) Math.ceil(xs[i + 1] - 0.5) - 1, w - 1);
        for (int c = c0; c <= c1; c++) {
          v.visit(base + c);
        }
      }
    }
  }

  /**
   * Convenience: sets {@code target[cell] = value} for every cell {@link #fillPolygonal(GridSpec,
   * Geometry, CellVisitor)} visits.
   *
   * @param target an array of {@code g.cellCount()} values
   */
  public static void fillPolygonal(GridSpec g, Geometry polygonal, byte[] target, byte value) {
    checkLength(g, target.length);
    fillPolygonal(g, polygonal, c -> target[c] = value);
  }

  private static void collectPolygons(Geometry geom, List<Polygon> out) {
    if (geom instanceof Polygon p) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    } else if (geom instanceof GeometryCollection gc) {
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        collectPolygons(gc.getGeometryN(i), out);
      }
    }
  }

  private static void checkLength(GridSpec g, int length) {
    if (length != g.cellCount()) {
      throw new IllegalArgumentException(
          "target has " + length + " cells, the grid " + g.cellCount());
    }
  }

  /**
   * Visits every cell that any segment of {@code lineal} passes through or touches (its
   * "supercover"), so the cells of one line form a 4-connected chain: an 8-neighbour mover cannot
   * cross the line without entering one of them. LineStrings and MultiLineStrings are burnt segment
   * by segment, Polygons along their rings, Points as the cell containing them; members of
   * collections likewise. A segment passing exactly through a cell corner also burns one of the two
   * cells that only touch it there (to keep the chain 4-connected).
   *
   * <p><b>Cells may be visited more than once</b> (at vertices, where lines meet or cross); use a
   * visitor that is idempotent (set a flag or a value). Cost: O(cells crossed) per segment after
   * clipping to the grid.
   *
   * @param g the grid; geometry coordinates are in its map units
   * @param lineal non-null; parts outside the grid are skipped silently
   */
  public static void burnLines(GridSpec g, Geometry lineal, CellVisitor v) {
    if (lineal instanceof LineString ls) {
      CoordinateSequence c = ls.getCoordinateSequence();
      for (int k = 0; k + 1 < c.size(); k++) {
        burnSegment(g, c.getX(k), c.getY(k), c.getX(k + 1), c.getY(k + 1), v);
      }
      if (c.size() == 1) {
        visitPoint(g, c.getX(0), c.getY(0), v);
      }
    } else if (lineal instanceof Polygon poly) {
      if (!poly.isEmpty()) {
        burnLines(g, poly.getExteriorRing(), v);
        for (int r = 0; r < poly.getNumInteriorRing(); r++) {
          burnLines(g, poly.getInteriorRingN(r), v);
        }
      }
    } else if (lineal instanceof Point pt) {
      if (!pt.isEmpty()) {
        visitPoint(g, pt.getX(), pt.getY(), v);
      }
    } else if (lineal instanceof GeometryCollection gc) {
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        burnLines(g, gc.getGeometryN(i), v);
      }
    }
  }

  /**
   * Convenience: sets {@code target[cell] = value} for every cell {@link #burnLines(GridSpec,
   * Geometry, CellVisitor)} visits.
   *
   * @param target an array of {@code g.cellCount()} values
   */
  public static void burnLines(GridSpec g, Geometry lineal, byte[] target, byte value) {
    checkLength(g, target.length);
    burnLines(g, lineal, c -> target[c] = value);
  }

  /**
   * Visits the cell containing each point of {@code geom} (every vertex, for non-point geometries);
   * a point on a boundary between cells belongs to the cell east / south of it. Cells may be
   * visited more than once.
   */
  public static void burnPoints(GridSpec g, Geometry geom, CellVisitor v) {
    for (Coordinate c : geom.getCoordinates()) {
      visitPoint(g, c.x, c.y, v);
    }
  }

  private static void visitPoint(GridSpec g, double x, double y, CellVisitor v) {
    int cell = g.cellAt(x, y);
    if (cell >= 0) {
      v.visit(cell);
    }
  }

  /** Amanatides–Woo traversal of one segment, clipped to the grid first (Liang–Barsky). */
  static void burnSegment(GridSpec g, double x0, double y0, double x1, double y1, CellVisitor v) {
    if (!(Double.isFinite(x0)
        && Double.isFinite(y0)
        && Double.isFinite(x1)
        && Double.isFinite(y1))) {
      return;
    }
    double cs = g.cellSize();
    double ua = (x0 - g.minX()) / cs;
    double wa = (g.maxY() - y0) / cs;
    double ub = (x1 - g.minX()) / cs;
    double wb = (g.maxY() - y1) / cs;
    double du = ub - ua;
    double dw = wb - wa;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-du, du, -dw, dw};
    double[] q = {ua, g.width() - ua, wa, g.height() - wa};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    if (t0 > t1) {
      return;
    }
    double su = ua + t0 * du;
    double sw = wa + t0 * dw;
    double eu = ua + t1 * du;
    double ew = wa + t1 * dw;
    int w = g.width();
    int h = g.height();
    int col = clamp((int) Math.floor(su), w);
    int row = clamp((int) Math.floor(sw), h);
    int endCol = clamp((int) Math.floor(eu), w);
    int endRow = clamp((int) Math.floor(ew), h);
    int stepU = du > 0 ? 1 : du < 0 ? -1 : 0;
    int stepW = dw > 0 ? 1 : dw < 0 ? -1 : 0;
    double tdu = stepU == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / du);
    double tdw = stepW == 0 ? Double.POSITIVE_INFINITY : Math.abs(1 / dw);
    double tmu =
        stepU == 0 ? Double.POSITIVE_INFINITY : (stepU > 0 ? col + 1 - su : su - col) * tdu;
    double tmw =
        stepW == 0 ? Double.POSITIVE_INFINITY : (stepW > 0 ? row + 1 - sw : sw - row) * tdw;
    // Walk 4-connected from the start cell to the end cell (floor of the clipped end point), in
    // exactly |dcol| + |drow| steps: the next boundary crossed decides the axis, and an axis whose
    // end is reached is never stepped again, so rounding near corners cannot skip a diagonal.
    v.visit(row * w + col);
    while (col != endCol || row != endRow) {
      boolean alongU = col == endCol ? false : row == endRow || tmu < tmw;
      if (alongU) {
        col += stepU;
        tmu += tdu;
      } else {
        row += stepW;
        tmw += tdw;
      }
      v.visit(row * w + col);
    }
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : v >= n ? n - 1 : v;
  }
}
