package lt.skydas.registry.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RegistryStore;

/**
 * The registry's tables over JDBC: an embedded GeoPackage ({@code jdbc:sqlite:} or a {@code .gpkg}
 * path) or PostgreSQL + PostGIS ({@code jdbc:postgresql:}); what differs between the two is the
 * {@link Dialect}'s. One connection, used by one thread at a time (a lock serialises callers); open
 * one store per process or per worker. Writes happen in {@link #write} transactions that either
 * commit whole or leave nothing behind; the tables ({@link #records()}, {@link #activities()},
 * {@link #audit()}) work inside them.
 */
public final class JdbcStore implements RegistryStore {
  private final String url;
  private final Dialect dialect;

  /** SQLite: the one connection (guarded by {@link #lock}); PostGIS: null. */
  private final Connection conn;

  /** PostGIS: the connection pool (ADR 0025); SQLite: null. */
  private final com.zaxxer.hikari.HikariDataSource pool;

  private final ReentrantLock lock = new ReentrantLock();
  private final RecordTable records;
  private final ActivityTable activities;
  private final AuditLog audit;
  private final NeighbourTable neighbours;
  private final WorkTable works;
  private final PolicyTable policies = new PolicyTable();

  private JdbcStore(
      String url, Dialect dialect, Connection conn, com.zaxxer.hikari.HikariDataSource pool) {
    this.url = url;
    this.dialect = dialect;
    this.conn = conn;
    this.pool = pool;
    this.records = new RecordTable(dialect);
    this.activities = new ActivityTable(dialect);
    this.audit = new AuditLog(dialect);
    this.neighbours = new NeighbourTable(dialect);
    this.works = new WorkTable(dialect);
  }

  /**
   * Opens a store. {@code location} is a JDBC URL or a file path ending in {@code .gpkg}. With
   * {@code create} false a missing GeoPackage file is a not-found problem (run {@code registry
   * init}); the schema is migrated to the newest version either way.
   */
  public static JdbcStore open(String location, boolean create) {
    String url = location.startsWith("jdbc:") ? location : geoPackageUrl(location, create);
    Dialect d;
    try {
      d = Dialect.forUrl(url);
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--db "
              + Dialect.redact(url)
              + ": only jdbc:sqlite: (GeoPackage) and jdbc:postgresql: are supported");
    }
    Connection c = null;
    try {
      c = d.open(url);
      Migrations.migrate(c, d.id());
      if (d.isGeoPackage()) {
        return new JdbcStore(url, d, c, null);
      }
      c.close(); // migrated: from here on the pool's connections
      return new JdbcStore(url, d, null, pool(url));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new SkydasProblem(
          ProblemCode.STORAGE_FAILED,
          "cannot open registry " + Dialect.redact(url) + ": " + e.getMessage(),
          java.util.Map.of(),
          e);
    }
  }

  /** The {@code jdbc:sqlite:} URL of a {@code .gpkg} path, its folder created. */
  private static String geoPackageUrl(String location, boolean create) {
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
    if (create) {
      // a new registry is its owner's alone (0600); SQLite gives its journal the same mode, and
      // takes an empty file for an empty database
      try {
        lt.skydas.registry.PrivateFiles.ensure(p);
      } catch (java.io.IOException e) {
        throw new SkydasProblem(
            ProblemCode.OUTPUT_FAILED, "cannot create " + p + ": " + e.getMessage());
      }
    }
    return Dialect.Sqlite.PREFIX + p;
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

  /**
   * Kind and location for people ({@code GeoPackage /path}, {@code PostGIS jdbc:…}), no password.
   */
  @Override
  public NeighbourTable neighbours() {
    return neighbours;
  }

  @Override
  public WorkTable works() {
    return works;
  }

  @Override
  public PolicyTable policies() {
    return policies;
  }

  @Override
  public String describe() {
    return dialect.describe(url);
  }

  @Override
  public boolean isGeoPackage() {
    return dialect.isGeoPackage();
  }

  @Override
  public int schemaVersion() {
    return read(Migrations::current);
  }

  /**
   * PostGIS: a pool of up to {@link #POOL_SIZE} connections (HikariCP), opened on demand, each not
   * in auto-commit and READ COMMITTED as {@link Dialect#open} makes them; waiting for one times out
   * after {@value #POOL_WAIT_MS} ms (a 503 to a client), a statement after five minutes.
   */
  private static com.zaxxer.hikari.HikariDataSource pool(String url) {
    com.zaxxer.hikari.HikariConfig cfg = new com.zaxxer.hikari.HikariConfig();
    cfg.setJdbcUrl(url);
    cfg.setPoolName("skydas-registry");
    cfg.setAutoCommit(false);
    cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    cfg.setMaximumPoolSize(POOL_SIZE);
    cfg.setMinimumIdle(1);
    cfg.setConnectionTimeout(POOL_WAIT_MS);
    cfg.setValidationTimeout(5_000);
    cfg.setIdleTimeout(120_000);
    cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
    cfg.addDataSourceProperty("ApplicationName", "skydas");
    cfg.addDataSourceProperty("options", Dialect.Postgis.SESSION_OPTIONS);
    return new com.zaxxer.hikari.HikariDataSource(cfg);
  }

  /** Connections a PostGIS store holds at most (system property {@code skydas.pg.pool}). */
  static final int POOL_SIZE = Math.max(1, Integer.getInteger("skydas.pg.pool", 16));

  /** How long a request waits for a pooled connection (ms). */
  static final int POOL_WAIT_MS = 10_000;

  /** Runs {@code w} in one write transaction: commits if it returns, rolls back if it throws. */
  @Override
  public <T> T write(Work<T> w) {
    if (pool != null) {
      try (Connection c = pool.getConnection()) {
        return inTransaction(c, w, true);
      } catch (SQLException e) {
        throw storage(e);
      }
    }
    lock.lock();
    try {
      return inTransaction(conn, w, true);
    } catch (SQLException e) {
      throw storage(e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs a read; the transaction it opened is ended. */
  @Override
  public <T> T read(Work<T> w) {
    if (pool != null) {
      try (Connection c = pool.getConnection()) {
        return inTransaction(c, w, false);
      } catch (SQLException e) {
        throw storage(e);
      }
    }
    lock.lock();
    try {
      return inTransaction(conn, w, false);
    } catch (SQLException e) {
      throw storage(e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * One transaction on {@code c}: a write commits if {@code w} returns; anything else rolls back.
   */
  private <T> T inTransaction(Connection c, Work<T> w, boolean write) throws SQLException {
    dialect.begin(c, write);
    try {
      T out = w.run(c);
      if (write) {
        dialect.commit(c);
      } else {
        dialect.rollback(c);
      }
      return out;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        dialect.rollback(c);
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw e;
    }
  }

  private SkydasProblem storage(SQLException e) {
    return new SkydasProblem(
        ProblemCode.STORAGE_FAILED,
        "registry " + describe() + ": " + e.getMessage(),
        java.util.Map.of(),
        e);
  }

  /** The record rows, in this store's dialect. */
  @Override
  public RecordTable records() {
    return records;
  }

  /** The activity rows, in this store's dialect. */
  @Override
  public ActivityTable activities() {
    return activities;
  }

  /** The audit chain's tables, in this store's dialect. */
  @Override
  public AuditLog audit() {
    return audit;
  }

  /**
   * Writes an online backup to {@code target}: a GeoPackage copy (SQLite backup API, under the
   * store's lock: every write acknowledged before it is in it) or a {@code pg_dump} custom-format
   * archive. The target must not exist.
   */
  public void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new SkydasProblem(
          ProblemCode.USAGE, target + ": already exists; a backup is never overwritten");
    }
    if (!dialect.isGeoPackage()) {
      Backups.pgDump(url, target);
      return;
    }
    lock.lock();
    try {
      Backups.sqlite(conn, target);
    } catch (SQLException e) {
      throw storage(e);
    } finally {
      lock.unlock();
    }
  }

  /** The audit chain's head and the record count held in a copy. */
  public record CopyHead(long seq, String hash, long records) {}

  /**
   * The audit chain's head (the last event's seq and hash; 0 and the genesis hash when empty) and
   * the record count of a GeoPackage backup, read without opening it for writing; null for a
   * PostGIS archive (it is read only by restoring it).
   */
  public static CopyHead headOf(Path backup) {
    if (!backup.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
      return null;
    }
    org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
    cfg.setReadOnly(true);
    try (Connection c =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup, cfg.toProperties());
        java.sql.Statement st = c.createStatement()) {
      long seq = 0;
      String hash = lt.skydas.registry.AuditEvent.GENESIS;
      try (java.sql.ResultSet rs =
          st.executeQuery("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")) {
        if (rs.next()) {
          seq = rs.getLong(1);
          hash = rs.getString(2);
        }
      }
      try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM records")) {
        rs.next();
        return new CopyHead(seq, hash, rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, backup + ": not a readable registry copy: " + e.getMessage());
    }
  }

  /**
   * Restores a backup made by {@link #backupTo} into {@code location}: a new {@code .gpkg} path (it
   * must not exist; created 0600) or an empty PostGIS database. Then opens it (migrating it if the
   * backup is older); the caller verifies it.
   */
  public static JdbcStore restore(Path backup, String location) {
    if (!Files.isRegularFile(backup)) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, backup + ": no such backup");
    }
    if (location.startsWith("jdbc:postgresql:")) {
      Backups.pgRestore(backup, location);
      return open(location, false);
    }
    Path target = Path.of(location);
    if (Files.exists(target)) {
      throw new SkydasProblem(
          ProblemCode.USAGE, location + ": already exists; restore into a new file");
    }
    try (java.io.InputStream in = Files.newInputStream(backup)) {
      byte[] head = in.readNBytes(16);
      if (!new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
          .startsWith("SQLite format 3")) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            backup
                + ": not a GeoPackage backup (a PostGIS dump restores into a jdbc:postgresql URL)");
      }
      lt.skydas.registry.PrivateFiles.ensure(target.toAbsolutePath());
      Files.copy(backup, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Path accounts = Path.of(backup + ".accounts");
      if (Files.isRegularFile(accounts)) {
        Path to = Path.of(target.toAbsolutePath() + ".accounts");
        lt.skydas.registry.PrivateFiles.ensure(to);
        Files.copy(accounts, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.OUTPUT_FAILED, location + ": cannot restore: " + e.getMessage());
    }
    return open(location, false);
  }

  /** Runs raw SQL (tests use it to tamper with a registry the way an outside editor could). */
  @Override
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
    if (pool != null) {
      pool.close();
      return;
    }
    lock.lock();
    try {
      conn.close();
    } catch (SQLException e) {
      // nothing to keep
    } finally {
      lock.unlock();
    }
  }
}
