package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.RegistryStore;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code records} table: one row per record with its canonical JSON ({@code doc}), the columns
 * queries filter on, the geometry and its hash. Every method runs in the caller's transaction on
 * the store's connection. Stateless apart from the dialect; obtained from {@link
 * JdbcStore#records()}.
 */
public final class RecordTable implements RegistryStore.Records {
  /** The columns after {@code geom}, in the order {@link #bind} binds them. */
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "kind",
          "type",
          "name",
          "status",
          "year",
          "marked",
          "fenced",
          "monitored",
          "version",
          "created_at",
          "updated_at",
          "geom_hash",
          "doc");

  private final Dialect dialect;
  private final String insertSql;
  private final String updateSql;

  RecordTable(Dialect dialect) {
    this.dialect = dialect;
    this.insertSql =
        "INSERT INTO records (geom, "
            + String.join(", ", COLUMNS)
            + ") VALUES ("
            + dialect.geomIn()
            + ", ?".repeat(COLUMNS.size())
            + ")";
    this.updateSql =
        "UPDATE records SET geom = "
            + dialect.geomIn()
            + ", "
            + String.join(" = ?, ", COLUMNS)
            + " = ? WHERE id = ? AND version = ?";
  }

  /** Inserts record rows ({@code docs.get(i)} is the canonical JSON of {@code rs.get(i)}). */
  @Override
  public void insert(Connection c, List<RegistryRecord> rs, List<String> docs) throws SQLException {
    dialect.insertRecords(c, insertSql, rs, (p, i) -> bind(p, rs.get(i), docs.get(i)));
  }

  /**
   * Replaces a record row if its stored version is {@code expectedVersion}; false if another change
   * got there first (optimistic locking).
   */
  @Override
  public boolean update(Connection c, RegistryRecord r, String doc, long expectedVersion)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(updateSql)) {
      bind(new Params(p), r, doc).text(r.id()).int64(expectedVersion);
      if (p.executeUpdate() != 1) {
        return false;
      }
    }
    dialect.recordRewritten(c, r.id(), r.geometry().getEnvelopeInternal());
    return true;
  }

  /** Binds the geometry and then {@link #COLUMNS}. */
  private Params bind(Params p, RegistryRecord r, String doc) throws SQLException {
    return p.bytes(dialect.geometryBytes(r.geometry()))
        .text(r.id())
        .text(r.kind().id())
        .text(r.type())
        .text(r.name())
        .text(r.status().id())
        .nullableInt(r.year())
        .flag(r.marked())
        .flag(r.fenced())
        .flag(r.monitored())
        .int64(r.version())
        .instant(r.createdAt())
        .instant(r.updatedAt())
        .text(RegistryStore.geometryHash(r.type(), r.geometry()))
        .text(doc);
  }

  @Override
  public Optional<RegistryRecord> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT doc FROM records WHERE id = ?")) {
      new Params(p).text(id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(RecordCodec.fromJson(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** Ids among {@code ids} that are already stored. */
  @Override
  public List<String> existingIds(Connection c, List<String> ids) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM records WHERE id = ?")) {
      Params params = new Params(p);
      for (String id : ids) {
        params.reset().text(id);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            out.add(id);
          }
        }
      }
    }
    return out;
  }

  /**
   * The id of a stored record with exactly this geometry hash, other than {@code exceptId} (null:
   * any), if there is one.
   */
  @Override
  public Optional<String> findWithGeometry(Connection c, String geomHash, String exceptId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT id FROM records WHERE geom_hash = ? AND id <> ?")) {
      new Params(p).text(geomHash).text(exceptId == null ? "" : exceptId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Records whose bounding box meets {@code bbox} (null: all), optionally of one status and kind
   * (null: any), ordered by id.
   */
  @Override
  public long count(Connection c, Envelope bbox, String status, String kind) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM records");
    List<Object> args = filter(sql, bbox, status, kind);
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      Params params = new Params(p);
      for (Object a : args) {
        params.object(a);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Appends the join and WHERE of a bbox, status and kind filter; returns their arguments. */
  private List<Object> filter(StringBuilder sql, Envelope bbox, String status, String kind) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (bbox != null) {
      Dialect.BboxFilter f = dialect.bboxFilter();
      sql.append(f.join());
      if (f.condition() != null) {
        conditions.add(f.condition());
      }
      args.addAll(List.of(bbox.getMinX(), bbox.getMinY(), bbox.getMaxX(), bbox.getMaxY()));
    }
    if (status != null) {
      conditions.add("status = ?");
      args.add(status);
    }
    if (kind != null) {
      conditions.add("kind = ?");
      args.add(kind);
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    return args;
  }

  @Override
  public List<RegistryRecord> query(
      Connection c, Envelope bbox, String status, String kind, int limit, int offset)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT doc, " + dialect.geomOut("geom") + " FROM records");
    List<Object> args = filter(sql, bbox, status, kind);
    sql.append(" ORDER BY records.id LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      Params params = new Params(p);
      for (Object a : args) {
        params.object(a);
      }
      List<RegistryRecord> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(RecordCodec.fromJson(rs.getString(1), dialect.readGeometry(rs.getBytes(2))));
        }
      }
      return out;
    }
  }

  @Override
  public long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every record row, in id order (streamed), with its index entry where the store keeps one. */
  @Override
  public void forEachRow(Connection c, Consumer<RegistryStore.RecordRow> each) throws SQLException {
    String[] index = dialect.indexEntryJoin();
    String sql =
        "SELECT records.id, status, type, kind, version, doc, "
            + dialect.geomOut("geom")
            + ", name, year, marked, fenced, monitored, created_at, updated_at, geom_hash"
            + (index == null ? "" : ", " + index[1])
            + " FROM records"
            + (index == null ? "" : index[0])
            + " ORDER BY records.id";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String wkt;
        try {
          wkt = dialect.wktOf(rs.getBytes(7));
        } catch (RuntimeException e) {
          wkt = "unreadable geometry: " + e.getMessage();
        }
        int year = rs.getInt(9);
        Integer yearOrNull = rs.wasNull() ? null : year;
        RegistryStore.IndexEntry entry = RegistryStore.IndexEntry.NONE;
        if (index != null) {
          rs.getLong(16);
          entry =
              new RegistryStore.IndexEntry(
                  true,
                  rs.wasNull()
                      ? null
                      : new double[] {
                        rs.getDouble(17), rs.getDouble(18), rs.getDouble(19), rs.getDouble(20)
                      });
        }
        each.accept(
            new RegistryStore.RecordRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                wkt,
                rs.getString(8),
                yearOrNull,
                rs.getInt(10),
                rs.getInt(11),
                rs.getInt(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                entry));
      }
    }
  }
}
