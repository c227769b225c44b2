package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The indexed bounding-box query against a plain scan of the same records. */
abstract class BboxQueryTest {
  /** The store this run of the suite uses. */
  abstract TestDatabases.Store store();

  Registry open() {
    return Fixtures.open(store().fresh(dir));
  }

  @TempDir Path dir;

  @Test
  void theIndexedQueryReturnsExactlyTheRecordsAScanFinds() {
    long seed = 20261202L;
    Random rnd = new Random(seed);
    try (Registry reg = open()) {
      List<RecordDraft> drafts = new ArrayList<>();
      List<Geometry> geoms = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        double lon = 23.6 + rnd.nextDouble() * 1.6;
        double lat = 54.9 + rnd.nextDouble() * 0.9;
        Geometry g =
            rnd.nextBoolean()
                ? Fixtures.point(lon, lat)
                : Fixtures.line(lon, lat, rnd.nextDouble() * 0.03);
        String type = g.getDimension() == 0 ? "bunker" : "dragons_teeth";
        if (Fixtures.LT.placementProblem(g) != null) {
          continue;
        }
        drafts.add(RecordDraft.planned(String.format("r%04d", i), type, g));
        geoms.add(g);
      }
      reg.importAll(Fixtures.PLANNER, drafts, "random " + seed);
      for (int q = 0; q < 40; q++) {
        double x = 23.6 + rnd.nextDouble() * 1.6;
        double y = 54.9 + rnd.nextDouble() * 0.9;
        Envelope box = new Envelope(x, x + rnd.nextDouble() * 0.5, y, y + rnd.nextDouble() * 0.3);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
          if (geoms.get(i).getEnvelopeInternal().intersects(box)) {
            expected.add(drafts.get(i).id());
          }
        }
        List<String> got =
            reg.list(box, null, null, 10_000, 0).stream().map(RegistryRecord::id).toList();
        assertThat(got)
            .as("seed %d, query %d, box %s", seed, q, box)
            .containsExactlyElementsOf(expected);
      }
    }
  }
}

/** {@link BboxQueryTest} on the embedded GeoPackage. */
class BboxQueryGeoPackageTest extends BboxQueryTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/** {@link BboxQueryTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}; failed in CI). */
class BboxQueryPostgisTest extends BboxQueryTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
