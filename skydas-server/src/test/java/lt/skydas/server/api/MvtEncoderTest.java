package lt.skydas.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.WktText;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written MVT encoding, read back by GDAL's MVT driver (the reference reader). */
class MvtEncoderTest {
  @TempDir Path dir;

  @Test
  void areasWithHolesLinesAndPointsReadBackAsWritten() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/ogrinfo"))) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have ogrinfo (gdal-bin)");
      Assumptions.abort("ogrinfo (gdal-bin) is not installed");
    }
    MvtEncoder e = new MvtEncoder();
    // tile coordinates, y down; the rings given in both orientations
    e.add(
        1,
        WktText.read(
            "POLYGON ((100 100, 1100 100, 1100 1100, 100 1100, 100 100), (400 400, 400 600, 600 600, 600 400, 400 400))"),
        Map.of("kind", "area", "n", 7L));
    e.add(
        2,
        WktText.read("POLYGON ((2000 2000, 2000 2500, 2500 2500, 2500 2000, 2000 2000))"),
        Map.of("kind", "area2", "ok", true));
    e.add(
        3,
        WktText.read("LINESTRING (0 4096, 2048 2048, 4096 0)"),
        Map.of("kind", "line", "w", 2.5));
    e.add(4, WktText.read("MULTIPOINT ((10 20), (30 40))"), Map.of("kind", "pts"));
    Path f = dir.resolve("0/0/0.pbf");
    Files.createDirectories(f.getParent());
    Files.write(f, e.tile("test"));
    Process p =
        new ProcessBuilder(
                "ogrinfo", "-ro", "-al", "-oo", "Z=0", "-oo", "X=0", "-oo", "Y=0", f.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("Feature Count: 4")
        .contains("kind (String) = area")
        .contains("n (Integer) = 7")
        .contains("ok (Integer(Boolean)) = 1")
        .contains("w (Real) = 2.5");
    // the hole stays a hole of the first area: one POLYGON with two rings, not two polygons
    String area = out.substring(out.indexOf("kind (String) = area\n"));
    String wkt =
        area.substring(area.indexOf("POLYGON"), area.indexOf('\n', area.indexOf("POLYGON")));
    assertThat(wkt).startsWith("POLYGON ((").contains("),(");
    assertThat(out).contains("LINESTRING (").contains("MULTIPOINT (");
    // each feature where it was written: the second area's corner at tile (2000, 2000)
    double world = 2 * Math.PI * 6378137;
    double x = -world / 2 + 2000.0 / 4096 * world;
    assertThat(out)
        .contains(String.format(java.util.Locale.ROOT, "POLYGON ((%.8f", x).substring(0, 20));
  }
}
