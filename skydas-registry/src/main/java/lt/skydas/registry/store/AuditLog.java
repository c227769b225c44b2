package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lt.skydas.registry.AuditEvent;
import lt.skydas.registry.RegistryStore;

/**
 * The audit chain's tables: {@code audit_events} (append-only) and the {@code audit_head} row that
 * serialises appends. Every method runs in the caller's transaction on the store's connection.
 * Stateless apart from the dialect; obtained from {@link JdbcStore#audit()}.
 */
public final class AuditLog implements RegistryStore.AuditTrail {
  private final Dialect dialect;

  AuditLog(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The chain head (last seq and hash), locked until the transaction ends. */
  @Override
  public AuditEvent head(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(dialect.lockHeadSql())) {
      if (!rs.next()) {
        throw new SQLException("audit_head row is missing");
      }
      return new AuditEvent(
          rs.getLong(1), null, null, null, null, null, null, null, null, null, rs.getString(2));
    }
  }

  /** Appends events (in seq order) and moves the head to the last. */
  @Override
  public void append(Connection c, List<AuditEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO audit_events (seq, at, actor, role, entity, entity_id, action, before_doc, after_doc, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Params params = new Params(p);
      int n = 0;
      for (AuditEvent e : events) {
        params
            .reset()
            .int64(e.seq())
            .instant(e.at())
            .text(e.actor())
            .text(e.role())
            .text(e.entity())
            .text(e.entityId())
            .text(e.action())
            .text(e.before())
            .text(e.after())
            .text(e.prevHash())
            .text(e.hash());
        p.addBatch();
        if (++n % 1000 == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    AuditEvent last = events.get(events.size() - 1);
    try (PreparedStatement p =
        c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      new Params(p).int64(last.seq()).text(last.hash());
      p.executeUpdate();
    }
  }

  /** Events of one entity in chain order. */
  @Override
  public List<AuditEvent> events(Connection c, String entityId) throws SQLException {
    List<AuditEvent> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(EVENT_SELECT + " WHERE entity_id = ? ORDER BY seq")) {
      new Params(p).text(entityId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(event(rs));
        }
      }
    }
    return out;
  }

  /** Every event in stored order of seq (streamed). */
  @Override
  public void forEachEvent(Connection c, Consumer<AuditEvent> each) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(EVENT_SELECT + " ORDER BY seq")) {
      while (rs.next()) {
        each.accept(event(rs));
      }
    }
  }

  private static final String EVENT_SELECT =
      "SELECT seq, at, actor, role, entity, entity_id, action, before_doc, after_doc, prev_hash, hash FROM audit_events";

  private static AuditEvent event(ResultSet rs) throws SQLException {
    java.time.Instant at;
    try {
      at = java.time.Instant.parse(rs.getString(2));
    } catch (RuntimeException e) {
      at = java.time.Instant.EPOCH;
    }
    return new AuditEvent(
        rs.getLong(1),
        at,
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11));
  }
}
