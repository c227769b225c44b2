package lt.skydas.terrain;

import java.util.Arrays;

/**
 * The rays of one 90° sector, in the sector's frame: column {@code m ≥ 1} along the major axis, row
 * {@code n} across it. The columns are split into bands that double outwards (for a reach of 600:
 * 1–18, 19–37, 38–75, 76–150, 151–300, 301–600: halving from the reach while a band stays at least
 * {@link #MIN_BAND} wide); band b has rays {@code k} of slope {@code k / res_b} for k in {@code
 * [−res_b, res_b)}, {@code res_b = oversample · (last column of b)}, and each ray of an outer band
 * continues the two rays of the next inner band that bracket its slope ({@link #parent}, {@link
 * #parent2}). A ray is the ordered list of the cells it crosses within its band (its supercover:
 * every cell whose angular extent contains the ray, column by column, nearer cell first), each cell
 * packed in an int with the side of its centre the ray passes and whether this ray <i>owns</i> the
 * cell.
 *
 * <p>A ray owns the cells whose centre slope {@code n / m} is nearest to its own ({@code |n · res −
 * k · m| ≤ m / 2}, ties to the lower ray); with {@code res ≥ m} the owner always crosses the cell,
 * so every cell of the sector within the reach has exactly one owner. Cells farther than the
 * maximum distance are owned by none. Diagonal cells ({@code |n| = m}) are owned by the sector
 * where {@code n = −m}, the other side by the next sector, so the four sectors own every cell once.
 *
 * <p>Cells are addressed in a <i>frame</i>: a row-major array of the sector's cells, row n after
 * row n, so that a ray walking outwards reads memory nearly in order whatever the sector's
 * direction on the grid. A walked fan writes the caller's rectangular frame, {@code columns} cells
 * per row (column m at {@code (n + bias) · columns + m}). A stored fan uses a fixed <i>compact</i>
 * frame of its reach ({@link #frameRowBase()}): each row holds only the columns its rays visit
 * (about 40 % of the rectangle for a circular reach), so a ray near the diagonal, which changes row
 * at almost every step, crosses far fewer memory pages; the frame index does not depend on the
 * observer. A ray cell is packed in an int as {@code owned << 31 | (4 · frameIndex + 1 + side)}:
 * the low bits are the index of the slope change the ray takes in a frame of four floats per cell
 * ({@link #slopeChangeIndex}), the sign bit the owner mask ({@link #ownerMask}): one mask per
 * field.
 *
 * <p>Depends only on the geometry (reach, oversampling, whether rays stop at a circle), never on
 * the terrain or the observer: immutable and shared between threads and queries. Fans up to {@link
 * #MAX_STORED_CELLS} ray cells are stored, banded; larger ones have a single band and walk their
 * rays on demand into a caller's buffer.
 */
final class RayFan {
  /** Fans up to this many ray cells (about 16 MB) are stored; larger ones are walked per query. */
  static final int MAX_STORED_CELLS = 4 << 20;

  /** The owner bit of a packed ray cell (the sign bit). */
  private static final int OWNED = 1 << 31;

  /** The bits of a packed ray cell that say which slope change the ray takes, and ownership. */
  private static final int FLAGS = OWNED | 3;

  /** Columns beyond the reach, and rows beyond ±reach, held by the fixed frame (rays overrun). */
  private static final int FRAME_SLACK = 4;

  /** Bands narrower than this many columns are not split further. */
  private static final int MIN_BAND = 16;

  final int reach;
  final int oversample;
  final boolean circular;
  final double maxDistanceCells2;

  /** Per band, inner to outer: first and last column, resolution, index of its first ray. */
  private final int[] bandFirst;

  private final int[] bandLast;
  private final int[] bandResolution;
  private final int[] bandRay;

  /** Per ray (all bands): the ray of the next inner band whose horizon it continues, or -1. */
  private final int[] parent;

  /** Per ray, the other inner ray bracketing its slope with {@link #parent} (or the same). */
  private final int[] parent2;

  private final int[] start;
  private final int[] cells;
  private final float[] offsets;

  /**
   * The compact frame of a stored fan, per row n at {@code n + frameBias()}: the frame index of
   * column 0 (so column m is at {@code frameRowBase[..] + m}), and the first and last column any
   * ray visits (first > last if none). Null for a walked fan.
   */
  private final int[] frameRowBase;

  private final int[] frameRowFirst;
  private final int[] frameRowLast;
  private final int frameCells;

  /**
   * @param reach the largest column (cells) any ray needs
   * @param oversample rays per unit slope per column of a band's outer edge (≥ 1)
   * @param circular whether rays stop just past distance {@code reach} (a maximum distance) or run
   *     to column {@code reach} (the square window)
   * @param maxDistanceCells2 cells farther than the square root of this (in cells) are owned by no
   *     ray (+Inf for none)
   */
  RayFan(int reach, int oversample, boolean circular, double maxDistanceCells2) {
    if (reach < 1 || reach >= 1 << 14 || oversample < 1) {
      throw new IllegalArgumentException("reach " + reach + ", oversample " + oversample);
    }
    this.reach = reach;
    this.oversample = oversample;
    this.circular = circular;
    this.maxDistanceCells2 = maxDistanceCells2;
    long estimate = 2L * oversample * reach * (reach + 2) * 3 / 2;
    boolean store = estimate <= MAX_STORED_CELLS;
    int[] lasts = bandEdges(store ? reach : 0);
    int bands = lasts.length;
    bandFirst = new int[bands];
    bandLast = new int[bands];
    bandResolution = new int[bands];
    bandRay = new int[bands + 1];
    for (int b = 0; b < bands; b++) {
      bandFirst[b] = b == 0 ? 1 : lasts[b - 1] + 1;
      bandLast[b] = lasts[b];
      bandResolution[b] = oversample * lasts[b];
      bandRay[b + 1] = bandRay[b] + 2 * bandResolution[b];
    }
    parent = new int[bandRay[bands]];
    parent2 = new int[bandRay[bands]];
    parents();
    if (!store) {
      start = null;
      cells = null;
      offsets = null;
      frameRowBase = null;
      frameRowFirst = null;
      frameRowLast = null;
      frameCells = 0;
      return;
    }
    int rays = bandRay[bands];
    int[] s = new int[rays + 1];
    int[] buf = new int[maxRayLength()];
    float[] off = new float[maxRayLength()];
    int[] all = new int[(int) estimate];
    float[] allOff = new float[(int) estimate];
    int size = 0;
    for (int g = 0; g < rays; g++) {
      int len =
          walk(
              g,
              buf,
              off,
              frameColumns(),
              frameBias(),
              frameColumns() - 1,
              -frameBias(),
              frameBias());
      if (size + len > all.length) {
        all = Arrays.copyOf(all, Math.max(size + len, all.length * 2));
        allOff = Arrays.copyOf(allOff, all.length);
      }
      System.arraycopy(buf, 0, all, size, len);
      System.arraycopy(off, 0, allOff, size, len);
      size += len;
      s[g + 1] = size;
    }
    start = s;
    cells = Arrays.copyOf(all, size);
    offsets = Arrays.copyOf(allOff, size);
    int rows = 2 * frameBias() + 1;
    frameRowBase = new int[rows];
    frameRowFirst = new int[rows];
    frameRowLast = new int[rows];
    frameCells = compact(rows);
  }

  /**
   * Packs the rows of the stored rays' rectangular frame (walked with {@link #frameColumns()} per
   * row) to the columns the rays visit, row after row from frame index 1, and rewrites the stored
   * cells' indices: a ray then steps through far fewer memory pages, above all near the diagonal.
   * Returns the frame's cell count.
   */
  private int compact(int rows) {
    int columns = frameColumns();
    Arrays.fill(frameRowFirst, Integer.MAX_VALUE);
    Arrays.fill(frameRowLast, -1);
    for (int code : cells) {
      int index = frameIndex(code);
      int r = index / columns;
      int m = index % columns;
      frameRowFirst[r] = Math.min(frameRowFirst[r], m);
      frameRowLast[r] = Math.max(frameRowLast[r], m);
    }
    int next = 1;
    for (int r = 0; r < rows; r++) {
      if (frameRowLast[r] < 0) {
        frameRowFirst[r] = 1;
        frameRowLast[r] = 0;
      }
      frameRowBase[r] = next - frameRowFirst[r];
      next += frameRowLast[r] - frameRowFirst[r] + 1;
    }
    for (int i = 0; i < cells.length; i++) {
      int index = frameIndex(cells[i]);
      int moved = frameRowBase[index / columns] + index % columns;
      cells[i] = moved << 2 | (cells[i] & FLAGS);
    }
    return next;
  }

  /**
   * The last column of each band, inner to outer: the reach, halved while the band is at least
   * {@link #MIN_BAND} wide; a single band when {@code split} is 0.
   */
  private int[] bandEdges(int split) {
    int[] edges = new int[32];
    int count = 0;
    int hi = reach;
    while (split > 0 && hi / 2 >= MIN_BAND) {
      edges[count++] = hi;
      hi /= 2;
    }
    edges[count++] = hi;
    int[] inner = new int[count];
    for (int i = 0; i < count; i++) {
      inner[i] = edges[count - 1 - i];
    }
    return inner;
  }

  /** For each ray, the two rays of the next inner band bracketing its slope. */
  private void parents() {
    for (int b = 0; b < bandFirst.length; b++) {
      int res = bandResolution[b];
      for (int k = -res; k < res; k++) {
        int g = bandRay[b] + k + res;
        if (b == 0) {
          parent[g] = -1;
          parent2[g] = -1;
          continue;
        }
        int inner = bandResolution[b - 1];
        double x = (double) k * inner / res;
        int lo = Math.max(-inner, Math.min(inner - 1, (int) Math.floor(x)));
        int hi = Math.max(-inner, Math.min(inner - 1, (int) Math.ceil(x)));
        parent[g] = bandRay[b - 1] + lo + inner;
        parent2[g] = bandRay[b - 1] + hi + inner;
      }
    }
  }

  /** The other bracketing parent (equal to {@link #parent} when the slopes coincide). */
  int parent2(int g) {
    return parent2[g];
  }

  /** The number of rays over all bands. */
  int rayCount() {
    return bandRay[bandRay.length - 1];
  }

  /** The ray (index in {@code 0..rayCount()}) whose horizon ray g continues, or -1. */
  int parent(int g) {
    return parent[g];
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

  /** Offsets of each ray's cells in {@link #storedCells()}: ray g spans {@code [g, g+1]}. */
  int[] storedStarts() {
    return start;
  }

  /**
   * Columns per row of the rectangle a stored fan's rays are walked in (column m of row n at {@code
   * (n + frameBias()) · frameColumns() + m}; rows n in {@code [−frameBias(), frameBias()]}) before
   * its frame is compacted ({@link #frameRowBase()}; frame index 0 stays free for the engine).
   */
  int frameColumns() {
    return reach + FRAME_SLACK;
  }

  /** The row offset of the stored fan's frame (see {@link #frameColumns()}). */
  int frameBias() {
    return reach + FRAME_SLACK;
  }

  /**
   * Per row n of a stored fan's frame (at {@code n + frameBias()}), the frame index of its column
   * 0: the stored cells' frame is compact, each row holding only the columns its rays visit ({@link
   * #frameRowFirst()} to {@link #frameRowLast()}). Not to be modified.
   */
  int[] frameRowBase() {
    return frameRowBase;
  }

  /** Per row of a stored fan's frame, the first column a ray visits (see {@link #frameRowBase}). */
  int[] frameRowFirst() {
    return frameRowFirst;
  }

  /**
   * Per row of a stored fan's frame, the last column a ray visits (less than the first if none).
   */
  int[] frameRowLast() {
    return frameRowLast;
  }

  /** The cells of a stored fan's compact frame, index 0 (no cell) included. */
  int frameCells() {
    return frameCells;
  }

  /** Frame index of a packed ray cell. */
  static int frameIndex(int code) {
    return (code & ~OWNED) >>> 2;
  }

  /**
   * Index, in a frame of four floats per cell, of the packed ray cell's slope change on the side
   * the ray passes: {@code 4·frameIndex + 1} on its greater-slope corner's side, {@code + 2} on the
   * lesser's; {@code & ~3} of it is the cell's first float.
   */
  static int slopeChangeIndex(int code) {
    return code & ~OWNED;
  }

  /** −1 (all bits) if the ray owns the cell, else 0. */
  static int ownerMask(int code) {
    return code >> 31;
  }

  /**
   * Writes the cells ray g crosses into {@code buf}, nearest first, packed with their index in the
   * frame of {@code columns} cells per row and row offset {@code bias}, and returns their number.
   * Within a column the cell nearer the axis comes first; a ray touching a cell only at a corner
   * counts it when the corner is where the ray leaves the column. The ray is cut at its first cell
   * beyond column {@code mHi} or outside rows {@code [nLo, nHi]} (it never comes back).
   *
   * <p>{@code offset[i]} receives where the ray crosses cell i, as an equivalent slope offset from
   * the cell's centre: {@code w · (s_corner − s_centre)} with {@code w} the exact azimuth weight
   * {@code (atan t − atan s_centre) / (atan s_corner − atan s_centre)} towards the silhouette
   * corner on the ray's side — so that a linear interpolation in slope, as the engine does,
   * reproduces r.viewshed's interpolation in azimuth. Positive towards the greater-slope corner.
   */
  int walk(int g, int[] buf, float[] offset, int columns, int bias, int mHi, int nLo, int nHi) {
    int b = 0;
    while (g >= bandRay[b + 1]) {
      b++;
    }
    int resolution = bandResolution[b];
    int k = g - bandRay[b] - resolution;
    double t = (double) k / resolution;
    double at = Math.atan(t);
    int step = k >= 0 ? 1 : -1;
    int last = bandLast[b];
    if (circular) {
      last = (int) Math.min(last, reach / Math.sqrt(1 + t * t) + 1.5);
    }
    int len = 0;
    int n = nearestRow((bandFirst[b] - 0.5) * t, step);
    for (int m = bandFirst[b]; m <= last; m++) {
      int end = nearestRow((m + 0.5) * t, step);
      while (true) {
        if (m > mHi || n < nLo || n > nHi) {
          return len;
        }
        int e = 2 * (n * resolution - k * m);
        boolean owned = e > -m && e <= m && (double) m * m + (double) n * n <= maxDistanceCells2;
        double d = slopeOffset(t, at, m, n);
        offset[len] = (float) Math.abs(d);
        int index = (n + bias) * columns + m;
        buf[len++] = (index << 2) + (d < 0 ? 2 : 1) | (owned ? OWNED : 0);
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
