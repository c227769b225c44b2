package lt.skydas.registry.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Versioned schema migrations: numbered SQL scripts per dialect under {@code
 * lt/skydas/registry/migrations/<dialect>/V<n>__<name>.sql}, each applied once in its own
 * transaction and recorded with its SHA-256 in {@code schema_migrations}. A recorded script whose
 * text has since changed is an error, not re-run. See ADR 0008.
 */
public final class Migrations {
  /** Scripts in order; add a line when adding a script. */
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
          "V10__api_tokens.sql");

  private Migrations() {}

  /** The newest schema version this build knows. */
  public static int latest() {
    return SCRIPTS.size();
  }

  /** Applies the scripts not yet applied; returns the schema version after. */
  public static int migrate(Connection c, String dialect) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
              + "script TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    c.setAutoCommit(false);
    try {
      List<String[]> applied = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version, script, checksum FROM schema_migrations ORDER BY version")) {
        while (rs.next()) {
          applied.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
      c.commit();
      if (applied.size() > SCRIPTS.size()) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            "registry schema version "
                + applied.size()
                + " is newer than this Skydas knows ("
                + SCRIPTS.size()
                + "); upgrade Skydas");
      }
      for (int i = 0; i < SCRIPTS.size(); i++) {
        String name = SCRIPTS.get(i);
        String sql = load(dialect, name);
        String sum = sha256(sql);
        if (i < applied.size()) {
          if (!applied.get(i)[2].equals(sum)) {
            throw new SkydasProblem(
                ProblemCode.TAMPERED,
                "registry schema migration "
                    + name
                    + " was applied with a different text (checksum "
                    + applied.get(i)[2].substring(0, 12)
                    + "…)");
          }
          continue;
        }
        try (Statement s = c.createStatement()) {
          for (String stmt : statements(sql)) {
            s.execute(stmt);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO schema_migrations (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
          new Params(p).int32(i + 1).text(name).text(sum).instant(Instant.now());
          p.executeUpdate();
        }
        c.commit();
      }
      return SCRIPTS.size();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The schema version recorded in the database (0 if none). */
  public static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      return 0;
    }
  }

  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String st = cur.toString().strip();
        out.add(st.substring(0, st.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  private static String load(String dialect, String name) {
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

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
