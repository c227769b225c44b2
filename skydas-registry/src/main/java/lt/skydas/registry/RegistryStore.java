package lt.skydas.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * The registry's storage SPI: transactions on one JDBC connection and the three tables the registry
 * keeps (records, activities, the audit chain). {@link Registry} and its verifier see only this;
 * {@code lt.skydas.registry.store.JdbcStore} implements it for GeoPackage and PostGIS (ADR 0008),
 * so the store depends on the registry's domain types and never the other way round.
 *
 * <p>Implementations serialise callers (one transaction at a time). Every table method runs inside
 * the caller's {@link #read} or {@link #write} transaction, on the connection it was handed.
 */
public interface RegistryStore extends AutoCloseable {
  /** Work inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code w} in one write transaction: commits if it returns, rolls back if it throws. A
   * {@link SQLException} becomes a storage problem naming the store.
   */
  <T> T write(Work<T> w);

  /** Runs a read; the transaction it opened is ended (rolled back). */
  <T> T read(Work<T> w);

  /** The record rows. */
  Records records();

  /** The activity rows. */
  Activities activities();

  /** The audit chain. */
  AuditTrail audit();

  /** The neighbours' lines: their provenance and features, replaced whole by an import. */
  Neighbours neighbours();

  /** The dual-use works projects. */
  Works works();

  /** The versions of the humanitarian policy. */
  Policies policies();

  /** Where the data lives, for messages (a file path or a JDBC URL without its password). */
  String describe();

  /** True for the embedded GeoPackage, false for PostGIS. */
  boolean isGeoPackage();

  /**
   * Every account row of {@code skydas serve} as stored (user name, role — null if not a role — and
   * disabled), in name order, for verification against the audit chain.
   */
  default void forEachAccount(Connection c, java.util.function.Consumer<AccountAudit.State> each)
      throws SQLException {
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery("SELECT username, role, disabled FROM skydas_user ORDER BY username")) {
      while (rs.next()) {
        Role role;
        try {
          role = Role.parse(rs.getString(2));
        } catch (RuntimeException e) {
          role = null;
        }
        each.accept(new AccountAudit.State(rs.getString(1), role, rs.getInt(3) != 0));
      }
    }
  }

  /** Every API token row as stored, for verification against the audit chain. */
  default void forEachToken(Connection c, java.util.function.Consumer<TokenAudit.Row> each)
      throws SQLException {
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT id, name, scope, expires_at, revoked_at FROM skydas_api_token ORDER BY"
                    + " id")) {
      while (rs.next()) {
        each.accept(
            new TokenAudit.Row(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
      }
    }
  }

  /** The schema version after migration. */
  int schemaVersion();

  /** Runs raw SQL (tests use it to tamper with a registry the way an outside editor could). */
  void executeRaw(String sql);

  /** Closes the connection; the store is unusable afterwards. */
  @Override
  void close();

  /**
   * SHA-256 of the type and the geometry's normalised WKB: two records of one type on equal
   * geometries (any vertex order) share it. Different types on one trace (a ditch with a minefield
   * along it) are a layered obstacle, not a duplicate.
   */
  static String geometryHash(String type, Geometry g) {
    try {
      byte[] wkb = new WKBWriter(2).write(g.norm());
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(type.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      return HexFormat.of().formatHex(md.digest(wkb));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code records} table: one row per record with its canonical JSON and geometry. */
  interface Records {
    /** Inserts record rows ({@code docs.get(i)} is the canonical JSON of {@code rs.get(i)}). */
    void insert(Connection c, List<RegistryRecord> rs, List<String> docs) throws SQLException;

    /**
     * Replaces a record's row if its stored version is {@code expectedVersion}; false if it is not
     * (a concurrent edit) or the record is gone.
     */
    boolean update(Connection c, RegistryRecord r, String doc, long expectedVersion)
        throws SQLException;

    /** The record with this id, if stored. */
    Optional<RegistryRecord> find(Connection c, String id) throws SQLException;

    /** Those of {@code ids} that are stored. */
    List<String> existingIds(Connection c, List<String> ids) throws SQLException;

    /**
     * The id of a stored record whose {@link RegistryStore#geometryHash} is {@code geomHash}, other
     * than {@code exceptId} (nullable).
     */
    Optional<String> findWithGeometry(Connection c, String geomHash, String exceptId)
        throws SQLException;

    /**
     * Records whose envelope meets {@code bbox} (nullable: all), of {@code status} and {@code kind}
     * (each nullable: any), in id order, paged by {@code limit} and {@code offset}.
     */
    List<RegistryRecord> query(
        Connection c, Envelope bbox, String status, String kind, int limit, int offset)
        throws SQLException;

    /** How many records are stored. */
    long count(Connection c) throws SQLException;

    /** How many records {@link #query} would give without a limit. */
    long count(Connection c, Envelope bbox, String status, String kind) throws SQLException;

    /** Every record row as stored, in id order (streamed), for verification. */
    void forEachRow(Connection c, Consumer<RecordRow> each) throws SQLException;
  }

  /**
   * A stored record row as it is, for verification.
   *
   * @param geometryWkt canonical WKT, or {@code unreadable geometry: …} if the bytes do not decode
   */
  record RecordRow(
      String id,
      String status,
      String type,
      String kind,
      long version,
      String doc,
      String geometryWkt,
      String name,
      Integer year,
      int marked,
      int fenced,
      int monitored,
      String createdAt,
      String updatedAt,
      String geomHash,
      IndexEntry index) {}

  /**
   * A record's entry in the store's own bounding-box index, as stored.
   *
   * @param kept false if the store keeps no index of its own beside the row (PostGIS: the GiST
   *     index follows the row)
   * @param box {@code minx, miny, maxx, maxy} as stored (single precision, rounded outwards), null
   *     if the entry is missing
   */
  record IndexEntry(boolean kept, double[] box) {
    /** The store keeps no index of its own. */
    public static final IndexEntry NONE = new IndexEntry(false, null);
  }

  /** The {@code activities} table: inspections, incidents, clearance tasks and land releases. */
  interface Activities {
    /** Inserts an activity row; {@code doc} is its canonical JSON. */
    void insert(Connection c, Activity a, String doc) throws SQLException;

    /** The activities of one record, oldest first. */
    List<Activity> listFor(Connection c, String recordId) throws SQLException;

    /** Every activity row as (id, canonical JSON), in id order, for verification. */
    void forEach(Connection c, BiConsumer<String, String> each) throws SQLException;
  }

  /** The {@code neighbour_lines} and {@code neighbour_features} tables. */
  interface Neighbours {
    /**
     * Replaces {@code country}'s line: its features and provenance row are deleted and {@code doc}
     * (the {@link NeighbourLine}'s canonical JSON) and {@code features} inserted.
     */
    void replace(Connection c, String country, String doc, List<NeighbourFeature> features)
        throws SQLException;

    /** Country to the provenance doc of its line, every line in country order. */
    java.util.SortedMap<String, String> lines(Connection c) throws SQLException;

    /**
     * The features of {@code country} (null: every country) whose envelope meets {@code bbox}
     * (null: all), in country and id order.
     */
    List<NeighbourFeature> features(Connection c, String country, Envelope bbox)
        throws SQLException;
  }

  /** The {@code works} table: dual-use works projects, each with its canonical JSON. */
  interface Works {
    void insert(Connection c, List<WorkProject> ws) throws SQLException;

    /** Replaces a project's row if its stored version is {@code expectedVersion}. */
    boolean update(Connection c, WorkProject w, long expectedVersion) throws SQLException;

    Optional<WorkProject> find(Connection c, String id) throws SQLException;

    /** Every project in id order. */
    List<WorkProject> list(Connection c) throws SQLException;

    /** Project id to canonical JSON, every project in id order (for verification). */
    void forEach(Connection c, BiConsumer<String, String> each) throws SQLException;
  }

  /** The {@code policies} table: every version of the humanitarian policy. */
  interface Policies {
    void insert(Connection c, StoredPolicy p) throws SQLException;

    /** The newest version, or empty when none was ever set (the built-in default holds). */
    Optional<StoredPolicy> current(Connection c) throws SQLException;

    /** Version to canonical JSON, every version in order (for verification). */
    void forEach(Connection c, BiConsumer<Long, String> each) throws SQLException;
  }

  /** The append-only audit chain and its head. */
  interface AuditTrail {
    /**
     * The chain head (its {@code seq} and {@code hash}; the other fields null), locked until the
     * transaction ends.
     */
    AuditEvent head(Connection c) throws SQLException;

    /** Appends events (in seq order) and moves the head to the last. */
    void append(Connection c, List<AuditEvent> events) throws SQLException;

    /** The events of one entity, in seq order. */
    List<AuditEvent> events(Connection c, String entityId) throws SQLException;

    /** Every event in seq order (streamed). */
    void forEachEvent(Connection c, Consumer<AuditEvent> each) throws SQLException;

    /**
     * Appends one event after the (locked) head, in the caller's transaction: the one way an
     * entity's change is chained.
     */
    default AuditEvent appendNext(
        Connection c,
        java.time.Instant at,
        Actor actor,
        String entity,
        String entityId,
        String action,
        String before,
        String after)
        throws SQLException {
      AuditEvent head = head(c);
      AuditEvent e =
          AuditEvent.next(
              head.seq() + 1, at, actor, entity, entityId, action, before, after, head.hash());
      append(c, List.of(e));
      return e;
    }
  }
}
