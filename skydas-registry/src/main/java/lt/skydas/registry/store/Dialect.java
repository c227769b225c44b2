package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RegistryRecord;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sqlite.SQLiteConfig;

/**
 * Everything that differs between the GeoPackage (SQLite) and the PostGIS store: connecting and
 * transactions, the migration scripts (DDL), geometry encoding, how record rows are written and
 * kept in the spatial index, the bbox query and the audit head lock. The tables, columns and the
 * rest of the SQL are shared ({@link RecordTable}, {@link ActivityTable}, {@link AuditLog}).
 * Stateless and thread-safe; the connections they open are not.
 */
abstract sealed class Dialect {
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  /** Folder of its migration scripts. */
  abstract String id();

  /** A connection ready for {@link #begin}: transaction mode and session settings applied. */
  abstract Connection open(String url) throws SQLException;

  /** The store for people: kind and location, without any password. */
  abstract String describe(String url);

  abstract boolean isGeoPackage();

  /** SQL for a geometry parameter. */
  abstract String geomIn();

  /** SQL selecting a geometry column as bytes {@link #readGeometry} understands. */
  abstract String geomOut(String col);

  abstract byte[] geometryBytes(Geometry g);

  abstract Geometry readGeometry(byte[] b);

  /** Canonical WKT of stored geometry bytes (for comparing a row with its audit trail). */
  final String wktOf(byte[] b) {
    return RecordCodec.wkt(readGeometry(b));
  }

  /** Binds the parameters of row {@code i} of a batch. */
  @FunctionalInterface
  interface RowBinder {
    void bind(Params p, int i) throws SQLException;
  }

  /**
   * Runs {@code insertSql} (an {@code INSERT INTO records}) once for each of {@code records},
   * binding row {@code i} with {@code bind}, and keeps the spatial index current.
   */
  abstract void insertRecords(
      Connection c, String insertSql, List<RegistryRecord> records, RowBinder bind)
      throws SQLException;

  /**
   * Keeps the spatial index current after record {@code id} was rewritten to envelope {@code e}.
   */
  abstract void recordRewritten(Connection c, String id, Envelope e) throws SQLException;

  /**
   * How a records query keeps rows whose bbox meets {@code ?minx ?miny ?maxx ?maxy} (parameters in
   * that order, bound before any other condition's).
   *
   * @param join appended after {@code FROM records} (may be empty)
   * @param condition a {@code WHERE} condition, or null when the join does it all
   */
  record BboxFilter(String join, String condition) {}

  abstract BboxFilter bboxFilter();

  /**
   * For verification: SQL appended after {@code FROM records} and the five columns it adds (the
   * entry's id, {@code minx, miny, maxx, maxy}) giving each row's entry in the store's own
   * bounding-box index; null if the store keeps none beside the row.
   */
  abstract String[] indexEntryJoin();

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
    if (url.startsWith(Sqlite.PREFIX)) {
      return new Sqlite();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new Postgis();
    }
    throw new IllegalArgumentException(url);
  }

  /** The URL without any password. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }

  /**
   * GeoPackage 1.3 in SQLite: GP geometry blobs, the standard R-tree ({@code rtree_records_geom},
   * kept by its triggers with the {@code ST_*} functions every connection registers).
   */
  static final class Sqlite extends Dialect {
    static final String PREFIX = "jdbc:sqlite:";

    /** The standard R-tree index of {@code records.geom} (GeoPackage annex F.3). */
    private static final String RTREE = "rtree_records_geom";

    @Override
    String id() {
      return "sqlite";
    }

    @Override
    Connection open(String url) throws SQLException {
      SQLiteConfig cfg = new SQLiteConfig();
      // WAL: readers (QGIS, GDAL, the server's own reads) never block the writer (issue 19). Each
      // commit stays atomic per file; one spanning the attached accounts file is not atomic across
      // both on a crash, which the accounts' row-against-audit check then refuses (ADR 0026).
      cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
      cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      cfg.setBusyTimeout(15000);
      cfg.enforceForeignKeys(true);
      Connection c = cfg.createConnection(url);
      GpkgFunctions.register(c);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
        s.execute("PRAGMA user_version = 10300"); // GeoPackage 1.3 (GDAL 3.6 warns on 1.4)
      }
      attachAccounts(c, accountsFile(url));
      return c;
    }

    /**
     * The file of a GeoPackage registry's accounts and sessions: {@code <registry>.gpkg.accounts},
     * beside it, so map users who open the GeoPackage do not open them (issue 18, finding 5).
     */
    static java.nio.file.Path accountsFile(String url) {
      return java.nio.file.Path.of(url.substring(PREFIX.length()) + ".accounts");
    }

    /**
     * Attaches the accounts file as {@code auth} (created 0600) and makes its tables if missing;
     * one transaction then covers both files (rollback journal: atomic across attached files).
     */
    private static void attachAccounts(Connection c, java.nio.file.Path file) throws SQLException {
      try {
        lt.skydas.registry.PrivateFiles.ensure(file.toAbsolutePath());
      } catch (java.io.IOException e) {
        throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
      }
      try (PreparedStatement p = c.prepareStatement("ATTACH DATABASE ? AS auth")) {
        p.setString(1, file.toAbsolutePath().toString());
        p.execute();
      }
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS auth.skydas_user (username TEXT PRIMARY KEY, role TEXT NOT"
                + " NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER"
                + " NOT NULL DEFAULT 0)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS auth.skydas_session (token_hash TEXT PRIMARY KEY, username"
                + " TEXT NOT NULL REFERENCES skydas_user (username) ON DELETE CASCADE, csrf TEXT"
                + " NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, mac TEXT)");
        s.execute(
            "CREATE INDEX IF NOT EXISTS auth.skydas_session_user ON skydas_session (username)");
        // as schema 10 makes it, for an accounts file restored from before it
        s.execute(
            "CREATE TABLE IF NOT EXISTS auth.skydas_api_token (id TEXT PRIMARY KEY, name TEXT NOT"
                + " NULL, token_hash TEXT NOT NULL UNIQUE, scope TEXT NOT NULL, created_by TEXT"
                + " NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at"
                + " TEXT, mac TEXT NOT NULL)");
      }
    }

    @Override
    String describe(String url) {
      return "GeoPackage " + url.substring(PREFIX.length());
    }

    @Override
    boolean isGeoPackage() {
      return true;
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

    /** In one batch; the R-tree's triggers index each row. */
    @Override
    void insertRecords(Connection c, String insertSql, List<RegistryRecord> records, RowBinder bind)
        throws SQLException {
      try (PreparedStatement p = c.prepareStatement(insertSql)) {
        Params params = new Params(p);
        for (int i = 0; i < records.size(); i++) {
          bind.bind(params.reset(), i);
          p.addBatch();
        }
        p.executeBatch();
      }
    }

    @Override
    void recordRewritten(Connection c, String id, Envelope e) {
      // the R-tree's update triggers follow the row
    }

    @Override
    BboxFilter bboxFilter() {
      return new BboxFilter(
          " JOIN (SELECT id AS bfid FROM "
              + RTREE
              + " WHERE maxx >= ? AND maxy >= ? AND minx <= ? AND miny <= ?)"
              + " b ON b.bfid = records.fid",
          null);
    }

    @Override
    String[] indexEntryJoin() {
      return new String[] {
        " LEFT JOIN " + RTREE + " ix ON ix.id = records.fid",
        "ix.id, ix.minx, ix.miny, ix.maxx, ix.maxy"
      };
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

  /** PostgreSQL + PostGIS: WKB geometries, a GiST index the server keeps. */
  static final class Postgis extends Dialect {
    /** Rows sent per JDBC batch (the driver rewrites a batch into multi-row INSERTs). */
    private static final int BATCH_ROWS = 1000;

    @Override
    String id() {
      return "postgresql";
    }

    /**
     * Every session: accounts in their own schema found after public (V8), no statement longer than
     * five minutes.
     */
    static final String SESSION_OPTIONS =
        "-c search_path=public,skydas_auth -c statement_timeout=300000";

    /** Not in auto-commit, READ COMMITTED; batched inserts rewritten to multi-row statements. */
    @Override
    Connection open(String url) throws SQLException {
      Properties p = new Properties();
      p.setProperty("reWriteBatchedInserts", "true");
      p.setProperty("ApplicationName", "skydas");
      p.setProperty("options", SESSION_OPTIONS);
      Connection c = DriverManager.getConnection(url, p);
      try {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      } catch (SQLException e) {
        try {
          c.close();
        } catch (SQLException x) {
          e.addSuppressed(x);
        }
        throw e;
      }
      return c;
    }

    @Override
    String describe(String url) {
      return "PostGIS " + redact(url);
    }

    @Override
    boolean isGeoPackage() {
      return false;
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

    /** In batches of {@value #BATCH_ROWS}; the GiST index follows by itself. */
    @Override
    void insertRecords(Connection c, String insertSql, List<RegistryRecord> records, RowBinder bind)
        throws SQLException {
      try (PreparedStatement p = c.prepareStatement(insertSql)) {
        Params params = new Params(p);
        for (int i = 0; i < records.size(); i++) {
          bind.bind(params.reset(), i);
          p.addBatch();
          if (i % BATCH_ROWS == BATCH_ROWS - 1) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
    }

    @Override
    void recordRewritten(Connection c, String id, Envelope e) {
      // the GiST index on geom follows the row
    }

    @Override
    BboxFilter bboxFilter() {
      return new BboxFilter("", "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
    }

    @Override
    String[] indexEntryJoin() {
      return null; // the GiST index on geom follows the row
    }

    @Override
    String lockHeadSql() {
      return "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    }
  }
}
