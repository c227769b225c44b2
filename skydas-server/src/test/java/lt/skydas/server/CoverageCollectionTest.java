package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lt.skydas.core.geojson.Feature;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.server.api.CoverageSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OGC collection {@code coverage}: listed, served from the source's features, computed once and
 * again only when a sensor record changes. The source here stands in for skydas-observe's (wired by
 * skydas-cli): a 1 km box around each site, for one target class.
 */
class CoverageCollectionTest {
  static TestServer ts;
  static final AtomicInteger CALLS = new AtomicInteger();
  static final List<List<String>> SEEN = new ArrayList<>();

  static final CoverageSource BOXES =
      sensors -> {
        CALLS.incrementAndGet();
        SEEN.add(sensors.stream().map(RegistryRecord::id).toList());
        org.locationtech.jts.geom.Geometry g =
            new org.locationtech.jts.geom.GeometryFactory().createPolygon();
        for (RegistryRecord r : sensors) {
          g = g.union(r.geometry().buffer(0.01, 1));
        }
        return List.of(
            new Feature(
                "vehicle",
                0,
                g,
                Map.of(
                    "target", "vehicle", "observed_km2", g.getArea(), "sensors", sensors.size())));
      };

  @BeforeAll
  static void start() throws Exception {
    Path d = Files.createTempDirectory("skydas-coverage-api");
    ts = new TestServer(d, Map.of(), JdbcStore.open(d.resolve("reg.gpkg").toString(), true), BOXES);
  }

  @AfterAll
  static void stop() {
    ts.close();
  }

  @Test
  void theCoverageCollectionFollowsTheSensorRecords() {
    TestServer.Client planner = ts.as(Role.PLANNER);
    JsonNode collections = planner.json(planner.get("/ogc/collections?f=json"));
    assertThat(collections.get("collections").toString()).contains("\"coverage\"");

    JsonNode none = planner.json(planner.get("/ogc/collections/coverage/items?f=json"));
    assertThat(none.get("features")).hasSize(1);
    assertThat(none.get("features").get(0).get("properties").get("sensors").asInt()).isZero();
    assertThat(CALLS.get()).isEqualTo(1);

    HttpResponse<String> made =
        planner.send(
            "POST", "/api/records", ApiTest.RADAR.formatted("cov-s1", ", \"azimuth_deg\": 45"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode one = planner.json(planner.get("/ogc/collections/coverage/items?f=json"));
    assertThat(one.get("features").get(0).get("properties").get("sensors").asInt()).isEqualTo(1);
    assertThat(one.get("features").get(0).get("geometry").get("type").asText())
        .isEqualTo("Polygon");
    assertThat(CALLS.get()).isEqualTo(2);

    planner.get("/ogc/collections/coverage/items?f=json");
    planner.get("/ogc/collections/coverage/items?f=json&bbox=24.5,55.2,24.7,55.4");
    assertThat(CALLS.get()).as("served from the cache while nothing changes").isEqualTo(2);
    // one feature by its index, as for any other layer
    JsonNode item = planner.json(planner.get("/ogc/collections/coverage/items/0?f=json"));
    assertThat(item.path("properties").path("target").asText())
        .as(item.toString())
        .isEqualTo("vehicle");

    HttpResponse<String> moved =
        planner.send(
            "PUT",
            "/api/records/cov-s1",
            """
            {"type": "Feature", "version": 1, "properties": {"azimuth_deg": 90},
             "geometry": {"type": "Point", "coordinates": [24.70, 55.30]}}
            """);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    JsonNode after = planner.json(planner.get("/ogc/collections/coverage/items?f=json"));
    assertThat(CALLS.get()).as("recomputed after the edit").isEqualTo(3);
    assertThat(after.get("features").get(0).get("geometry").toString()).contains("24.71");
    assertThat(SEEN.get(2)).containsExactly("cov-s1");
  }
}
