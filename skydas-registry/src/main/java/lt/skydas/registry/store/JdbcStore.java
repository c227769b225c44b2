package lt.skydas.registry.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Activity;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RegistryRecord;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The registry's tables over JDBC: an embedded GeoPackage ({@code jdbc:sqlite:} or a {@code .gpkg}
 * path) or PostgreSQL + PostGIS ({@code jdbc:postgresql:}). One connection, used by one thread at a
 * time (a lock serialises callers); open one store per process or per worker. Writes happen in
 * {@link #write} transactions that either commit whole or leave nothing behind.
 */
public final class JdbcStore implements AutoCloseable {
  private final String url;
  private final Dialect dialect;
  private final Connection conn;
  private final ReentrantLock lock = new ReentrantLock();
  private final AuditLog audit;

  private JdbcStore(String url, Dialect dialect, Connection conn) {
    this.url = url;
    this.dialect = dialect;
    this.conn = conn;
    this.audit = new AuditLog(dialect);
  }

  /**
   * Opens a store. {@code location} is a JDBC URL or a file path ending in {@code .gpkg}. With
   * {@code create} false a missing GeoPackage file is a not-found problem (run {@code registry
   * init}); the schema is migrated to the newest version either way.
   */
  public static JdbcStore open(String location, boolean create) {
    String url = location;
    if (!location.startsWith("jdbc:")) {
      Path p = Path.of(location).toAbsolutePath();
      if (!p.getFileName().toString().endsWith(".gpkg")) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--db " + location + ": give a .gpkg file or a jdbc:postgresql:// URL");
      }
      if (!create && !Files.exists(p)) {
        throw new SkydasProblem(
            ProblemCode.NOT_FOUND,
            "registry "
                + p
                + " does not exist (create it with: skydas registry init --db "
                + location
                + ")");
      }
      if (p.getParent() != null) {
        try {
          Files.createDirectories(p.getParent());
        } catch (java.io.IOException e) {
          throw new SkydasProblem(
              ProblemCode.OUTPUT_FAILED, "cannot create " + p.getParent() + ": " + e.getMessage());
        }
      }
      url = "jdbc:sqlite:" + p;
    }
    Dialect d;
    try {
      d = Dialect.forUrl(url);
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--db "
              + redact(url)
              + ": only jdbc:sqlite: (GeoPackage) and jdbc:postgresql: are supported");
    }
    Connection c = null;
    try {
      c = d.open(url);
      if (d instanceof Dialect.Postgis) {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
      Migrations.migrate(c, d.id());
      return new JdbcStore(url, d, c);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new SkydasProblem(
          ProblemCode.STORAGE_FAILED,
          "cannot open registry " + redact(url) + ": " + e.getMessage(),
          java.util.Map.of(),
          e);
    }
  }

  private static void closeQuietly(Connection c, Exception e) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException x) {
        e.addSuppressed(x);
      }
    }
  }

  /** The URL without any password. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }

  public String describe() {
    return (dialect instanceof Dialect.Sqlite
        ? "GeoPackage " + url.substring("jdbc:sqlite:".length())
        : "PostGIS " + redact(url));
  }

  public boolean isGeoPackage() {
    return dialect instanceof Dialect.Sqlite;
  }

  public int schemaVersion() {
    return read(Migrations::current);
  }

  /** Work inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code w} in one write transaction: commits if it returns, rolls back if it throws. */
  public <T> T write(Work<T> w) {
    lock.lock();
    try {
      try {
        dialect.begin(conn, true);
      } catch (SQLException e) {
        throw storage(e);
      }
      try {
        T out = w.run(conn);
        dialect.commit(conn);
        return out;
      } catch (SQLException e) {
        rollbackQuietly(e);
        throw storage(e);
      } catch (RuntimeException | Error e) {
        rollbackQuietly(e);
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  private void rollbackQuietly(Throwable e) {
    try {
      dialect.rollback(conn);
    } catch (SQLException r) {
      e.addSuppressed(r);
    }
  }

  /** Runs a read; the transaction it opened is ended. */
  public <T> T read(Work<T> w) {
    lock.lock();
    try {
      dialect.begin(conn, false);
      try {
        return w.run(conn);
      } finally {
        dialect.rollback(conn);
      }
    } catch (SQLException e) {
      throw storage(e);
    } finally {
      lock.unlock();
    }
  }

  private SkydasProblem storage(SQLException e) {
    return new SkydasProblem(
        ProblemCode.STORAGE_FAILED,
        "registry " + describe() + ": " + e.getMessage(),
        java.util.Map.of(),
        e);
  }

  // ---- records ----

  private static final String RECORD_COLS =
      "id, kind, type, name, status, year, marked, fenced, monitored, version, created_at, updated_at, geom_hash, doc";

  /** Inserts a record row (with its canonical JSON) and indexes its bbox. */
  public void insertRecord(Connection c, RegistryRecord r, String doc) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO records (geom, "
                + RECORD_COLS
                + ") VALUES ("
                + dialect.geomIn()
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      bindRecord(p, r, doc);
      p.executeUpdate();
      if (dialect instanceof Dialect.Sqlite) {
        dialect.indexBbox(c, Dialect.generatedKey(p), r.geometry().getEnvelopeInternal(), false);
      }
    }
  }

  /** Batch insert of many records in the caller's transaction. */
  public void insertRecords(Connection c, List<RegistryRecord> rs, List<String> docs)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO records (geom, "
                + RECORD_COLS
                + ") VALUES ("
                + dialect.geomIn()
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            dialect instanceof Dialect.Sqlite
                ? Statement.RETURN_GENERATED_KEYS
                : Statement.NO_GENERATED_KEYS)) {
      boolean sqlite = dialect instanceof Dialect.Sqlite;
      for (int i = 0; i < rs.size(); i++) {
        bindRecord(p, rs.get(i), docs.get(i));
        if (sqlite) {
          p.executeUpdate();
          dialect.indexBbox(
              c, Dialect.generatedKey(p), rs.get(i).geometry().getEnvelopeInternal(), false);
        } else {
          p.addBatch();
          if (i % 1000 == 999) {
            p.executeBatch();
          }
        }
      }
      if (!sqlite) {
        p.executeBatch();
      }
    }
  }

  private void bindRecord(PreparedStatement p, RegistryRecord r, String doc) throws SQLException {
    byte[] g = dialect.geometryBytes(r.geometry());
    int i = 1;
    p.setBytes(i++, g);
    p.setString(i++, r.id());
    p.setString(i++, r.kind().id());
    p.setString(i++, r.type());
    p.setString(i++, r.name());
    p.setString(i++, r.status().id());
    if (r.year() == null) {
      p.setNull(i++, java.sql.Types.INTEGER);
    } else {
      p.setInt(i++, r.year());
    }
    p.setInt(i++, r.marked() ? 1 : 0);
    p.setInt(i++, r.fenced() ? 1 : 0);
    p.setInt(i++, r.monitored() ? 1 : 0);
    p.setLong(i++, r.version());
    p.setString(i++, r.createdAt().toString());
    p.setString(i++, r.updatedAt().toString());
    p.setString(i++, geometryHash(r.type(), r.geometry()));
    p.setString(i, doc);
  }

  /**
   * Replaces a record row if its stored version is {@code expectedVersion}; false if another change
   * got there first (optimistic locking).
   */
  public boolean updateRecord(Connection c, RegistryRecord r, String doc, long expectedVersion)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE records SET geom = "
                + dialect.geomIn()
                + ", id = ?, kind = ?, type = ?, name = ?, status = ?, year = ?, marked = ?, fenced = ?, monitored = ?,"
                + " version = ?, created_at = ?, updated_at = ?, geom_hash = ?, doc = ? WHERE id = ? AND version = ?")) {
      bindRecord(p, r, doc);
      p.setString(16, r.id());
      p.setLong(17, expectedVersion);
      if (p.executeUpdate() != 1) {
        return false;
      }
    }
    if (dialect instanceof Dialect.Sqlite) {
      try (PreparedStatement p = c.prepareStatement("SELECT fid FROM records WHERE id = ?")) {
        p.setString(1, r.id());
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          dialect.indexBbox(c, rs.getLong(1), r.geometry().getEnvelopeInternal(), true);
        }
      }
    }
    return true;
  }

  public Optional<RegistryRecord> findRecord(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT doc FROM records WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(RecordCodec.fromJson(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** Ids among {@code ids} that are already stored. */
  public List<String> existingIds(Connection c, List<String> ids) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM records WHERE id = ?")) {
      for (String id : ids) {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            out.add(id);
          }
        }
      }
    }
    return out;
  }

  /** The id of a stored record with exactly this geometry hash, if any. */
  public Optional<String> recordWithGeometry(Connection c, String geomHash, String exceptId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT id FROM records WHERE geom_hash = ? AND id <> ?")) {
      p.setString(1, geomHash);
      p.setString(2, exceptId == null ? "" : exceptId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * Records whose bounding box meets {@code bbox} (null: all), optionally of one status and kind,
   * ordered by id.
   */
  public List<RegistryRecord> query(
      Connection c, Envelope bbox, String status, String kind, int limit, int offset)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT doc, " + dialect.geomOut("geom") + " FROM records");
    List<Object> args = new ArrayList<>();
    boolean where = false;
    if (bbox != null) {
      sql.append(dialect.bboxFilter());
      args.add(bbox.getMinX());
      args.add(bbox.getMinY());
      args.add(bbox.getMaxX());
      args.add(bbox.getMaxY());
      where = dialect instanceof Dialect.Postgis;
    }
    if (status != null) {
      sql.append(where ? " AND" : " WHERE").append(" status = ?");
      args.add(status);
      where = true;
    }
    if (kind != null) {
      sql.append(where ? " AND" : " WHERE").append(" kind = ?");
      args.add(kind);
    }
    sql.append(" ORDER BY records.id LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
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

  public long countRecords(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM records")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A stored record row as it is, for verification. */
  public record Row(
      String id,
      String status,
      String type,
      String kind,
      long version,
      String doc,
      String geometryWkt) {}

  /** Every record row, in id order. */
  public void forEachRow(Connection c, Consumer<Row> each) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, status, type, kind, version, doc, "
                    + dialect.geomOut("geom")
                    + " FROM records ORDER BY id")) {
      while (rs.next()) {
        String wkt;
        try {
          wkt = dialect.wktOf(rs.getBytes(7));
        } catch (RuntimeException e) {
          wkt = "unreadable geometry: " + e.getMessage();
        }
        each.accept(
            new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                wkt));
      }
    }
  }

  // ---- activities ----

  public void insertActivity(Connection c, Activity a, String doc) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO activities (geom, id, record_id, kind, at, actor, doc) VALUES ("
                + (a.geometry() == null ? "NULL" : dialect.geomIn())
                + ", ?, ?, ?, ?, ?, ?)")) {
      int i = 1;
      if (a.geometry() != null) {
        p.setBytes(i++, dialect.geometryBytes(a.geometry()));
      }
      p.setString(i++, a.id());
      p.setString(i++, a.recordId());
      p.setString(i++, a.kind().id());
      p.setString(i++, a.at().toString());
      p.setString(i++, a.actor());
      p.setString(i, doc);
      p.executeUpdate();
    }
  }

  public List<Activity> activities(Connection c, String recordId) throws SQLException {
    List<Activity> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT doc FROM activities WHERE record_id = ? ORDER BY at, id")) {
      p.setString(1, recordId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(Activity.fromJson(rs.getString(1)));
        }
      }
    }
    return out;
  }

  /** Activity id to canonical JSON, every activity (for verification). */
  public void forEachActivity(Connection c, java.util.function.BiConsumer<String, String> each)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, doc FROM activities ORDER BY id")) {
      while (rs.next()) {
        each.accept(rs.getString(1), rs.getString(2));
      }
    }
  }

  /** The audit chain's tables, in this store's dialect. */
  public AuditLog audit() {
    return audit;
  }

  /**
   * SHA-256 of the type and the geometry's normalised WKB: two records of one type on equal
   * geometries (any vertex order) share it. Different types on one trace (a ditch with a minefield
   * along it) are a layered obstacle, not a duplicate.
   */
  public static String geometryHash(String type, Geometry g) {
    try {
      byte[] wkb = new org.locationtech.jts.io.WKBWriter(2).write(g.norm());
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(type.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      return HexFormat.of().formatHex(md.digest(wkb));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs raw SQL (tests use it to tamper with a registry the way an outside editor could). */
  public void executeRaw(String sql) {
    write(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      conn.close();
    } catch (SQLException e) {
      // nothing to keep
    } finally {
      lock.unlock();
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
