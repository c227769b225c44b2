package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: back up during concurrent writes, restore, verify passes, and every write acknowledged
 * before the backup began is in the copy.
 */
abstract class BackupTest {
  abstract TestDatabases.Store store();

  @TempDir Path dir;

  @Test
  void aBackupDuringWritesRestoresWithEveryAcknowledgedWrite() throws Exception {
    Path backup =
        dir.resolve(store() == TestDatabases.Store.GEOPACKAGE ? "copy.gpkg" : "copy.dump");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    try (Registry reg = Fixtures.open(store().fresh(dir))) {
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; !stop.get() && i < 100_000; i++) {
                  String id = "w" + i;
                  reg.create(
                      PLANNER,
                      RecordDraft.planned(
                          id,
                          "bunker",
                          Fixtures.point(24.0 + (i % 100) * 0.005, 55.0 + (i / 100) * 0.005)));
                  acknowledged.add(id);
                }
              });
      writer.start();
      while (acknowledged.size() < 50) {
        Thread.sleep(10);
      }
      Set<String> before = Set.copyOf(acknowledged);
      ((JdbcStore) reg.store()).backupTo(backup);
      Thread.sleep(200); // writes go on after it
      stop.set(true);
      writer.join();
      assertThat(acknowledged.size()).isGreaterThan(before.size());
      assertThat(PrivateFiles.readableByOthers(backup)).isFalse();
      assertThatThrownBy(() -> ((JdbcStore) reg.store()).backupTo(backup))
          .hasMessageContaining("already exists; a backup is never overwritten");

      String target = store().fresh(dir);
      try (Registry restored =
          new Registry(
              JdbcStore.restore(backup, target),
              Fixtures.CATALOG,
              Fixtures.LT,
              java.time.Clock.systemUTC())) {
        VerifyReport v = restored.verify();
        assertThat(v.problems()).isEmpty();
        List<String> ids =
            restored.list(null, null, null, Integer.MAX_VALUE, 0).stream()
                .map(RegistryRecord::id)
                .toList();
        assertThat(ids).containsAll(before);
        assertThat(v.events()).isEqualTo(ids.size());
      }
      assertThatThrownBy(() -> JdbcStore.restore(backup, target))
          .hasMessageContaining(
              store() == TestDatabases.Store.GEOPACKAGE
                  ? "already exists"
                  : "already holds a registry");
    }
  }
}

/** {@link BackupTest} on the embedded GeoPackage. */
class BackupGeoPackageTest extends BackupTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/** {@link BackupTest} on PostGIS (pg_dump and pg_restore; failed in CI without them). */
class BackupPostgisTest extends BackupTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
