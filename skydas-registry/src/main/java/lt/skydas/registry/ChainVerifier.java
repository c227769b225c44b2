package lt.skydas.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the audit chain: consecutive sequence numbers, each event's previous hash equal to the
 * hash of the one before, each hash equal to the hash of its content, the head equal to the last
 * event; then every record and activity row equal to the state its last event left. Reports every
 * problem with the event seq or the record id where it is. Not thread-safe; one per call.
 */
final class ChainVerifier {
  /** Problems beyond this many are counted, not listed. */
  static final int MAX_LISTED = 1000;

  private final RegistryStore store;
  private final List<String> problems = new ArrayList<>();
  private int unlisted;

  /** Entity id to the canonical JSON its last event left. */
  private final Map<String, String> lastAfter = new HashMap<>();

  /** Entity id to its kind of entity ({@code record}, {@code activity}). */
  private final Map<String, String> entityOf = new HashMap<>();

  /** Ids of the rows found in the tables. */
  private final Set<String> seen = new HashSet<>();

  /** The policy versions the trail set, in order. */
  private final List<String> policyDocs = new ArrayList<>();

  private int policyRows;

  private long events;
  private long expectedSeq = 1;
  private String lastHash = AuditEvent.GENESIS;
  private long records;
  private long activities;

  /** Trusted signed checkpoints by seq, not yet met in the walk. */
  private final java.util.TreeMap<Long, List<Checkpoint>> pending = new java.util.TreeMap<>();

  private int checkpointsHeld;
  private Checkpoint lastCheckpoint;

  ChainVerifier(RegistryStore store) {
    this.store = store;
  }

  VerifyReport verify(Connection c) throws SQLException {
    return verify(c, null);
  }

  /** Verifies; with {@code trust}, also against its signed checkpoints (null: none). */
  VerifyReport verify(Connection c, ChainTrust trust) throws SQLException {
    if (trust != null) {
      checkSignatures(trust);
    }
    store.audit().forEachEvent(c, this::checkEvent);
    checkPendingCheckpoints();
    checkHead(store.audit().head(c));
    store.records().forEachRow(c, this::checkRecordRow);
    store.activities().forEach(c, this::checkActivityRow);
    checkNeighbourLines(c);
    store.works().forEach(c, this::checkWorkRow);
    store.policies().forEach(c, this::checkPolicyRow);
    store.forEachAccount(c, this::checkAccountRow);
    store.forEachToken(c, this::checkTokenRow);
    if (policyRows < policyDocs.size()) {
      problem(
          "policy versions "
              + (policyRows + 1)
              + ".."
              + policyDocs.size()
              + ": in the audit trail but missing from their table (deleted outside Skydas)");
    }
    checkNothingDeleted();
    if (unlisted > 0) {
      problems.add("… and " + unlisted + " more problems");
    }
    return new VerifyReport(
        events, records, activities, lastHash, problems, checkpointsHeld, lastCheckpoint);
  }

  /**
   * Each checkpoint is signed by the trusted key and follows the one before; the valid ones wait
   * for their event in the walk.
   */
  private void checkSignatures(ChainTrust trust) {
    String keyId = ChainKeys.keyId(trust.key());
    Checkpoint previous = null;
    for (int i = 0; i < trust.checkpoints().size(); i++) {
      Checkpoint cp = trust.checkpoints().get(i);
      String label = "checkpoint " + (i + 1) + " of " + trust.source() + " (seq " + cp.seq() + ")";
      if (!cp.keyId().equals(keyId)) {
        problem(label + ": signed by key " + cp.keyId() + ", not by the key given (" + keyId + ")");
        continue;
      }
      if (!cp.verifiedBy(trust.key())) {
        problem(label + ": its signature does not verify (the checkpoint was forged or edited)");
        continue;
      }
      if (previous != null && (cp.seq() < previous.seq() || cp.at().isBefore(previous.at()))) {
        problem(
            label
                + ": goes back from seq "
                + previous.seq()
                + " signed "
                + previous.at()
                + " (the log was reordered, or holds another registry's checkpoints)");
      }
      previous = cp;
      if (cp.seq() == 0) {
        if (!cp.hash().equals(AuditEvent.GENESIS)) {
          problem(label + ": an empty chain's checkpoint with a hash other than the genesis");
        } else {
          held(cp);
        }
        continue;
      }
      pending.computeIfAbsent(cp.seq(), k -> new ArrayList<>()).add(cp);
    }
  }

  /** A checkpoint whose event was found with its hash. */
  private void held(Checkpoint cp) {
    checkpointsHeld++;
    if (lastCheckpoint == null || cp.seq() >= lastCheckpoint.seq()) {
      lastCheckpoint = cp;
    }
  }

  /** The event at a signed checkpoint's seq has the hash signed there. */
  private void checkAgainstCheckpoints(AuditEvent e) {
    List<Checkpoint> cps = pending.remove(e.seq());
    if (cps == null) {
      return;
    }
    for (Checkpoint cp : cps) {
      if (cp.hash().equals(e.hash())) {
        held(cp);
      } else {
        problem(
            label(e)
                + ": its hash differs from the checkpoint signed "
                + cp.at()
                + " (the chain was rewritten at or before seq "
                + e.seq()
                + ")");
      }
    }
  }

  /** Checkpoints beyond the chain's end: events were deleted and the chain rebuilt shorter. */
  private void checkPendingCheckpoints() {
    for (var en : pending.entrySet()) {
      for (Checkpoint cp : en.getValue()) {
        problem(
            "the chain ends at seq "
                + (expectedSeq - 1)
                + " but a checkpoint signed "
                + cp.at()
                + " holds seq "
                + cp.seq()
                + " (events deleted and the chain rebuilt shorter)");
      }
    }
    pending.clear();
  }

  /** Seq follows on, previous hash links to the event before, hash matches content. */
  private void checkEvent(AuditEvent e) {
    events++;
    if (e.seq() != expectedSeq) {
      problem(
          "event seq "
              + e.seq()
              + ": expected seq "
              + expectedSeq
              + (e.seq() > expectedSeq
                  ? " (events " + expectedSeq + ".." + (e.seq() - 1) + " deleted)"
                  : " (event inserted or renumbered)"));
    }
    if (!lastHash.equals(e.prevHash())) {
      problem(
          label(e)
              + ": its previous hash does not match the event before it"
              + " (events reordered, inserted or deleted before it)");
    }
    if (!e.recomputeHash().equals(e.hash())) {
      problem(label(e) + ": edited; its content does not match its hash");
    }
    checkAgainstCheckpoints(e);
    lastHash = e.hash();
    expectedSeq = e.seq() + 1;
    lastAfter.put(e.entityId(), e.after());
    entityOf.put(e.entityId(), e.entity());
    if (RegistryPolicy.ENTITY.equals(e.entity())) {
      policyDocs.add(e.after());
    }
  }

  /** {@code event seq 7 (mf-1, emplace)}. */
  private static String label(AuditEvent e) {
    return "event seq " + e.seq() + " (" + e.entityId() + ", " + e.action() + ")";
  }

  /** The head row points at the last event. */
  private void checkHead(AuditEvent head) {
    long lastSeq = expectedSeq - 1;
    if (head.seq() != lastSeq) {
      problem(
          "the chain head is at seq "
              + head.seq()
              + " but the last event is seq "
              + lastSeq
              + (head.seq() > lastSeq
                  ? " (events at the end deleted)"
                  : " (events appended outside Skydas)"));
    } else if (!head.hash().equals(lastHash)) {
      problem(
          "the chain head hash does not match event seq "
              + lastSeq
              + " (the last event was replaced)");
    }
  }

  /** A record row equals its last event: document, then columns and geometry. */
  private void checkRecordRow(RegistryStore.RecordRow row) {
    records++;
    seen.add(row.id());
    String after = lastAfter.get(row.id());
    if (after == null) {
      problem("record " + row.id() + ": no audit event (inserted outside Skydas)");
      return;
    }
    if (!after.equals(row.doc())) {
      problem(
          "record "
              + row.id()
              + ": its stored record differs from its last audit event (changed outside Skydas)");
      return;
    }
    RegistryRecord r = RecordCodec.fromJson(row.doc());
    List<String> differing = differingColumns(r, row);
    if (!differing.isEmpty()) {
      problem(
          "record "
              + row.id()
              + ": column"
              + (differing.size() == 1 ? " " : "s ")
              + String.join(", ", differing)
              + " differ from its record (changed outside Skydas; queries, filters and map layers"
              + " read them)");
    }
    org.locationtech.jts.geom.Envelope stored = r.geometry().getEnvelopeInternal();
    if (!RecordCodec.wkt(r.geometry()).equals(row.geometryWkt())) {
      problem(
          "record " + row.id() + ": its geometry differs from its record (changed outside Skydas)");
      // the index follows the stored geometry (its triggers saw the edit): checked against that,
      // so one edit is one problem
      stored = envelopeOf(row.geometryWkt());
    }
    if (stored != null) {
      checkIndexEntry(r, stored, row.index());
    }
  }

  /** The envelope of a stored geometry's WKT, null if it cannot be read. */
  private static org.locationtech.jts.geom.Envelope envelopeOf(String wkt) {
    try {
      return new org.locationtech.jts.io.WKTReader().read(wkt).getEnvelopeInternal();
    } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The columns beside the document (what filters, listings and map layers read) that differ from
   * the record, each as {@code name (stored value)}.
   */
  private static List<String> differingColumns(RegistryRecord r, RegistryStore.RecordRow row) {
    List<String> out = new ArrayList<>();
    column(out, "status", r.status().id(), row.status());
    column(out, "type", r.type(), row.type());
    column(out, "kind", r.kind().id(), row.kind());
    column(out, "version", r.version(), row.version());
    column(out, "name", r.name(), row.name());
    column(out, "year", r.year(), row.year());
    column(out, "marked", r.marked() ? 1 : 0, row.marked());
    column(out, "fenced", r.fenced() ? 1 : 0, row.fenced());
    column(out, "monitored", r.monitored() ? 1 : 0, row.monitored());
    column(out, "created_at", r.createdAt().toString(), row.createdAt());
    column(out, "updated_at", r.updatedAt().toString(), row.updatedAt());
    column(out, "geom_hash", RegistryStore.geometryHash(r.type(), r.geometry()), row.geomHash());
    return out;
  }

  private static void column(List<String> out, String name, Object expected, Object stored) {
    if (!Objects.equals(expected, stored)) {
      out.add(name + " (" + shown(stored) + ")");
    }
  }

  /** A stored value as a short printable text (it may be anything an outsider wrote). */
  private static String shown(Object v) {
    String t = String.valueOf(v).replaceAll("\\p{Cntrl}", "?");
    return t.length() <= 40 ? "'" + t + "'" : "'" + t.substring(0, 40) + "…'";
  }

  /**
   * The store's bounding-box index (in a GeoPackage the standard R-tree) holds the record with a
   * box covering its stored geometry, or bbox queries (the map, the OGC API, the API's bbox filter)
   * would not find it.
   */
  private void checkIndexEntry(
      RegistryRecord r, org.locationtech.jts.geom.Envelope env, RegistryStore.IndexEntry e) {
    if (!e.kept()) {
      return;
    }
    if (e.box() == null) {
      problem(
          "record "
              + r.id()
              + ": missing from the bounding-box index (hidden from map and bbox queries;"
              + " deleted outside Skydas)");
      return;
    }
    double[] b = e.box();
    if (b[0] > env.getMinX()
        || b[1] > env.getMinY()
        || b[2] < env.getMaxX()
        || b[3] < env.getMaxY()) {
      problem(
          "record "
              + r.id()
              + ": its bounding-box index entry does not cover its geometry (bbox queries miss"
              + " it; changed outside Skydas)");
    }
  }

  /** An activity row equals its last event. */
  private void checkActivityRow(String id, String doc) {
    activities++;
    seen.add(id);
    String after = lastAfter.get(id);
    if (after == null) {
      problem("activity " + id + ": no audit event (inserted outside Skydas)");
    } else if (!after.equals(doc)) {
      problem("activity " + id + ": differs from its audit event (changed outside Skydas)");
    }
  }

  /**
   * Each neighbour's line equals its last event, and its features still give the digest the event
   * holds; no feature belongs to a country without a line.
   */
  private void checkNeighbourLines(Connection c) throws SQLException {
    java.util.SortedMap<String, String> lines = store.neighbours().lines(c);
    Map<String, List<NeighbourFeature>> byCountry = new HashMap<>();
    for (NeighbourFeature f : store.neighbours().features(c, null, null)) {
      byCountry.computeIfAbsent(f.country(), k -> new ArrayList<>()).add(f);
    }
    for (var en : lines.entrySet()) {
      String id = NeighbourLine.entityId(en.getKey());
      seen.add(id);
      String after = lastAfter.get(id);
      if (after == null) {
        problem("neighbour line " + en.getKey() + ": no audit event (inserted outside Skydas)");
        continue;
      }
      if (!after.equals(en.getValue())) {
        problem(
            "neighbour line "
                + en.getKey()
                + ": its provenance differs from its audit event (changed outside Skydas)");
        continue;
      }
      List<NeighbourFeature> fs = byCountry.getOrDefault(en.getKey(), List.of());
      NeighbourLine line = NeighbourLine.fromJson(after);
      if (fs.size() != line.features() || !NeighbourLine.digest(fs).equals(line.sha256())) {
        problem(
            "neighbour line "
                + en.getKey()
                + ": its features differ from those imported ("
                + fs.size()
                + " stored, "
                + line.features()
                + " imported; changed outside Skydas)");
      }
    }
    for (String cc : byCountry.keySet()) {
      if (!lines.containsKey(cc)) {
        problem("neighbour features of " + cc + " without a line (inserted outside Skydas)");
      }
    }
  }

  /** A works project's row equals its last event. */
  private void checkWorkRow(String id, String doc) {
    String entity = WorkProject.entityId(id);
    seen.add(entity);
    String after = lastAfter.get(entity);
    if (after == null) {
      problem("works project " + id + ": no audit event (inserted outside Skydas)");
    } else if (!after.equals(doc)) {
      problem("works project " + id + ": differs from its audit event (changed outside Skydas)");
    }
  }

  /** An account row equals its last event (role and disabled; issue 18, finding 5). */
  private void checkAccountRow(AccountAudit.State a) {
    String entity = AccountAudit.entityId(a.username());
    seen.add(entity);
    String after = lastAfter.get(entity);
    if (after == null) {
      problem("account " + a.username() + ": no audit event (inserted outside Skydas)");
    } else if (a.role() == null
        || !after.equals(AccountAudit.doc(a.username(), a.role(), a.disabled()))) {
      AccountAudit.State audited = AccountAudit.parse(after);
      problem(
          "account "
              + a.username()
              + ": role "
              + (a.role() == null ? "(not a role)" : a.role().id())
              + (a.disabled() ? ", disabled" : "")
              + " in its table, "
              + (audited == null
                  ? "unreadable in its audit event"
                  : audited.role().id() + (audited.disabled() ? ", disabled" : "") + " audited")
              + " (changed outside Skydas)");
    }
  }

  /** An API token row equals its last event (issue 19). */
  private void checkTokenRow(TokenAudit.Row t) {
    String entity = TokenAudit.entityId(t.id());
    seen.add(entity);
    String after = lastAfter.get(entity);
    if (after == null) {
      problem("API token " + t.id() + ": no audit event (inserted outside Skydas)");
    } else if (!after.equals(TokenAudit.doc(t))) {
      problem("API token " + t.id() + ": differs from its audit event (changed outside Skydas)");
    }
  }

  /** Policy version {@code v} is the v-th policy event's document. */
  private void checkPolicyRow(long version, String doc) {
    seen.add(RegistryPolicy.ENTITY);
    policyRows++;
    if (version != policyRows || version > policyDocs.size()) {
      problem("policy version " + version + ": no audit event (inserted outside Skydas)");
    } else if (!policyDocs.get((int) version - 1).equals(doc)) {
      problem(
          "policy version " + version + ": differs from its audit event (changed outside Skydas)");
    }
  }

  /** Every entity of the trail still has its row. */
  private void checkNothingDeleted() {
    for (var en : lastAfter.entrySet()) {
      if (!seen.contains(en.getKey())) {
        problem(
            entityOf.get(en.getKey())
                + " "
                + en.getKey()
                + ": in the audit trail but missing from its table (deleted outside Skydas)");
      }
    }
  }

  private void problem(String p) {
    if (problems.size() < MAX_LISTED) {
      problems.add(p);
    } else {
      unlisted++;
    }
  }
}
