package lt.skydas.costdist;

import java.util.Objects;

/**
 * Immutable description of the raster part of a cost-distance problem: a {@code width x height}
 * grid of friction values and the implicit moves between neighbouring cells.
 *
 * <p><b>Cells.</b> Cell {@code (row, col)} has node id {@code row * width + col}; row 0 is the
 * northernmost row. {@code friction[id]} is the cost per map unit of crossing the cell. A cell
 * whose friction is NaN, +Inf or negative is <em>impassable</em>: it is never entered and never
 * left (not by grid moves, not by explicit edges, and a source placed on it is ignored). Friction 0
 * is allowed.
 *
 * <p><b>Moves</b> (the model of GRASS GIS {@code r.cost}, see {@code raster/r.cost/main.c} in
 * OSGeo/grass). With {@code s = cellSize}, all arithmetic in {@code double} and the frictions
 * widened from {@code float}:
 *
 * <ul>
 *   <li>orthogonal move a&rarr;b: {@code (f[a] + f[b]) * (0.5 * s)};
 *   <li>diagonal move: {@code (f[a] + f[b]) * (0.5 * (s * Math.sqrt(2)))};
 *   <li>knight's move (only with {@link Neighbourhood#SIXTEEN}; two cells along one axis and one
 *       along the other): {@code (((f[a] + f[b]) + f[m1]) + f[m2]) * (0.25 * (s * Math.sqrt(5)))}
 *       where {@code m1 < m2} are the ids of the two cells the move passes between (the cells
 *       adjacent to both a and b). This is what r.cost does with its {@code -k} flag: it averages
 *       the four frictions of the from-cell, the to-cell and the two cells the move passes between
 *       ({@code fcost = N + NW + NNW + my_cost} times {@code V_DIAG_fac = sqrt(4 ns^2 + ew^2) /
 *       4}); the r.cost manual only shows the 16-neighbour stencil. As in r.cost, a knight's move
 *       is not possible if either intermediate cell is impassable.
 * </ul>
 *
 * <p>If {@code penalty} is non-null, {@code penalty[b]} (&ge; 0, may be +Inf = blocked) is added to
 * every move into cell {@code b}, by grid moves and explicit edges alike: {@code moveCost +
 * penalty[b]}. Penalties are not charged on sources.
 *
 * <p><b>Ownership.</b> The arrays are not copied. The caller must not modify them after
 * construction (summary statistics used to choose the queue are computed here once, in O(cells)).
 * Instances are immutable and thread safe if that contract is kept.
 */
public final class CostGrid {

  /** Which implicit grid moves exist. */
  public enum Neighbourhood {
    /** 4 orthogonal and 4 diagonal neighbours. */
    EIGHT,
    /** {@link #EIGHT} plus 8 knight's moves. */
    SIXTEEN
  }

  private final int width;
  private final int height;
  private final double cellSize;
  private final float[] friction;
  private final float[] penalty;
  private final Neighbourhood neighbourhood;
  private final double minMoveCost;
  private final double maxMoveCost;
  private final double maxFinitePenalty;

  /**
   * Creates a grid.
   *
   * @param width number of columns, &ge; 1
   * @param height number of rows, &ge; 1; {@code width * height} must fit in an int
   * @param cellSize cell edge length in map units, finite and &gt; 0
   * @param friction cost per map unit for each cell, length {@code width * height}
   * @param penalty entry penalty per cell (&ge; 0 or +Inf; NaN treated as blocked) or null
   * @param neighbourhood grid moves to use
   * @throws IllegalArgumentException on inconsistent sizes, bad cell size or negative penalty
   */
  public CostGrid(
      int width,
      int height,
      double cellSize,
      float[] friction,
      float[] penalty,
      Neighbourhood neighbourhood) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("grid must be at least 1x1: " + width + "x" + height);
    }
    int cells;
    try {
      cells = Math.multiplyExact(width, height);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("grid too large: " + width + "x" + height, e);
    }
    if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
      throw new IllegalArgumentException("cellSize must be finite and > 0: " + cellSize);
    }
    Objects.requireNonNull(friction, "friction");
    if (friction.length != cells) {
      throw new IllegalArgumentException("friction length " + friction.length + " != " + cells);
    }
    if (penalty != null && penalty.length != cells) {
      throw new IllegalArgumentException("penalty length " + penalty.length + " != " + cells);
    }
    this.width = width;
    this.height = height;
    this.cellSize = cellSize;
    this.friction = friction;
    this.penalty = penalty;
    this.neighbourhood = Objects.requireNonNull(neighbourhood, "neighbourhood");

    float fMin = Float.POSITIVE_INFINITY;
    float fMax = Float.NEGATIVE_INFINITY;
    for (float f : friction) {
      if (f >= 0f && f <= Float.MAX_VALUE) {
        fMin = Math.min(fMin, f);
        fMax = Math.max(fMax, f);
      }
    }
    double pMax = 0;
    if (penalty != null) {
      for (int i = 0; i < cells; i++) {
        float p = penalty[i];
        if (p < 0f) {
          throw new IllegalArgumentException("negative penalty " + p + " at cell " + i);
        }
        if (p <= Float.MAX_VALUE) {
          pMax = Math.max(pMax, p);
        }
      }
    }
    this.maxFinitePenalty = pMax;
    if (fMin > fMax || cells == 1) {
      // no passable cell or no neighbour at all: there are no grid moves
      this.minMoveCost = Double.POSITIVE_INFINITY;
      this.maxMoveCost = 0;
    } else {
      // Move costs are monotone in every friction (floating-point + and * are monotone), so the
      // formulas evaluated at the extreme frictions bound every computed move cost exactly.
      double lo = Math.min(orthCost(fMin, fMin), diagCost(fMin, fMin));
      double hi = Math.max(orthCost(fMax, fMax), diagCost(fMax, fMax));
      if (neighbourhood == Neighbourhood.SIXTEEN) {
        lo = Math.min(lo, knightCost(fMin, fMin, fMin, fMin));
        hi = Math.max(hi, knightCost(fMax, fMax, fMax, fMax));
      }
      this.minMoveCost = lo;
      this.maxMoveCost = hi + pMax;
    }
  }

  /** Convenience constructor: no penalties, 8 neighbours. */
  public CostGrid(int width, int height, double cellSize, float[] friction) {
    this(width, height, cellSize, friction, null, Neighbourhood.EIGHT);
  }

  double orthCost(double fa, double fb) {
    return (fa + fb) * halfOrth();
  }

  double diagCost(double fa, double fb) {
    return (fa + fb) * halfDiag();
  }

  double knightCost(double fa, double fb, double fm1, double fm2) {
    return (((fa + fb) + fm1) + fm2) * quarterKnight();
  }

  double halfOrth() {
    return 0.5 * cellSize;
  }

  double halfDiag() {
    return 0.5 * (cellSize * Math.sqrt(2));
  }

  double quarterKnight() {
    return 0.25 * (cellSize * Math.sqrt(5));
  }

  /** Number of columns. */
  public int width() {
    return width;
  }

  /** Number of rows. */
  public int height() {
    return height;
  }

  /** Number of cells, {@code width * height}; cell ids are {@code 0..cellCount()-1}. */
  public int cellCount() {
    return width * height;
  }

  /** Cell edge length in map units. */
  public double cellSize() {
    return cellSize;
  }

  /** The neighbourhood used for implicit moves. */
  public Neighbourhood neighbourhood() {
    return neighbourhood;
  }

  /** The friction array (not a copy; do not modify). */
  public float[] friction() {
    return friction;
  }

  /** The entry-penalty array or null (not a copy; do not modify). */
  public float[] penalty() {
    return penalty;
  }

  /** Node id of cell {@code (row, col)}. */
  public int cellId(int row, int col) {
    return row * width + col;
  }

  /** True if the cell's friction is finite and &ge; 0. */
  public boolean isPassable(int cell) {
    float f = friction[cell];
    return f >= 0f && f <= Float.MAX_VALUE;
  }

  /** Exact lower bound on every grid move cost (+Inf if there are no grid moves). */
  double minMoveCost() {
    return minMoveCost;
  }

  /** Upper bound on every finite grid move cost including penalties. */
  double maxMoveCost() {
    return maxMoveCost;
  }

  /** Largest finite penalty, 0 if none. */
  double maxFinitePenalty() {
    return maxFinitePenalty;
  }
}
