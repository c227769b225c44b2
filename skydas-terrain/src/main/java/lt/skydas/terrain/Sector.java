package lt.skydas.terrain;

/**
 * One of the four 90° sectors of a viewshed query in its frame: major axis {@code a} (column m ≥ 1
 * of the sector), minor axis {@code b} = a turned 90° clockwise on the map (row n, |n| ≤ m);
 * strides of the frame in the grid and in the window's vertex array; the frame's extent within the
 * window. Sector s + 2 is sector s mirrored (every stride negated). Mutable, reset per query by
 * {@link #set}; one per engine.
 */
final class Sector {
  private static final int[] A_COL = {1, 0, -1, 0};
  private static final int[] A_ROW = {0, 1, 0, -1};

  int majorGrid;
  int minorGrid;
  int majorVertex;
  int minorVertex;
  int obsGrid;
  int obsVertex;

  /** The last column m, and the least and greatest row n, inside the window. */
  int mMax;

  int nMax;
  int nMin;
  private final int[] corner = new int[4];

  /**
   * Sets sector {@code s} (0 east, 1 south, 2 west, 3 north) for an observer at grid cell (obsCol,
   * obsRow) of a grid {@code gridWidth} cells wide, within window {@code w} (whose vertex array is
   * {@code w.width() + 1} wide).
   */
  void set(int s, int gridWidth, int obsCol, int obsRow, Viewshed.Window w) {
    int ac = A_COL[s];
    int ar = A_ROW[s];
    int bc = -ar;
    int br = ac;
    int vw = w.width() + 1;
    majorGrid = ar * gridWidth + ac;
    minorGrid = br * gridWidth + bc;
    majorVertex = ar * vw + ac;
    minorVertex = br * vw + bc;
    obsGrid = obsRow * gridWidth + obsCol;
    obsVertex = (obsRow - w.row0()) * vw + (obsCol - w.col0());
    mMax = extent(ac, ar, obsCol, obsRow, w);
    nMax = extent(bc, br, obsCol, obsRow, w);
    nMin = -extent(-bc, -br, obsCol, obsRow, w);
    for (int sigma = -1; sigma <= 1; sigma += 2) {
      for (int tau = -1; tau <= 1; tau += 2) {
        int dc = sigma * ac + tau * bc;
        int dr = sigma * ar + tau * br;
        corner[index(sigma, tau)] = (dr > 0 ? vw : 0) + (dc > 0 ? 1 : 0);
      }
    }
  }

  /** Vertex offset, from a cell's top-left vertex, of its corner at (m + σ/2, n + τ/2). */
  int cornerOffset(int sigma, int tau) {
    return corner[index(sigma, tau)];
  }

  private static int index(int sigma, int tau) {
    return (sigma + 1) + ((tau + 1) >> 1);
  }

  /** Cells from the observer to the window's edge in grid direction (dc, dr). */
  private static int extent(int dc, int dr, int obsCol, int obsRow, Viewshed.Window w) {
    if (dc > 0) {
      return w.col0() + w.width() - 1 - obsCol;
    }
    if (dc < 0) {
      return obsCol - w.col0();
    }
    return dr > 0 ? w.row0() + w.height() - 1 - obsRow : obsRow - w.row0();
  }
}
