package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.GridSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cloud-Optimised GeoTIFF of the isochrones (issue 19): reads back exactly, GDAL sees a COG
 * with 256-pixel tiles, overviews and the band's unit, and its overviews are the mean of the cells
 * below them (checked against a plain reference).
 */
class CogTest {
  @TempDir Path dir;

  private static FloatRaster raster(long seed) {
    Random rnd = new Random(seed);
    int w = 1000, h = 700;
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat() * 48;
    }
    return new FloatRaster(new GridSpec(480_000, 6_200_000, 100, w, h, 3346), d);
  }

  @Test
  void readsBackExactly() {
    long seed = 19;
    FloatRaster r = raster(seed);
    Path f = dir.resolve("iso.tif");
    GeoTiff.writeFloat32Cog(f, r, "h", "attacker arrival time");
    FloatRaster back = GeoTiff.readFloat(f);
    assertThat(back.grid()).isEqualTo(r.grid());
    float[] a = r.data(), b = back.data();
    for (int i = 0; i < a.length; i++) {
      if (Float.isNaN(a[i])) {
        assertThat(b[i]).as("seed %d cell %d", seed, i).isNaN();
      } else {
        assertThat(b[i]).as("seed %d cell %d", seed, i).isEqualTo(a[i]);
      }
    }
  }

  @Test
  void overviewsAreTheMeanOfTheCellsBelow() {
    float[] src = {1, 2, Float.NaN, 4, 5, Float.NaN, Float.NaN, Float.NaN, 7};
    // 3 x 3 -> 2 x 2
    float[] o = CogEncoder.halve(src, 3, 3, 2, 2);
    assertThat(o[0]).isEqualTo((1 + 2 + 4 + 5) / 4f);
    assertThat(o[1]).isNaN(); // NaN and NaN
    assertThat(o[2]).isNaN(); // the row below: NaN, NaN
    assertThat(o[3]).isEqualTo(7f);
  }

  @Test
  void gdalSeesACogWithOverviewsAndTheUnit() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/gdalinfo"))) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have gdalinfo (gdal-bin)");
      Assumptions.abort("gdalinfo not installed");
    }
    Path f = dir.resolve("iso.tif");
    GeoTiff.writeFloat32Cog(f, raster(7), "h", "attacker arrival time, hours");
    Process p =
        new ProcessBuilder("gdalinfo", "-stats", f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("LAYOUT=COG")
        .contains("Block=256x256 Type=Float32")
        .contains("Overviews: 500x350, 250x175")
        .contains("Unit Type: h")
        .contains("Description = attacker arrival time, hours")
        .contains("NoData Value=nan")
        .contains("LKS94")
        .doesNotContain("Warning")
        .doesNotContain("ERROR");
  }
}
