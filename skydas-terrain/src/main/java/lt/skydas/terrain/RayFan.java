package lt.skydas.terrain;

import java.util.Arrays;

/**
 * The rays of one 90° sector, in the sector's frame: column {@code m ≥ 1} along the major axis, row
 * {@code n} across it, ray {@code k} of slope {@code t = k / resolution} for {@code k} in {@code
 * [-resolution, resolution)}. Each ray is the ordered list of the cells it crosses (its supercover:
 * every cell whose angular extent contains the ray, column by column, nearer cell first), each cell
 * packed in an int with a flag telling whether this ray <i>owns</i> the cell.
 *
 * <p>A ray owns the cells whose centre slope {@code n / m} is nearest to its own ({@code |n ·
 * resolution − k · m| ≤ m / 2}, ties to the lower ray); with {@code resolution ≥ reach} the owner
 * always crosses the cell, so every cell of the sector within {@code reach} has exactly one owner.
 * Diagonal cells ({@code |n| = m}) are owned by the sector where {@code n = −m}, the other side by
 * the next sector, so the four sectors own every cell once.
 *
 * <p>Depends only on the geometry (reach, resolution, whether rays stop at a circle), never on the
 * terrain or the observer: immutable and shared between threads and queries. Small fans ({@link
 * #MAX_STORED_CELLS}) are stored; larger ones walk their rays on demand into a caller's buffer.
 */
final class RayFan {
  /** Fans up to this many ray cells (about 16 MB) are stored; larger ones are walked per query. */
  static final int MAX_STORED_CELLS = 4 << 20;

  private static final int N_BIAS = 1 << 13;
  private static final int OWNED = 1;
  private static final int LESSER = 2;

  final int reach;
  final int resolution;
  final boolean circular;
  final double maxDistanceCells2;
  private final int[] start;
  private final int[] cells;
  private final float[] offsets;

  /**
   * @param reach the largest column (cells) any ray needs
   * @param resolution rays per unit slope, ≥ reach
   * @param circular whether rays stop just past distance {@code reach} (a maximum distance) or run
   *     to column {@code reach} (the square window)
   * @param maxDistanceCells2 cells farther than the square root of this (in cells) are owned by no
   *     ray (+Inf for none)
   */
  RayFan(int reach, int resolution, boolean circular, double maxDistanceCells2) {
    if (reach < 1 || reach >= N_BIAS || resolution < reach) {
      throw new IllegalArgumentException("reach " + reach + ", resolution " + resolution);
    }
    this.reach = reach;
    this.resolution = resolution;
    this.circular = circular;
    this.maxDistanceCells2 = maxDistanceCells2;
    long estimate = 2L * resolution * (reach + 2) * 3 / 2;
    if (estimate > MAX_STORED_CELLS) {
      start = null;
      cells = null;
      offsets = null;
      return;
    }
    int rays = 2 * resolution;
    int[] s = new int[rays + 1];
    int[] buf = new int[maxRayLength()];
    float[] off = new float[maxRayLength()];
    int[] all = new int[(int) estimate];
    float[] allOff = new float[(int) estimate];
    int size = 0;
    for (int r = 0; r < rays; r++) {
      int len = walk(r - resolution, buf, off);
      if (size + len > all.length) {
        all = Arrays.copyOf(all, Math.max(size + len, all.length * 2));
        allOff = Arrays.copyOf(allOff, all.length);
      }
      System.arraycopy(buf, 0, all, size, len);
      System.arraycopy(off, 0, allOff, size, len);
      size += len;
      s[r + 1] = size;
    }
    start = s;
    cells = Arrays.copyOf(all, size);
    offsets = Arrays.copyOf(allOff, size);
  }

  /** An upper bound of the cells on one ray. */
  int maxRayLength() {
    return 2 * reach + 4;
  }

  /** The stored cells of all rays, or null if this fan walks its rays per query. */
  int[] storedCells() {
    return cells;
  }

  /** The stored slope offsets of all rays' cells (see {@link #walk}), or null. */
  float[] storedOffsets() {
    return offsets;
  }

  /**
   * Offsets of each ray's cells in {@link #storedCells()}: ray k spans {@code [k+res, k+res+1]}.
   */
  int[] storedStarts() {
    return start;
  }

  static int column(int code) {
    return code >>> 16;
  }

  static int row(int code) {
    return ((code >>> 2) & 0x3FFF) - N_BIAS;
  }

  /** 0 if the ray passes the cell on its greater-slope corner's side, 1 on the lesser's. */
  static int side(int code) {
    return (code >>> 1) & 1;
  }

  /** 1 if the ray owns the cell, else 0. */
  static int owned(int code) {
    return code & OWNED;
  }

  /**
   * Writes the cells ray k crosses into {@code buf}, nearest first, and returns their number.
   * Within a column the cell nearer the axis comes first; a ray touching a cell only at a corner
   * counts it when the corner is where the ray leaves the column.
   *
   * <p>{@code offset[i]} receives where the ray crosses cell i, as an equivalent slope offset from
   * the cell's centre: {@code w · (s_corner − s_centre)} with {@code w} the exact azimuth weight
   * {@code (atan t − atan s_centre) / (atan s_corner − atan s_centre)} towards the silhouette
   * corner on the ray's side — so that a linear interpolation in slope, as the engine does,
   * reproduces r.viewshed's interpolation in azimuth. Positive towards the greater-slope corner.
   */
  int walk(int k, int[] buf, float[] offset) {
    double at = Math.atan((double) k / resolution);
    double t = (double) k / resolution;
    int step = k >= 0 ? 1 : -1;
    int last = reach;
    if (circular) {
      last = (int) Math.min(reach, reach / Math.sqrt(1 + t * t) + 1.5);
    }
    int len = 0;
    int n = nearestRow(0.5 * t, step);
    for (int m = 1; m <= last; m++) {
      int end = nearestRow((m + 0.5) * t, step);
      while (true) {
        int e = 2 * (n * resolution - k * m);
        boolean owned = e > -m && e <= m && (double) m * m + (double) n * n <= maxDistanceCells2;
        double d = slopeOffset(t, at, m, n);
        offset[len] = (float) Math.abs(d);
        buf[len++] = (m << 16) | ((n + N_BIAS) << 2) | (d < 0 ? LESSER : 0) | (owned ? OWNED : 0);
        if (n == end) {
          break;
        }
        n += step;
      }
    }
    return len;
  }

  private static double slopeOffset(double t, double at, int m, int n) {
    double sc = (double) n / m;
    if (t == sc) {
      return 0;
    }
    int tau = t > sc ? 1 : -1;
    int sigma = n * tau >= 0 ? -1 : 1;
    double sk = (n + 0.5 * tau) / (m + 0.5 * sigma);
    double ac = Math.atan(sc);
    double w = (at - ac) / (Math.atan(sk) - ac);
    return w * (sk - sc);
  }

  /** The row whose cell contains y; a y on a boundary goes forward along the ray. */
  private static int nearestRow(double y, int step) {
    return step > 0 ? (int) Math.floor(y + 0.5) : (int) Math.ceil(y - 0.5);
  }
}
