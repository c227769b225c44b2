package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import lt.skydas.registry.RegistryStore;
import lt.skydas.registry.WorkProject;

/**
 * The {@code works} table: dual-use works projects with their canonical JSON. Every method runs in
 * the caller's transaction on the store's connection. Obtained from {@link JdbcStore#works()}.
 */
public final class WorkTable implements RegistryStore.Works {
  private final Dialect dialect;

  WorkTable(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public void insert(Connection c, List<WorkProject> ws) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO works (geom, id, kind, name, status, done_pct, start_date, end_date,"
                + " version, doc) VALUES ("
                + dialect.geomIn()
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (WorkProject w : ws) {
        new Params(p)
            .bytes(dialect.geometryBytes(w.geometry()))
            .text(w.id())
            .text(w.kind())
            .text(w.name())
            .text(w.status())
            .int32(w.donePct())
            .text(w.start().toString())
            .text(w.end().toString())
            .int64(w.version())
            .text(w.toJson());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public boolean update(Connection c, WorkProject w, long expectedVersion) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE works SET status = ?, done_pct = ?, version = ?, doc = ? WHERE id = ? AND"
                + " version = ?")) {
      new Params(p)
          .text(w.status())
          .int32(w.donePct())
          .int64(w.version())
          .text(w.toJson())
          .text(w.id())
          .int64(expectedVersion);
      return p.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<WorkProject> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT doc FROM works WHERE id = ?")) {
      new Params(p).text(id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(WorkProject.fromJson(rs.getString(1))) : Optional.empty();
      }
    }
  }

  @Override
  public List<WorkProject> list(Connection c) throws SQLException {
    List<WorkProject> out = new ArrayList<>();
    forEach(c, (id, doc) -> out.add(WorkProject.fromJson(doc)));
    return out;
  }

  @Override
  public void forEach(Connection c, BiConsumer<String, String> each) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, doc FROM works ORDER BY id")) {
      while (rs.next()) {
        each.accept(rs.getString(1), rs.getString(2));
      }
    }
  }
}
