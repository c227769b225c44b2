package lt.skydas.terrain;

import java.util.Objects;
import lt.skydas.core.geo.GridSpec;

/**
 * A digital elevation model on a north-up grid: one elevation in metres per cell, row-major, row 0
 * north ({@code id = row * width + col}), NaN = nodata. The cell size of the {@link GridSpec} is in
 * metres (a projected CRS); the caller checks the CRS.
 *
 * <p>Immutable view: the array is not copied (equality is identity); callers must not change it
 * while a {@link Viewshed} reads it. Shareable between threads.
 *
 * @param grid the grid; {@code grid.cellSize()} is the cell size in metres
 * @param elevation_m elevations in metres, length {@code grid.cellCount()}, NaN = nodata
 */
public record ElevationGrid(GridSpec grid, float[] elevation_m) {

  public ElevationGrid {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(elevation_m, "elevation_m");
    if (elevation_m.length != grid.cellCount()) {
      throw new IllegalArgumentException(
          "elevation length " + elevation_m.length + " != " + grid.cellCount() + " cells");
    }
  }

  /** A grid with its origin at (0, 0) and no CRS, for engines and tests that work in cells. */
  public static ElevationGrid of(int width, int height, double cellSize_m, float[] elevation_m) {
    return new ElevationGrid(
        new GridSpec(0, height * cellSize_m, cellSize_m, width, height, 0), elevation_m);
  }

  public int width() {
    return grid.width();
  }

  public int height() {
    return grid.height();
  }

  public double cellSize_m() {
    return grid.cellSize();
  }

  /** The cell id containing map point (x, y) in the grid's CRS, or -1 outside the grid. */
  public int cellAt(double x, double y) {
    return grid.cellAt(x, y);
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "ElevationGrid[" + grid + "]";
  }
}
