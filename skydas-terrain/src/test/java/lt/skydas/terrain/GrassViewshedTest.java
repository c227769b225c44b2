package lt.skydas.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine and the brute-force reference against GRASS {@code r.viewshed -b -c -r} itself (and,
 * for the record, GDAL's {@code gdal_viewshed}) on seeded random terrains in a temporary EPSG:3346
 * location. Skipped, with a message, when {@code grass} is not on the PATH (Debian: {@code apt-get
 * install grass-core}).
 */
class GrassViewshedTest {
  /**
   * At most this share of in-range cells may differ between the engine and r.viewshed (measured 1.3
   * %; the brute force 0.05 %, gdal_viewshed 3.2 %).
   */
  static final double MAX_SHARE = 0.02;

  @TempDir Path dir;

  @Test
  void agreesWithGrassRViewshed() throws Exception {
    Assumptions.assumeTrue(
        runs("grass", "--version"),
        "GRASS GIS not installed (apt-get install grass-core): r.viewshed comparison skipped");
    boolean gdal = runs("gdalinfo", "--version");
    long cells = 0;
    long engineDiff = 0;
    long refDiff = 0;
    long gdalDiff = 0;
    long gdalCells = 0;
    for (long seed = 1; seed <= 6; seed++) {
      Random rnd = new Random(seed * 31);
      int w = 80 + rnd.nextInt(60);
      int h = 80 + rnd.nextInt(60);
      float[] z = RandomTerrain.generate(seed, w, h, 15, 50, 1.5, 0);
      GridSpec g = new GridSpec(500_000, 6_100_000, 25, w, h, 3346);
      Path dem = dir.resolve("dem" + seed + ".tif");
      GeoTiff.writeFloat32(dem, new FloatRaster(g, z));
      int oc = 10 + rnd.nextInt(w - 20);
      int or = 10 + rnd.nextInt(h - 20);
      double obs = 1 + rnd.nextDouble() * 15;
      double tgt = rnd.nextBoolean() ? 0 : 2;
      double maxD = 25 * (30 + rnd.nextInt(40));
      ViewshedOptions o =
          ViewshedOptions.builder()
              .withObserverHeight_m(obs)
              .withTargetHeight_m(tgt)
              .withMaxDistance_m(maxD)
              .build();
      byte[] mine = new byte[w * h];
      new Viewshed(new ElevationGrid(g, z)).compute(oc, or, o, mine);
      byte[] ref = new ReferenceLineOfSight(ElevationGrid.of(w, h, 25, z), oc, or, o).out;
      double x = g.centerX(oc);
      double y = g.centerY(or);
      byte[] grass = grassViewshed(dem, seed, x, y, obs, tgt, maxD, g);
      byte[] gdalOut = gdal ? gdalViewshed(dem, seed, x, y, obs, tgt, maxD, g) : null;
      for (int i = 0; i < mine.length; i++) {
        if (mine[i] == Viewshed.NODATA) {
          continue;
        }
        cells++;
        engineDiff += mine[i] != grass[i] ? 1 : 0;
        refDiff += ref[i] != grass[i] ? 1 : 0;
        if (gdalOut != null) {
          gdalCells++;
          gdalDiff += (gdalOut[i] != 0 ? 1 : 0) != grass[i] ? 1 : 0;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "vs r.viewshed -b -c -r on %d cells: engine differs on %.3f %%, brute force on %.3f %%,"
            + " gdal_viewshed on %s%n",
        cells,
        100.0 * engineDiff / cells,
        100.0 * refDiff / cells,
        gdalCells == 0
            ? "(not installed)"
            : String.format(Locale.ROOT, "%.3f %%", 100.0 * gdalDiff / gdalCells));
    assertThat((double) engineDiff / cells).isLessThanOrEqualTo(MAX_SHARE);
  }

  private byte[] grassViewshed(
      Path dem, long seed, double x, double y, double obs, double tgt, double maxD, GridSpec g)
      throws Exception {
    Path out = dir.resolve("grass" + seed + ".tif");
    Path script = dir.resolve("grass" + seed + ".sh");
    Files.writeString(
        script,
        String.format(
            Locale.ROOT,
            "set -e%n"
                + "r.in.gdal -o input=%s output=dem --quiet%n"
                + "g.region raster=dem --quiet%n"
                + "r.viewshed -b -c -r input=dem output=vs coordinates=%.4f,%.4f"
                + " observer_elevation=%.6f target_elevation=%.6f max_distance=%.4f"
                + " refraction_coeff=%.12f --quiet%n"
                + "r.out.gdal -c input=vs output=%s format=GTiff type=Byte --quiet%n",
            dem,
            x,
            y,
            obs,
            tgt,
            maxD,
            ViewshedOptions.STANDARD_REFRACTION,
            out),
        StandardCharsets.UTF_8);
    run("grass", "--tmp-location", "EPSG:3346", "--exec", "bash", script.toString());
    ByteRaster r = GeoTiff.readByte(out);
    assertThat(r.grid().width()).isEqualTo(g.width());
    assertThat(r.grid().height()).isEqualTo(g.height());
    return r.data();
  }

  /** gdal_viewshed's result (it crops to the range) resampled onto the DEM's grid, 0 outside. */
  private byte[] gdalViewshed(
      Path dem, long seed, double x, double y, double obs, double tgt, double maxD, GridSpec g)
      throws Exception {
    Path out = dir.resolve("gdal" + seed + ".tif");
    run(
        "gdal_viewshed",
        "-q",
        "-ox",
        String.valueOf(x),
        "-oy",
        String.valueOf(y),
        "-oz",
        String.valueOf(obs),
        "-tz",
        String.valueOf(tgt),
        "-md",
        String.valueOf(maxD),
        "-cc",
        String.valueOf(1 - ViewshedOptions.STANDARD_REFRACTION),
        dem.toString(),
        out.toString());
    ByteRaster r = GeoTiff.readByte(out);
    byte[] onGrid = new byte[g.cellCount()];
    for (int i = 0; i < onGrid.length; i++) {
      int j = r.grid().cellAt(g.centerX(i % g.width()), g.centerY(i / g.width()));
      onGrid[i] = j < 0 ? 0 : r.data()[j];
    }
    return onGrid;
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run(String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s timed out", command[0]).isTrue();
    assertThat(p.exitValue()).as("%s failed:%n%s", String.join(" ", command), log).isZero();
  }
}
