package lt.skydas.terrain;

import java.util.Arrays;
import java.util.Objects;

/**
 * Line-of-sight viewshed engine on a digital elevation model: which cells an observer sees, in
 * GRASS {@code r.viewshed -b -c -r}'s terrain model, computed by a radial ray sweep (R2 family) in
 * linear time per viewshed.
 *
 * <p><b>Model</b> (r.viewshed's, see {@code package.md} for the exact statement and sources). The
 * observer's eye is at the centre of its cell, {@code observerHeight_m} above that cell's
 * elevation. A target cell is seen iff the sight line from the eye to the point {@code
 * targetHeight_m} above the target cell's centre passes over every cell it crosses that lies nearer
 * to the observer (centre distance). Along the sight line a crossed cell presents a vertical angle
 * interpolated linearly in azimuth between its centre and whichever of its two silhouette corners
 * (the corners at its least and greatest azimuth) lies on the sight line's side; a corner's
 * elevation is the mean of the four cells sharing it, or the cell's own elevation when one of those
 * four is nodata or off the grid. Nodata cells never block. With curvature every elevation at
 * distance d is lowered by {@code d²(1 − k)/(2R)}.
 *
 * <p><b>Algorithm.</b> Rays from the observer's centre in each of the four 90° sectors (a {@link
 * RayFan}, cached per maximum distance), in bands of columns that double outwards; a band's rays
 * are {@code 2·OVERSAMPLE} per column of its outer edge, and each starts from the horizon of the
 * two inner-band rays around it. Each ray walks the cells it crosses (supercover, column by column
 * in its sector's frame), keeps the running maximum of their interpolated vertical angles (as
 * slopes, metres per metre) and decides each cell whose centre is nearest to it in azimuth against
 * the maximum so far. Differences from r.viewshed's exact sweep: a cell is decided on the nearest
 * ray rather than on the sight line through its own centre (at most a quarter cell off at the
 * cell's distance, and a quarter cell at each band edge), so near the sight line the ray may cross
 * a neighbouring cell the exact line misses, or miss one it touches at a corner (a tie in
 * r.viewshed too); vertical angles are interpolated as slopes (tangents), not as arctangents, and
 * stored as floats. These matter only for cells whose visibility is decided by a hair: {@code
 * ViewshedDifferentialTest} bounds the disagreement with a brute-force reference of the exact model
 * (0.86 % of cells on random terrains, median margin 6·10⁻⁵ rad).
 *
 * <p><b>Output.</b> {@link #compute} fills a byte per cell: {@link #VISIBLE}, {@link #INVISIBLE},
 * or {@link #NODATA} for cells beyond the maximum distance (centre distance) and nodata cells. The
 * observer's cell is visible.
 *
 * <p><b>Cost.</b> Θ(cells within range): two slope evaluations per cell (centre and corner) for the
 * set-up and about four ray cells per cell for the sweep, through per-sector frames laid out in the
 * sector's own axes so a ray reads memory in order; no allocation per query once the scratch has
 * grown to the largest window (34 bytes per cell of a sector pair's compact frame, about 10 MB for
 * 15 km on 25 m) and the fan and inverse-distance tables are built for the maximum distance (once
 * per engine and distance; about 13 MB for 15 km on 25 m). 15 km on 25 m takes 26–28 ms at best on
 * the shared 2-CPU test machine (ADR 0010).
 *
 * <pre>{@code
 * Viewshed vs = new Viewshed(new ElevationGrid(grid, elevation));
 * byte[] seen = new byte[grid.cellCount()];
 * int visible = vs.compute(col, row, ViewshedOptions.builder()
 *     .withObserverHeight_m(10).withMaxDistance_m(15_000).build(), seen);
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not thread safe: holds per-query scratch. Use one instance per thread;
 * the {@link ElevationGrid} may be shared.
 */
public final class Viewshed {
  /** Output value of a visible cell. */
  public static final byte VISIBLE = 1;

  /** Output value of a cell within range that is not visible. */
  public static final byte INVISIBLE = 0;

  /** Output value (255) of a cell beyond the maximum distance, or nodata in the elevation model. */
  public static final byte NODATA = (byte) 0xFF;

  /** Rays per unit slope per column of a band's edge: 2 puts the deciding ray within ¼ cell. */
  static final int OVERSAMPLE = 2;

  private static final int STRIDE = 4;

  /** Frame columns per block where the frame runs across the grid's rows (see blockColumns). */
  private static final int BLOCK_COLUMNS = 16;

  /** Cells up to this far beyond the maximum distance are set up (rays walk ~3.6 cells past it). */
  private static final double CELL_MARGIN = 4;

  /** Corners of the set-up cells lie within this margin. */
  private static final double VERTEX_MARGIN = 5;

  private final ElevationGrid dem;
  private final float[] z;
  private final int width;
  private final int height;
  private final double cellSize_m;

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

  /** Slope of each window vertex (corner), its elevation the mean of the four cells around it. */
  private float[] vertex = new float[0];

  /** Inverse distances to cells and corners (tabulated with a stored fan's reach). */
  private InverseDistances perDistance;

  /** {@code 1 / j} for j ≥ 1. */
  private double[] inverse = new double[0];

  private final Sector sector = new Sector();

  /** The sector opposite {@link #sector} (its strides negated), swept in the same pass. */
  private final Sector opposite = new Sector();

  private RayFan fan;
  private int[] rayBuffer = new int[0];
  private float[] offsetBuffer = new float[0];

  /** Per ray of the fan, its horizon where it ends, in the current sector and the opposite one. */
  private float[] endA = new float[0];

  private float[] endB = new float[0];

  // per-query state
  private int col0;
  private int row0;
  private int windowWidth;
  private int windowHeight;
  private int obsCol;
  private int obsRow;
  private double eye_m;
  private double drop;
  private double target_m;
  private double maxDistanceCells2;

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

  /** Whether each grid row, and each grid column, holds no nodata cell (see scatter). */
  private final boolean[] rowComplete;

  private final boolean[] columnComplete;

  /**
   * An engine over one elevation model; the model is read, never written. Reads the whole model
   * once, to note which rows and columns hold nodata.
   */
  public Viewshed(ElevationGrid dem) {
    this.dem = Objects.requireNonNull(dem, "dem");
    this.z = dem.elevation_m();
    this.width = dem.width();
    this.height = dem.height();
    this.cellSize_m = dem.cellSize_m();
    this.rowComplete = new boolean[height];
    this.columnComplete = new boolean[width];
    Arrays.fill(rowComplete, true);
    Arrays.fill(columnComplete, true);
    for (int r = 0; r < height; r++) {
      for (int c = 0, i = r * width; c < width; c++, i++) {
        if (z[i] != z[i]) {
          rowComplete[r] = false;
          columnComplete[c] = false;
        }
      }
    }
  }

  public ElevationGrid dem() {
    return dem;
  }

  /**
   * Computes the viewshed of the observer at cell (col, row) into {@code out}.
   *
   * @param out one byte per grid cell ({@code row * width + col}); every cell is written
   * @return the number of visible cells (the observer's included)
   * @throws IllegalArgumentException if the cell is outside the grid or nodata, or {@code out} has
   *     the wrong length
   */
  public int compute(int col, int row, ViewshedOptions options, byte[] out) {
    int visible = computeInWindow(col, row, options, out);
    Window win = window();
    for (int r = 0; r < height; r++) {
      if (r < win.row0() || r >= win.row0() + win.height()) {
        Arrays.fill(out, r * width, (r + 1) * width, NODATA);
      } else {
        Arrays.fill(out, r * width, r * width + win.col0(), NODATA);
        Arrays.fill(out, r * width + win.col0() + win.width(), (r + 1) * width, NODATA);
      }
    }
    return visible;
  }

  /**
   * As {@link #compute}, but writes only the cells of {@link #window()} (the square of cells within
   * the maximum distance along each axis, clipped to the grid); other cells of {@code out} keep
   * their values. For many viewsheds over a large grid (coverage), where filling the whole output
   * each time would cost more than the viewshed.
   */
  public int computeInWindow(int col, int row, ViewshedOptions options, byte[] out) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    if (col < 0 || col >= width || row < 0 || row >= height) {
      throw new IllegalArgumentException(
          "observer cell (" + col + ", " + row + ") outside " + width + " x " + height);
    }
    if (out.length != width * height) {
      throw new IllegalArgumentException("out length " + out.length + " != " + width * height);
    }
    float ground = z[row * width + col];
    if (Float.isNaN(ground)) {
      throw new IllegalArgumentException("observer cell (" + col + ", " + row + ") is nodata");
    }
    setUp(col, row, ground, options);
    prepareVertices();
    for (int r = row0; r < row0 + windowHeight; r++) {
      Arrays.fill(out, r * width + col0, r * width + col0 + windowWidth, NODATA);
    }
    int visible = 1;
    for (int s = 0; s < 2; s++) {
      Window win = window();
      sector.set(s, width, obsCol, obsRow, win);
      opposite.set(s + 2, width, obsCol, obsRow, win);
      chooseFrame();
      prepareFrame(sector, frameA);
      prepareFrame(opposite, frameB);
      sweepSectors();
      visible += scatter(sector, decidedA, out) + scatter(opposite, decidedB, out);
    }
    out[row * width + col] = VISIBLE;
    return visible;
  }

  /** The window of the last query: grid cells it may have written. */
  public Window window() {
    return new Window(col0, row0, windowWidth, windowHeight);
  }

  /**
   * A rectangle of grid cells: columns {@code col0 .. col0 + width − 1}, rows {@code row0 .. row0 +
   * height − 1}.
   */
  public record Window(int col0, int row0, int width, int height) {}

  /** The observer, heights, curvature factor, window, ray fan and scratch of one query. */
  private void setUp(int col, int row, float ground, ViewshedOptions o) {
    obsCol = col;
    obsRow = row;
    eye_m = ground + o.observerHeight_m();
    target_m = o.targetHeight_m();
    drop = o.curvatureDropPerSquareMetre();
    double maxCells = o.maxDistance_m() / cellSize_m;
    maxDistanceCells2 = maxCells * maxCells;
    boolean circular = maxCells < Math.max(width, height);
    int reach = Math.max(1, circular ? (int) Math.floor(maxCells) : Math.max(width, height));
    col0 = Math.max(0, col - reach);
    row0 = Math.max(0, row - reach);
    windowWidth = Math.min(width - 1, col + reach) - col0 + 1;
    windowHeight = Math.min(height - 1, row + reach) - row0 + 1;
    if (fan == null
        || fan.reach != reach
        || fan.circular != circular
        || fan.maxDistanceCells2 != maxDistanceCells2) {
      fan = new RayFan(reach, OVERSAMPLE, circular, maxDistanceCells2);
      endA = new float[fan.rayCount()];
      endB = new float[fan.rayCount()];
      rayBuffer = new int[fan.maxRayLength()];
      offsetBuffer = new float[fan.maxRayLength()];
      int tabulated = fan.storedCells() == null ? 0 : reach + (int) VERTEX_MARGIN + 3;
      if (perDistance == null || perDistance.size() != tabulated) {
        perDistance = new InverseDistances(tabulated, cellSize_m);
      }
      inverse = new double[2 * reach + 4];
      for (int j = 1; j < inverse.length; j++) {
        inverse[j] = 1.0 / j;
      }
    }
    int vertices = (windowWidth + 1) * (windowHeight + 1);
    if (vertex.length < vertices) {
      vertex = new float[vertices];
    }
  }

  /**
   * Slope from the eye to each window vertex: vertex (i, j) is the top-left corner of window cell
   * (i, j); its elevation is the mean of the four grid cells around it, NaN when one of them is
   * nodata or off the grid (the cell set-up then falls back to the cell's own elevation).
   */
  private void prepareVertices() {
    double cs = cellSize_m;
    int vw = windowWidth + 1;
    for (int i = 0; i <= windowHeight; i++) {
      int gr = row0 + i;
      double dy = (gr - 0.5 - obsRow) * cs;
      double dy2 = dy * dy;
      int hy = gr > obsRow ? gr - obsRow - 1 : obsRow - gr;
      int dst = i * vw;
      if (gr < 1 || gr >= height) {
        Arrays.fill(vertex, dst, dst + vw, Float.NaN);
        continue;
      }
      int above = (gr - 1) * width;
      int below = gr * width;
      int lim = across(Math.abs(gr - 0.5 - obsRow), VERTEX_MARGIN);
      int jFirst = Math.max(0, obsCol - lim - col0);
      int jLast = Math.min(windowWidth, obsCol + lim + 1 - col0);
      for (int j = jFirst; j <= jLast; j++) {
        int gc = col0 + j;
        if (gc < 1 || gc >= width) {
          vertex[dst + j] = Float.NaN;
          continue;
        }
        double mean = (z[above + gc - 1] + z[above + gc] + z[below + gc - 1] + z[below + gc]) / 4.0;
        double dx = (gc - 0.5 - obsCol) * cs;
        double d2 = dx * dx + dy2;
        int hx = gc > obsCol ? gc - obsCol - 1 : obsCol - gc;
        vertex[dst + j] = (float) ((mean - drop * d2 - eye_m) * perDistance.corner(hx, hy));
      }
    }
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
        walkedRowLast[r] = Math.min(frameMHi, across(Math.abs(n), CELL_MARGIN));
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

  /**
   * How far (cells, rounded up) the set-up must reach across an axis at {@code along} cells from
   * the observer: to the maximum distance plus {@code margin} cells (rays walk a little past it);
   * unbounded without a maximum distance.
   */
  private int across(double along, double margin) {
    if (maxDistanceCells2 == Double.POSITIVE_INFINITY) {
      return Integer.MAX_VALUE / 2;
    }
    double r = Math.sqrt(maxDistanceCells2) + margin;
    return (int) Math.ceil(Math.sqrt(Math.max(0, r * r - along * along)));
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
