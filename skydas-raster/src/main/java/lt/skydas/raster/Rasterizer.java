package lt.skydas.raster;

import java.util.Arrays;
import lt.skydas.core.geo.GridSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
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
   * Visits every cell whose centre lies inside {@code polygonal} (a Polygon, MultiPolygon or
   * collection of them; even-odd rule, so holes are respected), each exactly once per call. A
   * centre exactly on an edge counts as inside on the left/top edges and outside on the
   * right/bottom ones. Scanline with an active-edge table: O(vertices + rows × crossings + cells).
   */
  public static void fillPolygonal(GridSpec g, Geometry polygonal, CellVisitor v) {
    int edges = 0;
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      Geometry p = polygonal.getGeometryN(i);
      if (p instanceof Polygon poly) {
        edges += poly.getNumPoints();
      } else if (!p.isEmpty() && p.getDimension() == 2) {
        fillPolygonal(g, p, v);
      }
    }
    if (edges == 0) {
      return;
    }
    // edges in grid coordinates: u = column units east, w = row units south
    double[] u0 = new double[edges];
    double[] w0 = new double[edges];
    double[] dudw = new double[edges];
    int[] rowStart = new int[edges];
    int[] rowEnd = new int[edges];
    int n = 0;
    double cs = g.cellSize();
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      if (!(polygonal.getGeometryN(i) instanceof Polygon poly)) {
        continue;
      }
      for (int r = -1; r < poly.getNumInteriorRing(); r++) {
        Coordinate[] c =
            (r < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(r)).getCoordinates();
        for (int k = 0; k + 1 < c.length; k++) {
          double ua = (c[k].x - g.minX()) / cs;
          double wa = (g.maxY() - c[k].y) / cs;
          double ub = (c[k + 1].x - g.minX()) / cs;
          double wb = (g.maxY() - c[k + 1].y) / cs;
          if (wa == wb) {
            continue;
          }
          if (wa > wb) {
            double t = ua;
            ua = ub;
            ub = t;
            t = wa;
            wa = wb;
            wb = t;
          }
          // rows whose centre (row + 0.5) lies in [wa, wb)
          int rs = (int) Math.ceil(wa - 0.5);
          int re = (int) Math.ceil(wb - 0.5) - 1;
          rs = Math.max(rs, 0);
          re = Math.min(re, g.height() - 1);
          if (rs > re) {
            continue;
          }
          u0[n] = ua;
          w0[n] = wa;
          dudw[n] = (ub - ua) / (wb - wa);
          rowStart[n] = rs;
          rowEnd[n] = re;
          n++;
        }
      }
    }
    if (n == 0) {
      return;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    final int[] rsFinal = rowStart;
    Arrays.sort(order, (a, b) -> Integer.compare(rsFinal[a], rsFinal[b]));
    int[] active = new int[16];
    int activeCount = 0;
    double[] xs = new double[16];
    int next = 0;
    int firstRow = rowStart[order[0]];
    int lastRow = 0;
    for (int i = 0; i < n; i++) {
      lastRow = Math.max(lastRow, rowEnd[i]);
    }
    int w = g.width();
    for (int row = firstRow; row <= lastRow; row++) {
      while (next < n && rowStart[order[next]] <= row) {
        if (activeCount == active.length) {
          active = Arrays.copyOf(active, activeCount * 2);
        }
        active[activeCount++] = order[next++];
      }
      int m = 0;
      for (int i = 0; i < activeCount; i++) {
        int e = active[i];
        if (rowEnd[e] < row) {
          continue;
        }
        active[m++] = e;
      }
      activeCount = m;
      if (activeCount == 0) {
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
        int c0 = (int) Math.ceil(xs[i] - 0.5);
        int c1 = (int) Math.ceil(xs[i + 1] - 0.5) - 1;
        c0 = Math.max(c0, 0);
        c1 = Math.min(c1, w - 1);
        for (int c = c0; c <= c1; c++) {
          v.visit(base + c);
        }
      }
    }
  }

  /**
   * Visits every cell that any segment of {@code lineal} passes through (its "supercover"), so the
   * cells of one line form a 4-connected chain and no 8-neighbour move can cross the line without
   * entering one of them. Polygons are burnt along their rings. Cells may be visited more than once
   * (at vertices and where lines cross).
   */
  public static void burnLines(GridSpec g, Geometry lineal, CellVisitor v) {
    for (int i = 0; i < lineal.getNumGeometries(); i++) {
      Geometry p = lineal.getGeometryN(i);
      if (p instanceof LineString ls) {
        Coordinate[] c = ls.getCoordinates();
        for (int k = 0; k + 1 < c.length; k++) {
          burnSegment(g, c[k].x, c[k].y, c[k + 1].x, c[k + 1].y, v);
        }
        if (c.length == 1) {
          int cell = g.cellAt(c[0].x, c[0].y);
          if (cell >= 0) {
            v.visit(cell);
          }
        }
      } else if (p instanceof Polygon poly) {
        burnLines(g, poly.getBoundary(), v);
      } else if (p instanceof org.locationtech.jts.geom.Point pt) {
        if (!pt.isEmpty()) {
          int cell = g.cellAt(pt.getX(), pt.getY());
          if (cell >= 0) {
            v.visit(cell);
          }
        }
      } else if (p != lineal) {
        burnLines(g, p, v);
      }
    }
  }

  /** Amanatides–Woo traversal of one segment, clipped to the grid first (Liang–Barsky). */
  static void burnSegment(GridSpec g, double x0, double y0, double x1, double y1, CellVisitor v) {
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
    double span = t1 - t0;
    int guard = Math.abs(endCol - col) + Math.abs(endRow - row) + 1;
    v.visit(row * w + col);
    while (guard-- > 0 && (col != endCol || row != endRow)) {
      if (tmu < tmw) {
        if (tmu > span) {
          break;
        }
        col += stepU;
        tmu += tdu;
      } else {
        if (tmw > span) {
          break;
        }
        row += stepW;
        tmw += tdw;
      }
      if (col < 0 || row < 0 || col >= w || row >= h) {
        break;
      }
      v.visit(row * w + col);
    }
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : v >= n ? n - 1 : v;
  }
}
