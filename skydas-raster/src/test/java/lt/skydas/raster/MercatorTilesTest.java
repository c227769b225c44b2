package lt.skydas.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * PNG map tiles of an LKS-94 raster (issue 19): each pixel is the cell under its centre (checked
 * against a plain per-pixel transform and against GDAL's own warp), a coarse pixel is the least of
 * the cells it covers, and a tile beside the raster or over nodata only is empty.
 */
class MercatorTilesTest {
  @TempDir Path dir;

  private static final double R = 6378137.0;
  private static final double HALF = Math.PI * R;

  /** Values per 300 m block (3 × 3 cells) so both paths see whole blocks; 1 in 10 NaN. */
  private static FloatRaster raster(long seed, int w, int h) {
    Random rnd = new Random(seed);
    int bw = (w + 2) / 3, bh = (h + 2) / 3;
    float[] blocks = new float[bw * bh];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat() * 48;
    }
    float[] d = new float[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        d[r * w + c] = blocks[(r / 3) * bw + c / 3];
      }
    }
    return new FloatRaster(new GridSpec(500_000, 6_100_000, 100, w, h, Crs.LKS94), d);
  }

  /** The tile (z, x, y) holding lon/lat. */
  private static int[] tileOf(double lon, double lat, int z) {
    double mx = Math.toRadians(lon) * R;
    double my = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
    double size = 2 * HALF / (1L << z);
    return new int[] {z, (int) ((mx + HALF) / size), (int) ((HALF - my) / size)};
  }

  private static int color(double v) {
    return MercatorTiles.hoursColor(v);
  }

  @Test
  void eachPixelIsTheCellUnderItsCentre() {
    for (long seed : new long[] {1, 2, 3}) {
      FloatRaster r = raster(seed, 600, 400);
      MercatorTiles t = new MercatorTiles(r);
      Coordinate c = new Coordinate();
      Crs.lks94().toWgs84(530_000, 6_080_000, c);
      int[] zxy = tileOf(c.x, c.y, 14);
      int z = zxy[0], x = zxy[1], y = zxy[2];
      int[] got = t.argb(z, x, y, MercatorTilesTest::color);
      assertThat(got).as("seed %d", seed).isNotNull();
      double size = 2 * HALF / (1L << z), px = size / 256;
      GridSpec g = r.grid();
      int compared = 0, differ = 0;
      for (int py = 0; py < 256; py++) {
        for (int pxi = 0; pxi < 256; pxi++) {
          double mx = -HALF + x * size + (pxi + 0.5) * px;
          double my = HALF - y * size - (py + 0.5) * px;
          Crs.lks94()
              .toMetric(
                  Math.toDegrees(mx / R),
                  Math.toDegrees(2 * Math.atan(Math.exp(my / R)) - Math.PI / 2),
                  c);
          int col = (int) Math.floor((c.x - g.minX()) / 100);
          int row = (int) Math.floor((g.maxY() - c.y) / 100);
          float v = r.get(col, row);
          int want = Float.isNaN(v) ? 0 : color(v);
          compared++;
          if (got[py * 256 + pxi] != want) {
            differ++;
            // only where the exact centre lies within a metre of a block edge
            double ex = (c.x - g.minX()) % 300, ey = (g.maxY() - c.y) % 300;
            assertThat(Math.min(Math.min(ex, 300 - ex), Math.min(ey, 300 - ey)))
                .as("seed %d pixel %d,%d", seed, pxi, py)
                .isLessThan(1.0);
          }
        }
      }
      assertThat(compared).isEqualTo(256 * 256);
      assertThat(differ).as("seed %d", seed).isLessThan(compared / 100);
    }
  }

  /** The same against a plain per-pixel transform in WorldCRS84Quad (lon/lat degrees). */
  @Test
  void eachPixelIsTheCellUnderItsCentreInWorldCrs84Quad() {
    for (long seed : new long[] {4, 5, 6}) {
      FloatRaster r = raster(seed, 600, 400);
      MercatorTiles t = new MercatorTiles(r);
      Coordinate c = new Coordinate();
      Crs.lks94().toWgs84(530_000, 6_080_000, c);
      int z = 13;
      double deg = 180.0 / (1L << z); // a tile's width and height in degrees
      int x = (int) ((c.x + 180) / deg), y = (int) ((90 - c.y) / deg);
      int[] got = t.argb(TileScheme.WORLD_CRS84_QUAD, z, x, y, MercatorTilesTest::color);
      assertThat(got).as("seed %d", seed).isNotNull();
      GridSpec g = r.grid();
      int differ = 0;
      for (int py = 0; py < 256; py++) {
        for (int pxi = 0; pxi < 256; pxi++) {
          double lon = -180 + (x + (pxi + 0.5) / 256) * deg;
          double lat = 90 - (y + (py + 0.5) / 256) * deg;
          Crs.lks94().toMetric(lon, lat, c);
          int col = (int) Math.floor((c.x - g.minX()) / 100);
          int row = (int) Math.floor((g.maxY() - c.y) / 100);
          float v = r.get(col, row);
          int want = Float.isNaN(v) ? 0 : color(v);
          if (got[py * 256 + pxi] != want) {
            differ++;
            double ex = (c.x - g.minX()) % 300, ey = (g.maxY() - c.y) % 300;
            assertThat(Math.min(Math.min(ex, 300 - ex), Math.min(ey, 300 - ey)))
                .as("seed %d pixel %d,%d", seed, pxi, py)
                .isLessThan(1.0);
          }
        }
      }
      assertThat(differ).as("seed %d", seed).isLessThan(256 * 256 / 100);
    }
    MercatorTiles t = new MercatorTiles(raster(7, 60, 40));
    assertThat(TileScheme.WORLD_CRS84_QUAD.matrixWidth(0)).isEqualTo(2);
    assertThat(t.argb(TileScheme.WORLD_CRS84_QUAD, 0, 0, 0, MercatorTilesTest::color))
        .as("the western hemisphere")
        .isNull();
    Coordinate mid = new Coordinate();
    Crs.lks94().toWgs84(503_000, 6_098_000, mid);
    double deg8 = 180.0 / (1 << 8);
    assertThat(
            t.argb(
                TileScheme.WORLD_CRS84_QUAD,
                8,
                (int) ((mid.x + 180) / deg8),
                (int) ((90 - mid.y) / deg8),
                MercatorTilesTest::color))
        .as("the eastern tile holding the raster at zoom 8")
        .isNotNull();
  }

  @Test
  void aCoarsePixelIsTheLeastOfTheCellsItCovers() {
    int w = 3000, h = 2000;
    float[] d = new float[w * h];
    Arrays.fill(d, 40f);
    d[1000 * w + 1500] = 0.5f; // one fast 100 m cell in a slow 300 × 200 km raster
    FloatRaster r = new FloatRaster(new GridSpec(400_000, 6_250_000, 100, w, h, Crs.LKS94), d);
    MercatorTiles t = new MercatorTiles(r);
    Coordinate c = new Coordinate();
    Crs.lks94().toWgs84(400_000 + 1500.5 * 100, 6_250_000 - 1000.5 * 100, c);
    for (int z : new int[] {6, 8, 10}) {
      int[] zxy = tileOf(c.x, c.y, z);
      int[] px = t.argb(zxy[0], zxy[1], zxy[2], MercatorTilesTest::color);
      long fast = Arrays.stream(px).filter(p -> p == color(0.5)).count();
      assertThat(fast).as("zoom %d", z).isBetween(1L, 4L);
    }
  }

  @Test
  void aTileBesideTheRasterOrOverNodataIsEmpty() {
    FloatRaster r = raster(5, 300, 300);
    MercatorTiles t = new MercatorTiles(r);
    assertThat(t.argb(10, 0, 0, MercatorTilesTest::color)).isNull();
    assertThat(t.png(10, 0, 0, MercatorTilesTest::color)).isNull();
    float[] nan = new float[300 * 300];
    Arrays.fill(nan, Float.NaN);
    MercatorTiles empty = new MercatorTiles(new FloatRaster(r.grid(), nan));
    Coordinate c = new Coordinate();
    Crs.lks94().toWgs84(515_000, 6_085_000, c);
    int[] zxy = tileOf(c.x, c.y, 9);
    assertThat(empty.touches(zxy[0], zxy[1], zxy[2])).isTrue();
    assertThat(empty.argb(zxy[0], zxy[1], zxy[2], MercatorTilesTest::color)).isNull();
    // the west edge lies on the central meridian of LKS-94
    assertThat(t.lonLatBox()[0]).isCloseTo(24.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  /** GDAL's nearest-neighbour warp of the same GeoTIFF to the tile is the reference. */
  @Test
  void matchesGdalWarp() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/gdalwarp"))) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have gdalwarp (gdal-bin)");
      Assumptions.abort("gdalwarp not installed");
    }
    long seed = 11;
    FloatRaster r = raster(seed, 600, 400);
    Path tif = dir.resolve("iso.tif");
    GeoTiff.writeFloat32(tif, r);
    MercatorTiles t = new MercatorTiles(r);
    Coordinate c = new Coordinate();
    Crs.lks94().toWgs84(525_000, 6_075_000, c);
    int[] zxy = tileOf(c.x, c.y, 13);
    int z = zxy[0], x = zxy[1], y = zxy[2];
    double size = 2 * HALF / (1L << z);
    double minX = -HALF + x * size, maxY = HALF - y * size;
    Path out = dir.resolve("tile.tif");
    Process p =
        new ProcessBuilder(
                "gdalwarp",
                "-q",
                "-t_srs",
                "EPSG:3857",
                "-r",
                "near",
                "-ts",
                "256",
                "256",
                "-te",
                Double.toString(minX),
                Double.toString(maxY - size),
                Double.toString(minX + size),
                Double.toString(maxY),
                "-dstnodata",
                "nan",
                tif.toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    float[] ref = GeoTiff.readFloat(out).data();
    byte[] png = t.png(z, x, y, MercatorTilesTest::color);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    int same = 0;
    for (int i = 0; i < ref.length; i++) {
      int want = Float.isNaN(ref[i]) ? 0 : color(ref[i]);
      int got = img.getRGB(i % 256, i / 256);
      if (got == want || (want == 0 && (got >>> 24) == 0)) {
        same++;
      }
    }
    assertThat(same)
        .as("seed %d: pixels as GDAL warps them", seed)
        .isGreaterThan(ref.length * 98 / 100);
  }
}
