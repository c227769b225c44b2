package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OGC API – Tiles (issue 19): every collection as Mapbox vector tiles in WebMercatorQuad, read back
 * by GDAL's MVT driver at the right place.
 */
class OgcTilesTest {
  static TestServer ts;
  static TestServer.Client planner;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
    planner = ts.as(Role.PLANNER);
    HttpResponse<String> r =
        planner.send(
            "POST",
            "/api/records",
            "{\"type\": \"Feature\", \"id\": \"t-b1\", \"properties\": {\"type\": \"bunker\","
                + " \"name\": \"Bunkeris\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\":"
                + " [25.2797, 54.6872]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  static int[] tileOf(double lon, double lat, int z) {
    double n = 1 << z;
    int x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
    return new int[] {x, y};
  }

  private static HttpResponse<byte[]> bytes(String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(ts.url(path)))
            .header("Authorization", "Bearer " + planner.token())
            .GET()
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void metadataDescribesTheTiles() {
    assertThat(planner.json(planner.get("/ogc/conformance")).toString())
        .contains("ogcapi-tiles-1/1.0/conf/mvt");
    assertThat(planner.json(planner.get("/ogc")).toString())
        .contains("http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes");
    JsonNode tms = planner.json(planner.get("/ogc/tileMatrixSets/WebMercatorQuad"));
    assertThat(tms.get("tileMatrices")).hasSize(19);
    assertThat(tms.at("/tileMatrices/5/matrixWidth").asInt()).isEqualTo(32);
    assertThat(tms.at("/tileMatrices/0/scaleDenominator").asDouble())
        .isCloseTo(559082264.0287, org.assertj.core.data.Offset.offset(0.01));
    JsonNode set = planner.json(planner.get("/ogc/collections/obstacles/tiles/WebMercatorQuad"));
    assertThat(set.get("dataType").asText()).isEqualTo("vector");
    assertThat(set.get("links").toString())
        .contains(
            "/ogc/collections/obstacles/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}")
        .contains("\"templated\":true");
    assertThat(planner.json(planner.get("/ogc/collections/obstacles")).get("links").toString())
        .contains("tilesets-vector");
  }

  @Test
  void aTileHoldsTheRecordWhereGdalReadsIt() throws Exception {
    int z = 14;
    int[] xy = tileOf(25.2797, 54.6872, z);
    HttpResponse<byte[]> r =
        bytes("/ogc/collections/obstacles/tiles/WebMercatorQuad/" + z + "/" + xy[1] + "/" + xy[0]);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.mapbox-vector-tile");
    String out = gdal(r.body(), z, xy[0], xy[1]);
    assertThat(out)
        .contains("Layer name: obstacles")
        .contains("id (String) = t-b1")
        .contains("name (String) = Bunkeris");
    Matcher m = Pattern.compile("POINT \\(([-0-9.]+) ([-0-9.]+)\\)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    double mx = Double.parseDouble(m.group(1)), my = Double.parseDouble(m.group(2));
    double ex = Math.toRadians(25.2797) * 6378137;
    double ey = 6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(54.6872) / 2));
    // a tile unit at zoom 14 is 9.55 m / 16: within a metre
    assertThat(mx).isCloseTo(ex, org.assertj.core.data.Offset.offset(1.0));
    assertThat(my).isCloseTo(ey, org.assertj.core.data.Offset.offset(1.0));

    int[] far = tileOf(21.0, 55.9, z);
    assertThat(
            bytes(
                    "/ogc/collections/obstacles/tiles/WebMercatorQuad/"
                        + z
                        + "/"
                        + far[1]
                        + "/"
                        + far[0])
                .statusCode())
        .as("an empty tile")
        .isEqualTo(204);
    assertThat(bytes("/ogc/collections/obstacles/tiles/WebMercatorQuad/3/9/0").statusCode())
        .isEqualTo(404);
    assertThat(bytes("/ogc/collections/obstacles/tiles/OtherQuad/3/0/0").statusCode())
        .isEqualTo(404);
  }

  @Test
  void regionLayersComeAsClippedLines() throws Exception {
    int z = 9;
    int[] xy = tileOf(25.28, 54.69, z);
    HttpResponse<byte[]> r =
        bytes("/ogc/collections/roads_main/tiles/WebMercatorQuad/" + z + "/" + xy[1] + "/" + xy[0]);
    assertThat(r.statusCode()).isEqualTo(200);
    String out = gdal(r.body(), z, xy[0], xy[1]);
    assertThat(out).contains("Layer name: roads_main").contains("LINESTRING");
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(out);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isGreaterThan(10);

    // areas: GDAL reads the exterior rings as exteriors (positive area in tile coordinates)
    int[] f = tileOf(25.0, 54.5, 10);
    HttpResponse<byte[]> forest =
        bytes("/ogc/collections/landcover_forest/tiles/WebMercatorQuad/10/" + f[1] + "/" + f[0]);
    assertThat(forest.statusCode()).isEqualTo(200);
    String fo = gdal(forest.body(), 10, f[0], f[1]);
    assertThat(fo)
        .contains("Layer name: landcover_forest")
        .containsPattern("(MULTI)?POLYGON \\(\\(");
  }

  private static String gdal(byte[] tile, int z, int x, int y) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/ogrinfo"))) {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have ogrinfo (gdal-bin)");
      Assumptions.abort("ogrinfo (gdal-bin) is not installed");
    }
    Path f = ts.dir.resolve("tiles/" + z + "/" + x + "/" + y + ".pbf");
    Files.createDirectories(f.getParent());
    Files.write(f, tile);
    Process p =
        new ProcessBuilder(
                "ogrinfo",
                "-ro",
                "-al",
                "-oo",
                "Z=" + z,
                "-oo",
                "X=" + x,
                "-oo",
                "Y=" + y,
                f.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).doesNotContain("ERROR");
    return out;
  }
}
