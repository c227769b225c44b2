package lt.skydas.raster;

import java.util.Objects;
import lt.skydas.core.geo.GridSpec;

/**
 * A single-band 32-bit float raster on a {@link GridSpec}; NaN means nodata. The array is not
 * copied: the raster is a view.
 */
public final class FloatRaster {
  private final GridSpec grid;
  private final float[] data;

  public FloatRaster(GridSpec grid, float[] data) {
    this.grid = Objects.requireNonNull(grid);
    this.data = Objects.requireNonNull(data);
    if (data.length != grid.cellCount()) {
      throw new IllegalArgumentException("data length " + data.length + " != " + grid.cellCount());
    }
  }

  public GridSpec grid() {
    return grid;
  }

  /** Cell values by id {@code row * width + col}, row 0 north; NaN = nodata. */
  public float[] data() {
    return data;
  }

  public float get(int col, int row) {
    return data[row * grid.width() + col];
  }
}
