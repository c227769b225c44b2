package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import lt.skydas.registry.RecordCodec;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sqlite.SQLiteConfig;

/** What differs between the GeoPackage (SQLite) and the PostGIS store. */
abstract sealed class Dialect {
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  /** Folder of its migration scripts. */
  abstract String id();

  abstract Connection open(String url) throws SQLException;

  /** SQL for a geometry parameter. */
  abstract String geomIn();

  /** SQL selecting a geometry column as bytes {@link #readGeometry} understands. */
  abstract String geomOut(String col);

  abstract byte[] geometryBytes(Geometry g);

  abstract Geometry readGeometry(byte[] b);

  /**
   * Keeps the spatial index of a record row current (GeoPackage: the R*Tree; PostGIS: GiST does
   * it).
   */
  abstract void indexBbox(Connection c, long fid, Envelope e, boolean replace) throws SQLException;

  /** FROM/WHERE fragment for records whose bbox meets ?minx ?miny ?maxx ?maxy (in that order). */
  abstract String bboxFilter();

  /** Serialises appends to the audit chain inside the current transaction and returns the head. */
  abstract String lockHeadSql();

  /**
   * Starts a transaction. PostGIS: nothing to do (the connection is not in auto-commit, so the
   * driver begins one with the first statement).
   */
  void begin(Connection c, boolean write) throws SQLException {}

  void commit(Connection c) throws SQLException {
    c.commit();
  }

  void rollback(Connection c) throws SQLException {
    c.rollback();
  }

  static Dialect forUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return new Sqlite();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new Postgis();
    }
    throw new IllegalArgumentException(url);
  }

  static final class Sqlite extends Dialect {
    @Override
    String id() {
      return "sqlite";
    }

    @Override
    Connection open(String url) throws SQLException {
      SQLiteConfig cfg = new SQLiteConfig();
      cfg.setJournalMode(SQLiteConfig.JournalMode.DELETE);
      cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      cfg.setBusyTimeout(15000);
      cfg.enforceForeignKeys(true);
      Connection c = cfg.createConnection(url);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
        s.execute("PRAGMA user_version = 10300"); // GeoPackage 1.3 (GDAL 3.6 warns on 1.4)
      }
      return c;
    }

    @Override
    String geomIn() {
      return "?";
    }

    @Override
    String geomOut(String col) {
      return col;
    }

    @Override
    byte[] geometryBytes(Geometry g) {
      return GpkgGeometry.encode(g, 4326);
    }

    @Override
    Geometry readGeometry(byte[] b) {
      return GpkgGeometry.decode(b, GF);
    }

    @Override
    void indexBbox(Connection c, long fid, Envelope e, boolean replace) throws SQLException {
      try (PreparedStatement p =
          c.prepareStatement(
              (replace ? "INSERT OR REPLACE" : "INSERT")
                  + " INTO records_bbox VALUES (?, ?, ?, ?, ?)")) {
        p.setLong(1, fid);
        p.setDouble(2, e.getMinX());
        p.setDouble(3, e.getMaxX());
        p.setDouble(4, e.getMinY());
        p.setDouble(5, e.getMaxY());
        p.executeUpdate();
      }
    }

    @Override
    String bboxFilter() {
      return " JOIN (SELECT id AS bfid FROM records_bbox WHERE maxx >= ? AND maxy >= ? AND minx <= ? AND miny <= ?)"
          + " b ON b.bfid = records.fid ";
    }

    @Override
    String lockHeadSql() {
      return "SELECT seq, hash FROM audit_head WHERE id = 1";
    }

    /**
     * The connection stays in auto-commit between transactions and each one is begun explicitly:
     * sqlite-jdbc outside auto-commit begins the next transaction as soon as one ends, which in
     * IMMEDIATE mode keeps the write lock for as long as the store is open and locks every other
     * store on the same file out. Writes take the lock up front (BEGIN IMMEDIATE, waiting up to the
     * busy timeout), so two writers never deadlock upgrading a read lock; reads take none.
     */
    @Override
    void begin(Connection c, boolean write) throws SQLException {
      exec(c, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }

    @Override
    void commit(Connection c) throws SQLException {
      exec(c, "COMMIT");
    }

    @Override
    void rollback(Connection c) throws SQLException {
      exec(c, "ROLLBACK");
    }

    private static void exec(Connection c, String sql) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
  }

  static final class Postgis extends Dialect {
    @Override
    String id() {
      return "postgresql";
    }

    @Override
    Connection open(String url) throws SQLException {
      java.util.Properties p = new java.util.Properties();
      p.setProperty("reWriteBatchedInserts", "true");
      p.setProperty("ApplicationName", "skydas");
      return java.sql.DriverManager.getConnection(url, p);
    }

    @Override
    String geomIn() {
      return "ST_GeomFromWKB(?, 4326)";
    }

    @Override
    String geomOut(String col) {
      return "ST_AsBinary(" + col + ")";
    }

    @Override
    byte[] geometryBytes(Geometry g) {
      return new WKBWriter(2).write(g);
    }

    @Override
    Geometry readGeometry(byte[] b) {
      try {
        return new WKBReader(GF).read(b);
      } catch (ParseException e) {
        throw new IllegalStateException("stored geometry is not valid WKB", e);
      }
    }

    @Override
    void indexBbox(Connection c, long fid, Envelope e, boolean replace) {
      // GiST index on geom
    }

    @Override
    String bboxFilter() {
      return " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ";
    }

    @Override
    String lockHeadSql() {
      return "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    }
  }

  /** Canonical WKT of stored geometry bytes (for comparing a row with its audit trail). */
  String wktOf(byte[] b) {
    return RecordCodec.wkt(readGeometry(b));
  }

  static long generatedKey(PreparedStatement p) throws SQLException {
    try (ResultSet k = p.getGeneratedKeys()) {
      if (!k.next()) {
        throw new SQLException("no generated key");
      }
      return k.getLong(1);
    }
  }
}
