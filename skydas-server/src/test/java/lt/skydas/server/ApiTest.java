package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.Emplacement.Employment;
import lt.skydas.registry.Action;
import lt.skydas.registry.Lifecycle;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.server.http.RouteSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API against a real server on a loopback port: sessions, CSRF, records, problems. */
class ApiTest {
  static TestServer ts;

  static final String DITCH =
      """
      {"type": "Feature", "id": "%s", "properties": {"type": "at_ditch", "name": "Griovys prie Šalčininkų"},
       "geometry": {"type": "LineString", "coordinates": [[24.%s, 55.20], [24.%s, 55.21]]}}
      """;

  static String ditch(String id, int i) {
    return DITCH.formatted(id, 20 + i, 23 + i);
  }

  @BeforeAll
  static void start() throws Exception {
    Path d = TestServer.tempDir();
    ts = new TestServer(d, Map.of());
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  @Test
  void healthIsPublicAndNamesTheDatabase() {
    HttpResponse<String> r = ts.anonymous().get("/api/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ts.anonymous().json(r).get("database").asText()).isEqualTo("geopackage");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
  }

  @Test
  void statusesComeInLifecycleOrderWithWhatAnAssessmentCounts() {
    JsonNode st = ts.as(Role.VIEWER).json(ts.as(Role.VIEWER).get("/api/statuses")).get("statuses");
    List<String> ids = new java.util.ArrayList<>();
    List<String> standing = new java.util.ArrayList<>();
    st.forEach(
        s -> {
          ids.add(s.get("id").asText());
          if (s.get("standing").asBoolean()) {
            standing.add(s.get("id").asText());
          }
        });
    assertThat(ids)
        .containsExactlyElementsOf(
            java.util.Arrays.stream(Status.values()).map(Status::id).toList());
    assertThat(standing).startsWith("planned").doesNotContain("cleared", "land_released");
    JsonNode lc =
        ts.as(Role.VIEWER).json(ts.as(Role.VIEWER).get("/api/statuses")).get("lifecycles");
    assertThat(strings(lc.get("reserved").get("statuses")))
        .containsExactly(
            "planned",
            "approved",
            "prepared",
            "ordered",
            "executed",
            "breached",
            "damaged",
            "clearance_in_progress",
            "cleared",
            "land_released");
    assertThat(lc.get("crisis_laid").get("steps").toString())
        .contains(
            "{\"action\":\"order\",\"from\":[\"stocked\"],\"to\":\"ordered\",\"roles\":[\"admin\"]}");
    assertThat(strings(lc.get("depot").get("statuses")))
        .containsExactly(
            "planned",
            "approved",
            "prepared",
            "stocked",
            "clearance_in_progress",
            "cleared",
            "land_released");
    assertThat(ts.anonymous().get("/api/statuses").statusCode()).isEqualTo(401);
  }

  @Test
  void wrongPasswordIsA401ProblemAndTheSessionCookieIsHttpOnlyStrict() {
    HttpResponse<String> bad =
        ts.anonymous()
            .send(
                "POST", "/api/login", "{\"username\":\"viewer\",\"password\":\"nope nope nope\"}");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode p = ts.anonymous().json(bad);
    assertThat(p.get("type").asText()).isEqualTo("https://skydas.lt/problems/unauthenticated");
    assertThat(p.get("status").asInt()).isEqualTo(401);
    assertThat(p.get("detail").asText()).isEqualTo("wrong user name or password");
    assertThat(p.get("instance").asText()).isEqualTo("/api/login");

    HttpResponse<String> ok =
        ts.anonymous()
            .send(
                "POST",
                "/api/login",
                "{\"username\":\"planner\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(ok.statusCode()).isEqualTo(200);
    String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(SkydasServer.SESSION_COOKIE + "=")
        .contains("HttpOnly", "SameSite=Strict");
    assertThat(ts.anonymous().json(ok).get("role").asText()).isEqualTo("planner");
  }

  @Test
  void createReadListActOnARecordWithCsrfAndVersions() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> noCsrf =
        planner.withoutCsrf().send("POST", "/api/records", ditch("api-d1", 1));
    assertThat(noCsrf.statusCode()).as(noCsrf.body()).isEqualTo(403);
    assertThat(noCsrf.body()).contains("X-CSRF-Token");
    assertThat(ts.registry.find("api-d1")).isEmpty();

    HttpResponse<String> made = planner.send("POST", "/api/records", ditch("api-d1", 1));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(ts.registry.find("api-d1")).isPresent();

    HttpResponse<String> one = planner.get("/api/records/api-d1");
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode f = planner.json(one);
    assertThat(f.get("properties").get("name").asText()).isEqualTo("Griovys prie Šalčininkų");
    assertThat(f.get("properties").get("status").asText()).isEqualTo("planned");
    assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
    assertThat(one.headers().firstValue("ETag")).hasValue("\"1\"");

    HttpResponse<String> inBox = planner.get("/api/records?bbox=24.1,55.1,24.3,55.3");
    assertThat(planner.json(inBox).get("features").toString()).contains("api-d1");
    HttpResponse<String> outOfBox = planner.get("/api/records?bbox=25,54,25.1,54.1");
    assertThat(planner.json(outOfBox).get("features").toString()).doesNotContain("api-d1");

    // the admin approves; a bearer token needs no CSRF header
    TestServer.Client admin = ts.as(Role.ADMIN).bearer();
    JsonNode adminView = admin.json(admin.get("/api/records/api-d1"));
    assertThat(adminView.get("allowed_actions").toString()).contains("approve");
    HttpResponse<String> approve =
        admin.send("POST", "/api/records/api-d1/actions", "{\"action\":\"approve\",\"version\":1}");
    assertThat(approve.statusCode()).as(approve.body()).isEqualTo(200);
    HttpResponse<String> stale =
        admin.send("POST", "/api/records/api-d1/actions", "{\"action\":\"approve\",\"version\":1}");
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);

    JsonNode history = planner.json(planner.get("/api/records/api-d1/history"));
    assertThat(history.get("events").size()).isEqualTo(2);
    assertThat(history.get("events").get(1).get("action").asText()).isEqualTo("approve");
  }

  @Test
  void theRegistryRefusesALifecycleActionTheRoleDoesNotOwn() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    assertThat(planner.send("POST", "/api/records", ditch("api-d2", 5)).statusCode())
        .isEqualTo(201);
    HttpResponse<String> r =
        planner.send(
            "POST", "/api/records/api-d2/actions", "{\"action\":\"approve\",\"version\":1}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(ts.registry.find("api-d2").orElseThrow().status().id()).isEqualTo("planned");
  }

  @Test
  void badInputIsAProblemNamingWhatIsWrong() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> notJson = planner.send("POST", "/api/records", "{\"type\": \"Feature\", ");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(planner.json(notJson).get("code").asText()).isEqualTo("bad-input");

    HttpResponse<String> outside =
        planner.send(
            "POST",
            "/api/records",
            """
            {"type": "Feature", "id": "far", "properties": {"type": "bunker"},
             "geometry": {"type": "Point", "coordinates": [2.35, 48.85]}}
            """);
    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(400);
    assertThat(planner.json(outside).get("detail").asText())
        .contains("far")
        .contains("request body")
        .doesNotContain("upload-")
        .doesNotContain(ts.dir.toString());

    HttpResponse<String> bbox = planner.get("/api/records?bbox=1,2,3");
    assertThat(bbox.statusCode()).isEqualTo(400);
    assertThat(planner.json(bbox).get("detail").asText()).contains("bbox");
    assertThat(planner.json(bbox).get("errors").get(0).get("field").asText()).isEqualTo("bbox");
    HttpResponse<String> limit = planner.get("/api/records?limit=0");
    assertThat(planner.json(limit).get("errors").get(0).get("field").asText()).isEqualTo("limit");

    HttpResponse<String> missing = planner.get("/api/records/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(planner.json(missing).get("detail").asText()).isEqualTo("no record nope");

    HttpResponse<String> nowhere = planner.get("/api/no-such-route");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  static final String RADAR =
      """
      {"type": "Feature", "id": "%s", "properties": {"type": "cuas_radar", "name": "Radaras"%s},
       "geometry": {"type": "Point", "coordinates": [24.61, 55.31]}}
      """;

  @Test
  void sensorSitesAreRecordsWithTheirCatalogSymbolAndAnOgcCollection() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    JsonNode catalog = planner.json(planner.get("/api/catalog"));
    JsonNode gsr = null;
    for (JsonNode t : catalog.get("sensor_types")) {
      if (t.get("id").asText().equals("gsr_portable")) {
        gsr = t;
      }
    }
    assertThat(gsr).isNotNull();
    assertThat(gsr.get("sidc").asText()).hasSize(15).isEqualTo("SFGPESR--------");
    assertThat(gsr.get("geometry").asText()).isEqualTo("point");
    assertThat(gsr.get("category").asText()).isEqualTo("surveillance");
    assertThat(gsr.get("range_m").get("vehicle").asDouble()).isPositive();
    assertThat(catalog.get("types").toString()).contains("at_ditch").doesNotContain("gsr_portable");

    HttpResponse<String> noArc =
        planner.send("POST", "/api/records", RADAR.formatted("api-s1", ""));
    assertThat(noArc.statusCode()).as(noArc.body()).isEqualTo(400);
    assertThat(planner.json(noArc).get("errors").toString())
        .contains("azimuth_deg")
        .contains("covers a 120° arc");
    HttpResponse<String> tooHigh =
        planner.send(
            "POST",
            "/api/records",
            RADAR.formatted("api-s1", ", \"azimuth_deg\": 45, \"height_m\": 4000"));
    assertThat(planner.json(tooHigh).get("errors").toString()).contains("height_m");

    HttpResponse<String> made =
        planner.send("POST", "/api/records", RADAR.formatted("api-s1", ", \"azimuth_deg\": 45"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode f = planner.json(planner.get("/api/records/api-s1"));
    assertThat(f.get("properties").get("kind").asText()).isEqualTo("sensor");
    assertThat(f.get("properties").get("azimuth_deg").asDouble()).isEqualTo(45.0);
    assertThat(strings(f.get("allowed_edits"))).containsExactly("details", "geometry");
    HttpResponse<String> turned =
        planner.send(
            "PUT",
            "/api/records/api-s1",
            """
            {"type": "Feature", "version": 1, "properties": {"azimuth_deg": 200},
             "geometry": {"type": "Point", "coordinates": [24.612, 55.31]}}
            """);
    assertThat(turned.statusCode()).as(turned.body()).isEqualTo(200);
    assertThat(ts.registry.find("api-s1").orElseThrow().azimuth_deg()).isEqualTo(200.0);

    assertThat(planner.json(planner.get("/api/records?kind=sensor")).get("features").toString())
        .contains("api-s1")
        .doesNotContain("api-d1");
    assertThat(planner.get("/api/records?kind=jammer").body())
        .contains("obstacle, minefield, sensor, depot or shelter");
    TestServer.Client admin = ts.as(Role.ADMIN);
    assertThat(strings(admin.json(admin.get("/api/records/api-s1")).get("allowed_actions")))
        .isEqualTo(
            Lifecycle.of(Employment.PERMANENT)
                .offered(Status.PLANNED, RecordKind.SENSOR, Role.ADMIN)
                .stream()
                .map(Action::id)
                .toList());

    JsonNode collections = planner.json(planner.get("/ogc/collections?f=json"));
    assertThat(collections.get("collections").toString()).contains("\"sensors\"");
    JsonNode items = planner.json(planner.get("/ogc/collections/sensors/items?f=json"));
    assertThat(items.get("features").toString()).contains("api-s1").doesNotContain("api-d1");
    assertThat(planner.get("/ogc/collections/obstacles/items/api-s1?f=json").statusCode())
        .isEqualTo(404);
    assertThat(planner.get("/ogc/collections/sensors/items/api-s1?f=json").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aNeighboursLineIsServedReadOnlyWithItsOwnerAndProvenance() {
    ts.registry.importNeighbourLine(
        new lt.skydas.registry.Actor("ona", Role.PLANNER),
        "PL",
        "east-shield.geojson",
        null,
        java.util.List.of(
            lt.skydas.registry.RecordDraft.builder()
                .withId("pl-1")
                .withType("at_ditch")
                .withGeometry(
                    new org.locationtech.jts.geom.GeometryFactory()
                        .createLineString(
                            new org.locationtech.jts.geom.Coordinate[] {
                              new org.locationtech.jts.geom.Coordinate(22.90, 54.10),
                              new org.locationtech.jts.geom.Coordinate(22.92, 54.10)
                            }))
                .build()));
    TestServer.Client viewer = ts.as(Role.VIEWER);
    assertThat(viewer.json(viewer.get("/ogc/collections?f=json")).get("collections").toString())
        .contains("\"neighbour-lines\"");
    JsonNode items = viewer.json(viewer.get("/ogc/collections/neighbour-lines/items?f=json"));
    JsonNode p = items.get("features").get(0).get("properties");
    assertThat(p.get("id").asText()).isEqualTo("pl-1");
    assertThat(p.get("owner").asText()).isEqualTo("PL");
    assertThat(p.get("read_only").asBoolean()).isTrue();
    assertThat(p.get("source").asText()).isEqualTo("east-shield.geojson");
    assertThat(p.get("sha256").asText()).hasSize(64);
    // not a record: the records API does not have it, so nothing edits it over HTTP
    assertThat(ts.as(Role.ADMIN).get("/api/records/pl-1").statusCode()).isEqualTo(404);
  }

  @Test
  void aDepotIsPostedWithItsStockAndServedAsItsOwnCollection() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    String depot =
        """
        {"type": "Feature", "properties": {"id": "%s", "type": "depot", "name": "Alytus",
         "depot": {"stock": {%s}, "storage": "magazine 2"}},
         "geometry": {"type": "Point", "coordinates": [24.05, 54.40]}}
        """;
    HttpResponse<String> bad =
        planner.send("POST", "/api/records", depot.formatted("api-dep1", "\"tnt_kg\": 5"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(planner.json(bad).get("errors").toString())
        .contains("depot.stock.tnt_kg")
        .contains("unknown stock kind 'tnt_kg'");
    HttpResponse<String> made =
        planner.send("POST", "/api/records", depot.formatted("api-dep1", "\"at_mines\": 15000"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode f = planner.json(planner.get("/api/records/api-dep1"));
    assertThat(f.get("properties").get("kind").asText()).isEqualTo("depot");
    assertThat(f.get("properties").get("depot").get("stock").get("at_mines").asDouble())
        .isEqualTo(15000.0);
    assertThat(strings(f.get("allowed_edits"))).containsExactly("details", "geometry", "stock");
    assertThat(planner.json(planner.get("/api/records?kind=depot")).get("features").toString())
        .contains("api-dep1");
    JsonNode items = planner.json(planner.get("/ogc/collections/depots/items?f=json"));
    assertThat(items.get("features").toString()).contains("api-dep1");
    assertThat(planner.get("/ogc/collections/obstacles/items/api-dep1?f=json").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aShelterIsPostedCommissionedByAnInspectorAndServedAsItsOwnCollection() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    String shelter =
        """
        {"type": "Feature", "properties": {"id": "api-sh1", "type": "shelter", "name": "School",
         "shelter": {"capacity_persons": %d, "protection": "basement"}},
         "geometry": {"type": "Point", "coordinates": [24.05, 54.40]}}
        """;
    HttpResponse<String> bad = planner.send("POST", "/api/records", shelter.formatted(-3));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(planner.json(bad).get("errors").toString())
        .contains("shelter.capacity_persons")
        .contains("must be a whole number of people from 1 to 100000 (is -3)");
    HttpResponse<String> made = planner.send("POST", "/api/records", shelter.formatted(240));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode f = planner.json(planner.get("/api/records/api-sh1"));
    assertThat(f.get("properties").get("kind").asText()).isEqualTo("shelter");
    assertThat(f.get("properties").get("shelter").get("capacity_persons").asInt()).isEqualTo(240);
    assertThat(strings(f.get("allowed_edits"))).contains("shelter");
    ts.registry.transition(
        new lt.skydas.registry.Actor("a", Role.ADMIN), "api-sh1", 1, Action.APPROVE);
    TestServer.Client inspector = ts.as(Role.INSPECTOR);
    JsonNode approved = inspector.json(inspector.get("/api/records/api-sh1"));
    assertThat(strings(approved.get("allowed_actions"))).contains("commission");
    HttpResponse<String> page = planner.get("/ogc/collections/shelters/items?f=json");
    JsonNode items = planner.json(page);
    assertThat(items.get("features").toString()).contains("api-sh1");
    // registry data is not for shared caches (issue 18, finding 9)
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(planner.get("/api/records?kind=shelter").body()).contains("api-sh1");
    assertThat(planner.get("/ogc/collections/depots/items/api-sh1?f=json").statusCode())
        .isEqualTo(404);
  }

  @Test
  void wktNestedThousandsDeepIsA400ProblemNotAStackOverflow() {
    TestServer.Client inspector = ts.as(Role.INSPECTOR);
    String deep = "GEOMETRYCOLLECTION " + "(".repeat(5000) + ")".repeat(5000);
    HttpResponse<String> r =
        inspector.send(
            "POST",
            "/api/records/nobody/activities",
            "{\"kind\": \"inspection\", \"geometry\": \"" + deep + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("nested more than 16 deep");
  }

  @Test
  void aMemberGivenTwiceIsRefusedNotSilentlyTheLast() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    HttpResponse<String> r =
        planner.send(
            "POST",
            "/api/records",
            """
            {"type": "Feature", "properties": {"id": "twice", "type": "bunker",
             "status": "planned", "status": "emplaced"},
             "geometry": {"type": "Point", "coordinates": [24.05, 54.40]}}
            """);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("Duplicate field 'status'");
    assertThat(planner.get("/api/records/twice").statusCode()).isEqualTo(404);
  }

  @Test
  void openApiListsEveryRoute() {
    JsonNode doc = ts.anonymous().json(ts.anonymous().get("/api/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.0");
    for (RouteSpec r : ts.server.routes()) {
      assertThat(doc.get("paths").has(r.path())).as(r.path()).isTrue();
      assertThat(doc.get("paths").get(r.path()).has(r.method().toLowerCase()))
          .as(r.path())
          .isTrue();
    }
    JsonNode schemas = doc.get("components").get("schemas");
    assertThat(schemas.get("Problem").get("properties").get("errors").get("items").toString())
        .contains("FieldError");
    assertThat(schemas.get("FieldError").get("properties").has("field")).isTrue();
    assertThat(schemas.get("Record").get("properties").has("allowed_actions")).isTrue();
    assertThat(strings(schemas.get("Status").get("enum")))
        .containsExactlyElementsOf(
            java.util.Arrays.stream(Status.values()).map(Status::id).toList())
        .contains("prepared", "stocked", "ordered", "laid", "executed");
    assertThat(strings(schemas.get("Action").get("enum")))
        .contains("prepare", "stock", "order", "execute", "lay", "stand_down");
    assertThat(doc.at("/paths/~1api~1records~1{id}/get/responses/200/content").toString())
        .contains("#/components/schemas/Record");
  }

  @Test
  void logoutEndsTheSession() {
    TestServer.Client v = ts.as(Role.VIEWER);
    assertThat(v.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(v.send("POST", "/api/logout", null).statusCode()).isEqualTo(204);
    assertThat(v.get("/api/me").statusCode()).isEqualTo(401);
  }

  /** A minefield 2.8 km from any dwelling of the shipped data (the civilian buffer holds). */
  static final String MINEFIELD =
      """
      {"type": "Feature", "id": "%s", "properties": {"type": "at_minefield"},
       "geometry": {"type": "Polygon", "coordinates":
         [[[23.69, 55.09], [23.694, 55.09], [23.694, 55.094], [23.69, 55.094], [23.69, 55.09]]]}}
      """;

  static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** What the shipped catalog's at_minefield (crisis-laid) offers to {@code r} in {@code s}. */
  static List<String> offered(Status s, Role r) {
    return Lifecycle.of(Employment.CRISIS_LAID).offered(s, RecordKind.MINEFIELD, r).stream()
        .map(Action::id)
        .toList();
  }

  @Test
  void aRecordComesWithTheActionsTheCallersRoleMayTakeOnItsStatus() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    TestServer.Client admin = ts.as(Role.ADMIN);
    TestServer.Client engineer = ts.as(Role.ENGINEER);
    assertThat(planner.send("POST", "/api/records", MINEFIELD.formatted("api-m1")).statusCode())
        .isEqualTo(201);

    JsonNode asPlanner = planner.json(planner.get("/api/records/api-m1"));
    assertThat(strings(asPlanner.get("allowed_actions")))
        .isEqualTo(offered(Status.PLANNED, Role.PLANNER))
        .isEmpty();
    assertThat(strings(asPlanner.get("allowed_edits"))).containsExactly("details", "geometry");
    assertThat(strings(asPlanner.get("allowed_activities"))).isEmpty();
    JsonNode asAdmin = admin.json(admin.get("/api/records/api-m1"));
    assertThat(strings(asAdmin.get("allowed_actions")))
        .isEqualTo(offered(Status.PLANNED, Role.ADMIN))
        .containsExactly("approve");
    JsonNode listed = admin.json(admin.get("/api/records?kind=minefield")).get("features");
    assertThat(listed.toString()).contains("api-m1");
    listed.forEach(
        f ->
            assertThat(strings(f.get("allowed_actions")))
                .isEqualTo(
                    offered(Status.parse(f.get("properties").get("status").asText()), Role.ADMIN)));
    assertThat(strings(engineer.json(engineer.get("/api/records/api-m1")).get("allowed_actions")))
        .isEmpty();

    assertThat(
            admin
                .send(
                    "POST", "/api/records/api-m1/actions", "{\"action\":\"approve\",\"version\":1}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> wrong =
        engineer.send(
            "POST",
            "/api/records/api-m1/actions",
            "{\"action\":\"start_construction\",\"version\":2}");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
    assertThat(engineer.json(wrong).get("detail").asText())
        .startsWith(
            "record api-m1 is a crisis-laid at_minefield: start_construction is not one of its"
                + " actions (approve,");
    int v = 2;
    for (String[] step :
        new String[][] {
          {"engineer", "prepare"}, {"engineer", "stock"}, {"admin", "order"}, {"engineer", "lay"}
        }) {
      TestServer.Client who = step[0].equals("admin") ? admin : engineer;
      HttpResponse<String> r =
          who.send(
              "POST",
              "/api/records/api-m1/actions",
              "{\"action\":\"" + step[1] + "\",\"version\":" + v++ + "}");
      assertThat(r.statusCode()).as(step[1] + ": " + r.body()).isEqualTo(200);
    }
    JsonNode building = engineer.json(engineer.get("/api/records/api-m1"));
    assertThat(strings(building.get("allowed_actions")))
        .isEqualTo(offered(Status.LAID, Role.ENGINEER))
        .containsExactly("emplace", "mark", "fence", "monitor");
    assertThat(strings(building.get("allowed_edits"))).containsExactly("as_laid");
    assertThat(strings(building.get("allowed_activities"))).contains("incident", "clearance_task");
    assertThat(strings(admin.json(admin.get("/api/records/api-m1")).get("allowed_actions")))
        .isEqualTo(offered(Status.LAID, Role.ADMIN))
        .isEmpty();
  }

  @Test
  void anIncompleteMinefieldRecordIsRefusedWithEveryFieldNamed() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    TestServer.Client engineer = ts.as(Role.ENGINEER);
    String m = MINEFIELD.formatted("api-m2").replace("23.69", "23.71");
    assertThat(planner.send("POST", "/api/records", m).statusCode()).isEqualTo(201);
    ts.registry.transition(
        new lt.skydas.registry.Actor("admin", Role.ADMIN), "api-m2", 1, Action.APPROVE);
    var eng = new lt.skydas.registry.Actor("engineer", Role.ENGINEER);
    ts.registry.transition(eng, "api-m2", 2, Action.PREPARE);
    ts.registry.transition(eng, "api-m2", 3, Action.STOCK);
    ts.registry.transition(
        new lt.skydas.registry.Actor("admin", Role.ADMIN), "api-m2", 4, Action.ORDER);
    ts.registry.transition(eng, "api-m2", 5, Action.LAY);

    HttpResponse<String> r =
        engineer.send(
            "POST", "/api/records/api-m2/actions", "{\"action\":\"emplace\",\"version\":6}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode p = engineer.json(r);
    assertThat(p.get("detail").asText()).startsWith("minefield api-m2 cannot be emplaced");
    List<String> fields = new java.util.ArrayList<>();
    for (JsonNode e : p.get("errors")) {
      assertThat(e.get("message").asText()).isNotBlank().doesNotStartWith(e.get("field").asText());
      fields.add(e.get("field").asText());
    }
    assertThat(fields)
        .contains("minefield.reference_points", "minefield.lots", "minefield.laid_from", "marked");

    // an upload names the feature apart from the field
    HttpResponse<String> badYear =
        planner.send(
            "POST",
            "/api/records",
            ditch("api-d9", 40).replace("\"name\":", "\"year\": 500, \"name\":"));
    assertThat(badYear.statusCode()).as(badYear.body()).isEqualTo(400);
    JsonNode e = planner.json(badYear).get("errors").get(0);
    assertThat(e.get("field").asText()).isEqualTo("year");
    assertThat(e.get("message").asText()).startsWith("must be 1 to 100");
    assertThat(e.get("where").asText()).contains("api-d9");
  }
}
