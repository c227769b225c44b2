package lt.skydas.observe;

import java.util.Objects;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.region.LandCover;
import lt.skydas.region.Region;
import lt.skydas.terrain.ElevationGrid;

/**
 * The surface line of sight runs over: per cell of the region grid, the ground elevation (a DEM on
 * the same grid, or flat ground at 0 m — Lithuania's relief is low, and Earth curvature is applied
 * by the viewshed) plus the clutter height of its land-cover class ({@link ClutterTable}). Cells
 * without land cover ({@link LandCover#NODATA}) or without ground elevation are nodata: they never
 * block and are never seen. Immutable; shareable between threads.
 */
public final class Surface {
  private final ElevationGrid elevation;
  private final float[] clutter_m;

  private Surface(ElevationGrid elevation, float[] clutter_m) {
    this.elevation = elevation;
    this.clutter_m = clutter_m;
  }

  /**
   * @param grid the region grid (metric CRS, cell size in metres)
   * @param landCover one land-cover code per cell ({@code grid.cellCount()})
   * @param ground_m ground elevation per cell in metres (NaN = nodata), or null for flat ground
   */
  public static Surface of(
      GridSpec grid, byte[] landCover, ClutterTable clutter, float[] ground_m) {
    Objects.requireNonNull(clutter, "clutter");
    int n = grid.cellCount();
    if (landCover.length != n || ground_m != null && ground_m.length != n) {
      throw new IllegalArgumentException("land cover and ground must have one value per cell");
    }
    float[] z = new float[n];
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      float g = ground_m == null ? 0f : ground_m[i];
      if (landCover[i] == LandCover.NODATA.code() || Float.isNaN(g)) {
        z[i] = Float.NaN;
        continue;
      }
      c[i] = clutter.height_m(landCover[i]);
      z[i] = g + c[i];
    }
    return new Surface(new ElevationGrid(grid, z), c);
  }

  /**
   * The surface of a region pack: its stored DEM ({@link Region#findDem()}, {@code region build
   * --dem}) when it has one, else flat ground.
   */
  public static Surface of(Region region, ClutterTable clutter) {
    return of(region.grid(), region.landCover(), clutter, region.findDem().orElse(null));
  }

  /** Ground plus clutter, m; NaN = nodata. */
  public ElevationGrid elevation() {
    return elevation;
  }

  public GridSpec grid() {
    return elevation.grid();
  }

  /** Clutter height of a cell, m (0 for nodata cells). */
  public float clutter_m(int cell) {
    return clutter_m[cell];
  }

  /** True if the cell has no surface (outside the land cover or the DEM). */
  public boolean isNodata(int cell) {
    return Float.isNaN(elevation.elevation_m()[cell]);
  }
}
