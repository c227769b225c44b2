package lt.skydas.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.Emplacement.Employment;
import lt.skydas.plan.ObstacleCatalog;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The registry: every write checks the actor's role, the lifecycle, the record and its geometry,
 * then changes the record and appends a hash-chained audit event in one transaction. Nothing of a
 * refused or failed write is stored. One instance per store; calls are serialised by the store.
 */
public final class Registry implements AutoCloseable {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

  /** At most this many problems are spelled out in one error message (all are in its details). */
  static final int MESSAGE_ERRORS = 12;

  private final RegistryStore store;
  private final Catalogs catalogs;
  private final Territory territory;
  private final Clock clock;
  private final DraftChecks checks;
  private final HumanitarianRules rules;

  /**
   * A registry whose records take their types from {@code catalogs}.
   *
   * @param clock the time of every write and audit event
   */
  public Registry(RegistryStore store, Catalogs catalogs, Territory territory, Clock clock) {
    this.store = store;
    this.catalogs = catalogs;
    this.territory = territory;
    this.clock = clock;
    this.checks = new DraftChecks(catalogs, territory);
    this.rules = new HumanitarianRules(catalogs, territory);
  }

  /**
   * A registry of obstacles and minefields of {@code catalog} and sensor sites of the shipped
   * sensor catalog ({@link Catalogs#of}).
   */
  public Registry(RegistryStore store, ObstacleCatalog catalog, Territory territory, Clock clock) {
    this(store, Catalogs.of(catalog), territory, clock);
  }

  public RegistryStore store() {
    return store;
  }

  public Territory territory() {
    return territory;
  }

  /** The obstacle catalog. */
  public ObstacleCatalog catalog() {
    return catalogs.obstacles();
  }

  /** Both catalogs: obstacle and sensor. */
  public Catalogs catalogs() {
    return catalogs;
  }

  // ---- writes ----

  /** Creates one record. */
  public RegistryRecord create(Actor actor, RecordDraft d) {
    return importAll(actor, List.of(d), null).get(0);
  }

  /**
   * Creates many records in one transaction: all are checked first and every problem of every
   * record is reported together; then all are stored, or none.
   */
  public List<RegistryRecord> importAll(Actor actor, List<RecordDraft> drafts, String source) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    checkMayCreate(actor, drafts);
    ImportBatch batch = checkDrafts(drafts, source);
    return store.write(
        c -> {
          checkAgainstStored(c, batch);
          return insertNew(c, actor, batch.records(), source);
        });
  }

  /** Planners create planned records; records already further along are entered by admins. */
  private static void checkMayCreate(Actor actor, List<RecordDraft> drafts) {
    for (RecordDraft d : drafts) {
      Status s = d.status() == null ? Status.PLANNED : d.status();
      boolean mayCreate =
          s == Status.PLANNED
              ? actor.role() == Role.PLANNER || actor.role() == Role.ADMIN
              : actor.role() == Role.ADMIN;
      if (!mayCreate) {
        throw RegistryProblems.forbidden(
            actor,
            s == Status.PLANNED
                ? "create planned records (planner, admin)"
                : "enter records already " + s.id() + " (admin)");
      }
    }
  }

  /** Every draft built and checked against the others; refused with every problem found. */
  private ImportBatch checkDrafts(List<RecordDraft> drafts, String source) {
    Instant t0 = clock.instant();
    ImportBatch batch = new ImportBatch();
    List<FieldError> errors = new ArrayList<>();
    lt.skydas.plan.PlanPolicy policy = policy().current();
    for (int i = 0; i < drafts.size(); i++) {
      RecordDraft d = drafts.get(i);
      String where =
          d.where() != null ? d.where() : d.id() != null ? "record " + d.id() : "record " + (i + 1);
      List<FieldError> fe = new ArrayList<>();
      RegistryRecord built = checks.build(d, null, t0, source, fe);
      if (built != null && fe.isEmpty()) {
        fe.addAll(rules.check(built, policy));
      }
      batch.add(built, where, fe);
      for (FieldError f : fe) {
        errors.add(f.at(where));
      }
    }
    if (!errors.isEmpty()) {
      throw RegistryProblems.invalid("nothing imported: " + errors.size() + " problem(s)", errors);
    }
    return batch;
  }

  /** Refused if an id is taken, a geometry is stored already or a minefield overlaps one. */
  private void checkAgainstStored(Connection c, ImportBatch batch) throws SQLException {
    List<FieldError> clash = new ArrayList<>();
    for (String id : store.records().existingIds(c, batch.ids())) {
      clash.add(
          new FieldError("id", "'" + id + "' is already in the registry").at(batch.whereOf(id)));
    }
    for (RegistryRecord r : batch.records()) {
      store
          .records()
          .findWithGeometry(c, RegistryStore.geometryHash(r.type(), r.geometry()), null)
          .ifPresent(
              o ->
                  clash.add(
                      new FieldError("geometry", "duplicate of stored record " + o)
                          .at(batch.label(r))));
      if (r.kind() == RecordKind.MINEFIELD && r.geometry() instanceof Polygonal) {
        for (RegistryRecord m : activeMinefields(c, r.geometry().getEnvelopeInternal())) {
          if (overlaps(r.geometry(), m.geometry())) {
            clash.add(
                new FieldError("geometry", "overlaps stored minefield " + m.id())
                    .at(batch.label(r)));
          }
        }
      }
    }
    if (!clash.isEmpty()) {
      throw RegistryProblems.invalid("nothing imported: " + clash.size() + " problem(s)", clash);
    }
  }

  /** Stores the records at version 1 with one chained audit event each. */
  private List<RegistryRecord> insertNew(
      Connection c, Actor actor, List<RegistryRecord> records, String source) throws SQLException {
    AuditEvent head = store.audit().head(c);
    Instant now = clock.instant();
    List<RegistryRecord> stored = new ArrayList<>(records.size());
    List<String> docs = new ArrayList<>(records.size());
    List<AuditEvent> events = new ArrayList<>(records.size());
    long seq = head.seq();
    String prev = head.hash();
    String action = records.size() == 1 && source == null ? "create" : "import";
    for (RegistryRecord r : records) {
      RegistryRecord s = r.firstVersion(now);
      String doc = RecordCodec.toJson(s);
      AuditEvent e = AuditEvent.next(++seq, now, actor, "record", s.id(), action, null, doc, prev);
      prev = e.hash();
      stored.add(s);
      docs.add(doc);
      events.add(e);
    }
    store.records().insert(c, stored, docs);
    store.audit().append(c, events);
    return stored;
  }

  /**
   * Edits a record's data (not its status: see {@link #transition}). Planned records belong to
   * planners (approved ones to admins), records being prepared, stocked, ordered, built, laid or in
   * place to engineers; cleared and released records are closed.
   */
  public RegistryRecord update(Actor actor, String id, long expectedVersion, RecordDraft d) {
    return store.write(
        c -> {
          RegistryRecord cur = load(c, id);
          checkVersion(cur, expectedVersion);
          Role owner = editor(cur.status());
          if (owner == null) {
            throw new SkydasProblem(
                ProblemCode.FORBIDDEN,
                "record " + id + " is " + cur.status().id() + ": its record is closed");
          }
          if (!mayEdit(actor.role(), cur.status())) {
            throw RegistryProblems.forbidden(
                actor, "edit a " + cur.status().id() + " record (" + owner.id() + ")");
          }
          List<FieldError> fe = new ArrayList<>();
          if (d.status() != null && d.status() != cur.status()) {
            fe.add(
                new FieldError(
                    "status",
                    "is changed by a lifecycle action, not an edit (" + Action.ids() + ")"));
          }
          if (d.id() != null && !d.id().equals(id)) {
            fe.add(new FieldError("id", "cannot be changed"));
          }
          if (d.type() != null && !d.type().equals(cur.type()) && cur.status() != Status.PLANNED) {
            fe.add(new FieldError("type", "can only change while planned"));
          }
          RecordDraft merged = merged(cur, d);
          String kindChange = kindChange(cur, merged.type());
          if (kindChange != null) {
            fe.add(new FieldError("type", kindChange));
          }
          Instant now = clock.instant();
          RegistryRecord next =
              kindChange == null ? checks.build(merged, cur, now, cur.source(), fe) : null;
          if (next != null) {
            crossChecks(c, next, fe);
            if (fe.isEmpty() && moved(cur, next)) {
              fe.addAll(rules.check(next, policy().current(c)));
            }
          }
          if (!fe.isEmpty()) {
            throw RegistryProblems.invalid(
                "record " + id + " not changed: " + fe.size() + " problem(s)", fe);
          }
          return commit(c, actor, cur, next, "update", expectedVersion);
        });
  }

  /**
   * True when an edit changes where a record lies or what it is: its type, its geometry, or the
   * anti-personnel mines its lots hold.
   */
  private static boolean moved(RegistryRecord cur, RegistryRecord next) {
    return !next.type().equals(cur.type())
        || !next.geometry().equalsExact(cur.geometry())
        || !HumanitarianRules.apLots(next).equals(HumanitarianRules.apLots(cur));
  }

  /** The stored record with the draft's present fields laid over it (id and status kept). */
  private static RecordDraft merged(RegistryRecord cur, RecordDraft d) {
    return RecordDraft.builder()
        .withId(cur.id())
        .withType(d.type() == null ? cur.type() : d.type())
        .withName(d.name() == null ? cur.name() : d.name())
        .withStatus(cur.status())
        .withGeometry(d.geometry() == null ? cur.geometry() : d.geometry())
        .withProtection(cur.marked(), cur.fenced(), cur.monitored())
        .withMinefield(d.minefield() == null ? cur.minefield() : d.minefield())
        .withSiting(
            d.height_m() == null ? cur.height_m() : d.height_m(),
            d.azimuth_deg() == null ? cur.azimuth_deg() : d.azimuth_deg())
        .withDepot(d.depot() == null ? cur.depot() : d.depot())
        .withShelter(d.shelter() == null ? cur.shelter() : d.shelter())
        .withYear(d.year() == null ? cur.year() : d.year())
        .withNotes(d.notes() == null ? cur.notes() : d.notes())
        .build();
  }

  /** Why {@code cur} may not take {@code type} (another kind of record), or null. */
  private String kindChange(RegistryRecord cur, String type) {
    RecordKind kind = catalogs.findType(type).map(Catalogs.RecordType::kind).orElse(cur.kind());
    return kind == cur.kind()
        ? null
        : "cannot change between "
            + cur.kind().id()
            + " and "
            + kind.id()
            + " (a "
            + cur.type()
            + " stays a "
            + cur.kind().id()
            + ")";
  }

  /**
   * Applies a lifecycle action as the record's {@link Lifecycle} allows it: refused if the action
   * is not one of its employment's, the record is not in a status it leaves from, the role does not
   * own it, it would leave a minefield emplaced without its complete CCW Amended Protocol II
   * record, or a depot stocked with nothing in it.
   */
  public RegistryRecord transition(Actor actor, String id, long expectedVersion, Action action) {
    return store.write(
        c -> {
          RegistryRecord cur = load(c, id);
          checkVersion(cur, expectedVersion);
          Lifecycle lc = lifecycle(cur);
          Lifecycle.Step step = lc.require(cur, action, actor.role());
          if (!step.roles().contains(actor.role())) {
            throw RegistryProblems.forbidden(
                actor, action.id() + " (" + RegistryProblems.ids(step.roles()) + ")");
          }
          RegistryRecord next =
              switch (action) {
                case MARK -> cur.withProtection(true, cur.fenced(), cur.monitored());
                case FENCE -> cur.withProtection(cur.marked(), true, cur.monitored());
                case MONITOR -> cur.withProtection(cur.marked(), cur.fenced(), true);
                default -> cur.withStatus(step.next(cur.status()));
              };
          if (next.kind() == RecordKind.DEPOT
              && next.status() == Status.STOCKED
              && next.depot().total() == 0) {
            throw RegistryProblems.invalid(
                "depot " + id + " cannot be stocked: it holds nothing",
                List.of(
                    new FieldError(
                        "depot.stock", "give what it holds first (an edit by the engineer)")));
          }
          if (HumanitarianRules.checksMove(cur.status(), next.status())) {
            List<FieldError> fe = rules.check(next, policy().current(c));
            if (!fe.isEmpty()) {
              throw RegistryProblems.invalid(
                  "record " + id + " cannot be " + next.status().id() + ": " + fe.get(0).message(),
                  fe);
            }
          }
          if (next.kind() == RecordKind.MINEFIELD
              && next.status() == Status.EMPLACED
              && cur.status() != Status.EMPLACED) {
            List<FieldError> fe = RecordValidator.emplacementErrors(next, apType(cur.type()));
            if (!fe.isEmpty()) {
              throw RegistryProblems.invalid(
                  "minefield "
                      + id
                      + " cannot be emplaced: its record is incomplete ("
                      + fe.size()
                      + " field(s))",
                  fe);
            }
          }
          return commit(c, actor, cur, next, action.id(), expectedVersion);
        });
  }

  /**
   * The lifecycle of records of catalog type {@code type}: its employment's ({@link Lifecycle#of});
   * the permanent one for a type no catalog has.
   */
  public Lifecycle lifecycleOf(String type) {
    return catalogs
        .findType(type)
        .map(Catalogs.RecordType::lifecycle)
        .orElse(Lifecycle.of(Employment.PERMANENT));
  }

  /** The lifecycle {@code r} follows. */
  public Lifecycle lifecycle(RegistryRecord r) {
    return lifecycleOf(r.type());
  }

  /** What a caller of {@code role} may do with {@code r} now ({@link RecordOffer}). */
  public RecordOffer offer(RegistryRecord r, Role role) {
    return RecordOffer.of(r, lifecycle(r), role);
  }

  /** Links an inspection, incident, clearance task or land release to a record. */
  public Activity addActivity(
      Actor actor, String recordId, ActivityKind kind, Geometry g, Map<String, Object> data) {
    if (!kind.roles().contains(actor.role())) {
      throw RegistryProblems.forbidden(
          actor, "record a " + kind.id() + " (" + RegistryProblems.ids(kind.roles()) + ")");
    }
    List<FieldError> fe = ActivityChecks.check(kind, g, data, territory);
    if (!fe.isEmpty()) {
      throw RegistryProblems.invalid(
          kind.id() + " for " + recordId + " not recorded: " + fe.size() + " problem(s)", fe);
    }
    return store.write(
        c -> {
          RegistryRecord r = load(c, recordId);
          String refusal = ActivityChecks.statusProblem(kind, r.status());
          if (refusal != null) {
            throw new SkydasProblem(
                ProblemCode.CONFLICT,
                "record " + recordId + " is " + r.status().id() + ": " + refusal);
          }
          AuditEvent head = store.audit().head(c);
          Instant now = clock.instant();
          Activity a =
              new Activity(
                  kind.id() + "-" + UUID.randomUUID(), recordId, kind, now, actor.name(), g, data);
          String doc = a.toJson();
          store.activities().insert(c, a, doc);
          store
              .audit()
              .append(
                  c,
                  List.of(
                      AuditEvent.next(
                          head.seq() + 1,
                          now,
                          actor,
                          "activity",
                          a.id(),
                          "add_" + kind.id(),
                          null,
                          doc,
                          head.hash())));
          return a;
        });
  }

  // ---- reads ----

  public Optional<RegistryRecord> find(String id) {
    return store.read(c -> store.records().find(c, id));
  }

  /** Records meeting {@code bbox} (WGS84; null for all), of a status and kind (null for any). */
  public List<RegistryRecord> list(
      Envelope bbox, Status status, RecordKind kind, int limit, int offset) {
    return store.read(
        c ->
            store
                .records()
                .query(
                    c,
                    bbox,
                    status == null ? null : status.id(),
                    kind == null ? null : kind.id(),
                    limit,
                    offset));
  }

  /**
   * Records whose envelope meets {@code bbox}, of {@code status} and {@code kind} (each nullable:
   * any).
   */
  public long count(Envelope bbox, Status status, RecordKind kind) {
    return store.read(
        c ->
            store
                .records()
                .count(
                    c, bbox, status == null ? null : status.id(), kind == null ? null : kind.id()));
  }

  public long count() {
    return store.read(c -> store.records().count(c));
  }

  public List<Activity> activities(String recordId) {
    return store.read(c -> store.activities().listFor(c, recordId));
  }

  /** Every audit event of a record or activity, oldest first. */
  public List<AuditEvent> history(String id) {
    return store.read(c -> store.audit().events(c, id));
  }

  /** The record as it stood at {@code t}: empty if it did not exist yet. */
  public Optional<RegistryRecord> stateAt(String id, Instant t) {
    AuditEvent last = null;
    for (AuditEvent e : history(id)) {
      if (!e.at().isAfter(t) && "record".equals(e.entity())) {
        last = e;
      }
    }
    return last == null || last.after() == null
        ? Optional.empty()
        : Optional.of(RecordCodec.fromJson(last.after()));
  }

  /**
   * Imports country {@code country}'s line (a neighbour's obstacles and sensors, read-only here)
   * from {@code drafts} read from {@code source}, replacing the line imported before: all checked
   * first, then stored whole with its provenance and one audit event, or nothing ({@link
   * NeighbourLines}).
   */
  public NeighbourLine importNeighbourLine(
      Actor actor, String country, String source, String note, List<RecordDraft> drafts) {
    return NeighbourLines.importLine(
        store, clock, catalogs, territory, actor, country, source, note, drafts);
  }

  /** The humanitarian policy the registry owns: in force, its versions, set by an admin. */
  public RegistryPolicy policy() {
    return new RegistryPolicy(store, catalogs, clock);
  }

  /** The dual-use works projects: entered, listed and moved along their lifecycle. */
  public RegistryWorks works() {
    return new RegistryWorks(store, territory, clock);
  }

  /** The neighbours' lines held, by country. */
  public List<NeighbourLine> neighbourLines() {
    return store.read(
        c -> store.neighbours().lines(c).values().stream().map(NeighbourLine::fromJson).toList());
  }

  /**
   * The features of a neighbour's line (null: every neighbour) meeting {@code bbox} (null: all).
   */
  public List<NeighbourFeature> neighbourFeatures(String country, Envelope bbox) {
    return store.read(c -> store.neighbours().features(c, country, bbox));
  }

  /** Checks the whole chain and every row against it. */
  public VerifyReport verify() {
    return store.read(c -> new ChainVerifier(store).verify(c));
  }

  /**
   * Verifies the chain and, beyond what the database alone can show, against signed checkpoints:
   * each must be signed by the trusted key and the event at its seq must still have the hash it
   * signed, so a chain rewritten consistently from its first event is caught.
   */
  public VerifyReport verify(ChainTrust trust) {
    return store.read(c -> new ChainVerifier(store).verify(c, trust));
  }

  /**
   * Signs the chain's head into a checkpoint and appends it to {@code log}, after verifying the
   * chain (against the log's earlier checkpoints): a tampered chain is never signed.
   *
   * @throws SkydasProblem {@code TAMPERED} if verification fails
   */
  public Checkpoint checkpoint(
      java.security.PrivateKey key, java.security.PublicKey pub, java.nio.file.Path log) {
    List<Checkpoint> earlier =
        java.nio.file.Files.exists(log) ? CheckpointLog.read(log) : List.of();
    VerifyReport v = verify(new ChainTrust(pub, earlier, log.toString()));
    if (!v.ok()) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          store.describe()
              + ": not signed, the chain does not verify: "
              + v.problems().size()
              + " problem(s), first: "
              + v.problems().get(0));
    }
    Checkpoint cp = Checkpoint.sign(v.events(), v.headHash(), clock.instant(), key, pub);
    CheckpointLog.append(log, cp);
    return cp;
  }

  @Override
  public void close() {
    store.close();
  }

  // ---- helpers ----

  private RegistryRecord commit(
      Connection c,
      Actor actor,
      RegistryRecord cur,
      RegistryRecord next,
      String action,
      long expected)
      throws SQLException {
    AuditEvent head = store.audit().head(c);
    Instant now = clock.instant();
    RegistryRecord s = next.bumped(now);
    String doc = RecordCodec.toJson(s);
    if (!store.records().update(c, s, doc, expected)) {
      throw RegistryProblems.conflict(cur.id(), expected);
    }
    store
        .audit()
        .append(
            c,
            List.of(
                AuditEvent.next(
                    head.seq() + 1,
                    now,
                    actor,
                    "record",
                    s.id(),
                    action,
                    RecordCodec.toJson(cur),
                    doc,
                    head.hash())));
    return s;
  }

  private void crossChecks(Connection c, RegistryRecord r, List<FieldError> fe)
      throws SQLException {
    store
        .records()
        .findWithGeometry(c, RegistryStore.geometryHash(r.type(), r.geometry()), r.id())
        .ifPresent(o -> fe.add(new FieldError("geometry", "duplicate of stored record " + o)));
    if (r.kind() == RecordKind.MINEFIELD && r.geometry() instanceof Polygonal) {
      for (RegistryRecord m : activeMinefields(c, r.geometry().getEnvelopeInternal())) {
        if (!m.id().equals(r.id()) && overlaps(r.geometry(), m.geometry())) {
          fe.add(new FieldError("geometry", "overlaps stored minefield " + m.id()));
        }
      }
    }
  }

  private List<RegistryRecord> activeMinefields(Connection c, Envelope e) throws SQLException {
    List<RegistryRecord> out = new ArrayList<>();
    for (RegistryRecord m :
        store.records().query(c, e, null, RecordKind.MINEFIELD.id(), Integer.MAX_VALUE, 0)) {
      if (m.status() != Status.LAND_RELEASED && m.geometry() instanceof Polygonal) {
        out.add(m);
      }
    }
    return out;
  }

  /** Interiors meet (touching edges is fine). */
  static boolean overlaps(Geometry a, Geometry b) {
    return a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) && a.relate(b, "T********");
  }

  private RegistryRecord load(Connection c, String id) throws SQLException {
    return store
        .records()
        .find(c, id)
        .orElseThrow(
            () ->
                new SkydasProblem(
                    ProblemCode.NOT_FOUND,
                    "no record '" + RegistryProblems.shorten(id) + "' in the registry"));
  }

  private static void checkVersion(RegistryRecord cur, long expected) {
    if (cur.version() != expected) {
      throw RegistryProblems.conflict(cur.id(), expected, cur.version());
    }
  }

  /**
   * True if {@code role} may edit a record's data in status {@code s}: its {@link #editor} or, for
   * planned records, an admin. A ready shelter's record (its capacity as inspected) is the
   * inspector's.
   */
  static boolean mayEdit(Role role, Status s) {
    Role owner = editor(s);
    return owner != null && (role == owner || owner == Role.PLANNER && role == Role.ADMIN);
  }

  /** Who edits records in status {@code s}; null once the record is closed. */
  private static Role editor(Status s) {
    return switch (s) {
      case PLANNED -> Role.PLANNER;
      case APPROVED -> Role.ADMIN;
      case UNDER_CONSTRUCTION,
          PREPARED,
          STOCKED,
          ORDERED,
          LAID,
          EXECUTED,
          EMPLACED,
          BREACHED,
          DAMAGED,
          CLEARANCE_IN_PROGRESS ->
          Role.ENGINEER;
      case READY -> Role.INSPECTOR;
      case CLEARED, LAND_RELEASED, CLOSED -> null;
    };
  }

  private boolean apType(String type) {
    return catalogs.obstacles().findType(type).map(t -> t.mines().hasAp()).orElse(false);
  }
}
