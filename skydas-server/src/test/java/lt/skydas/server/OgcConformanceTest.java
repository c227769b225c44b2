package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline rules of the OGC API – Features Part 1 abstract test suite, walked against the live
 * server (issue 19): the landing page's links resolve with the media types they announce, every
 * collection's items are a GeoJSON FeatureCollection with consistent counts and working paging
 * links, single features link back, and bad parameters and unknown resources are 400 and 404.
 */
class OgcConformanceTest {
  static TestServer ts;
  static TestServer.Client c;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
    c = ts.as(Role.PLANNER);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          c.send(
              "POST",
              "/api/records",
              "{\"type\": \"Feature\", \"id\": \"oc-"
                  + i
                  + "\", \"properties\": {\"type\":"
                  + " \"bunker\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": ["
                  + (24.9 + i * 0.01)
                  + ", 54.3]}}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  /** A link's path on this server (the links are absolute). */
  private static String path(String href) {
    return href.replaceFirst("^https?://[^/]+", "");
  }

  private static JsonNode link(JsonNode links, String rel) {
    for (JsonNode l : links) {
      if (l.path("rel").asText().equals(rel)) {
        return l;
      }
    }
    return null;
  }

  private static String type(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
  }

  @Test
  void landingPageLinksResolveWithTheirMediaTypes() {
    HttpResponse<String> landing = c.get("/ogc");
    assertThat(landing.statusCode()).isEqualTo(200);
    JsonNode links = c.json(landing).get("links");
    for (String rel : List.of("self", "service-desc", "conformance", "data")) {
      JsonNode l = link(links, rel);
      assertThat(l).as("landing page link " + rel).isNotNull();
      HttpResponse<String> r = c.get(path(l.get("href").asText()));
      assertThat(r.statusCode()).as(rel).isEqualTo(200);
      assertThat(type(r)).as(rel).isEqualTo(l.get("type").asText().split(";")[0].strip());
    }
    JsonNode api = c.json(c.get(path(link(links, "service-desc").get("href").asText())));
    assertThat(api.get("openapi").asText()).startsWith("3.0");
    assertThat(c.json(c.get("/ogc/conformance")).get("conformsTo").toString())
        .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/oas30", "conf/html");
    assertThat(type(c.get("/ogc?f=html"))).isEqualTo("text/html");
  }

  @Test
  void everyCollectionServesAConsistentFeatureCollection() {
    JsonNode cs = c.json(c.get("/ogc/collections")).get("collections");
    List<String> checked = new ArrayList<>();
    for (JsonNode col : cs) {
      String id = col.get("id").asText();
      assertThat(link(col.get("links"), "items")).as(id + " has an items link").isNotNull();
      HttpResponse<String> r = c.get("/ogc/collections/" + id + "/items?limit=2");
      assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(200);
      assertThat(type(r)).as(id).isEqualTo("application/geo+json");
      JsonNode fc = c.json(r);
      assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(fc.get("numberReturned").asInt()).as(id).isEqualTo(fc.get("features").size());
      assertThat(fc.get("features").size()).as(id).isLessThanOrEqualTo(2);
      if (fc.has("numberMatched")) {
        assertThat(fc.get("numberMatched").asInt())
            .isGreaterThanOrEqualTo(fc.get("numberReturned").asInt());
      }
      assertThat(link(fc.get("links"), "self")).as(id + " self").isNotNull();
      for (JsonNode f : fc.get("features")) {
        assertThat(f.get("type").asText()).isEqualTo("Feature");
        assertThat(f.has("geometry") && f.has("properties")).as(id).isTrue();
      }
      JsonNode next = link(fc.get("links"), "next");
      if (next != null) {
        JsonNode page2 = c.json(c.get(path(next.get("href").asText())));
        assertThat(page2.get("features").size()).as(id + " next page").isPositive();
      }
      checked.add(id);
    }
    assertThat(checked).contains("obstacles", "settlements", "roads_main", "countries");
  }

  @Test
  void aSingleFeatureLinksBackAndUnknownsAre404() {
    JsonNode f = c.json(c.get("/ogc/collections/obstacles/items/oc-1"));
    assertThat(f.get("id").asText()).isEqualTo("oc-1");
    assertThat(path(link(f.get("links"), "collection").get("href").asText()))
        .isEqualTo("/ogc/collections/obstacles");
    assertThat(path(link(f.get("links"), "self").get("href").asText()))
        .isEqualTo("/ogc/collections/obstacles/items/oc-1");
    assertThat(c.get("/ogc/collections/nope").statusCode()).isEqualTo(404);
    assertThat(c.get("/ogc/collections/nope/items").statusCode()).isEqualTo(404);
    assertThat(c.get("/ogc/collections/obstacles/items/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void badParametersAre400() {
    for (String q :
        List.of(
            "limit=0",
            "limit=x",
            "offset=-1",
            "bbox=1,2,3",
            "bbox=a,b,c,d",
            "bbox=10,50,5,55",
            "f=xml")) {
      HttpResponse<String> r = c.get("/ogc/collections/obstacles/items?" + q);
      assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(400);
      assertThat(type(r)).isEqualTo("application/problem+json");
    }
    // a limit over the maximum is capped, not refused
    JsonNode capped = c.json(c.get("/ogc/collections/settlements/items?limit=100000"));
    assertThat(capped.get("numberReturned").asInt()).isLessThanOrEqualTo(10_000);
    // 6 numbers (with heights) are a box too
    assertThat(c.get("/ogc/collections/obstacles/items?bbox=24,54,0,26,55,100").statusCode())
        .isEqualTo(200);
  }
}
