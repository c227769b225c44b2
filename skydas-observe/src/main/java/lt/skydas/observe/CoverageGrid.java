package lt.skydas.observe;

import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.TargetClass;

/**
 * How many sensors observe each cell for one target class.
 *
 * @param count sensors observing each cell (row-major, {@code grid.cellCount()}); 0 = unobserved.
 *     Shared, not copied: do not modify
 * @param unplaced ids of sensors that observe nothing (outside the grid, on a nodata cell, or
 *     without range for the target)
 */
public record CoverageGrid(
    GridSpec grid, TargetClass target, short[] count, java.util.List<String> unplaced) {

  public CoverageGrid {
    if (count.length != grid.cellCount()) {
      throw new IllegalArgumentException("one count per cell");
    }
    unplaced = java.util.List.copyOf(unplaced);
  }

  /** Sensors observing the cell at map point (x, y); 0 outside the grid. */
  public int countAt(double x, double y) {
    int c = grid.cellAt(x, y);
    return c < 0 ? 0 : count[c];
  }

  /** Cells observed by at least one sensor. */
  public int observedCells() {
    int n = 0;
    for (short c : count) {
      if (c > 0) {
        n++;
      }
    }
    return n;
  }

  /** Area observed by at least one sensor, km². */
  public double observedArea_km2() {
    return observedCells() * grid.cellSize() * grid.cellSize() / 1e6;
  }
}
