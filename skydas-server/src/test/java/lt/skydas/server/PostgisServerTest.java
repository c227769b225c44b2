package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.registry.Role;
import lt.skydas.registry.TestDatabases;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on PostGIS (a fresh database on {@code SKYDAS_TEST_PG_URL}; skipped without it, failed
 * in CI): accounts and sessions in PostgreSQL, records written by concurrent clients all stored,
 * OGC items read back.
 */
class PostgisServerTest {
  @Test
  void concurrentClientsWriteAndReadThroughPostgis(@TempDir Path dir) throws Exception {
    String url = TestDatabases.freshPostgis();
    try (TestServer ts = new TestServer(dir, Map.of(), JdbcStore.open(url, true))) {
      assertThat(ts.anonymous().json(ts.anonymous().get("/api/health")).get("database").asText())
          .isEqualTo("postgis");
      TestServer.Client planner = ts.as(Role.PLANNER);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Integer>> fs = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int k = i;
        fs.add(
            pool.submit(
                () ->
                    planner
                        .send(
                            "POST",
                            "/api/records",
                            """
                            {"type": "Feature", "id": "pg-%d", "properties": {"type": "bunker", "name": "Įtvirtinimas %d"},
                             "geometry": {"type": "Point", "coordinates": [%.4f, 55.1]}}
                            """
                                .formatted(k, k, 24.0 + k * 0.01))
                        .statusCode()));
      }
      int created = 0;
      for (Future<Integer> f : fs) {
        created += f.get() == 201 ? 1 : 0;
      }
      pool.shutdown();
      assertThat(created).isEqualTo(40);
      assertThat(ts.registry.count()).isEqualTo(40);
      HttpResponse<String> items =
          planner.get("/ogc/collections/obstacles/items?limit=100&bbox=23.9,55,24.5,55.2");
      assertThat(planner.json(items).get("features")).hasSize(40);
      assertThat(items.body()).contains("Įtvirtinimas 7");
      assertThat(ts.registry.verify().ok()).isTrue();
    }
  }
}
