package lt.skydas.observe;

import java.nio.file.Path;
import java.util.Locale;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.region.DemSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A digital elevation model brought onto the region grid: each region cell's centre is located in
 * the DEM's projected CRS (reprojected with proj4j when the DEM is not in the region's CRS) and its
 * elevation interpolated bilinearly between the four nearest DEM cell centres (the nearest valid
 * ones where some are nodata). Region cells outside the DEM, or whose four neighbours are all
 * nodata, are nodata (NaN): the surface there never blocks and is never seen.
 *
 * <p>Refused, naming the file: a DEM in a geographic CRS (degrees are not metres), without a CRS,
 * in a CRS proj4j does not know, one that covers less than {@link #MIN_OVERLAP} of the region, and
 * elevations outside {@value #MIN_ELEVATION_M}..{@value #MAX_ELEVATION_M} m (the first such cell is
 * named). Stateless.
 */
public final class DemResampler {
  /** Elevations below this are refused as absurd (the Dead Sea shore is at −430 m). */
  public static final double MIN_ELEVATION_M = -500;

  /** Elevations above this are refused as absurd (Everest is 8,849 m). */
  public static final double MAX_ELEVATION_M = 9000;

  /** The least share of the region's cells the DEM must cover. */
  public static final double MIN_OVERLAP = 0.01;

  private DemResampler() {}

  /**
   * The GeoTIFF {@code file} as a region build's DEM ({@code region build --dem}): read and
   * resampled onto the region grid when the build asks, with the checks of {@link #onto}.
   */
  public static DemSource source(Path file) {
    return new DemSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public float[] onto(GridSpec grid) {
        return DemResampler.onto(GeoTiff.readFloat(file), grid, file.toString());
      }
    };
  }

  /**
   * The DEM's elevation per cell of {@code region}, m (NaN = nodata).
   *
   * @param file the DEM's name, for messages
   */
  public static float[] onto(FloatRaster dem, GridSpec region, String file) {
    GridSpec d = dem.grid();
    checkCrs(d, file);
    checkValues(dem, file);
    CoordinateTransform toDem = transform(region.epsg(), d.epsg(), file);
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    float[] z = new float[region.cellCount()];
    int covered = 0;
    for (int row = 0; row < region.height(); row++) {
      for (int col = 0; col < region.width(); col++) {
        double x = region.centerX(col);
        double y = region.centerY(row);
        if (toDem != null) {
          in.x = x;
          in.y = y;
          toDem.transform(in, out);
          x = out.x;
          y = out.y;
        }
        float v = bilinear(dem, x, y);
        z[row * region.width() + col] = v;
        if (!Float.isNaN(v)) {
          covered++;
        }
      }
    }
    if (covered < MIN_OVERLAP * region.cellCount()) {
      throw SkydasProblem.badInput(
          file,
          null,
          String.format(
              Locale.ROOT,
              "the DEM covers %d of the region's %d cells (%.2f %%): it is not of this region"
                  + " (its extent %.0f..%.0f E, %.0f..%.0f N in EPSG:%d)",
              covered,
              region.cellCount(),
              100.0 * covered / region.cellCount(),
              d.minX(),
              d.maxX(),
              d.minY(),
              d.maxY(),
              d.epsg()));
    }
    return z;
  }

  private static void checkCrs(GridSpec d, String file) {
    if (d.epsg() <= 0) {
      throw SkydasProblem.badInput(
          file, null, "the DEM has no CRS; give it a projected one (for Lithuania EPSG:3346)");
    }
    if (d.epsg() >= 4000 && d.epsg() < 5000) {
      throw SkydasProblem.badInput(
          file,
          null,
          "the DEM is in a geographic CRS (EPSG:"
              + d.epsg()
              + "); reproject it to a projected CRS in metres (for Lithuania EPSG:3346)");
    }
  }

  private static void checkValues(FloatRaster dem, String file) {
    float[] v = dem.data();
    int w = dem.grid().width();
    for (int i = 0; i < v.length; i++) {
      if (!Float.isNaN(v[i]) && (v[i] < MIN_ELEVATION_M || v[i] > MAX_ELEVATION_M)) {
        throw SkydasProblem.badInput(
            file,
            "cell (col " + (i % w) + ", row " + (i / w) + ")",
            String.format(
                Locale.ROOT,
                "elevation %.1f m is outside %.0f..%.0f m (wrong units, or a nodata value the"
                    + " file does not declare?)",
                v[i],
                MIN_ELEVATION_M,
                MAX_ELEVATION_M));
      }
    }
  }

  /** Null when both are the same CRS. */
  private static CoordinateTransform transform(int from, int to, String file) {
    if (from == to) {
      return null;
    }
    try {
      CRSFactory f = new CRSFactory();
      return new CoordinateTransformFactory()
          .createTransform(f.createFromName("EPSG:" + from), f.createFromName("EPSG:" + to));
    } catch (RuntimeException e) {
      throw SkydasProblem.badInput(
          file, null, "cannot reproject from EPSG:" + to + " (" + e.getMessage() + ")");
    }
  }

  /** Bilinear between the four nearest cell centres, valid ones only; NaN if none or outside. */
  static float bilinear(FloatRaster dem, double x, double y) {
    GridSpec d = dem.grid();
    double fx = (x - d.minX()) / d.cellSize() - 0.5;
    double fy = (d.maxY() - y) / d.cellSize() - 0.5;
    if (fx < -0.5 || fy < -0.5 || fx > d.width() - 0.5 || fy > d.height() - 0.5) {
      return Float.NaN;
    }
    int c0 = (int) Math.floor(fx);
    int r0 = (int) Math.floor(fy);
    double tx = fx - c0;
    double ty = fy - r0;
    double sum = 0;
    double weight = 0;
    for (int dr = 0; dr <= 1; dr++) {
      for (int dc = 0; dc <= 1; dc++) {
        int c = Math.min(d.width() - 1, Math.max(0, c0 + dc));
        int r = Math.min(d.height() - 1, Math.max(0, r0 + dr));
        float v = dem.get(c, r);
        double wgt = (dc == 0 ? 1 - tx : tx) * (dr == 0 ? 1 - ty : ty);
        if (!Float.isNaN(v) && wgt > 0) {
          sum += wgt * v;
          weight += wgt;
        }
      }
    }
    if (weight == 0) {
      return Float.NaN; // the neighbours that count are all nodata
    }
    return (float) (sum / weight);
  }
}
