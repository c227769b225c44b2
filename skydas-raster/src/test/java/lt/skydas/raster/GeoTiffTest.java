package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoTiffTest {
  @TempDir Path dir;

  static FloatRaster randomFloat(int w, int h, long seed) {
    Random r = new Random(seed);
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextInt(10) == 0 ? Float.NaN : (float) (r.nextGaussian() * 1000);
    }
    return new FloatRaster(new GridSpec(582_000, 6_062_000, 25, w, h, 3346), d);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 300})
  void floatRoundTripKeepsValuesNodataAndGeoreferencing(int size) {
    FloatRaster r = randomFloat(size, size + 3, size);
    Path f = dir.resolve("f.tif");
    GeoTiff.writeFloat32(f, r);
    FloatRaster back = GeoTiff.readFloat(f);
    assertThat(back.grid()).isEqualTo(r.grid());
    assertThat(back.data()).containsExactly(r.data());
  }

  @Test
  void byteRoundTrip() {
    byte[] d = new byte[123 * 45];
    new Random(5).nextBytes(d);
    ByteRaster r = new ByteRaster(new GridSpec(0, 100, 1, 123, 45, 3346), d);
    Path f = dir.resolve("b.tif");
    GeoTiff.writeByte(f, r, 0);
    ByteRaster back = GeoTiff.readByte(f);
    assertThat(back.grid()).isEqualTo(r.grid());
    assertThat(back.data()).containsExactly(d);
  }

  private static boolean hasGdal() {
    try {
      Process p = new ProcessBuilder("gdalinfo", "--version").redirectErrorStream(true).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), out).isZero();
    return out;
  }

  @Test
  void gdalReadsOurOutputWithCrsGeotransformAndNodata() throws Exception {
    assumeTrue(hasGdal(), "gdalinfo not on PATH (apt-get install gdal-bin)");
    FloatRaster r = randomFloat(50, 40, 1);
    Path f = dir.resolve("out.tif");
    GeoTiff.writeFloat32(f, r);
    JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "-json", "-stats", f.toString()));
    assertThat(info.path("size").get(0).asInt()).isEqualTo(50);
    assertThat(info.path("size").get(1).asInt()).isEqualTo(40);
    JsonNode gt = info.path("geoTransform");
    assertThat(gt.get(0).asDouble()).isEqualTo(582_000);
    assertThat(gt.get(1).asDouble()).isEqualTo(25);
    assertThat(gt.get(3).asDouble()).isEqualTo(6_062_000);
    assertThat(gt.get(5).asDouble()).isEqualTo(-25);
    assertThat(info.path("coordinateSystem").path("wkt").asText())
        .contains("LKS94")
        .contains("3346");
    JsonNode band = info.path("bands").get(0);
    assertThat(band.path("type").asText()).isEqualTo("Float32");
    assertThat(band.path("noDataValue").asText()).isEqualToIgnoringCase("nan");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-co COMPRESS=LZW",
        "-co COMPRESS=DEFLATE -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16",
        "-ot Int16 -co COMPRESS=PACKBITS",
        "-ot Float64",
        "-ot UInt16 -co TILED=YES -co BLOCKXSIZE=32 -co BLOCKYSIZE=32",
        "-co COMPRESS=LZW -co PREDICTOR=3",
        "-co COMPRESS=DEFLATE -co PREDICTOR=3 -co ENDIANNESS=BIG",
        "-co ENDIANNESS=BIG -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16",
        "-ot Int16 -co COMPRESS=DEFLATE -co PREDICTOR=2",
        "-ot Int16 -co COMPRESS=LZW -co PREDICTOR=2 -co ENDIANNESS=BIG",
        "-ot Int32 -co COMPRESS=DEFLATE -co PREDICTOR=2 -co ENDIANNESS=BIG",
        "-ot UInt32 -co COMPRESS=LZW",
        "-ot Float64 -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES -co BLOCKXSIZE=32"
            + " -co BLOCKYSIZE=16",
        "-ot Float64 -co COMPRESS=LZW -co PREDICTOR=2 -co ENDIANNESS=BIG",
        "-co COMPRESS=DEFLATE -co BLOCKYSIZE=5",
        "-ot Byte -co COMPRESS=PACKBITS -co BLOCKYSIZE=7"
      })
  void readsWhatGdalWrites(String options) throws Exception {
    assumeTrue(hasGdal(), "gdal_translate not on PATH (apt-get install gdal-bin)");
    Random rnd = new Random(options.hashCode());
    float[] d = new float[70 * 33];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextInt(20) == 0 ? Float.NaN : rnd.nextInt(options.contains("Byte") ? 250 : 3000);
    }
    FloatRaster r = new FloatRaster(new GridSpec(500_000, 6_100_000, 10, 70, 33, 3346), d);
    Path src = dir.resolve("src.tif");
    GeoTiff.writeFloat32(src, r);
    Path dst = dir.resolve("dst.tif");
    List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q"));
    if (options.contains("-ot")) {
      // integer types cannot hold NaN
      String nodata = options.contains("Byte") ? "255" : options.contains("UInt") ? "9999" : "-1";
      cmd.addAll(List.of("-a_nodata", nodata));
    }
    cmd.addAll(List.of(options.split(" ")));
    cmd.add(src.toString());
    cmd.add(dst.toString());
    run(cmd.toArray(new String[0]));
    FloatRaster back = GeoTiff.readFloat(dst);
    assertThat(back.grid()).isEqualTo(r.grid());
    boolean floats = !options.contains("-ot") || options.contains("Float");
    for (int i = 0; i < d.length; i++) {
      if (Float.isNaN(d[i]) && !floats) {
        continue; // integer types cannot carry NaN; gdal writes 0 there
      }
      assertThat(Float.valueOf(back.data()[i]))
          .as("cell %d with %s", i, options)
          .isEqualTo(Float.valueOf(d[i]));
    }
  }

  @Test
  void badInputNamesFileAndProblem() throws IOException {
    Path empty = Files.write(dir.resolve("empty.tif"), new byte[0]);
    assertThatThrownBy(() -> GeoTiff.readFloat(empty))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("empty.tif")
        .hasMessageContaining("empty");
    Path text = Files.writeString(dir.resolve("text.tif"), "hello, not a tiff");
    assertThatThrownBy(() -> GeoTiff.readFloat(text)).hasMessageContaining("not a TIFF");
    FloatRaster r = randomFloat(60, 60, 2);
    Path good = dir.resolve("good.tif");
    GeoTiff.writeFloat32(good, r);
    byte[] all = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.tif"), java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> GeoTiff.readFloat(cut))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("cut.tif");
    assertThatThrownBy(() -> GeoTiff.readFloat(dir.resolve("missing.tif")))
        .hasMessageContaining("no such file");
  }

  @Test
  void tiffWithoutGeoreferencingIsRefused() throws Exception {
    assumeTrue(hasGdal(), "gdal_translate not on PATH");
    FloatRaster r = randomFloat(10, 10, 3);
    Path src = dir.resolve("g.tif");
    GeoTiff.writeFloat32(src, r);
    Path plain = dir.resolve("plain.tif");
    run("gdal_translate", "-q", "-co", "PROFILE=BASELINE", src.toString(), plain.toString());
    Files.deleteIfExists(dir.resolve("plain.tif.aux.xml"));
    Files.deleteIfExists(dir.resolve("plain.tfw"));
    assertThatThrownBy(() -> GeoTiff.readFloat(plain))
        .hasMessageContaining("plain.tif")
        .hasMessageContaining("no GeoTIFF georeferencing");
  }

  @Test
  void multiBandIsRefused() throws Exception {
    assumeTrue(hasGdal(), "gdal_translate not on PATH");
    FloatRaster r = randomFloat(10, 10, 4);
    Path src = dir.resolve("one.tif");
    GeoTiff.writeFloat32(src, r);
    Path two = dir.resolve("two.tif");
    run("gdal_translate", "-q", "-b", "1", "-b", "1", src.toString(), two.toString());
    assertThatThrownBy(() -> GeoTiff.readFloat(two))
        .hasMessageContaining("expected a single band, found 2");
  }
}
