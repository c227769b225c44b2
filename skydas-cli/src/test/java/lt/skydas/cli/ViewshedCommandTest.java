package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.terrain.ElevationGrid;
import lt.skydas.terrain.Viewshed;
import lt.skydas.terrain.ViewshedOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewshedCommandTest {
  @TempDir Path dir;

  private static float[] hills(long seed, int w, int h) {
    Random rnd = new Random(seed);
    float[] z = new float[w * h];
    double a = rnd.nextDouble() * 6;
    double b = rnd.nextDouble() * 6;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        z[r * w + c] =
            (float) (120 + 15 * Math.sin(c / 7.0 + a) * Math.cos(r / 9.0 + b) + rnd.nextDouble());
      }
    }
    return z;
  }

  @Test
  void writesTheEnginesViewshedOnTheDemsGrid() throws Exception {
    int w = 70;
    int h = 50;
    GridSpec g = new GridSpec(500_000, 6_100_000, 25, w, h, 3346);
    float[] z = hills(7, w, h);
    z[3 * w + 60] = Float.NaN;
    Path in = dir.resolve("dem.tif");
    GeoTiff.writeFloat32(in, new FloatRaster(g, z));
    int oc = 20;
    int or = 30;
    String obs = String.format(Locale.ROOT, "%.3f,%.3f", g.centerX(oc), g.centerY(or));
    Path out = dir.resolve("vs.tif");
    CliRunner.Result r =
        CliRunner.run(
            "viewshed",
            "--dem",
            in.toString(),
            "--observer",
            obs,
            "--observer-height-m",
            "8",
            "--target-height-m",
            "1.5",
            "--max-distance-m",
            "900",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("visible");
    ByteRaster got = GeoTiff.readByte(out);
    assertThat(got.grid()).isEqualTo(g);
    byte[] expected = new byte[w * h];
    new Viewshed(new ElevationGrid(g, z))
        .compute(
            oc,
            or,
            ViewshedOptions.builder()
                .withObserverHeight_m(8)
                .withTargetHeight_m(1.5)
                .withMaxDistance_m(900)
                .build(),
            expected);
    assertThat(got.data()).isEqualTo(expected);
    assertThat(got.get(oc, or)).isEqualTo(1);
    assertThat(got.get(60, 3)).as("nodata in the DEM").isEqualTo(255);
    assertThat(got.get(69, 0)).as("beyond 900 m").isEqualTo(255);
    long visible = 0;
    long hidden = 0;
    for (byte b : got.data()) {
      visible += b == 1 ? 1 : 0;
      hidden += b == 0 ? 1 : 0;
    }
    assertThat(visible).isPositive();
    assertThat(hidden).isPositive();
  }

  @Test
  void badInputGivesOneLineAndExitCode() throws Exception {
    GridSpec g = new GridSpec(0, 100, 10, 10, 10, 3346);
    float[] z = new float[100];
    Arrays.fill(z, 50);
    z[0] = Float.NaN;
    Path in = dir.resolve("in.tif");
    GeoTiff.writeFloat32(in, new FloatRaster(g, z));
    Path o = dir.resolve("o.tif");

    CliRunner.Result missing = run(dir.resolve("nope.tif"), "50,50", "2", o);
    assertThat(missing.exit()).isEqualTo(4);
    oneLine(missing, "nope.tif");

    CliRunner.Result outside = run(in, "500,500", "2", o);
    assertThat(outside.exit()).isEqualTo(2);
    oneLine(outside, "outside the DEM");

    CliRunner.Result nodata = run(in, "5,95", "2", o);
    assertThat(nodata.exit()).isEqualTo(2);
    oneLine(nodata, "nodata");

    CliRunner.Result absurd = run(in, "50,50", "25000", o);
    assertThat(absurd.exit()).isEqualTo(2);
    oneLine(absurd, "--observer-height-m");

    Path geographic = dir.resolve("geo.tif");
    GeoTiff.writeFloat32(
        geographic, new FloatRaster(new GridSpec(23, 56, 0.001, 10, 10, 4326), new float[100]));
    CliRunner.Result geo = run(geographic, "23.005,55.995", "2", o);
    assertThat(geo.exit()).isEqualTo(3);
    oneLine(geo, "geo.tif");
    assertThat(geo.err()).contains("geographic CRS");

    float[] spike = z.clone();
    spike[42] = 1e7f;
    Path spiky = dir.resolve("spike.tif");
    GeoTiff.writeFloat32(spiky, new FloatRaster(g, spike));
    CliRunner.Result bad = run(spiky, "50,50", "2", o);
    assertThat(bad.exit()).isEqualTo(3);
    oneLine(bad, "spike.tif");
    assertThat(bad.err()).contains("col 2, row 4");

    byte[] bytes = Files.readAllBytes(in);
    Path truncated = dir.resolve("cut.tif");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    CliRunner.Result cut = run(truncated, "50,50", "2", o);
    assertThat(cut.exit()).isEqualTo(3);
    oneLine(cut, "cut.tif");
    assertThat(Files.exists(o)).as("no output after errors").isFalse();
  }

  private static CliRunner.Result run(Path dem, String observer, String height, Path out) {
    return CliRunner.run(
        "viewshed",
        "--dem",
        dem.toString(),
        "--observer",
        observer,
        "--observer-height-m",
        height,
        "--out",
        out.toString());
  }

  private static void oneLine(CliRunner.Result r, String mention) {
    assertThat(r.err().strip()).contains(mention).doesNotContain("\n").doesNotContain("Exception");
  }
}
