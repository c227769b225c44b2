package lt.skydas.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, empty registry locations for tests: a GeoPackage file, or a brand-new PostgreSQL database
 * on the server {@value #ENV} points at. Run one suite against both stores with
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @EnumSource(TestDatabases.Store.class)
 * void works(TestDatabases.Store store, @TempDir Path dir) {
 *   try (JdbcStore s = JdbcStore.open(store.fresh(dir), true)) { ... }
 * }
 * }</pre>
 *
 * Without {@value #ENV} the PostGIS cases are skipped (aborted), saying how to run them; with env
 * {@code CI=true} they fail instead, so CI cannot pass without them. Thread-safe.
 */
public final class TestDatabases {
  /** Admin connection (a database the server lets us {@code CREATE DATABASE} from). */
  public static final String ENV = "SKYDAS_TEST_PG_URL";

  private static final AtomicInteger GPKG_COUNTER = new AtomicInteger();
  private static final List<String> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-dbs"));
  }

  private TestDatabases() {}

  /** The stores every contract test runs against. */
  public enum Store {
    GEOPACKAGE,
    POSTGIS;

    /** A location for {@code JdbcStore.open} where nothing exists yet. */
    public String fresh(Path dir) {
      return this == GEOPACKAGE ? freshGeoPackage(dir) : freshPostgis();
    }
  }

  /** A path to a not-yet-existing {@code .gpkg} file in {@code dir}. */
  public static String freshGeoPackage(Path dir) {
    return dir.resolve("registry-" + GPKG_COUNTER.incrementAndGet() + ".gpkg").toString();
  }

  /**
   * Creates an empty database {@code t_<random>} on the {@value #ENV} server and returns its JDBC
   * URL (same host, port and parameters). PostGIS is then created by the registry's migration.
   * Skips the calling test when {@value #ENV} is unset (fails it when env CI=true). The databases
   * are dropped when the test JVM exits.
   */
  public static String freshPostgis() {
    String admin = System.getenv(ENV);
    if (admin == null || admin.isBlank()) {
      String why =
          ENV
              + " is not set, so PostGIS tests cannot run: use ./skydas test (it starts a throwaway"
              + " PostgreSQL cluster when the server binaries are installed: apt-get install"
              + " postgresql postgresql-15-postgis-3), or eval \"$(tools/pg-test-cluster start)\","
              + " or point "
              + ENV
              + " at your own server (jdbc:postgresql://127.0.0.1:5432/postgres?user=...)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI=true: " + why);
      }
      Assumptions.assumeTrue(false, why);
    }
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a test database on " + ENV + " (" + admin + "): " + e.getMessage(), e);
    }
    synchronized (CREATED) {
      CREATED.add(name);
    }
    return withDatabase(admin, name);
  }

  /** {@code url} with its database name replaced by {@code db}. */
  static String withDatabase(String url, String db) {
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      throw new IllegalArgumentException(ENV + " must be a jdbc:postgresql:// URL, not " + url);
    }
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    String params = q < 0 ? "" : url.substring(q);
    int slash = base.indexOf('/', prefix.length());
    String hosts = slash < 0 ? base : base.substring(0, slash);
    return hosts + "/" + db + params;
  }

  private static void dropCreated() {
    String admin = System.getenv(ENV);
    List<String> names;
    synchronized (CREATED) {
      names = List.copyOf(CREATED);
    }
    if (admin == null || names.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      for (String n : names) {
        s.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop test databases " + names + ": " + e.getMessage());
    }
  }
}
