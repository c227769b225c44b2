package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.Crs;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * OGC API – Features beyond Core (issue 19): the OpenAPI document states the items parameters
 * (oas30), collections give their CRSs, extent and queryables, Part 2 serves LKS-94 in its axis
 * order, Part 3 filters in CQL2 text, and GDAL's OAPIF driver reads it.
 */
class OgcPartsTest {
  static TestServer ts;
  static TestServer.Client planner;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
    planner = ts.as(Role.PLANNER);
    record(planner, "p-b1", "bunker", "Bunkeris", 24.91, 54.33, null);
    record(planner, "p-b2", "bunker", "Kitas", 25.10, 54.60, 3);
    record(planner, "p-c1", "road_control_point", null, 25.30, 54.70, 1);
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  private static void record(
      TestServer.Client c,
      String id,
      String type,
      String name,
      double lon,
      double lat,
      Integer year) {
    String props =
        "\"type\": \""
            + type
            + "\""
            + (name == null ? "" : ", \"name\": \"" + name + "\"")
            + (year == null ? "" : ", \"year\": " + year);
    HttpResponse<String> r =
        c.send(
            "POST",
            "/api/records",
            "{\"type\": \"Feature\", \"id\": \""
                + id
                + "\", \"properties\": {"
                + props
                + "}, \"geometry\": {\"type\": \"Point\", \"coordinates\": ["
                + lon
                + ", "
                + lat
                + "]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static JsonNode items(String query) {
    HttpResponse<String> r = planner.get("/ogc/collections/obstacles/items?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return planner.json(r);
  }

  private static List<String> ids(JsonNode fc) {
    List<String> out = new ArrayList<>();
    fc.get("features").forEach(f -> out.add(f.get("id").asText()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void conformanceAndOpenApiStateWhatIsServed() {
    JsonNode conf = planner.json(planner.get("/ogc/conformance"));
    assertThat(conf.get("conformsTo").toString())
        .contains("ogcapi-features-2/1.0/conf/crs")
        .contains("ogcapi-features-3/1.0/conf/filter")
        .contains("cql2/1.0/conf/basic-cql2");
    JsonNode api = planner.json(planner.get("/api/openapi.json"));
    JsonNode params = api.at("/paths/~1ogc~1collections~1{cid}~1items/get/parameters");
    List<String> names = new ArrayList<>();
    params.forEach(p -> names.add(p.get("name").asText() + "@" + p.get("in").asText()));
    assertThat(names)
        .contains(
            "cid@path",
            "limit@query",
            "offset@query",
            "bbox@query",
            "crs@query",
            "bbox-crs@query",
            "filter@query",
            "filter-lang@query",
            "f@query");
    for (JsonNode p : params) {
      if (p.get("name").asText().equals("bbox")) {
        assertThat(p.get("style").asText()).isEqualTo("form");
        assertThat(p.get("explode").asBoolean()).isFalse();
        assertThat(p.at("/schema/minItems").asInt()).isEqualTo(4);
      }
    }
  }

  @Test
  void collectionsGiveCrsExtentAlternateAndQueryables() {
    JsonNode c = planner.json(planner.get("/ogc/collections/obstacles"));
    assertThat(c.get("crs").toString()).contains("EPSG/0/3346", "OGC/1.3/CRS84");
    assertThat(c.get("storageCrs").asText()).endsWith("CRS84");
    JsonNode bbox = c.at("/extent/spatial/bbox/0");
    assertThat(bbox.get(0).asDouble()).isEqualTo(24.91);
    assertThat(bbox.get(3).asDouble()).isEqualTo(54.70);
    assertThat(c.get("links").toString())
        .contains("\"rel\":\"alternate\"")
        .contains("http://www.opengis.net/def/rel/ogc/1.0/queryables");
    HttpResponse<String> q = planner.get("/ogc/collections/obstacles/queryables");
    assertThat(q.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/schema+json");
    JsonNode qs = planner.json(q);
    assertThat(qs.at("/properties/status/enum").toString()).contains("planned", "emplaced");
    assertThat(qs.at("/properties/year/type").asText()).isEqualTo("integer");
    assertThat(qs.at("/properties/geometry/format").asText()).isEqualTo("geometry-any");
    JsonNode layerQs = planner.json(planner.get("/ogc/collections/settlements/queryables"));
    assertThat(layerQs.at("/properties/name/type").asText()).isEqualTo("string");
  }

  @Test
  void filtersInCql2Text() {
    JsonNode bunkers = items("filter=" + enc("type = 'bunker' AND status = 'planned'"));
    assertThat(ids(bunkers)).containsExactlyInAnyOrder("p-b1", "p-b2");
    assertThat(bunkers.get("numberMatched").asInt()).isEqualTo(2);
    assertThat(ids(items("filter=" + enc("year BETWEEN 2 AND 5")))).containsExactly("p-b2");
    assertThat(ids(items("filter=" + enc("name IS NULL")))).containsExactly("p-c1");
    assertThat(ids(items("filter=" + enc("name LIKE 'Bunk%'") + "&filter-lang=cql2-text")))
        .containsExactly("p-b1");
    assertThat(ids(items("filter=" + enc("S_INTERSECTS(geometry, BBOX(25, 54.5, 25.5, 54.8))"))))
        .containsExactlyInAnyOrder("p-b2", "p-c1");
    // paging keeps the filter in the next link
    JsonNode first = items("limit=1&filter=" + enc("type IN ('bunker', 'road_control_point')"));
    assertThat(first.get("numberMatched").asInt()).isEqualTo(3);
    String next = null;
    for (JsonNode l : first.get("links")) {
      if (l.get("rel").asText().equals("next")) {
        next = l.get("href").asText();
      }
    }
    assertThat(next).contains("offset=1").contains("filter=");

    HttpResponse<String> unknown =
        planner.get("/ogc/collections/obstacles/items?filter=" + enc("password = 'x'"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("'password' is not a queryable");
    HttpResponse<String> broken =
        planner.get("/ogc/collections/obstacles/items?filter=" + enc("status = 'planned"));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("unclosed string at character 10");
    HttpResponse<String> json =
        planner.get("/ogc/collections/obstacles/items?filter=x&filter-lang=cql2-json");
    assertThat(json.statusCode()).isEqualTo(400);
    assertThat(json.body()).contains("use cql2-text");
  }

  @Test
  void servesLks94InItsAxisOrderAndTakesBoxesInIt() {
    HttpResponse<String> r =
        planner.get(
            "/ogc/collections/obstacles/items/p-b1?crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/3346"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Crs").orElse(""))
        .isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/3346>");
    JsonNode xy = planner.json(r).at("/geometry/coordinates");
    Coordinate want = Crs.lks94().toMetric(24.91, 54.33, new Coordinate());
    // EPSG:3346 is northing, easting
    assertThat(xy.get(0).asDouble()).isCloseTo(want.y, org.assertj.core.data.Offset.offset(0.01));
    assertThat(xy.get(1).asDouble()).isCloseTo(want.x, org.assertj.core.data.Offset.offset(0.01));

    String box =
        (want.y - 100) + "," + (want.x - 100) + "," + (want.y + 100) + "," + (want.x + 100);
    JsonNode inBox =
        items("bbox=" + box + "&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3346"));
    assertThat(ids(inBox)).containsExactly("p-b1");
    JsonNode latLon =
        items(
            "crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/4326")
                + "&filter="
                + enc("type = 'road_control_point'"));
    assertThat(latLon.at("/features/0/geometry/coordinates/0").asDouble()).isEqualTo(54.70);
    HttpResponse<String> bad = planner.get("/ogc/collections/obstacles/items?crs=EPSG:9999");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("is not offered");
  }

  /**
   * GDAL 3.6's OAPIF driver reads the collection with a -where (it evaluates attribute filters on
   * its side; CQL2 on the server is exercised above with our own client).
   */
  @Test
  void gdalReadsWithAWhere() throws Exception {
    boolean ci = System.getenv("CI") != null;
    if (!Files.isExecutable(Path.of("/usr/bin/ogrinfo"))) {
      Assumptions.assumeTrue(!ci, "CI must have ogrinfo (gdal-bin)");
      Assumptions.abort("ogrinfo (gdal-bin) is not installed");
    }
    Path header = ts.dir.resolve("gdal-headers-parts.txt");
    Files.writeString(header, "Authorization: Bearer " + planner.bearer().token() + "\n");
    List<String> cmd =
        List.of(
            "ogrinfo",
            "--config",
            "GDAL_HTTP_HEADER_FILE",
            header.toString(),
            "-ro",
            "-al",
            "-q",
            "-where",
            "type = 'road_control_point'",
            "OAPIF:" + ts.url("/ogc"),
            "obstacles");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("p-c1").doesNotContain("id (String) = p-b1");
  }
}
