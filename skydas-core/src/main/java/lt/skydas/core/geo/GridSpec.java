package lt.skydas.core.geo;

/**
 * A north-up raster grid: {@code width × height} square cells of {@code cellSize} map units, the
 * upper-left corner of cell (0, 0) at ({@code minX}, {@code maxY}). Row 0 is the northernmost row.
 * Cell ids are dense ints {@code row * width + col}.
 *
 * @param epsg the CRS code of the map units (0 when unknown)
 */
public record GridSpec(double minX, double maxY, double cellSize, int width, int height, int epsg) {

  public GridSpec {
    if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
      throw new IllegalArgumentException("cell size must be positive and finite: " + cellSize);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("grid must have cells: " + width + " x " + height);
    }
    if ((long) width * height > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "grid too large for int cell ids: " + width + " x " + height);
    }
    if (!Double.isFinite(minX) || !Double.isFinite(maxY)) {
      throw new IllegalArgumentException("grid origin must be finite");
    }
  }

  /** A grid snapped outward to multiples of {@code cellSize} covering the given envelope. */
  public static GridSpec covering(
      double minX, double minY, double maxX, double maxY, double cellSize, int epsg) {
    double x0 = Math.floor(minX / cellSize) * cellSize;
    double y1 = Math.ceil(maxY / cellSize) * cellSize;
    int w = (int) Math.ceil((maxX - x0) / cellSize);
    int h = (int) Math.ceil((y1 - minY) / cellSize);
    return new GridSpec(x0, y1, cellSize, Math.max(w, 1), Math.max(h, 1), epsg);
  }

  public int cellCount() {
    return width * height;
  }

  public double maxX() {
    return minX + width * cellSize;
  }

  public double minY() {
    return maxY - height * cellSize;
  }

  /** Column containing map x, possibly outside [0, width). */
  public int col(double x) {
    return (int) Math.floor((x - minX) / cellSize);
  }

  /** Row containing map y, possibly outside [0, height). */
  public int row(double y) {
    return (int) Math.floor((maxY - y) / cellSize);
  }

  public boolean contains(int col, int row) {
    return col >= 0 && row >= 0 && col < width && row < height;
  }

  /** Cell id at map (x, y), or -1 when outside the grid. */
  public int cellAt(double x, double y) {
    int c = col(x);
    int r = row(y);
    return contains(c, r) ? r * width + c : -1;
  }

  public double centerX(int col) {
    return minX + (col + 0.5) * cellSize;
  }

  public double centerY(int row) {
    return maxY - (row + 0.5) * cellSize;
  }
}
