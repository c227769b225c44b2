package lt.skydas.terrain;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * per engine and distance; about 13 MB for 15 km on 25 m). 15 km on 25 m takes 25 ms on one thread,
 * 13 ms split over two, on the 2-CPU test machine (JMH, ADR 0010).
 *
 * <pre>{@code
 * Viewshed vs = new Viewshed(new ElevationGrid(grid, elevation));
 * byte[] seen = new byte[grid.cellCount()];
 * int visible = vs.compute(col, row, ViewshedOptions.builder()
 *     .withObserverHeight_m(10).withMaxDistance_m(15_000).build(), seen);
 * }</pre>
 *
 * <p><b>Threads.</b> An engine computes a query on the calling thread, or, built with a helper
 * executor, splits it in two (the window's vertices by rows, then the east–west and the south–north
 * {@link SectorPass}), for the latency of one viewshed on two cores. Not thread safe: holds
 * per-query scratch. Use one instance per thread; the {@link ElevationGrid} may be shared.
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

  /** Corners of the set-up cells lie within this margin. */
  private static final double VERTEX_MARGIN = 5;

  private final ElevationGrid dem;
  private final float[] z;
  private final int width;
  private final int height;
  private final double cellSize_m;

  // shared by both passes of a query; package-private for SectorPass, written only by setUp

  /** Slope of each window vertex (corner), its elevation the mean of the four cells around it. */
  float[] vertex = new float[0];

  /** Inverse distances to cells and corners (tabulated with a stored fan's reach). */
  InverseDistances perDistance;

  /** {@code 1 / j} for j ≥ 1. */
  double[] inverse = new double[0];

  RayFan fan;

  // per-query state
  private int col0;
  private int row0;
  private int windowWidth;
  private int windowHeight;
  int obsCol;
  int obsRow;
  double eye_m;
  double drop;
  double target_m;
  double maxDistanceCells2;

  /** Whether each grid row, and each grid column, holds no nodata cell (see SectorPass.scatter). */
  private final boolean[] rowComplete;

  private final boolean[] columnComplete;

  /** The east–west pass's scratch, and the south–north one's (the same object unless parallel). */
  private final SectorPass eastWest;

  private final SectorPass southNorth;

  /** Runs the south–north pass and half the vertices beside the caller; null: one thread. */
  private final Executor helper;

  /**
   * An engine over one elevation model that computes each viewshed on the calling thread; the model
   * is read, never written. Reads the whole model once, to note which rows and columns hold nodata.
   */
  public Viewshed(ElevationGrid dem) {
    this(dem, null);
  }

  /**
   * An engine that splits each viewshed in two halves of about equal work, the second run by a task
   * given to {@code helper} (for the latency of one viewshed on a multi-core machine, as the {@code
   * viewshed} command; for many viewsheds, one single-threaded engine per thread does more per
   * core). When the helper has not started the task by the time the caller has finished its half,
   * the caller runs it too, so a busy or saturated executor only costs the parallelism, never a
   * wait. The result is the same as on one thread, byte for byte. Uses twice the scratch.
   *
   * @param helper executor for the second half of each query; null for one thread
   */
  public Viewshed(ElevationGrid dem, Executor helper) {
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
    this.helper = helper;
    this.eastWest = new SectorPass(this, z, width, cellSize_m, rowComplete, columnComplete);
    this.southNorth =
        helper == null
            ? eastWest
            : new SectorPass(this, z, width, cellSize_m, rowComplete, columnComplete);
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
    for (int r = row0; r < row0 + windowHeight; r++) {
      Arrays.fill(out, r * width + col0, r * width + col0 + windowWidth, NODATA);
    }
    int visible = 1;
    if (helper == null) {
      prepareVertices(0, windowHeight + 1);
      visible += eastWest.run(0, out) + southNorth.run(1, out);
    } else {
      int half = (windowHeight + 1) / 2;
      inTwo(() -> prepareVertices(0, half), () -> prepareVertices(half, windowHeight + 1));
      int[] seen = new int[2];
      inTwo(() -> seen[0] = eastWest.run(0, out), () -> seen[1] = southNorth.run(1, out));
      visible += seen[0] + seen[1];
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
   * Runs {@code mine} here and {@code theirs} on the helper, or here after {@code mine} if the
   * helper has not started it by then; returns when both are done (their writes visible here).
   */
  private void inTwo(Runnable mine, Runnable theirs) {
    AtomicBoolean claimed = new AtomicBoolean();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable task =
        () -> {
          if (claimed.compareAndSet(false, true)) {
            try {
              theirs.run();
              done.complete(null);
            } catch (Throwable e) {
              done.completeExceptionally(e);
            }
          }
        };
    try {
      helper.execute(task);
    } catch (RejectedExecutionException e) {
      // run below, on this thread
    }
    try {
      mine.run();
    } finally {
      task.run();
      try {
        done.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error r) {
          throw r;
        }
        throw e;
      }
    }
  }

  /**
   * Slope from the eye to each window vertex: vertex (i, j) is the top-left corner of window cell
   * (i, j); its elevation is the mean of the four grid cells around it, NaN when one of them is
   * nodata or off the grid (the cell set-up then falls back to the cell's own elevation).
   */
  private void prepareVertices(int iFrom, int iTo) {
    double cs = cellSize_m;
    int vw = windowWidth + 1;
    for (int i = iFrom; i < iTo; i++) {
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
   * How far (cells, rounded up) the set-up must reach across an axis at {@code along} cells from
   * the observer: to the maximum distance plus {@code margin} cells (rays walk a little past it);
   * unbounded without a maximum distance.
   */
  int across(double along, double margin) {
    if (maxDistanceCells2 == Double.POSITIVE_INFINITY) {
      return Integer.MAX_VALUE / 2;
    }
    double r = Math.sqrt(maxDistanceCells2) + margin;
    return (int) Math.ceil(Math.sqrt(Math.max(0, r * r - along * along)));
  }
}
