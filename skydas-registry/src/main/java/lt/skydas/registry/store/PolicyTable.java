package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.BiConsumer;
import lt.skydas.registry.RegistryStore;
import lt.skydas.registry.StoredPolicy;

/**
 * The {@code policies} table: every version of the humanitarian policy, the newest in force. Every
 * method runs in the caller's transaction. Obtained from {@link JdbcStore#policies()}.
 */
public final class PolicyTable implements RegistryStore.Policies {
  PolicyTable() {}

  @Override
  public void insert(Connection c, StoredPolicy p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO policies (version, set_at, set_by, reason, doc) VALUES (?, ?, ?, ?, ?)")) {
      new Params(s)
          .int64(p.version())
          .text(p.setAt().toString())
          .text(p.setBy())
          .text(p.reason())
          .text(p.doc());
      s.executeUpdate();
    }
  }

  @Override
  public Optional<StoredPolicy> current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, set_at, set_by, reason, doc FROM policies"
                    + " ORDER BY version DESC LIMIT 1")) {
      return rs.next() ? Optional.of(row(rs)) : Optional.empty();
    }
  }

  @Override
  public void forEach(Connection c, BiConsumer<Long, String> each) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, doc FROM policies ORDER BY version")) {
      while (rs.next()) {
        each.accept(rs.getLong(1), rs.getString(2));
      }
    }
  }

  private static StoredPolicy row(ResultSet rs) throws SQLException {
    return new StoredPolicy(
        rs.getLong(1),
        java.time.Instant.parse(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5));
  }
}
