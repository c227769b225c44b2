package lt.skydas.registry.store;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.PrivateFiles;

/**
 * Online backups of a registry and their restore (issue 18). A GeoPackage is copied page by page
 * with SQLite's backup API on the store's own connection while it holds the store's lock, so the
 * copy is one consistent state holding every write acknowledged before it began (writes wait the
 * few seconds it takes). PostGIS is dumped with {@code pg_dump} (a consistent snapshot; writes go
 * on) and restored with {@code pg_restore} into an empty database. Stateless.
 */
final class Backups {
  private Backups() {}

  /** SQLite: {@code backup to} through sqlite-jdbc's backup API; the target is created 0600. */
  static void sqlite(Connection c, Path target) throws SQLException {
    String p = target.toAbsolutePath().toString();
    if (p.indexOf('\'') >= 0 || p.indexOf('"') >= 0) {
      throw new SkydasProblem(ProblemCode.USAGE, target + ": a backup path may not hold quotes");
    }
    try {
      PrivateFiles.ensure(target.toAbsolutePath());
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.OUTPUT_FAILED, target + ": cannot create: " + e);
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("backup to '" + p + "'");
    }
    // the accounts file beside it (attached as auth), 0600 too
    Path accounts = Path.of(p + ".accounts");
    try {
      PrivateFiles.ensure(accounts);
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.OUTPUT_FAILED, accounts + ": cannot create: " + e);
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("backup auth to '" + accounts + "'");
    }
  }

  /** PostGIS: {@code pg_dump --format=custom} of the database at {@code jdbcUrl}. */
  static void pgDump(String jdbcUrl, Path target) {
    Pg pg = Pg.of(jdbcUrl);
    List<String> cmd = new ArrayList<>(List.of(tool("pg_dump").toString(), "--format=custom"));
    cmd.add("--file=" + target.toAbsolutePath());
    cmd.addAll(pg.args());
    run(cmd, pg, "pg_dump");
    try {
      Files.setPosixFilePermissions(
          target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      // not POSIX: as the platform made it
    }
  }

  /** PostGIS: {@code pg_restore} of a dump into the (empty) database at {@code jdbcUrl}. */
  static void pgRestore(Path dump, String jdbcUrl) {
    Pg pg = Pg.of(jdbcUrl);
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name IN ('audit_events', 'records')")) {
      rs.next();
      if (rs.getInt(1) > 0) {
        throw new SkydasProblem(
            ProblemCode.CONFLICT,
            Dialect.redact(jdbcUrl)
                + " already holds a registry; restore into an empty database (createdb)");
      }
    } catch (SQLException e) {
      throw new SkydasProblem(
          ProblemCode.STORAGE_FAILED,
          "cannot reach " + Dialect.redact(jdbcUrl) + ": " + e.getMessage());
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                tool("pg_restore").toString(),
                "--no-owner",
                "--exit-on-error",
                "--single-transaction"));
    cmd.addAll(pg.args());
    cmd.add(dump.toAbsolutePath().toString());
    run(cmd, pg, "pg_restore");
  }

  private static void run(List<String> cmd, Pg pg, String what) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (pg.password() != null) {
      pb.environment().put("PGPASSWORD", pg.password()); // not in the process list
    }
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(6, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new SkydasProblem(
            ProblemCode.STORAGE_FAILED,
            what + " failed: " + out.lines().reduce((a, b) -> b).orElse("(no output)"));
      }
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.STORAGE_FAILED, what + " could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SkydasProblem(ProblemCode.STORAGE_FAILED, what + " interrupted");
    }
  }

  /**
   * {@code pg_dump} or {@code pg_restore}: from {@code $SKYDAS_PG_BIN}, the PATH, or the newest
   * {@code /usr/lib/postgresql/<n>/bin} (Debian keeps them off the PATH).
   */
  static Path tool(String name) {
    List<Path> dirs = new ArrayList<>();
    String env = System.getenv("SKYDAS_PG_BIN");
    if (env != null && !env.isBlank()) {
      dirs.add(Path.of(env));
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isBlank()) {
        dirs.add(Path.of(d));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (var ls = Files.list(debian)) {
        ls.map(v -> v.resolve("bin"))
            .sorted(
                Comparator.comparing((Path v) -> v.getParent().getFileName().toString()).reversed())
            .forEach(dirs::add);
      } catch (IOException e) {
        // none there
      }
    }
    for (Path d : dirs) {
      Path t = d.resolve(name);
      if (Files.isExecutable(t)) {
        return t;
      }
    }
    throw new SkydasProblem(
        ProblemCode.USAGE,
        name
            + " not found (install postgresql-client, or set SKYDAS_PG_BIN to the folder holding"
            + " it)");
  }

  /** The connection of a {@code jdbc:postgresql://host:port/db?user=…&password=…} URL. */
  record Pg(String host, String port, String db, String user, String password) {
    static Pg of(String jdbcUrl) {
      String rest = jdbcUrl.substring("jdbc:postgresql://".length());
      String query = "";
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
      int slash = rest.indexOf('/');
      String hostPort = slash < 0 ? rest : rest.substring(0, slash);
      String db = slash < 0 ? "" : rest.substring(slash + 1);
      String host = hostPort;
      String port = "5432";
      int colon = hostPort.lastIndexOf(':');
      if (colon > 0 && !hostPort.endsWith("]")) {
        host = hostPort.substring(0, colon);
        port = hostPort.substring(colon + 1);
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (String kv : query.split("&")) {
        int e = kv.indexOf('=');
        if (e > 0) {
          params.put(
              kv.substring(0, e), URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8));
        }
      }
      return new Pg(host, port, db, params.get("user"), params.get("password"));
    }

    List<String> args() {
      List<String> a = new ArrayList<>(List.of("--host=" + host, "--port=" + port));
      if (user != null) {
        a.add("--username=" + user);
      }
      a.add("--no-password");
      a.add("--dbname=" + db);
      return a;
    }
  }
}
