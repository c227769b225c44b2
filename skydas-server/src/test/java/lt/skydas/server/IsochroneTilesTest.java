package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import lt.skydas.core.geo.Crs;
import lt.skydas.raster.MercatorTiles;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Issue 19: the isochrones as PNG map tiles (OGC API – Tiles, map tilesets): a job's own for the
 * web map, only for those who may read the job; the newest published assessment's as raster
 * collections that GDAL's OGC API driver reads. Pixels are checked against the raster itself.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class IsochroneTilesTest {
  static TestServer ts;
  static TestServer.Client planner;
  static String jobId;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of("iso", JobTestTypes.isochrones()));
    planner = ts.as(Role.PLANNER);
    HttpResponse<String> sub = planner.send("POST", "/api/jobs/iso", "{}");
    assertThat(sub.statusCode()).as(sub.body()).isEqualTo(202);
    jobId = planner.json(sub).get("id").asText();
    for (int i = 0; i < 600; i++) {
      String st = planner.json(planner.get("/api/jobs/" + jobId + "/status")).get("state").asText();
      if (st.equals("succeeded")) {
        return;
      }
      assertThat(st).isIn("queued", "running");
      Thread.sleep(50);
    }
    throw new AssertionError("job did not end");
  }

  @AfterAll
  static void stop() {
    ts.close();
    ts = null; // the server's caches go with it, not kept for the rest of the suite
  }

  private static HttpResponse<byte[]> bytes(TestServer.Client c, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(ts.url(path)))
            .header("Authorization", "Bearer " + c.bearer().token())
            .GET()
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Tile (x, y) at zoom z holding an LKS-94 point. */
  private static int[] tileAt(double e, double n, int z) {
    Coordinate c = Crs.lks94().toWgs84(e, n, new Coordinate());
    return OgcTilesTest.tileOf(c.x, c.y, z);
  }

  private static void samePixels(byte[] png, int z, int x, int y) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(256);
    assertThat(img.getHeight()).isEqualTo(256);
    int[] want =
        new MercatorTiles(JobTestTypes.isochroneRaster()).argb(z, x, y, MercatorTiles::hoursColor);
    int[] got = img.getRGB(0, 0, 256, 256, null, 0, 256);
    int opaque = 0;
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i] >>> 24 == 0 ? 0 : got[i])
          .as("pixel %d of %d/%d/%d", i, z, x, y)
          .isEqualTo(want[i]);
      opaque += want[i] != 0 ? 1 : 0;
    }
    assertThat(opaque).isPositive();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aJobsIsochronesComeAsPngTilesToThoseWhoMayReadIt() throws Exception {
    String base = "/api/jobs/" + jobId + "/isochrones/tracked-summer/tiles";
    JsonNode ts0 = planner.json(planner.get(base + "/WebMercatorQuad"));
    assertThat(ts0.get("dataType").asText()).isEqualTo("map");
    assertThat(ts0.toString())
        .contains(
            "\"type\":\"image/png\"", "{tileMatrix}/{tileRow}/{tileCol}", "\"templated\":true");
    assertThat(ts0.at("/boundingBox/lowerLeft/0").asDouble())
        .isCloseTo(24.0, org.assertj.core.data.Offset.offset(1e-6));

    // 7 km east of the west edge: hours from 6.0 h, and the west 6 km nodata
    for (int z : new int[] {7, 10, 13}) {
      int[] t = tileAt(507_000, 6_080_000, z);
      HttpResponse<byte[]> r =
          bytes(planner, base + "/WebMercatorQuad/" + z + "/" + t[1] + "/" + t[0]);
      assertThat(r.statusCode()).as("zoom %d", z).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
      samePixels(r.body(), z, t[0], t[1]);
    }
    // the pixel over a known cell has its colour: col 150 (15.0 h), row 200
    int z = 14;
    int[] t = tileAt(515_050, 6_079_950, z);
    byte[] png = bytes(planner, base + "/WebMercatorQuad/" + z + "/" + t[1] + "/" + t[0]).body();
    Coordinate c = Crs.lks94().toWgs84(515_050, 6_079_950, new Coordinate());
    double n = 1 << z;
    int px = (int) (((c.x + 180) / 360 * n - t[0]) * 256);
    double r = Math.toRadians(c.y);
    int py = (int) (((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n - t[1]) * 256);
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRGB(px, py))
        .isEqualTo(MercatorTiles.hoursColor(15.0));

    // beside the raster: no content; a zoom beyond the set: a problem
    int[] far = OgcTilesTest.tileOf(10.0, 60.0, 10);
    assertThat(bytes(planner, base + "/WebMercatorQuad/10/" + far[1] + "/" + far[0]).statusCode())
        .isEqualTo(204);
    HttpResponse<String> deep = planner.get(base + "/WebMercatorQuad/19/0/0");
    assertThat(deep.statusCode()).isEqualTo(404);
    assertThat(deep.body()).contains("outside 0..18");
    assertThat(planner.get("/api/jobs/" + jobId + "/isochrones/wheeled-winter/tiles").statusCode())
        .isEqualTo(404);

    // another user does not see a private run's tiles
    TestServer.Client viewer = ts.as(Role.VIEWER);
    assertThat(
            bytes(viewer, base + "/WebMercatorQuad/10/" + t[1] / 16 + "/" + t[0] / 16).statusCode())
        .isEqualTo(404);
  }

  @Test
  @org.junit.jupiter.api.Order(2) // publishes the job
  void thePublishedAssessmentsIsochronesAreRasterCollectionsWhoseTilesGdalReads() throws Exception {
    String cid = "isochrones-tracked-summer";
    assertThat(planner.get("/ogc/collections").body()).doesNotContain(cid);
    assertThat(planner.send("POST", "/api/jobs/" + jobId + "/publish", "{}").statusCode())
        .isEqualTo(200);
    TestServer.Client viewer = ts.as(Role.VIEWER);
    assertThat(viewer.get("/ogc/collections").body()).contains(cid);
    JsonNode col = viewer.json(viewer.get("/ogc/collections/" + cid));
    assertThat(col.toString())
        .contains(
            "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map",
            "\"rel\":\"enclosure\"",
            "isochrones-tracked-summer.tif");
    assertThat(col.at("/extent/spatial/bbox/0/0").asDouble())
        .isCloseTo(24.0, org.assertj.core.data.Offset.offset(1e-6));
    HttpResponse<String> items = viewer.get("/ogc/collections/" + cid + "/items");
    assertThat(items.statusCode()).isEqualTo(404);
    assertThat(items.body()).contains("is a map");
    assertThat(viewer.get("/ogc/conformance").body())
        .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png");
    int[] t = tileAt(507_000, 6_080_000, 11);
    HttpResponse<byte[]> r =
        bytes(
            viewer,
            "/ogc/collections/" + cid + "/map/tiles/WebMercatorQuad/11/" + t[1] + "/" + t[0]);
    assertThat(r.statusCode()).isEqualTo(200);
    samePixels(r.body(), 11, t[0], t[1]);

    if (!Files.isExecutable(Path.of("/usr/bin/gdallocationinfo"))) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have gdal-bin");
      Assumptions.abort("gdallocationinfo not installed");
    }
    // GDAL's TMS client (what QGIS's XYZ layers use) reads the tiles through the template
    Path header = ts.dir.resolve("gdal-headers-iso.txt");
    Files.writeString(header, "Authorization: Bearer " + viewer.bearer().token() + "\n");
    String template =
        ts.url("/ogc/collections/" + cid + "/map/tiles/WebMercatorQuad/${z}/${y}/${x}");
    Path xml = ts.dir.resolve("iso-tms.xml");
    Files.writeString(
        xml,
        "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>"
            + template
            + "</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX>"
            + "<UpperLeftY>20037508.34</UpperLeftY><LowerRightX>20037508.34</LowerRightX>"
            + "<LowerRightY>-20037508.34</LowerRightY><TileLevel>11</TileLevel>"
            + "<TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin>"
            + "</DataWindow><Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX>"
            + "<BlockSizeY>256</BlockSizeY><BandsCount>4</BandsCount></GDAL_WMS>");
    // the centre of the pixel over LKS-94 (515 050, 6 079 950): 15.0 h
    Coordinate c = Crs.lks94().toWgs84(515_050, 6_079_950, new Coordinate());
    double mx = Math.toRadians(c.x) * 6378137.0;
    double my = 6378137.0 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(c.y) / 2));
    Process p =
        new ProcessBuilder(
                List.of(
                    "gdallocationinfo",
                    "-valonly",
                    "--config",
                    "GDAL_HTTP_HEADER_FILE",
                    header.toString(),
                    "-geoloc",
                    xml.toString(),
                    Double.toString(mx),
                    Double.toString(my)))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    int rgb = MercatorTiles.hoursColor(15.0);
    String[] want = {
      Integer.toString((rgb >> 16) & 0xff),
      Integer.toString((rgb >> 8) & 0xff),
      Integer.toString(rgb & 0xff),
      "255"
    };
    assertThat(out.trim().split("\\s+")).as(out).containsExactly(want);

    // GDAL's own OGC API driver opens the collection (3.6 takes WorldCRS84Quad, needs the
    // tileset's limits, and reads its extent in the set's CRS) and reads the same colour
    Process o =
        new ProcessBuilder(
                List.of(
                    "gdallocationinfo",
                    "-valonly",
                    "--config",
                    "GDAL_HTTP_HEADER_FILE",
                    header.toString(),
                    "-oo",
                    "TILEMATRIX=12",
                    "-wgs84",
                    "OGCAPI:" + ts.url("/ogc/collections/" + cid),
                    Double.toString(c.x),
                    Double.toString(c.y)))
            .redirectErrorStream(true)
            .start();
    String ogc = new String(o.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(o.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(o.exitValue()).as(ogc).isZero();
    assertThat(ogc.trim().split("\\s+")).as(ogc).containsExactly(want);
  }
}
