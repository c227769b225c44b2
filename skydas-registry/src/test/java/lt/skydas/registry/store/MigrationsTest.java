package lt.skydas.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyway runs both stores' migrations (ADR 0030): a fresh store gets every script once, a registry
 * from the own runner before it is checked and taken over at its version, a changed script or a
 * newer database is refused and nothing is changed.
 */
class MigrationsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void aFreshStoreGetsEveryScriptOnceAndReopeningAppliesNone(TestDatabases.Store kind) {
    String db = kind.fresh(dir);
    try (JdbcStore s = JdbcStore.open(db, true)) {
      assertThat(s.schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(history(s)).containsExactlyElementsOf(expectedHistory(1));
    }
    try (JdbcStore s = JdbcStore.open(db, false)) {
      assertThat(history(s)).as("reopened").containsExactlyElementsOf(expectedHistory(1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void aScriptChangedAfterItRanIsTamperingAndNothingIsApplied(TestDatabases.Store kind)
      throws Exception {
    String db = kind.fresh(dir);
    try (JdbcStore s = JdbcStore.open(db, true)) {
      s.write(
          c -> {
            try (Statement st = c.createStatement()) {
              st.executeUpdate(
                  "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");
            }
            return null;
          });
    }
    assertThatThrownBy(() -> JdbcStore.open(db, false))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.TAMPERED))
        .hasMessageContaining("V3__neighbour_lines.sql")
        .hasMessageContaining("different text");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void aDatabaseNewerThanThisBuildIsRefused(TestDatabases.Store kind) throws Exception {
    String db = kind.fresh(dir);
    try (JdbcStore s = JdbcStore.open(db, true)) {
      s.write(
          c -> {
            try (Statement st = c.createStatement()) {
              st.executeUpdate(
                  "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                      + " script, checksum, installed_by, execution_time, success) VALUES (99, '"
                      + (Migrations.latest() + 1)
                      + "', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'test',"
                      + " 1, TRUE)");
            }
            return null;
          });
    }
    assertThatThrownBy(() -> JdbcStore.open(db, false))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining(
            "schema version "
                + (Migrations.latest() + 1)
                + " is newer than this Skydas knows ("
                + Migrations.latest()
                + ")");
  }

  /** A GeoPackage the own runner brought to version 9 (before API tokens). */
  @Test
  void aRegistryFromTheOwnRunnerIsCheckedThenTakenOverAtItsVersion() throws Exception {
    Path file = dir.resolve("old.gpkg");
    legacy(file, 9, -1);
    long before = Files.size(file);
    assertThat(before).isPositive();
    try (JdbcStore s = JdbcStore.open(file.toString(), false)) {
      assertThat(s.schemaVersion()).isEqualTo(Migrations.latest());
      List<String> h = history(s);
      assertThat(h.get(0)).isEqualTo("9 BASELINE");
      assertThat(h.subList(1, h.size())).containsExactlyElementsOf(expectedHistory(10));
      int tokens =
          s.read(
              c -> {
                try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM auth.skydas_api_token")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(tokens).as("V10 ran: the token table is there").isZero();
    }
    try (JdbcStore s = JdbcStore.open(file.toString(), false)) {
      assertThat(s.schemaVersion()).as("reopened").isEqualTo(Migrations.latest());
    }
  }

  @Test
  void aRegistryFromTheOwnRunnerWithAChangedScriptIsRefusedAndLeftAsItWas() throws Exception {
    Path file = dir.resolve("tampered.gpkg");
    legacy(file, 9, 4);
    assertThatThrownBy(() -> JdbcStore.open(file.toString(), false))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.TAMPERED))
        .hasMessageContaining("V5__policy.sql");
    try (Connection c = Dialect.forUrl("jdbc:sqlite:" + file).open("jdbc:sqlite:" + file);
        ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
      assertThat(rs.next()).as("Flyway did not take it over").isFalse();
    }
  }

  @Test
  void theListOfScriptsIsEveryScriptOfEachDialect() throws Exception {
    for (String dialect : List.of("sqlite", "postgresql")) {
      Path folder =
          Path.of(
                  Migrations.class
                      .getResource(
                          "/lt/skydas/registry/migrations/" + dialect + "/V1__registry.sql")
                      .toURI())
              .getParent();
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as(dialect)
            .containsExactlyInAnyOrderElementsOf(Migrations.SCRIPTS);
      }
    }
  }

  /** The rows Flyway recorded: "version type script", in order. */
  private static List<String> history(JdbcStore s) {
    return s.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT version, type, script FROM flyway_schema_history ORDER BY"
                          + " installed_rank")) {
            while (rs.next()) {
              out.add(
                  rs.getString(2).equals("BASELINE")
                      ? rs.getString(1) + " BASELINE"
                      : rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
          }
          return out;
        });
  }

  private static List<String> expectedHistory(int from) {
    List<String> out = new ArrayList<>();
    for (int v = from; v <= Migrations.latest(); v++) {
      out.add(v + " SQL " + Migrations.SCRIPTS.get(v - 1));
    }
    return out;
  }

  /**
   * Writes a registry as the own runner did before Flyway: scripts 1..{@code upTo}, each recorded
   * in {@code schema_migrations} with its SHA-256 (the one at index {@code wrongAt} with another).
   */
  private static void legacy(Path file, int upTo, int wrongAt) throws SQLException {
    String url = "jdbc:sqlite:" + file;
    try (Connection c = Dialect.forUrl(url).open(url);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
              + " checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (int i = 0; i < upTo; i++) {
        String name = Migrations.SCRIPTS.get(i);
        String sql = Migrations.load("sqlite", name);
        for (String stmt : statements(sql)) {
          s.execute(stmt);
        }
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO schema_migrations VALUES (?, ?, ?, ?)")) {
          p.setInt(1, i + 1);
          p.setString(2, name);
          p.setString(3, Migrations.sha256(i == wrongAt ? sql + "-- edited\n" : sql));
          p.setString(4, "2026-11-01T00:00:00Z");
          p.executeUpdate();
        }
      }
    }
  }

  /** The own runner's splitter: a statement ends with the line that ends with ';'. */
  private static List<String> statements(String sql) {
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
    return out;
  }
}
