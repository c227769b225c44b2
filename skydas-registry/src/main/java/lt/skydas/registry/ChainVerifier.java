package lt.skydas.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.registry.store.JdbcStore;

/**
 * Verifies the audit chain: consecutive sequence numbers, each event's previous hash equal to the
 * hash of the one before, each hash equal to the hash of its content, the head equal to the last
 * event; then every record and activity row equal to the state its last event left. Reports every
 * problem with the event seq or the record id where it is. Not thread-safe; one per call.
 */
final class ChainVerifier {
  /** Problems beyond this many are counted, not listed. */
  static final int MAX_LISTED = 1000;

  private final JdbcStore store;
  private final List<String> problems = new ArrayList<>();
  private int unlisted;

  ChainVerifier(JdbcStore store) {
    this.store = store;
  }

  VerifyReport verify(Connection c) throws SQLException {
    Map<String, String> lastAfter = new HashMap<>();
    Map<String, String> entityOf = new HashMap<>();
    long[] expect = {1};
    String[] prev = {AuditEvent.GENESIS};
    long[] count = {0};
    store
        .audit()
        .forEachEvent(
            c,
            e -> {
              count[0]++;
              if (e.seq() != expect[0]) {
                problem(
                    "event seq "
                        + e.seq()
                        + ": expected seq "
                        + expect[0]
                        + (e.seq() > expect[0]
                            ? " (events " + expect[0] + ".." + (e.seq() - 1) + " deleted)"
                            : " (event inserted or renumbered)"));
              }
              if (!prev[0].equals(e.prevHash())) {
                problem(
                    "event seq "
                        + e.seq()
                        + " ("
                        + e.entityId()
                        + ", "
                        + e.action()
                        + "): its previous hash does not match the event before it"
                        + " (events reordered, inserted or deleted before it)");
              }
              if (!e.recomputeHash().equals(e.hash())) {
                problem(
                    "event seq "
                        + e.seq()
                        + " ("
                        + e.entityId()
                        + ", "
                        + e.action()
                        + "): edited; its content does not match its hash");
              }
              prev[0] = e.hash();
              expect[0] = e.seq() + 1;
              lastAfter.put(e.entityId(), e.after());
              entityOf.put(e.entityId(), e.entity());
            });
    AuditEvent head = store.audit().head(c);
    long lastSeq = expect[0] - 1;
    if (head.seq() != lastSeq) {
      problem(
          "the chain head is at seq "
              + head.seq()
              + " but the last event is seq "
              + lastSeq
              + (head.seq() > lastSeq
                  ? " (events at the end deleted)"
                  : " (events appended outside Skydas)"));
    } else if (!head.hash().equals(prev[0])) {
      problem(
          "the chain head hash does not match event seq "
              + lastSeq
              + " (the last event was replaced)");
    }
    long[] records = {0};
    Map<String, Boolean> seen = new HashMap<>();
    store
        .records()
        .forEachRow(
            c,
            row -> {
              records[0]++;
              seen.put(row.id(), true);
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
              if (!r.status().id().equals(row.status())
                  || !r.type().equals(row.type())
                  || r.version() != row.version()
                  || !r.kind().id().equals(row.kind())) {
                problem(
                    "record "
                        + row.id()
                        + ": columns (status "
                        + row.status()
                        + ", type "
                        + row.type()
                        + ", version "
                        + row.version()
                        + ") differ from its record (changed outside Skydas)");
              }
              if (!RecordCodec.wkt(r.geometry()).equals(row.geometryWkt())) {
                problem(
                    "record "
                        + row.id()
                        + ": its geometry differs from its record (changed outside Skydas)");
              }
            });
    long[] acts = {0};
    store
        .activities()
        .forEach(
            c,
            (id, doc) -> {
              acts[0]++;
              seen.put(id, true);
              String after = lastAfter.get(id);
              if (after == null) {
                problem("activity " + id + ": no audit event (inserted outside Skydas)");
              } else if (!after.equals(doc)) {
                problem(
                    "activity " + id + ": differs from its audit event (changed outside Skydas)");
              }
            });
    for (var en : lastAfter.entrySet()) {
      if (!seen.containsKey(en.getKey())) {
        problem(
            entityOf.get(en.getKey())
                + " "
                + en.getKey()
                + ": in the audit trail but missing from its table (deleted outside Skydas)");
      }
    }
    if (unlisted > 0) {
      problems.add("… and " + unlisted + " more problems");
    }
    return new VerifyReport(count[0], records[0], acts[0], prev[0], problems);
  }

  private void problem(String p) {
    if (problems.size() < MAX_LISTED) {
      problems.add(p);
    } else {
      unlisted++;
    }
  }
}
