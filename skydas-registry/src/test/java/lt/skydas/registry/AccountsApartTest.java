package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 5: the GeoPackage map users open held the password hashes and sessions. They
 * now live in a file of their own beside it (0600), or in PostGIS in a schema of their own.
 */
class AccountsApartTest {
  @TempDir Path dir;

  @Test
  void theGeoPackageMapUsersOpenHoldsNoAccountsOrSessions() throws Exception {
    String location = TestDatabases.freshGeoPackage(dir);
    try (Registry reg = Fixtures.open(location)) {
      reg.store()
          .executeRaw(
              "INSERT INTO skydas_user (username, role, password_hash, created_at, disabled)"
                  + " VALUES ('ona', 'planner', 'x', '2027-01-01T00:00:00Z', 0)");
      List<String> seen = new ArrayList<>();
      reg.store()
          .read(
              c -> {
                reg.store().forEachAccount(c, a -> seen.add(a.username()));
                return null;
              });
      assertThat(seen).containsExactly("ona");
    }
    // what QGIS or GDAL sees when it opens the GeoPackage itself
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location);
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT name FROM sqlite_master WHERE name LIKE 'skydas_%'")) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      assertThat(tables).doesNotContain("skydas_user", "skydas_session");
    }
    Path accounts = Path.of(location + ".accounts");
    assertThat(accounts).exists();
    assertThat(PrivateFiles.readableByOthers(accounts)).isFalse();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + accounts);
        ResultSet rs = c.createStatement().executeQuery("SELECT username FROM skydas_user")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ona");
    }
  }

  @Test
  void inPostgisTheyLiveInASchemaOfTheirOwn() throws Exception {
    String url = TestDatabases.Store.POSTGIS.fresh(dir);
    try (Registry reg = Fixtures.open(url)) {
      String schema =
          reg.store()
              .read(
                  c -> {
                    try (ResultSet rs =
                        c.createStatement()
                            .executeQuery(
                                "SELECT table_schema FROM information_schema.tables"
                                    + " WHERE table_name = 'skydas_user'")) {
                      return rs.next() ? rs.getString(1) : null;
                    }
                  });
      assertThat(schema).isEqualTo("skydas_auth");
    }
  }
}
