package lt.skydas.mobility.network;

import lt.skydas.core.geo.GridSpec;

/**
 * Splits a polyline into the pieces that lie in one grid cell each (Amanatides–Woo traversal per
 * segment; consecutive pieces in the same cell are merged). Pieces outside the grid are skipped.
 */
final class CellWalk {
  private CellWalk() {}

  /**
   * Receives one piece: the cell and the along-line distances where the line enters and leaves it.
   */
  interface PieceSink {
    void piece(int cell, double from_m, double to_m);
  }

  /**
   * Walks {@code xy} (x0, y0, x1, y1, …, map units = metres) from {@code offset} for {@code n}
   * points.
   */
  static void walk(GridSpec g, double[] xy, int offset, int n, PieceSink sink) {
    double along = 0;
    int curCell = -2;
    double curFrom = 0;
    double curTo = 0;
    double cs = g.cellSize();
    for (int i = 0; i + 1 < n; i++) {
      double ax = xy[offset + 2 * i];
      double ay = xy[offset + 2 * i + 1];
      double bx = xy[offset + 2 * i + 2];
      double by = xy[offset + 2 * i + 3];
      double len = Math.hypot(bx - ax, by - ay);
      if (len == 0) {
        continue;
      }
      // grid coordinates: u grows east (cols), v grows south (rows)
      double u0 = (ax - g.minX()) / cs;
      double v0 = (g.maxY() - ay) / cs;
      double u1 = (bx - g.minX()) / cs;
      double v1 = (g.maxY() - by) / cs;
      int col = (int) Math.floor(u0);
      int row = (int) Math.floor(v0);
      int endCol = (int) Math.floor(u1);
      int endRow = (int) Math.floor(v1);
      double du = u1 - u0;
      double dv = v1 - v0;
      int stepU = du > 0 ? 1 : du < 0 ? -1 : 0;
      int stepV = dv > 0 ? 1 : dv < 0 ? -1 : 0;
      double tDeltaU = stepU == 0 ? Double.POSITIVE_INFINITY : Math.abs(1.0 / du);
      double tDeltaV = stepV == 0 ? Double.POSITIVE_INFINITY : Math.abs(1.0 / dv);
      double tMaxU =
          stepU == 0
              ? Double.POSITIVE_INFINITY
              : (stepU > 0 ? (col + 1 - u0) : (u0 - col)) * tDeltaU;
      double tMaxV =
          stepV == 0
              ? Double.POSITIVE_INFINITY
              : (stepV > 0 ? (row + 1 - v0) : (v0 - row)) * tDeltaV;
      double t = 0;
      int guard = Math.abs(endCol - col) + Math.abs(endRow - row) + 2;
      while (true) {
        double tNext = Math.min(1.0, Math.min(tMaxU, tMaxV));
        int cell = g.contains(col, row) ? row * g.width() + col : -1;
        double from = along + t * len;
        double to = along + tNext * len;
        if (cell == curCell) {
          curTo = to;
        } else {
          if (curCell >= 0 && curTo > curFrom) {
            sink.piece(curCell, curFrom, curTo);
          }
          curCell = cell;
          curFrom = from;
          curTo = to;
        }
        if (tNext >= 1.0 || --guard < 0) {
          break;
        }
        if (tMaxU < tMaxV) {
          col += stepU;
          t = tMaxU;
          tMaxU += tDeltaU;
        } else {
          row += stepV;
          t = tMaxV;
          tMaxV += tDeltaV;
        }
      }
      along += len;
    }
    if (curCell >= 0 && curTo > curFrom) {
      sink.piece(curCell, curFrom, curTo);
    }
  }
}
