package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The humanitarian policy over HTTP: anyone signed in reads it, only an admin sets it (with a
 * reason), a refused change is an RFC 9457 problem naming the member and leaves the old policy in
 * force, and records sent through the API meet it, each refusal naming the rule, the record and the
 * distance.
 */
class PolicyApiTest {
  static TestServer ts;

  /** A minefield 2 km from any dwelling of the shipped data. */
  static final String AP_FIELD =
      """
      {"type": "Feature", "id": "%s", "properties": {"type": "ap_minefield"},
       "geometry": {"type": "LineString", "coordinates": [[23.69, 55.09], [23.71, 55.095]]}}
      """;

  /** An AT minefield in the village of Pašėtė (the shipped settlements). */
  static final String IN_VILLAGE =
      """
      {"type": "Feature", "id": "village-m", "properties": {"type": "at_minefield"},
       "geometry": {"type": "Polygon", "coordinates":
         [[[24.30, 55.30], [24.305, 55.30], [24.305, 55.305], [24.30, 55.305], [24.30, 55.30]]]}}
      """;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  @Test
  void onlyAnAdminSetsItAndARefusedChangeKeepsTheOld() {
    var viewer = ts.as(Role.VIEWER);
    JsonNode now = viewer.json(viewer.get("/api/policy"));
    assertThat(now.get("version").asInt()).isZero();
    assertThat(now.get("summary").asText()).contains("AP mines off", "1000 m civilian buffer");
    assertThat(now.get("buffer_floor_m").asDouble()).isEqualTo(500);

    var planner = ts.as(Role.PLANNER);
    String body = "{\"policy\": {\"civilian_buffer_m\": 1200}, \"reason\": \"wider\"}";
    assertThat(planner.send("PUT", "/api/policy", body).statusCode()).isEqualTo(403);

    var admin = ts.as(Role.ADMIN);
    HttpResponse<String> below =
        admin.send(
            "PUT", "/api/policy", "{\"policy\": {\"civilian_buffer_m\": 100}, \"reason\": \"x\"}");
    assertThat(below.statusCode()).isEqualTo(400);
    assertThat(below.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(admin.json(below).get("detail").asText())
        .contains("civilian_buffer_m", "below the floor of 500 m");
    HttpResponse<String> noReason =
        admin.send("PUT", "/api/policy", "{\"policy\": {\"civilian_buffer_m\": 1200}}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(admin.json(noReason).toString()).contains("reason");
    HttpResponse<String> unknown =
        admin.send(
            "PUT",
            "/api/policy",
            "{\"policy\": {\"protected_areas\": {\"minefields\": \"allowed\"}}, \"reason\": \"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(admin.json(unknown).get("detail").asText())
        .contains("protected_areas.minefields: unknown obstacle kind");
    assertThat(viewer.json(viewer.get("/api/policy")).get("version").asInt()).isZero();

    HttpResponse<String> ok = admin.send("PUT", "/api/policy", body);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode set = admin.json(ok);
    assertThat(set.get("version").asInt()).isEqualTo(1);
    assertThat(set.get("policy").get("civilian_buffer_m").asDouble()).isEqualTo(1200);
    assertThat(set.get("set_by").asText()).isEqualTo("admin");
    JsonNode history = viewer.json(viewer.get("/api/policy/history"));
    assertThat(history.get("versions").get(0).get("reason").asText()).isEqualTo("wider");
  }

  @Test
  void recordsSentThroughTheApiMeetThePolicy() {
    var planner = ts.as(Role.PLANNER);
    HttpResponse<String> village = planner.send("POST", "/api/records", IN_VILLAGE);
    assertThat(village.statusCode()).isEqualTo(400);
    assertThat(planner.json(village).get("detail").asText())
        .contains("village-m", "civilian_buffer", "lies 0 m from", "inside the");
    HttpResponse<String> ap = planner.send("POST", "/api/records", AP_FIELD.formatted("ap-api"));
    assertThat(ap.statusCode()).isEqualTo(400);
    assertThat(planner.json(ap).get("detail").asText()).contains("ap-api", "ap_mines_not_enabled");
    assertThat(ts.registry.find("ap-api")).isEmpty();
    assertThat(ts.registry.find("village-m")).isEmpty();
    // AP mines in the lots of an anti-tank type are AP mines
    HttpResponse<String> lots =
        planner.send(
            "POST",
            "/api/records",
            """
            {"type": "Feature", "id": "lots-api", "properties": {"type": "at_minefield",
              "minefield": {"lots": [{"model": "PMN-4", "category": "AP", "count": 50}]}},
             "geometry": {"type": "LineString", "coordinates": [[23.69, 55.09], [23.71, 55.095]]}}
            """);
    assertThat(lots.statusCode()).as(lots.body()).isEqualTo(400);
    assertThat(planner.json(lots).get("detail").asText())
        .contains("lots-api", "ap_mines_not_enabled", "PMN-4 × 50 (AP)");
    assertThat(lots.body()).contains("minefield.lots");
    assertThat(ts.registry.find("lots-api")).isEmpty();
  }
}
