package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Background jobs (progress, reload, cancel) and OGC API Features (own reads and GDAL's). */
class JobAndOgcTest {
  static TestServer ts;
  static final CountDownLatch STARTED = new CountDownLatch(1);

  @BeforeAll
  static void start() throws Exception {
    Path d = TestServer.tempDir();
    ts =
        new TestServer(
            d,
            Map.of(
                "count",
                JobTestTypes.counter(STARTED),
                "verify",
                JobTestTypes.verify(null),
                "cog",
                JobTestTypes.cog()));
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  private static JsonNode waitDone(TestServer.Client c, String id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode j = c.json(c.get("/api/jobs/" + id + "/status"));
      if (List.of("succeeded", "failed", "cancelled").contains(j.get("state").asText())) {
        return j;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not end");
  }

  @Test
  void aJobReportsProgressIsListedForItsOwnerAndCanBeCancelled() throws Exception {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> bad = planner.send("POST", "/api/jobs/count", "{\"steps\": 0}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(planner.json(bad).get("detail").asText()).contains("steps");

    HttpResponse<String> sub = planner.send("POST", "/api/jobs/count", "{\"steps\": 100000}");
    assertThat(sub.statusCode()).as(sub.body()).isEqualTo(202);
    String id = planner.json(sub).get("id").asText();
    assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100);
    JsonNode running = planner.json(planner.get("/api/jobs/" + id + "/status"));
    assertThat(running.get("state").asText()).isEqualTo("running");
    assertThat(running.get("step").asText()).isEqualTo("counting");
    assertThat(running.get("total").asLong()).isEqualTo(100000);
    // a "page reload": a new login of the same user still finds the job
    TestServer.Client again = ts.as(Role.PLANNER);
    assertThat(again.json(again.get("/api/jobs")).get("jobs").toString()).contains(id);
    // other users do not see it
    TestServer.Client other = ts.as(Role.ENGINEER);
    assertThat(other.get("/api/jobs/" + id + "/status").statusCode()).isEqualTo(404);

    assertThat(again.send("POST", "/api/jobs/" + id + "/cancel", "{}").statusCode()).isEqualTo(202);
    JsonNode end = waitDone(again, id);
    assertThat(end.get("state").asText()).isEqualTo("cancelled");
    assertThat(end.get("done").asLong()).isLessThan(100000);
    assertThat(again.send("POST", "/api/jobs/" + id + "/cancel", "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void aFinishedJobsFilesAreServedByName() throws Exception {
    TestServer.Client admin = ts.as(Role.ADMIN);
    String id = admin.json(admin.send("POST", "/api/jobs/verify", "{}")).get("id").asText();
    JsonNode end = waitDone(admin, id);
    assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("succeeded");
    HttpResponse<String> f = admin.get("/api/jobs/" + id + "/files/report.json");
    assertThat(f.statusCode()).isEqualTo(200);
    assertThat(f.body()).contains("events");
  }

  @Test
  void ogcItemsPageThroughALayerWithBboxAndMatchTheFile() throws Exception {
    TestServer.Client v = ts.as(Role.VIEWER);
    JsonNode landing = v.json(v.get("/ogc"));
    assertThat(landing.get("links").toString()).contains("conformance", "data", "service-desc");
    assertThat(v.json(v.get("/ogc/conformance")).get("conformsTo").toString())
        .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson");
    String bbox = "25.2,54.6,25.4,54.75"; // around Vilnius
    int expected = 0;
    for (var f : GeoJsonReader.readAll(TestServer.LAYERS.resolve("settlements.geojson.gz"))) {
      var e = f.geometry().getEnvelopeInternal();
      if (e.intersects(new org.locationtech.jts.geom.Envelope(25.2, 25.4, 54.6, 54.75))) {
        expected++;
      }
    }
    assertThat(expected).isGreaterThan(10);
    List<String> names = new ArrayList<>();
    String next = "/ogc/collections/settlements/items?limit=7&bbox=" + bbox;
    while (next != null) {
      JsonNode page = v.json(v.get(next));
      assertThat(page.get("numberMatched").asInt()).isEqualTo(expected);
      page.get("features").forEach(f -> names.add(f.get("properties").path("name").asText()));
      next = null;
      for (JsonNode l : page.get("links")) {
        if (l.get("rel").asText().equals("next")) {
          next = l.get("href").asText().substring(ts.server.baseUrl().length());
        }
      }
    }
    assertThat(names).hasSize(expected).contains("Vilnius");
    HttpResponse<String> html =
        v.get("/ogc/collections/settlements/items?f=html&limit=3&bbox=" + bbox);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.body()).contains("<table>");
    assertThat(v.get("/ogc/collections/settlements/items/999999999").statusCode()).isEqualTo(404);
  }

  /**
   * Issue 19: a job's Cloud-Optimised GeoTIFF is served by byte ranges, so GDAL reads it over HTTP
   * (/vsicurl/) as a COG with its unit.
   */
  @Test
  void aCogIsServedByRangesAndGdalReadsIt() throws Exception {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> sub = planner.send("POST", "/api/jobs/cog", "{}");
    assertThat(sub.statusCode()).as(sub.body()).isEqualTo(202);
    String id = planner.json(sub).get("id").asText();
    assertThat(waitDone(planner, id).get("state").asText()).isEqualTo("succeeded");
    String path = "/api/jobs/" + id + "/files/iso.tif";
    java.net.http.HttpRequest req =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(ts.url(path)))
            .header("Authorization", "Bearer " + planner.bearer().token())
            .header("Range", "bytes=0-15")
            .build();
    HttpResponse<byte[]> part =
        java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).hasSize(16);
    assertThat(new String(part.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("II");
    assertThat(part.headers().firstValue("Content-Range").orElse("")).startsWith("bytes 0-15/");
    java.net.http.HttpRequest beyond =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(ts.url(path)))
            .header("Authorization", "Bearer " + planner.bearer().token())
            .header("Range", "bytes=999999999-")
            .build();
    assertThat(
            java.net.http.HttpClient.newHttpClient()
                .send(beyond, HttpResponse.BodyHandlers.ofByteArray())
                .statusCode())
        .isEqualTo(416);
    if (Files.isExecutable(Path.of("/usr/bin/gdalinfo"))) {
      Path header = ts.dir.resolve("gdal-headers-cog.txt");
      Files.writeString(header, "Authorization: Bearer " + planner.bearer().token() + "\n");
      Process p =
          new ProcessBuilder(
                  "gdalinfo",
                  "--config",
                  "GDAL_HTTP_HEADER_FILE",
                  header.toString(),
                  "/vsicurl/" + ts.url(path))
              .redirectErrorStream(true)
              .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out)
          .contains("LAYOUT=COG")
          .contains("Unit Type: h")
          .contains("Overviews: 300x200");
    } else {
      Assumptions.assumeTrue(System.getenv("CI") == null, "CI must have gdalinfo (gdal-bin)");
    }
  }

  @Test
  void gdalReadsTheLiveServer() throws Exception {
    boolean ci = System.getenv("CI") != null;
    boolean have = Files.isExecutable(Path.of("/usr/bin/ogrinfo"));
    if (!have) {
      Assumptions.assumeTrue(!ci, "CI must have ogrinfo (gdal-bin)");
      Assumptions.abort("ogrinfo (gdal-bin) is not installed");
    }
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> made =
        planner.send(
            "POST",
            "/api/records",
            """
            {"type": "Feature", "id": "gdal-b1", "properties": {"type": "bunker", "name": "Bunkeris Nr. 1"},
             "geometry": {"type": "Point", "coordinates": [24.91, 54.33]}}
            """);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    Path header = ts.dir.resolve("gdal-headers.txt");
    Files.writeString(header, "Authorization: Bearer " + planner.bearer().token() + "\n");
    String list = ogrinfo(header, "OAPIF:" + ts.url("/ogc"));
    assertThat(list).contains("obstacles", "settlements", "roads_main");
    String obstacles = ogrinfo(header, "-al", "OAPIF:" + ts.url("/ogc"), "obstacles");
    assertThat(obstacles).contains("gdal-b1", "Bunkeris Nr. 1", "POINT (24.91 54.33)");
    String settle =
        ogrinfo(
            header,
            "-al",
            "-so",
            "-spat",
            "25.2",
            "54.6",
            "25.4",
            "54.75",
            "OAPIF:" + ts.url("/ogc"),
            "settlements");
    assertThat(settle).contains("Geometry: Point");
  }

  private static String ogrinfo(Path header, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("ogrinfo", "--config", "GDAL_HTTP_HEADER_FILE", header.toString(), "-ro"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
