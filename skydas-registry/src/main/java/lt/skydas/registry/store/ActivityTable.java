package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import lt.skydas.registry.Activity;
import lt.skydas.registry.RegistryStore;

/**
 * The {@code activities} table: inspections, incidents, clearance tasks and land releases, each
 * with its canonical JSON ({@code doc}) and an optional geometry. Every method runs in the caller's
 * transaction on the store's connection. Stateless apart from the dialect; obtained from {@link
 * JdbcStore#activities()}.
 */
public final class ActivityTable implements RegistryStore.Activities {
  private final Dialect dialect;

  ActivityTable(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Inserts an activity row; {@code doc} is its canonical JSON. */
  @Override
  public void insert(Connection c, Activity a, String doc) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO activities (geom, id, record_id, kind, at, actor, doc) VALUES ("
                + (a.geometry() == null ? "NULL" : dialect.geomIn())
                + ", ?, ?, ?, ?, ?, ?)")) {
      Params params = new Params(p);
      if (a.geometry() != null) {
        params.bytes(dialect.geometryBytes(a.geometry()));
      }
      params
          .text(a.id())
          .text(a.recordId())
          .text(a.kind().id())
          .instant(a.at())
          .text(a.actor())
          .text(doc);
      p.executeUpdate();
    }
  }

  /** The activities of one record, oldest first (ties by id). */
  @Override
  public List<Activity> listFor(Connection c, String recordId) throws SQLException {
    List<Activity> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT doc FROM activities WHERE record_id = ? ORDER BY at, id")) {
      new Params(p).text(recordId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(Activity.fromJson(rs.getString(1)));
        }
      }
    }
    return out;
  }

  /** Activity id to canonical JSON, every activity in id order (for verification, streamed). */
  @Override
  public void forEach(Connection c, BiConsumer<String, String> each) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, doc FROM activities ORDER BY id")) {
      while (rs.next()) {
        each.accept(rs.getString(1), rs.getString(2));
      }
    }
  }
}
