package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.terrain.ElevationGrid;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Line of sight from one observer over a DEM, the GIS way (GRASS r.viewshed -b -c -r's model): a
 * byte GeoTIFF on the DEM's grid, 1 visible, 0 not, 255 (nodata) beyond the maximum distance and
 * where the DEM has no data.
 */
@Command(
    name = "viewshed",
    mixinStandardHelpOptions = true,
    description = {
      "Cells visible from an observer over an elevation GeoTIFF (GRASS r.viewshed -b -c -r model).",
      "Heights are above the surface; Earth curvature with refraction is on unless --no-curvature.",
      "The output is a byte GeoTIFF on the DEM's grid: 1 visible, 0 not, 255 (nodata) beyond",
      "--max-distance-m and where the DEM has no data."
    })
final class ViewshedCommand implements Callable<Integer> {
  /** Heights above the surface beyond this are refused as absurd (metres). */
  static final double MAX_HEIGHT_M = 10_000;

  /** DEM elevations outside this range are refused as absurd (metres). */
  static final double MIN_ELEVATION_M = -11_000;

  static final double MAX_ELEVATION_M = 9_000;

  @Option(
      names = "--dem",
      required = true,
      paramLabel = "IN.tif",
      description = "Single-band elevation GeoTIFF in a projected CRS (metres).")
  Path dem;

  @Option(
      names = "--observer",
      required = true,
      paramLabel = "X,Y",
      description = "Observer position in the DEM's CRS.")
  String observer;

  @Option(
      names = "--observer-height-m",
      required = true,
      paramLabel = "H",
      description = "Eye or sensor height above the surface, metres.")
  double observerHeight_m;

  @Option(
      names = "--target-height-m",
      paramLabel = "T",
      description = "Height above each cell that must be seen, metres (default ${DEFAULT-VALUE}).")
  double targetHeight_m = 0;

  @Option(
      names = "--max-distance-m",
      paramLabel = "D",
      description = "Maximum distance, metres (default: the whole DEM).")
  Double maxDistance_m;

  @Option(names = "--no-curvature", description = "Flat Earth: no curvature, no refraction.")
  boolean noCurvature;

  @Option(
      names = "--refraction-coeff",
      paramLabel = "K",
      description = "Refraction coefficient with curvature (default 1/7, as r.viewshed -r).")
  Double refractionCoeff;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.tif",
      description = "Output GeoTIFF (byte).")
  Path out;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    ViewshedOptions options = options();
    FloatRaster in = GeoTiff.readFloat(dem);
    GridSpec g = in.grid();
    checkDem(g, in.data());
    int cell = observerCell(g, in.data());
    byte[] seen = new byte[g.cellCount()];
    int visible =
        new Viewshed(new ElevationGrid(g, in.data()), helper())
            .compute(cell % g.width(), cell / g.width(), options, seen);
    GeoTiff.writeByte(out, new ByteRaster(g, seen), 255);
    if (!quiet) {
      int inRange = 0;
      for (byte b : seen) {
        inRange += b != Viewshed.NODATA ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d x %d cells, %d of %d cells in range visible (%.1f %%), %.2f s%n",
          out,
          g.width(),
          g.height(),
          visible,
          inRange,
          100.0 * visible / inRange,
          (System.nanoTime() - t0) / 1e9);
    }
    return 0;
  }

  /** The common pool on a multi-core machine (one viewshed in two halves), else none. */
  private static Executor helper() {
    return Runtime.getRuntime().availableProcessors() > 1 ? ForkJoinPool.commonPool() : null;
  }

  private ViewshedOptions options() {
    checkHeight("--observer-height-m", observerHeight_m);
    checkHeight("--target-height-m", targetHeight_m);
    if (maxDistance_m != null && !(maxDistance_m > 0 && Double.isFinite(maxDistance_m))) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--max-distance-m must be a positive number, not " + maxDistance_m);
    }
    if (refractionCoeff != null && !(refractionCoeff >= 0 && refractionCoeff < 1)) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--refraction-coeff must be in [0, 1), not " + refractionCoeff);
    }
    if (refractionCoeff != null && noCurvature) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "--refraction-coeff needs curvature; drop --no-curvature");
    }
    ViewshedOptions.Builder b =
        ViewshedOptions.builder()
            .withObserverHeight_m(observerHeight_m)
            .withTargetHeight_m(targetHeight_m)
            .withCurvature(!noCurvature);
    if (maxDistance_m != null) {
      b.withMaxDistance_m(maxDistance_m);
    }
    if (refractionCoeff != null) {
      b.withRefractionCoeff(refractionCoeff);
    }
    return b.build();
  }

  private static void checkHeight(String option, double v) {
    if (!(v >= 0 && v <= MAX_HEIGHT_M)) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          String.format(
              Locale.ROOT, "%s must be between 0 and %.0f m, not %s", option, MAX_HEIGHT_M, v));
    }
  }

  /** A projected CRS (cell size in metres) and plausible elevations. */
  private void checkDem(GridSpec g, float[] z) {
    if (g.epsg() >= 4000 && g.epsg() < 5000) {
      throw SkydasProblem.badInput(
          dem.toString(),
          null,
          "the DEM is in a geographic CRS (EPSG:"
              + g.epsg()
              + "), its cells are degrees; reproject it to a projected CRS in metres"
              + " (for Lithuania EPSG:3346)");
    }
    for (int i = 0; i < z.length; i++) {
      float v = z[i];
      if (!Float.isNaN(v) && !(v >= MIN_ELEVATION_M && v <= MAX_ELEVATION_M)) {
        throw SkydasProblem.badInput(
            dem.toString(),
            "cell (col " + (i % g.width()) + ", row " + (i / g.width()) + ")",
            String.format(
                Locale.ROOT,
                "elevation %s m is not plausible (expected %.0f..%.0f m or nodata)",
                v,
                MIN_ELEVATION_M,
                MAX_ELEVATION_M));
      }
    }
  }

  private int observerCell(GridSpec g, float[] z) {
    double[] xy = MapPoints.parse("--observer", observer, "the DEM's CRS");
    double x = xy[0];
    double y = xy[1];
    int cell = Double.isFinite(x) && Double.isFinite(y) ? g.cellAt(x, y) : -1;
    if (cell < 0) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          String.format(
              Locale.ROOT,
              "--observer: point %s lies outside the DEM %s (x %.3f..%.3f, y %.3f..%.3f)",
              observer,
              dem,
              g.minX(),
              g.maxX(),
              g.minY(),
              g.maxY()));
    }
    if (Float.isNaN(z[cell])) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--observer: point " + observer + " lies on a nodata cell of the DEM " + dem);
    }
    return cell;
  }
}
