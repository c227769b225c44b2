package lt.skydas.raster;

import java.util.Objects;
import lt.skydas.core.geo.GridSpec;

/**
 * A single-band unsigned 8-bit raster on a {@link GridSpec}. The array is not copied: the raster is
 * a view; callers must not change it while others read it.
 */
public final class ByteRaster {
  private final GridSpec grid;
  private final byte[] data;

  public ByteRaster(GridSpec grid, byte[] data) {
    this.grid = Objects.requireNonNull(grid);
    this.data = Objects.requireNonNull(data);
    if (data.length != grid.cellCount()) {
      throw new IllegalArgumentException("data length " + data.length + " != " + grid.cellCount());
    }
  }

  public GridSpec grid() {
    return grid;
  }

  /** Cell values by id {@code row * width + col}, row 0 north. */
  public byte[] data() {
    return data;
  }

  /** Unsigned value at (col, row). */
  public int get(int col, int row) {
    return data[row * grid.width() + col] & 0xff;
  }
}
