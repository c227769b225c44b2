package lt.skydas.terrain;

/**
 * {@code 1 / distance} (per metre) from a cell centre to the centres of the cells at integer
 * offsets (a, b) and to the corners at offsets (a + ½, b + ½), on a grid of square cells: the
 * square root and division of every cell's and vertex's slope, looked up instead of computed.
 * Tabulated for offsets below {@code size} (floats: relative error under 6·10⁻⁸, below that of the
 * float slopes they feed), computed beyond it.
 *
 * <p>Immutable; shareable between threads.
 */
final class InverseDistances {
  private final int size;
  private final double cellSize_m;
  private final float[] centre;
  private final float[] corner;

  /**
   * @param size offsets 0 .. size − 1 along each axis are tabulated (0: none; memory 8·size² bytes)
   * @param cellSize_m the cells' edge length, metres
   */
  InverseDistances(int size, double cellSize_m) {
    this.size = size;
    this.cellSize_m = cellSize_m;
    centre = new float[size * size];
    corner = new float[size * size];
    for (int b = 0; b < size; b++) {
      for (int a = 0; a < size; a++) {
        centre[b * size + a] = (float) computed(a, b);
        corner[b * size + a] = (float) computed(a + 0.5, b + 0.5);
      }
    }
  }

  /** The offsets below this are tabulated. */
  int size() {
    return size;
  }

  /** {@code 1 / (cellSize · √(a² + b²))} for a, b ≥ 0 (+∞ at the origin). */
  double centre(int a, int b) {
    return a < size && b < size ? centre[b * size + a] : computed(a, b);
  }

  /** {@code 1 / (cellSize · √((a + ½)² + (b + ½)²))} for a, b ≥ 0. */
  double corner(int a, int b) {
    return a < size && b < size ? corner[b * size + a] : computed(a + 0.5, b + 0.5);
  }

  private double computed(double a, double b) {
    return 1 / (cellSize_m * Math.sqrt(a * a + b * b));
  }
}
