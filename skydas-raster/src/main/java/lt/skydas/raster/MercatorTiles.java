package lt.skydas.raster;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleToIntFunction;
import javax.imageio.ImageIO;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import org.locationtech.jts.geom.Coordinate;

/**
 * A raster in a metric CRS ({@link Crs#METRIC}) cut into 256-pixel PNG map tiles of the
 * WebMercatorQuad or WorldCRS84Quad tile matrix set ({@link TileScheme}, OGC 17-083r4), so a web
 * map, QGIS or GDAL draws the whole region fast. Each pixel takes the value at its centre: from the
 * full raster when a pixel is no wider than a cell, else from the finest level of a pyramid whose
 * cells are at least a pixel wide, where each cell is the <b>minimum</b> of the 2 × 2 cells below
 * it (NaN ignored). No cell falls between two pixel centres, so thin fast corridors of an
 * arrival-time raster stay visible at every zoom. Pixel centres are transformed exactly on a
 * lattice every {@value #STEP} pixels and bilinearly in between (under a metre at zoom 10 in
 * Lithuania). NaN pixels are transparent.
 *
 * <p>Immutable after construction; {@link #png} is thread-safe (each thread its own transformer).
 * Memory: the raster plus a third of it for the pyramid.
 */
public final class MercatorTiles {
  /** Tile width and height in pixels. */
  public static final int SIZE = 256;

  /** The deepest zoom served. */
  public static final int MAX_ZOOM = 18;

  private static final int STEP = 8;
  private static final double R = 6378137.0;

  private final List<GridSpec> grids = new ArrayList<>();
  private final List<float[]> levels = new ArrayList<>();
  private final double[] lonLatBox;

  /**
   * @param raster values in a metric CRS; the array is shared, not copied
   * @throws IllegalArgumentException when the raster's CRS is not a supported metric CRS
   */
  public MercatorTiles(FloatRaster raster) {
    GridSpec g = raster.grid();
    Crs crs = Crs.of(g.epsg());
    grids.add(g);
    levels.add(raster.data());
    while (g.width() > SIZE || g.height() > SIZE) {
      float[] d = levels.get(levels.size() - 1);
      GridSpec c =
          new GridSpec(
              g.minX(),
              g.maxY(),
              g.cellSize() * 2,
              (g.width() + 1) / 2,
              (g.height() + 1) / 2,
              g.epsg());
      levels.add(halve(d, g, c));
      grids.add(c);
      g = c;
    }
    lonLatBox = lonLatBox(raster.grid(), crs);
  }

  private static float[] halve(float[] d, GridSpec g, GridSpec c) {
    float[] out = new float[c.cellCount()];
    for (int r = 0; r < c.height(); r++) {
      for (int col = 0; col < c.width(); col++) {
        float best = Float.NaN;
        for (int rr = 2 * r; rr < Math.min(g.height(), 2 * r + 2); rr++) {
          for (int cc = 2 * col; cc < Math.min(g.width(), 2 * col + 2); cc++) {
            float v = d[rr * g.width() + cc];
            if (!Float.isNaN(v) && !(v >= best)) {
              best = v;
            }
          }
        }
        out[r * c.width() + col] = best;
      }
    }
    return out;
  }

  /**
   * The raster's bounds in lon/lat (its edges sampled every 1/64): minLon, minLat, maxLon, maxLat.
   */
  private static double[] lonLatBox(GridSpec g, Crs crs) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    Coordinate c = new Coordinate();
    for (int i = 0; i <= 64; i++) {
      double t = i / 64.0;
      double x = g.minX() + t * (g.maxX() - g.minX());
      double y = g.minY() + t * (g.maxY() - g.minY());
      double[][] pts = {{x, g.minY()}, {x, g.maxY()}, {g.minX(), y}, {g.maxX(), y}};
      for (double[] p : pts) {
        crs.toWgs84(p[0], p[1], c);
        b[0] = Math.min(b[0], c.x);
        b[1] = Math.min(b[1], c.y);
        b[2] = Math.max(b[2], c.x);
        b[3] = Math.max(b[3], c.y);
      }
    }
    return b;
  }

  /** The raster's bounds in lon/lat: minLon, minLat, maxLon, maxLat (a copy). */
  public double[] lonLatBox() {
    return lonLatBox.clone();
  }

  /** Whether tile (z, x, y) of WebMercatorQuad meets the raster's bounds. */
  public boolean touches(int z, int x, int y) {
    return touches(TileScheme.WEB_MERCATOR_QUAD, z, x, y);
  }

  /** Whether tile (z, x, y) of {@code scheme} meets the raster's bounds. */
  public boolean touches(TileScheme scheme, int z, int x, int y) {
    double west = scheme.lon(z, x), east = scheme.lon(z, x + 1);
    double north = scheme.lat(z, y), south = scheme.lat(z, y + 1);
    return east >= lonLatBox[0]
        && west <= lonLatBox[2]
        && north >= lonLatBox[1]
        && south <= lonLatBox[3];
  }

  /** As {@link #argb(TileScheme, int, int, int, DoubleToIntFunction)} in WebMercatorQuad. */
  public int[] argb(int z, int x, int y, DoubleToIntFunction color) {
    return argb(TileScheme.WEB_MERCATOR_QUAD, z, x, y, color);
  }

  /**
   * The tile's pixels as ARGB, row by row from the north-west; null when the tile misses the raster
   * or every pixel is transparent.
   *
   * @param color a value to 0xAARRGGBB (called only for values that are not NaN)
   */
  public int[] argb(TileScheme scheme, int z, int x, int y, DoubleToIntFunction color) {
    if (z < 0
        || z > MAX_ZOOM
        || x < 0
        || y < 0
        || x >= scheme.matrixWidth(z)
        || y >= scheme.matrixHeight(z)) {
      throw new IllegalArgumentException("no tile " + z + "/" + x + "/" + y + " of " + scheme.id());
    }
    if (!touches(scheme, z, x, y)) {
      return null;
    }
    GridSpec base = grids.get(0);
    Crs crs = Crs.of(base.epsg());
    // the finest pyramid level whose cells are at least a pixel wide on the ground (at the tile's
    // northern edge, where a pixel is narrowest, and the smaller of its two sides): then no cell
    // falls between two pixel centres
    double north = scheme.lat(z, y);
    double wide =
        Math.toRadians(scheme.lon(z, x + 1) - scheme.lon(z, x))
            / SIZE
            * R
            * Math.cos(Math.toRadians(north));
    double tall = Math.toRadians(north - scheme.lat(z, y + 1)) / SIZE * R;
    double ground = Math.min(wide, tall);
    int level = 0;
    while (level + 1 < grids.size() && grids.get(level).cellSize() < ground) {
      level++;
    }
    GridSpec g = grids.get(level);
    float[] d = levels.get(level);
    int n = SIZE / STEP + 1;
    double[] lx = new double[n * n], ly = new double[n * n];
    Coordinate c = new Coordinate();
    for (int j = 0; j < n; j++) {
      double lat = scheme.lat(z, y + (double) j * STEP / SIZE);
      for (int i = 0; i < n; i++) {
        crs.toMetric(scheme.lon(z, x + (double) i * STEP / SIZE), lat, c);
        lx[j * n + i] = c.x;
        ly[j * n + i] = c.y;
      }
    }
    int[] out = new int[SIZE * SIZE];
    boolean any = false;
    for (int py = 0; py < SIZE; py++) {
      double fy = (py + 0.5) / STEP;
      int j = Math.min((int) fy, n - 2);
      double ty = fy - j;
      for (int pxi = 0; pxi < SIZE; pxi++) {
        double fx = (pxi + 0.5) / STEP;
        int i = Math.min((int) fx, n - 2);
        double tx = fx - i;
        int a = j * n + i;
        double mx =
            (1 - ty) * ((1 - tx) * lx[a] + tx * lx[a + 1])
                + ty * ((1 - tx) * lx[a + n] + tx * lx[a + n + 1]);
        double my =
            (1 - ty) * ((1 - tx) * ly[a] + tx * ly[a + 1])
                + ty * ((1 - tx) * ly[a + n] + tx * ly[a + n + 1]);
        int col = (int) Math.floor((mx - g.minX()) / g.cellSize());
        int row = (int) Math.floor((g.maxY() - my) / g.cellSize());
        if (col < 0 || row < 0 || col >= g.width() || row >= g.height()) {
          continue;
        }
        float v = d[row * g.width() + col];
        if (!Float.isNaN(v)) {
          out[py * SIZE + pxi] = color.applyAsInt(v);
          any = true;
        }
      }
    }
    return any ? out : null;
  }

  /**
   * The tile as PNG bytes (RGBA), or null when it would be all transparent.
   *
   * @param color a value to 0xAARRGGBB
   */
  public byte[] png(int z, int x, int y, DoubleToIntFunction color) {
    return png(TileScheme.WEB_MERCATOR_QUAD, z, x, y, color);
  }

  /**
   * The tile of {@code scheme} as PNG bytes (RGBA), or null when it would be all transparent.
   *
   * @param color a value to 0xAARRGGBB
   */
  public byte[] png(TileScheme scheme, int z, int x, int y, DoubleToIntFunction color) {
    int[] px = argb(scheme, z, x, y, color);
    if (px == null) {
      return null;
    }
    BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, SIZE, SIZE, px, 0, SIZE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Arrival hours to an opaque colour of {@link TimeRamp}. */
  public static int hoursColor(double hours) {
    return 0xFF000000 | TimeRamp.rgb(hours);
  }
}
