package lt.skydas.terrain;

import static lt.skydas.terrain.Viewshed.NODATA;
import static lt.skydas.terrain.Viewshed.VISIBLE;

/**
 * One pass of a {@link Viewshed} query: a sector and its opposite (east and west, or south and
 * north) set up in their shared frame, swept by every ray of the fan, and copied out to the grid.
 * Holds the pass's scratch (two frames of four floats and two decision bytes per frame cell, the
 * rays' end horizons); reads the engine's elevation model, window vertices and per-query state,
 * which it copies when the pass starts.
 *
 * <p>Not thread safe; two passes of one query may run at once on different threads (each with its
 * own instance: they read the same engine state and write disjoint cells of the output).
 */
final class SectorPass {
  private static final int STRIDE = 4;

  /** Frame columns per block where the frame runs across the grid's rows (see blockColumns). */
  private static final int BLOCK_COLUMNS = 16;

  /** Cells up to this far beyond the maximum distance are set up (rays walk ~3.6 cells past it). */
  private static final double CELL_MARGIN = 4;

  private final Viewshed engine;
  private final float[] z;
  private final int width;
  private final double cellSize_m;
  private final boolean[] rowComplete;
  private final boolean[] columnComplete;

  // per-query state, copied from the engine when the pass starts
  private RayFan fan;
  private float[] vertex;
  private InverseDistances perDistance;
  private double[] inverse;
  private double eye_m;
  private double drop;
  private double target_m;
  private double maxDistanceCells2;

  /**
   * Per cell of the frame of the current sector ({@code frameA}) and of the opposite one ({@code
   * frameB}), four floats: the slope (tangent of the vertical angle) from the eye to the cell's
   * curvature-lowered centre; the change of the cell's interpolated slope per unit of ray slope on
   * the side of its greater-slope and of its lesser-slope silhouette corner; and the slope to the
   * target above the centre. Nodata and off-grid cells hold −∞, 0, 0, −∞: they never raise a
   * horizon.
   */
  private float[] frameA = new float[0];

  private float[] frameB = new float[0];

  /** Per frame cell, the decision of its owner ray (index 0 takes the others' writes). */
  private byte[] decidedA = new byte[0];

  private byte[] decidedB = new byte[0];

  private final Sector sector = new Sector();

  /** The sector opposite {@link #sector} (its strides negated), swept in the same pass. */
  private final Sector opposite = new Sector();

  private int[] rayBuffer = new int[0];
  private float[] offsetBuffer = new float[0];

  /** Per ray of the fan, its horizon where it ends, in the current sector and the opposite one. */
  private float[] endA = new float[0];

  private float[] endB = new float[0];

  /** Per frame row, the first, last data and last column to set up or copy (scratch). */
  private int[] rowFirst = new int[0];

  private int[] rowIn = new int[0];
  private int[] rowLast = new int[0];

  /**
   * The frame of the current pass, per row n at {@code n − frameNLo}: the frame index of column 0,
   * and the first and last column a ray may read (the fan's compact frame, or a rectangle).
   */
  private int[] frameRowBase = new int[0];

  private int[] frameRowFirst = new int[0];
  private int[] frameRowLast = new int[0];
  private int[] walkedRowBase = new int[0];
  private int[] walkedRowFirst = new int[0];
  private int[] walkedRowLast = new int[0];

  // the frame of a walked fan (see RayFan): columns per row, row offset, extent
  private int frameColumns;
  private int frameBias;
  private int frameMHi;
  private int frameNLo;
  private int frameNHi;

  SectorPass(
      Viewshed engine,
      float[] z,
      int width,
      double cellSize_m,
      boolean[] rowComplete,
      boolean[] columnComplete) {
    this.engine = engine;
    this.z = z;
    this.width = width;
    this.cellSize_m = cellSize_m;
    this.rowComplete = rowComplete;
    this.columnComplete = columnComplete;
  }

  /**
   * Runs the pass of sectors {@code s} and {@code s + 2} (s = 0: east and west, 1: south and north)
   * of the engine's current query: writes their owned cells of {@code out}, returns how many are
   * visible.
   */
  int run(int s, byte[] out) {
    fan = engine.fan;
    vertex = engine.vertex;
    perDistance = engine.perDistance;
    inverse = engine.inverse;
    eye_m = engine.eye_m;
    drop = engine.drop;
    target_m = engine.target_m;
    maxDistanceCells2 = engine.maxDistanceCells2;
    if (endA.length != fan.rayCount()) {
      endA = new float[fan.rayCount()];
      endB = new float[fan.rayCount()];
    }
    if (rayBuffer.length < fan.maxRayLength()) {
      rayBuffer = new int[fan.maxRayLength()];
      offsetBuffer = new float[fan.maxRayLength()];
    }
    Viewshed.Window win = engine.window();
    sector.set(s, width, engine.obsCol, engine.obsRow, win);
    opposite.set(s + 2, width, engine.obsCol, engine.obsRow, win);
    chooseFrame();
    prepareFrame(sector, frameA);
    prepareFrame(opposite, frameB);
    sweepSectors();
    return scatter(sector, decidedA, out) + scatter(opposite, decidedB, out);
  }

  /**
   * The frame of this pass (both sectors share it, see {@link RayFan}): the fan's fixed compact
   * frame when its rays are stored, else the smallest rectangle holding both sectors' windows (rays
   * walked into it are cut where they leave it).
   */
  private void chooseFrame() {
    long cellCount;
    if (fan.storedCells() != null) {
      frameNLo = -fan.frameBias();
      frameNHi = fan.frameBias();
      frameRowBase = fan.frameRowBase();
      frameRowFirst = fan.frameRowFirst();
      frameRowLast = fan.frameRowLast();
      cellCount = fan.frameCells();
    } else {
      frameMHi = Math.max(sector.mMax, opposite.mMax);
      frameNLo = Math.min(sector.nMin, opposite.nMin);
      frameNHi = Math.max(sector.nMax, opposite.nMax);
      frameColumns = frameMHi + 1;
      frameBias = -frameNLo;
      int rows = frameNHi - frameNLo + 1;
      cellCount = (long) frameColumns * rows;
      if (walkedRowBase.length < rows) {
        walkedRowBase = new int[rows];
        walkedRowFirst = new int[rows];
        walkedRowLast = new int[rows];
      }
      for (int n = frameNLo; n <= frameNHi; n++) {
        int r = n - frameNLo;
        walkedRowBase[r] = r * frameColumns;
        walkedRowFirst[r] = Math.max(1, Math.abs(n) - 1);
        walkedRowLast[r] = Math.min(frameMHi, engine.across(Math.abs(n), CELL_MARGIN));
      }
      frameRowBase = walkedRowBase;
      frameRowFirst = walkedRowFirst;
      frameRowLast = walkedRowLast;
    }
    if (STRIDE * cellCount > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("viewshed window too large: " + cellCount + " cells");
    }
    if (decidedA.length < cellCount) {
      frameA = new float[STRIDE * (int) cellCount];
      frameB = new float[STRIDE * (int) cellCount];
      decidedA = new byte[(int) cellCount];
      decidedB = new byte[(int) cellCount];
    }
  }

  /**
   * The four floats of every frame cell a ray may cross in sector {@code s} (within the maximum
   * distance plus a margin, {@code m ≥ |n| − 1}): a cell (m, n) has centre slope {@code n/m} in the
   * sector frame; its silhouette corners are {@code (m − ½, n + ½)} and {@code (m + ½, n − ½)} for
   * n > 0, {@code (m + ½, n + ½)} and {@code (m − ½, n − ½)} for n < 0, and {@code (m − ½, ±½)} for
   * n = 0; a corner's slope differs from the centre's by {@code (m + |n|) / (2m(m ∓ ½))}, minus for
   * the corner away from the axis. Cells off the grid get the nodata values.
   */
  private void prepareFrame(Sector s, float[] f) {
    int rows = frameNHi - frameNLo + 1;
    if (rowFirst.length < rows) {
      rowFirst = new int[rows];
      rowIn = new int[rows];
      rowLast = new int[rows];
    }
    int mTop = 0;
    for (int n = frameNLo; n <= frameNHi; n++) {
      int r = n - frameNLo;
      rowFirst[r] = frameRowFirst[r];
      rowLast[r] = frameRowLast[r];
      rowIn[r] = n >= s.nMin && n <= s.nMax ? Math.min(rowLast[r], s.mMax) : 0;
      mTop = Math.max(mTop, rowLast[r]);
    }
    int block = blockColumns(s, mTop);
    for (int mb = 1; mb <= mTop; mb += block) {
      int me = Math.min(mTop, mb + block - 1);
      for (int n = frameNLo; n <= frameNHi; n++) {
        int r = n - frameNLo;
        int lo = Math.max(mb, rowFirst[r]);
        int hi = Math.min(me, rowLast[r]);
        int in = Math.min(hi, rowIn[r]);
        int rowBase = frameRowBase[r];
        for (int m = lo; m <= in; m++) {
          prepareCell(s, m, n, f, STRIDE * (rowBase + m));
        }
        for (int m = Math.max(lo, in + 1); m <= hi; m++) {
          setNoData(f, STRIDE * (rowBase + m));
        }
      }
    }
  }

  /**
   * Columns of the frame handled per block when walking it row by row: all of them where the
   * sector's major axis runs along a grid row (frame rows and grid rows both in memory order), else
   * a few, so that the grid (read across its rows) and the frame are both read line by line.
   */
  private static int blockColumns(Sector s, int mTop) {
    return Math.abs(s.majorGrid) == 1 ? Math.max(1, mTop) : BLOCK_COLUMNS;
  }

  private static void setNoData(float[] f, int fi) {
    f[fi] = Float.NEGATIVE_INFINITY;
    f[fi + 1] = 0;
    f[fi + 2] = 0;
    f[fi + 3] = Float.NEGATIVE_INFINITY;
  }

  private void prepareCell(Sector s, int m, int n, float[] f, int fi) {
    float own = z[s.obsGrid + m * s.majorGrid + n * s.minorGrid];
    if (own != own) {
      setNoData(f, fi);
      return;
    }
    double cs = cellSize_m;
    double d2 = ((double) m * m + (double) n * n) * cs * cs;
    double perDist = perDistance.centre(m, Math.abs(n));
    double gc = (own - drop * d2 - eye_m) * perDist;
    double perSpan = inverse[m + Math.abs(n)];
    int hiSigma = n >= 0 ? -1 : 1;
    int loSigma = n <= 0 ? -1 : 1;
    double hi = cornerSlope(s, m, n, hiSigma, 1, own);
    double lo = cornerSlope(s, m, n, loSigma, -1, own);
    f[fi] = (float) gc;
    f[fi + 1] = (float) ((hi - gc) * span(m, hiSigma) * perSpan);
    f[fi + 2] = (float) ((lo - gc) * span(m, loSigma) * perSpan);
    f[fi + 3] = (float) (gc + target_m * perDist);
  }

  /** {@code 2m(m + σ/2)}: |slope(corner) − slope(centre)| = (m + |n|) / span. */
  private static double span(int m, int sigma) {
    return 2.0 * m * (m + 0.5 * sigma);
  }

  /** The slope of corner (m + σ/2, n + τ/2): its vertex, or the cell's own elevation there. */
  private double cornerSlope(Sector s, int m, int n, int sigma, int tau, float own) {
    float v =
        vertex[s.obsVertex + m * s.majorVertex + n * s.minorVertex + s.cornerOffset(sigma, tau)];
    if (v == v) {
      return v;
    }
    double a = m + 0.5 * sigma;
    double b = n + 0.5 * tau;
    double d2 = (a * a + b * b) * cellSize_m * cellSize_m;
    return (own - drop * d2 - eye_m) / Math.sqrt(d2);
  }

  /**
   * Every ray of the fan through the current sector and its opposite, inner bands first: a ray of
   * an outer band starts from the horizon its parent rays (bracketing it in slope, inner band)
   * ended with.
   */
  private void sweepSectors() {
    int[] stored = fan.storedCells();
    float[] offsets = fan.storedOffsets();
    int[] starts = fan.storedStarts();
    for (int g = 0; g < fan.rayCount(); g++) {
      int p = fan.parent(g);
      int q = fan.parent2(g);
      float a = p < 0 ? Float.NEGATIVE_INFINITY : combine(endA[p], endA[q]);
      float b = p < 0 ? Float.NEGATIVE_INFINITY : combine(endB[p], endB[q]);
      if (stored != null) {
        sweepRay(g, a, b, stored, offsets, starts[g], starts[g + 1]);
      } else {
        int len =
            fan.walk(
                g, rayBuffer, offsetBuffer, frameColumns, frameBias, frameMHi, frameNLo, frameNHi);
        sweepRay(g, a, b, rayBuffer, offsetBuffer, 0, len);
      }
    }
  }

  /**
   * The horizon an outer-band ray starts with: the mean of the two inner rays bracketing its slope
   * (measured closer to the exact model than the nearer one, their maximum or minimum).
   */
  private static float combine(float x, float y) {
    return 0.5f * (x + y);
  }

  /**
   * The kernel: walks the cells of one ray of the fan, nearest first, through the frames of the
   * current sector and of the opposite one at once (the same frame index: the opposite sector is
   * the mirror image), keeping each one's running maximum of the crossed cells' interpolated slopes
   * and deciding every cell against it — visible iff its target slope ≥ the horizon, read from the
   * sign bit. Only the owner's decision lands on the cell; the others go to frame index 0. Nodata
   * and off-grid cells (−∞) leave the horizon as it is; their decisions are not used. No branch on
   * the terrain.
   */
  private void sweepRay(
      int g, float horizonA, float horizonB, int[] ray, float[] offsets, int from, int to) {
    final float[] fa = frameA;
    final float[] fb = frameB;
    final byte[] da = decidedA;
    final byte[] db = decidedB;
    for (int i = from; i < to; i++) {
      int code = ray[i];
      float offset = offsets[i];
      int si = RayFan.slopeChangeIndex(code);
      int fi = si & ~3;
      int di = (si >>> 2) & RayFan.ownerMask(code);
      float slopeA = fa[fi] + offset * fa[si];
      float slopeB = fb[fi] + offset * fb[si];
      da[di] = (byte) ((Float.floatToRawIntBits(fa[fi + 3] - horizonA) >>> 31) ^ 1);
      db[di] = (byte) ((Float.floatToRawIntBits(fb[fi + 3] - horizonB) >>> 31) ^ 1);
      horizonA = slopeA > horizonA ? slopeA : horizonA;
      horizonB = slopeB > horizonB ? slopeB : horizonB;
    }
    endA[g] = horizonA;
    endB[g] = horizonB;
  }

  /**
   * Copies the decisions of the cells sector {@code s} owns within the window and the maximum
   * distance ({@code −m ≤ n < m}) from its frame to the grid, nodata cells as {@link #NODATA};
   * returns the number of visible cells among them.
   */
  private int scatter(Sector s, byte[] decided, byte[] out) {
    int rows = s.nMax - s.nMin + 1;
    int mTop = 0;
    for (int n = s.nMin; n <= s.nMax; n++) {
      int r = n - s.nMin;
      rowFirst[r] = n < 0 ? -n : n + 1;
      rowLast[r] = ownedLast(s, n);
      mTop = Math.max(mTop, rowLast[r]);
    }
    assert rows <= rowFirst.length;
    int visible = 0;
    int block = blockColumns(s, mTop);
    int major = s.majorGrid;
    for (int mb = 1; mb <= mTop; mb += block) {
      int me = Math.min(mTop, mb + block - 1);
      for (int n = s.nMin; n <= s.nMax; n++) {
        int r = n - s.nMin;
        int rowBase = frameRowBase[n - frameNLo];
        assert rowFirst[r] > rowLast[r]
            || rowFirst[r] >= frameRowFirst[n - frameNLo]
                && rowLast[r] <= frameRowLast[n - frameNLo];
        int gridBase = s.obsGrid + n * s.minorGrid;
        int hi = Math.min(me, rowLast[r]);
        if (complete(s, gridBase)) {
          for (int m = Math.max(mb, rowFirst[r]); m <= hi; m++) {
            byte v = decided[rowBase + m];
            out[gridBase + m * major] = v;
            visible += v;
          }
          continue;
        }
        for (int m = Math.max(mb, rowFirst[r]); m <= hi; m++) {
          int gi = gridBase + m * major;
          float zc = z[gi];
          byte v = zc == zc ? decided[rowBase + m] : NODATA;
          out[gi] = v;
          visible += v == VISIBLE ? 1 : 0;
        }
      }
    }
    return visible;
  }

  /** Whether the grid line of a frame row (through grid cell {@code cell}) holds no nodata. */
  private boolean complete(Sector s, int cell) {
    return Math.abs(s.majorGrid) == 1 ? rowComplete[cell / width] : columnComplete[cell % width];
  }

  /** The last column of frame row n within the window and the maximum distance (0 if none). */
  private int ownedLast(Sector s, int n) {
    double rest = maxDistanceCells2 - (double) n * n;
    if (rest < 0) {
      return 0;
    }
    int mTo = s.mMax;
    if (rest < (double) mTo * mTo) {
      mTo = (int) Math.sqrt(rest);
      while ((double) mTo * mTo > rest) {
        mTo--;
      }
      while ((double) (mTo + 1) * (mTo + 1) <= rest) {
        mTo++;
      }
    }
    return mTo;
  }
}
