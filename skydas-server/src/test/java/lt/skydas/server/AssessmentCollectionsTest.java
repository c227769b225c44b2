package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OGC collections of the newest finished assessment, {@code avenues}, {@code warning} and
 * {@code civilians}: not listed and NOT_FOUND before any, listed and served from the job's files
 * after one. The job type stands in for skydas-cli's assessment: it writes the two files as the
 * assessment writer does.
 */
class AssessmentCollectionsTest {
  static TestServer ts;

  static final String AVENUES =
      """
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString",
      "coordinates":[[23.9,54.2],[24.5,54.5]]},"properties":{"objective":"vilnius","time_h":4.1}}]}
      """;

  /** Two detections: by a sensor (0.3 h of warning) and by a manned post (2.5 h). */
  static final String WARNING =
      """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[24.1,54.3]},
       "properties":{"objective":"vilnius","vehicle":"tracked","season":"dry","with_sensors":true,
       "detected_by":"sensor","warning_h":0.3,"warning_at_3km_h":-0.1}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[22.9,54.6]},
       "properties":{"objective":"kaunas","vehicle":"tracked","season":"dry","with_sensors":true,
       "detected_by":"manned post","warning_h":2.5,"warning_at_3km_h":null}}]}
      """;

  /** Two settlements in reach: one the plan cuts off, one that needs 1.5 h of warning. */
  static final String CIVILIANS =
      """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","geometry":{"type":"Point","coordinates":[24.2,54.3]},
       "properties":{"name":"Kaimas","population":120,"arrival_h":3.0,"evacuation_h":null,
       "warning_needed_h":null,"cut_off":true,"unless_opened":false,"no_road":false}},
      {"type":"Feature","geometry":{"type":"Point","coordinates":[24.6,54.7]},
       "properties":{"name":"Miestelis","population":2400,"arrival_h":2.0,"evacuation_h":3.5,
       "warning_needed_h":1.5,"cut_off":false,"unless_opened":false,"no_road":false}}]}
      """;

  static JobType assessment() {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER);
      }

      @Override
      public void validate(JsonNode p) {}

      @Override
      public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
        String tag = p.path("tag").asText("a");
        Files.writeString(
            dir.resolve("avenues.geojson"),
            AVENUES.replace("\"time_h\"", "\"tag\":\"" + tag + "\",\"time_h\""));
        Files.writeString(dir.resolve("warning.geojson"), WARNING);
        Files.writeString(dir.resolve("civilians.geojson"), CIVILIANS);
        return new ObjectMapper().createObjectNode();
      }
    };
  }

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of("assess", assessment()));
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  @Test
  void warningAndAvenuesAreServedFromTheNewestFinishedAssessment() throws Exception {
    TestServer.Client v = ts.as(Role.VIEWER);
    String before = v.json(v.get("/ogc/collections?f=json")).get("collections").toString();
    assertThat(before).doesNotContain("\"warning\"", "\"avenues\"");
    JsonNode none = v.json(v.get("/ogc/collections/warning/items?f=json"));
    assertThat(none.get("status").asInt()).as(none.toString()).isEqualTo(404);
    assertThat(v.get("/ogc/collections/avenues/items?f=json").statusCode()).isEqualTo(404);

    TestServer.Client planner = ts.as(Role.PLANNER);
    String id = planner.json(planner.send("POST", "/api/jobs/assess", "{}")).get("id").asText();
    for (int i = 0; i < 200; i++) {
      String state = planner.json(planner.get("/api/jobs/" + id + "/status")).get("state").asText();
      if (!List.of("queued", "running").contains(state)) {
        assertThat(state).isEqualTo("succeeded");
        break;
      }
      Thread.sleep(50);
    }

    // the planner's own until published (issue 18, finding 8)
    assertThat(v.get("/ogc/collections/avenues/items?f=json").statusCode()).isEqualTo(404);
    assertThat(planner.send("POST", "/api/jobs/" + id + "/publish", "{}").statusCode())
        .isEqualTo(200);

    JsonNode cs = v.json(v.get("/ogc/collections?f=json")).get("collections");
    assertThat(cs.toString()).contains("\"warning\"", "Warning time (newest published assessment)");
    JsonNode items = v.json(v.get("/ogc/collections/warning/items?f=json"));
    assertThat(items.get("numberMatched").asInt()).isEqualTo(2);
    assertThat(items.get("features").get(0).get("geometry").get("type").asText())
        .isEqualTo("Point");
    assertThat(items.get("features").get(0).get("properties").get("detected_by").asText())
        .isEqualTo("sensor");
    // bbox around Kaunas: the manned post's point only
    JsonNode kaunas =
        v.json(v.get("/ogc/collections/warning/items?f=json&bbox=22.5,54.4,23.5,54.8"));
    assertThat(kaunas.get("features")).hasSize(1);
    assertThat(kaunas.get("features").get(0).get("properties").get("warning_h").asDouble())
        .isEqualTo(2.5);
    JsonNode one = v.json(v.get("/ogc/collections/warning/items/1?f=json"));
    assertThat(one.get("properties").get("objective").asText()).isEqualTo("kaunas");
    assertThat(v.get("/ogc/collections/warning/items/2?f=json").statusCode()).isEqualTo(404);
    assertThat(v.json(v.get("/ogc/collections/avenues/items?f=json")).get("features")).hasSize(1);
    // the civilians in 48 h reach, the cut-off settlement among them
    assertThat(cs.toString()).contains("\"civilians\"");
    JsonNode civ = v.json(v.get("/ogc/collections/civilians/items?f=json"));
    assertThat(civ.get("numberMatched").asInt()).isEqualTo(2);
    assertThat(civ.get("features").get(0).get("properties").get("cut_off").asBoolean()).isTrue();
    assertThat(civ.get("features").get(1).get("properties").get("warning_needed_h").asDouble())
        .isEqualTo(1.5);
  }

  /** Runs an assessment job as {@code c} with a tag its avenues carry; returns the job id. */
  static String finishedRun(TestServer.Client c, String tag) throws Exception {
    String id =
        c.json(c.send("POST", "/api/jobs/assess", "{\"tag\":\"" + tag + "\"}")).get("id").asText();
    for (int i = 0; i < 200; i++) {
      String state = c.json(c.get("/api/jobs/" + id + "/status")).get("state").asText();
      if (!List.of("queued", "running").contains(state)) {
        assertThat(state).isEqualTo("succeeded");
        return id;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  static String sharedTag(TestServer.Client v) {
    return v.json(v.get("/ogc/collections/avenues/items?f=json"))
        .get("features")
        .get(0)
        .get("properties")
        .get("tag")
        .asText();
  }

  /**
   * Issue 18, finding 8: a run reaches the shared layer only when its owner (or an admin) publishes
   * it; a newer private or bogus run does not replace it, and nobody else can publish it.
   */
  @Test
  void onlyAnExplicitlyPublishedRunIsShared() throws Exception {
    try (TestServer own = new TestServer(TestServer.tempDir(), Map.of("assess", assessment()))) {
      TestServer.Client planner = own.as(Role.PLANNER);
      TestServer.Client viewer = own.as(Role.VIEWER);
      String shared = finishedRun(planner, "shared");
      assertThat(planner.send("POST", "/api/jobs/" + shared + "/publish", "{}").statusCode())
          .isEqualTo(200);
      assertThat(sharedTag(viewer)).isEqualTo("shared");

      String bogus = finishedRun(planner, "bogus");
      assertThat(sharedTag(viewer)).as("a newer private run").isEqualTo("shared");
      assertThat(viewer.send("POST", "/api/jobs/" + bogus + "/publish", "{}").statusCode())
          .as("a viewer may not publish")
          .isEqualTo(403);
      if (own.accounts.list().stream().noneMatch(u -> u.username().equals("planner2"))) {
        own.accounts.create("planner2", TestServer.PASSWORD, Role.PLANNER);
      }
      TestServer.Client planner2 = own.anonymous().login("planner2");
      assertThat(planner2.send("POST", "/api/jobs/" + bogus + "/publish", "{}").statusCode())
          .as("another planner's run is not theirs to publish")
          .isEqualTo(404);
      assertThat(sharedTag(viewer)).isEqualTo("shared");

      TestServer.Client admin = own.as(Role.ADMIN);
      JsonNode published = admin.json(admin.send("POST", "/api/jobs/" + bogus + "/publish", "{}"));
      assertThat(published.get("published_by").asText()).isEqualTo("admin");
      assertThat(sharedTag(viewer)).isEqualTo("bogus");
    }
  }
}
