package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.TiffEncoder.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round trips of odd sizes, hand-crafted GeoTIFF variants and bad input. */
class GeoTiffEdgeCaseTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"1,1", "1,9", "9,1", "17,70000", "4000,70", "65537,3", "300,303"})
  void floatRoundTripOfOddSizes(int w, int h) {
    Random rnd = new Random(w * 31L + h);
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextInt(7) == 0 ? Float.NaN : (float) rnd.nextGaussian() * 1e5f;
    }
    d[0] = Float.NaN;
    if (d.length > 3) {
      d[1] = Float.POSITIVE_INFINITY;
      d[2] = -0.0f;
      d[3] = Float.MIN_VALUE;
    }
    FloatRaster r = new FloatRaster(new GridSpec(-12.5, 7.25, 0.5, w, h, 0), d);
    Path f = dir.resolve("odd.tif");
    GeoTiff.writeFloat32(f, r);
    FloatRaster back = GeoTiff.readFloat(f);
    assertThat(back.grid()).isEqualTo(r.grid());
    assertThat(Arrays.equals(back.data(), d)).as("%d x %d", w, h).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"1,1", "1,300000", "300000,1", "5000,60", "123,45"})
  void byteRoundTripOfOddSizes(int w, int h) {
    byte[] d = new byte[w * h];
    Random rnd = new Random(w + 7L * h);
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : (i / 97) % 5);
    }
    ByteRaster r = new ByteRaster(new GridSpec(300_000, 6_200_000, 25, w, h, 3346), d);
    Path f = dir.resolve("odd-byte.tif");
    GeoTiff.writeByte(f, r, null);
    ByteRaster back = GeoTiff.readByte(f);
    assertThat(back.grid()).isEqualTo(r.grid());
    assertThat(Arrays.equals(back.data(), d)).as("%d x %d", w, h).isTrue();
  }

  @Test
  void geographicCrsRoundTrips() {
    GridSpec g = new GridSpec(20.5, 56.5, 0.001, 30, 20, 4326);
    ByteRaster r = new ByteRaster(g, new byte[600]);
    Path f = dir.resolve("wgs.tif");
    GeoTiff.writeByte(f, r, 255);
    assertThat(GeoTiff.readByte(f).grid()).isEqualTo(g);
  }

  @Test
  void bigFloatRasterWritesAndReadsInSeconds() {
    int w = 4000;
    int h = 4000;
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      int c = i % w;
      int row = i / w;
      d[i] = (c * 7 + row * 3) % 1000 == 0 ? Float.NaN : (float) Math.sin(c * 0.01) * row;
    }
    FloatRaster r = new FloatRaster(new GridSpec(300_000, 6_300_000, 25, w, h, 3346), d);
    Path f = dir.resolve("big.tif");
    long t0 = System.nanoTime();
    GeoTiff.writeFloat32(f, r);
    long t1 = System.nanoTime();
    FloatRaster back = GeoTiff.readFloat(f);
    long t2 = System.nanoTime();
    System.out.printf(
        "4000x4000 float32: write %d ms, read %d ms, file %d KiB%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, f.toFile().length() / 1024);
    assertThat(Arrays.equals(back.data(), d)).isTrue();
    assertThat((t2 - t0) / 1e9).as("seconds for write + read").isLessThan(30);
  }

  /** Manual: {@code -Dskydas.bigTests=true}; a national 25 m land-cover raster (270 M cells). */
  @Test
  @EnabledIfSystemProperty(named = "skydas.bigTests", matches = "true")
  void nationalByteRasterWritesWithAFewGigabytes() {
    int w = 18_000;
    int h = 15_000;
    byte[] d = new byte[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) (((i % w) / 37 + (i / w) / 53) % 7);
    }
    ByteRaster r = new ByteRaster(new GridSpec(300_000, 6_260_000, 25, w, h, 3346), d);
    Path f = dir.resolve("national.tif");
    Runtime rt = Runtime.getRuntime();
    long t0 = System.nanoTime();
    GeoTiff.writeByte(f, r, 0);
    long t1 = System.nanoTime();
    ByteRaster back = GeoTiff.readByte(f);
    long t2 = System.nanoTime();
    System.out.printf(
        "18000x15000 uint8: write %d ms, read %d ms, file %d KiB, heap used %d MiB of max %d MiB%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        f.toFile().length() / 1024,
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20);
    assertThat(Arrays.equals(back.data(), d)).isTrue();
  }

  // ---- hand-crafted variants (no GDAL needed) ----

  private Path craft(String name, int bytesPerSample, int sampleFormat, List<Tag> tags)
      throws IOException {
    int w = 6;
    int h = 4;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TiffEncoder.write(
        out,
        w,
        h,
        bytesPerSample,
        sampleFormat,
        TiffEncoder.PREDICTOR_NONE,
        (row0, rows, dst) -> {
          for (int i = 0; i < rows * w; i++) {
            dst[i * bytesPerSample] = (byte) (row0 * w + i);
          }
        },
        tags);
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  private static Tag geoKeys(int... keys) {
    int[] all = new int[4 + keys.length];
    all[0] = 1;
    all[1] = 1;
    all[3] = keys.length / 4;
    System.arraycopy(keys, 0, all, 4, keys.length);
    return Tag.shorts(34735, all);
  }

  @Test
  void tiepointAwayFromTheOriginIsHonoured() throws IOException {
    Path f =
        craft(
            "tie.tif",
            1,
            1,
            List.of(
                Tag.doubles(33550, 10, 10, 0),
                Tag.doubles(33922, 2, 3, 0, 500_020, 6_000_000, 0),
                geoKeys(1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3346)));
    ByteRaster r = GeoTiff.readByte(f);
    assertThat(r.grid()).isEqualTo(new GridSpec(500_000, 6_000_030, 10, 6, 4, 3346));
    assertThat(r.get(5, 3)).isEqualTo(23);
  }

  @Test
  void pixelIsPointIsShiftedByHalfACell() throws IOException {
    Path f =
        craft(
            "point.tif",
            1,
            1,
            List.of(
                Tag.doubles(33550, 10, 10, 0),
                Tag.doubles(33922, 0, 0, 0, 500_005, 6_000_005, 0),
                geoKeys(1024, 0, 1, 1, 1025, 0, 1, 2, 3072, 0, 1, 3346)));
    assertThat(GeoTiff.readByte(f).grid())
        .isEqualTo(new GridSpec(500_000, 6_000_010, 10, 6, 4, 3346));
  }

  @Test
  void northUpModelTransformationIsAcceptedRotatedIsRefused() throws IOException {
    Path ok =
        craft(
            "mt.tif",
            1,
            1,
            List.of(
                Tag.doubles(34264, 5, 0, 0, 100, 0, -5, 0, 200, 0, 0, 0, 0, 0, 0, 0, 1),
                geoKeys(1025, 0, 1, 1)));
    assertThat(GeoTiff.readByte(ok).grid()).isEqualTo(new GridSpec(100, 200, 5, 6, 4, 0));
    Path rotated =
        craft(
            "rot.tif",
            1,
            1,
            List.of(Tag.doubles(34264, 5, 1, 0, 100, 1, -5, 0, 200, 0, 0, 0, 0, 0, 0, 0, 1)));
    assertBadInput(() -> GeoTiff.readFloat(rotated), "rot.tif", "rotated or sheared");
  }

  @Test
  void nonSquarePixelsAreRefusedUnlessEqualWithinTolerance() throws IOException {
    Path bad =
        craft(
            "rect.tif",
            1,
            1,
            List.of(Tag.doubles(33550, 10, 20, 0), Tag.doubles(33922, 0, 0, 0, 0, 0, 0)));
    assertBadInput(() -> GeoTiff.readFloat(bad), "rect.tif", "pixels must be square");
    Path nearly =
        craft(
            "nearly.tif",
            1,
            1,
            List.of(
                Tag.doubles(33550, 10, 10 * (1 + 1e-12), 0), Tag.doubles(33922, 0, 0, 0, 0, 0, 0)));
    assertThat(GeoTiff.readFloat(nearly).grid().cellSize()).isEqualTo(10);
  }

  @Test
  void tiffWithoutGeoreferencingIsRefusedWithoutGdal() throws IOException {
    Path f = craft("plain.tif", 1, 1, List.of());
    assertBadInput(
        () -> GeoTiff.readByte(f),
        "plain.tif",
        "no GeoTIFF georeferencing (ModelPixelScale/ModelTiepoint)");
  }

  @Test
  void unsupportedSampleFormatsAreNamed() throws IOException {
    List<Tag> geo = GeoTiff.geoTags(new GridSpec(0, 0, 1, 6, 4, 3346));
    Path half = craft("half.tif", 2, 3, geo);
    assertBadInput(
        () -> GeoTiff.readFloat(half), "half.tif", "unsupported sample format: 16-bit floating");
    Path complex = craft("complex.tif", 4, 5, geo);
    assertBadInput(() -> GeoTiff.readFloat(complex), "complex.tif", "complex integer");
    Path i64 = craft("i64.tif", 8, 2, geo);
    assertBadInput(() -> GeoTiff.readFloat(i64), "i64.tif", "64-bit signed integer");
    Path floats = craft("floats.tif", 4, 3, geo);
    assertBadInput(() -> GeoTiff.readByte(floats), "floats.tif", "expected unsigned 8-bit");
  }

  @Test
  void unsupportedCompressionBigTiffAndBadNodataAreNamed() throws IOException {
    FloatRaster r = new FloatRaster(new GridSpec(0, 0, 1, 3, 3, 0), new float[9]);
    Path f = dir.resolve("zstd.tif");
    GeoTiff.writeFloat32(f, r);
    byte[] b = Files.readAllBytes(f);
    patchShortTag(b, 259, 50000);
    Files.write(f, b);
    assertBadInput(() -> GeoTiff.readFloat(f), "zstd.tif", "unsupported compression 50000");

    byte[] big = {'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Path bt = Files.write(dir.resolve("big.tif"), big);
    assertBadInput(() -> GeoTiff.readFloat(bt), "big.tif", "BigTIFF");

    Path nd =
        craft(
            "nd.tif",
            4,
            3,
            List.of(
                Tag.doubles(33550, 1, 1, 0),
                Tag.doubles(33922, 0, 0, 0, 0, 0, 0),
                Tag.ascii(42113, "none")));
    assertBadInput(() -> GeoTiff.readFloat(nd), "nd.tif", "GDAL_NODATA");
  }

  @Test
  void everyTruncationIsABadInputProblemNeverARawException() throws IOException {
    float[] d = new float[200 * 200];
    Random rnd = new Random(9);
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextFloat();
    }
    Path good = dir.resolve("good.tif");
    GeoTiff.writeFloat32(good, new FloatRaster(new GridSpec(0, 0, 1, 200, 200, 3346), d));
    byte[] all = Files.readAllBytes(good);
    for (int len : new int[] {1, 4, 7, 8, 9, 20, 100, 200, 400, all.length / 3, all.length - 1}) {
      Path cut = Files.write(dir.resolve("cut" + len + ".tif"), Arrays.copyOf(all, len));
      assertThatThrownBy(() -> GeoTiff.readFloat(cut))
          .as("cut at %d", len)
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
          .hasMessageContaining("cut" + len + ".tif");
    }
    // a corrupted (not truncated) Deflate stream
    byte[] bad = all.clone();
    for (int i = all.length - 5000; i < all.length - 4000; i++) {
      bad[i] ^= 0x5a;
    }
    Path corrupt = Files.write(dir.resolve("corrupt.tif"), bad);
    assertThatThrownBy(() -> GeoTiff.readFloat(corrupt))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("corrupt.tif");
  }

  @Test
  void byteNodataIsWrittenForGdal() throws Exception {
    assumeThat(hasGdal()).as("gdalinfo not on PATH (apt-get install gdal-bin)").isTrue();
    byte[] d = new byte[31 * 17];
    Arrays.fill(d, (byte) 200);
    ByteRaster r = new ByteRaster(new GridSpec(400_000, 6_100_000, 25, 31, 17, 3346), d);
    Path f = dir.resolve("b.tif");
    GeoTiff.writeByte(f, r, 0);
    JsonNode info = gdalinfo(f);
    JsonNode band = info.path("bands").get(0);
    assertThat(band.path("type").asText()).isEqualTo("Byte");
    assertThat(band.path("noDataValue").asDouble()).isEqualTo(0);
    assertThat(info.path("coordinateSystem").path("wkt").asText()).contains("\"EPSG\",3346");
    assertThat(info.path("metadata").path("IMAGE_STRUCTURE").path("COMPRESSION").asText())
        .isEqualTo("DEFLATE");

    Path none = dir.resolve("nocrs.tif");
    GeoTiff.writeFloat32(none, new FloatRaster(new GridSpec(5, 10, 2, 3, 2, 0), new float[6]));
    JsonNode ni = gdalinfo(none);
    assertThat(ni.has("coordinateSystem")).as("no CRS").isFalse();
    assertThat(ni.path("geoTransform").get(0).asDouble()).isEqualTo(5);
    assertThat(ni.path("geoTransform").get(3).asDouble()).isEqualTo(10);
    assertThat(ni.path("geoTransform").get(5).asDouble()).isEqualTo(-2);
  }

  private static void assertBadInput(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String file, String what) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining(file)
        .hasMessageContaining(what);
  }

  /** Overwrites the inline SHORT value of a tag in a little-endian classic TIFF. */
  private static void patchShortTag(byte[] tiff, int tag, int value) {
    ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xffff;
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      if ((b.getShort(e) & 0xffff) == tag) {
        b.putShort(e + 8, (short) value);
        return;
      }
    }
    throw new AssertionError("tag " + tag + " not found");
  }

  static boolean hasGdal() {
    try {
      Process p = new ProcessBuilder("gdalinfo", "--version").redirectErrorStream(true).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static JsonNode gdalinfo(Path f) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("gdalinfo", "-json", f.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
