package lt.skydas.registry.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations of both stores, run by Flyway (ADR 0030): numbered SQL scripts per
 * dialect under {@code lt/skydas/registry/migrations/<dialect>/V<n>__<name>.sql}, each applied once
 * in its own transaction and recorded with its checksum in {@code flyway_schema_history}. A
 * recorded script whose text has since changed is a tampering problem, not re-run; a database newer
 * than this build is refused.
 *
 * <p>Registries made before Flyway carry the own runner's {@code schema_migrations} (version,
 * script, SHA-256): its checksums are checked against the scripts here, and Flyway takes over with
 * a baseline at its version. The old table stays, unread, as the record of how those versions were
 * applied.
 */
public final class Migrations {
  /** Scripts in order; add a line when adding a script (a test checks it against the folder). */
  static final List<String> SCRIPTS =
      List.of(
          "V1__registry.sql",
          "V2__accounts.sql",
          "V3__neighbour_lines.sql",
          "V4__works.sql",
          "V5__policy.sql",
          "V6__session_mac.sql",
          "V7__jobs.sql",
          "V8__accounts_apart.sql",
          "V9__rtree_index.sql",
          "V10__api_tokens.sql",
          "V11__drop_private_index.sql");

  /** Flyway's history table in both stores. */
  static final String HISTORY = "flyway_schema_history";

  /** The own runner's table, in registries made before Flyway. */
  static final String LEGACY = "schema_migrations";

  private Migrations() {}

  /** The newest schema version this build knows. */
  public static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Applies the scripts not yet applied; returns the schema version after.
   *
   * @param c an open connection of the store, set up as the store uses it (GeoPackage: the {@code
   *     ST_*} functions registered and the accounts file attached, which the scripts rely on);
   *     Flyway runs on it and leaves it open
   * @param dialect {@code sqlite} or {@code postgresql}
   */
  public static int migrate(Connection c, String dialect) throws SQLException {
    boolean auto = c.getAutoCommit();
    try {
      int recorded = current(c);
      if (recorded > latest()) {
        throw newer(recorded);
      }
      Integer baseline = null;
      if (!hasTable(c, HISTORY) && hasTable(c, LEGACY)) {
        baseline = checkLegacy(c, dialect);
      }
      var config =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(new SharedConnection(c))
              .locations("classpath:lt/skydas/registry/migrations/" + dialect)
              .table(HISTORY)
              .cleanDisabled(true)
              .validateMigrationNaming(true)
              .loggers("slf4j");
      if (baseline != null) {
        config = config.baselineOnMigrate(true).baselineVersion(String.valueOf(baseline));
      }
      MigrateResult result = config.load().migrate();
      if (!result.success) {
        throw new SkydasProblem(
            ProblemCode.STORAGE_FAILED, "registry schema migration failed: " + result.warnings);
      }
      return current(c);
    } catch (FlywayException e) {
      throw translate(e);
    } finally {
      if (!c.isClosed() && c.getAutoCommit() != auto) {
        c.setAutoCommit(auto);
      }
    }
  }

  /**
   * The schema version recorded in the database: Flyway's newest successful version, else the own
   * runner's (0 if none).
   */
  public static int current(Connection c) throws SQLException {
    if (hasTable(c, HISTORY)) {
      int best = 0;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version FROM " + HISTORY + " WHERE success AND version <> ''")) {
        while (rs.next()) {
          String v = rs.getString(1);
          if (v != null && v.matches("\\d+")) {
            best = Math.max(best, Integer.parseInt(v));
          }
        }
      }
      return best;
    }
    if (hasTable(c, LEGACY)) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY)) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
    return 0;
  }

  /**
   * Checks the own runner's records (each script's SHA-256 against the text here) and returns the
   * version to baseline at.
   */
  private static int checkLegacy(Connection c, String dialect) throws SQLException {
    List<String[]> applied = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, script, checksum FROM " + LEGACY + " ORDER BY version")) {
      while (rs.next()) {
        applied.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    if (applied.size() > latest()) {
      throw newer(applied.size());
    }
    for (int i = 0; i < applied.size(); i++) {
      String name = SCRIPTS.get(i);
      String sum = sha256(load(dialect, name));
      if (!String.valueOf(i + 1).equals(applied.get(i)[0]) || !sum.equals(applied.get(i)[2])) {
        throw changed(name, applied.get(i)[2]);
      }
    }
    return applied.size();
  }

  private static SkydasProblem newer(int version) {
    return new SkydasProblem(
        ProblemCode.BAD_INPUT,
        "registry schema version "
            + version
            + " is newer than this Skydas knows ("
            + latest()
            + "); upgrade Skydas");
  }

  private static SkydasProblem changed(String script, String checksum) {
    String shown =
        checksum == null ? "none" : checksum.substring(0, Math.min(12, checksum.length()));
    return new SkydasProblem(
        ProblemCode.TAMPERED,
        "registry schema migration "
            + script
            + " was applied with a different text (checksum "
            + shown
            + "…)");
  }

  /** Flyway's validation failures as the problems the store has always raised. */
  private static SkydasProblem translate(FlywayException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("checksum mismatch") || m.contains("Checksum mismatch")) {
      java.util.regex.Matcher v = java.util.regex.Pattern.compile("version (\\d+)").matcher(m);
      String script = v.find() ? scriptOf(Integer.parseInt(v.group(1))) : "(unknown)";
      return new SkydasProblem(
          ProblemCode.TAMPERED,
          "registry schema migration " + script + " was applied with a different text",
          Map.of(),
          e);
    }
    return new SkydasProblem(
        ProblemCode.STORAGE_FAILED,
        "registry schema migration failed: " + m.lines().findFirst().orElse(m),
        Map.of(),
        e);
  }

  private static String scriptOf(int version) {
    return version >= 1 && version <= SCRIPTS.size() ? SCRIPTS.get(version - 1) : "V" + version;
  }

  private static boolean hasTable(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        // SQLite lists attached files' tables too; PostgreSQL every schema on the search path
        if (schema == null || schema.equals("main") || schema.equals(currentSchema(c))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String currentSchema(Connection c) {
    try {
      return c.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }

  static String load(String dialect, String name) {
    String path = "/lt/skydas/registry/migrations/" + dialect + "/" + name;
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The store's one open connection as a data source for Flyway: every {@code getConnection} hands
   * out the same connection, whose {@code close} does nothing (the store closes it). A GeoPackage
   * connection carries what the scripts need (functions, the attached accounts file), which a fresh
   * connection would not.
   */
  private record SharedConnection(Connection c) implements DataSource {
    @Override
    public Connection getConnection() {
      return (Connection)
          java.lang.reflect.Proxy.newProxyInstance(
              Migrations.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                  return null;
                }
                if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                  return c.isClosed();
                }
                try {
                  return method.invoke(c, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String user, String password) {
      return getConnection();
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getLogger("lt.skydas.registry");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
