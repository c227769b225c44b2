package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampering the way someone with the file (or the database) could, and verify finding it. */
abstract class AuditChainTest {
  /** The store this run of the suite uses. */
  abstract TestDatabases.Store store();

  Registry open() {
    return Fixtures.open(store().fresh(dir));
  }

  @TempDir Path dir;
  Registry reg;

  /** Five events: create a, create b, approve a, start a, rename b. */
  @BeforeEach
  void fill() {
    reg = open();
    reg.create(PLANNER, RecordDraft.planned("a", "at_ditch", Fixtures.line(24.2, 55.2, 0.01)));
    reg.create(PLANNER, RecordDraft.planned("b", "bunker", Fixtures.point(24.3, 55.3)));
    reg.transition(ADMIN, "a", 1, Action.APPROVE);
    reg.transition(ENGINEER, "a", 2, Action.START_CONSTRUCTION);
    reg.update(PLANNER, "b", 1, TestDrafts.edit().withName("Bunker Nr. 7").build());
    VerifyReport ok = reg.verify();
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.events()).isEqualTo(5);
    assertThat(ok.records()).isEqualTo(2);
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    if (reg != null) {
      reg.close();
    }
  }

  private List<String> tamper(String sql) {
    reg.store().executeRaw(sql);
    return reg.verify().problems();
  }

  @Test
  void anEditedEventIsFoundBySeq() {
    assertThat(tamper("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"))
        .containsExactly("event seq 3 (a, approve): edited; its content does not match its hash");
  }

  @Test
  void anEditedEventWithARecomputedHashBreaksTheLinkToTheNext() {
    AuditEvent e = reg.history("a").get(1);
    String forged =
        AuditEvent.computeHash(
            e.seq(),
            e.at(),
            "mallory",
            e.role(),
            e.entity(),
            e.entityId(),
            e.action(),
            e.before(),
            e.after(),
            e.prevHash());
    assertThat(
            tamper(
                "UPDATE audit_events SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 3"))
        .contains(
            "event seq 4 (a, start_construction): its previous hash does not match the event before it"
                + " (events reordered, inserted or deleted before it)");
  }

  @Test
  void aDeletedEventIsFound() {
    assertThat(tamper("DELETE FROM audit_events WHERE seq = 2"))
        .contains("event seq 3: expected seq 2 (events 2..2 deleted)")
        .anyMatch(p -> p.startsWith("event seq 3 (a, approve): its previous hash does not match"));
  }

  @Test
  void deletingTheLastEventIsFoundAtTheHead() {
    assertThat(tamper("DELETE FROM audit_events WHERE seq = 5"))
        .contains(
            "the chain head is at seq 5 but the last event is seq 4 (events at the end deleted)");
  }

  @Test
  void reorderedEventsAreFound() {
    reg.store().executeRaw("UPDATE audit_events SET seq = 100 WHERE seq = 3");
    reg.store().executeRaw("UPDATE audit_events SET seq = 3 WHERE seq = 4");
    assertThat(tamper("UPDATE audit_events SET seq = 4 WHERE seq = 100"))
        .anyMatch(p -> p.startsWith("event seq 3 (a, start_construction): edited"))
        .anyMatch(p -> p.startsWith("event seq 4 (a, approve): edited"));
  }

  @Test
  void anInsertedEventIsFound() {
    AuditEvent last = reg.history("b").get(1);
    AuditEvent forged =
        AuditEvent.next(
            6,
            Instant.parse("2030-01-01T00:00:00Z"),
            new Actor("mallory", Role.ADMIN),
            "record",
            "b",
            "update",
            last.after(),
            last.after(),
            last.hash());
    assertThat(
            tamper(
                "INSERT INTO audit_events VALUES (6, '"
                    + forged.at()
                    + "', 'mallory', 'admin', 'record', 'b', 'update', NULL, NULL, '"
                    + forged.prevHash()
                    + "', '"
                    + forged.hash()
                    + "')"))
        .contains("event seq 6 (b, update): edited; its content does not match its hash")
        .contains(
            "the chain head is at seq 5 but the last event is seq 6 (events appended outside Skydas)");
  }

  @Test
  void aRecordChangedOutsideSkydasIsFound() {
    assertThat(tamper("UPDATE records SET status = 'land_released' WHERE id = 'a'"))
        .containsExactly(
            "record a: column status ('land_released') differ from its record (changed outside"
                + " Skydas; queries, filters and map layers read them)");
    assertThat(
            tamper(
                "UPDATE records SET doc = replace(doc, 'Bunker Nr. 7', 'Bunker Nr. 8') WHERE id = 'b'"))
        .contains(
            "record b: its stored record differs from its last audit event (changed outside Skydas)");
  }

  /** Every column beside the document is compared (filters, listings and map layers read them). */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "name = 'Renamed'                       | name ('Renamed')",
        "marked = 1                             | marked ('1')",
        "fenced = 1                             | fenced ('1')",
        "monitored = 1                          | monitored ('1')",
        "year = 2031                            | year ('2031')",
        "geom_hash = 'x'                        | geom_hash ('x')",
        "created_at = '2020-01-01T00:00:00Z'    | created_at ('2020-01-01T00:00:00Z')",
        "updated_at = '2020-01-01T00:00:00Z'    | updated_at ('2020-01-01T00:00:00Z')",
        "kind = 'sensor'                        | kind ('sensor')",
        "version = 9                            | version ('9')",
      })
  void everyMirroredColumnChangedOutsideSkydasIsFound(String edit, String named) {
    assertThat(tamper("UPDATE records SET " + edit + " WHERE id = 'b'"))
        .containsExactly(
            "record b: column "
                + named
                + " differ from its record (changed outside Skydas; queries, filters and map"
                + " layers read them)");
  }

  @Test
  void aRecordRemovedFromTheBboxIndexIsFound() {
    org.junit.jupiter.api.Assumptions.assumeTrue(store() == TestDatabases.Store.GEOPACKAGE);
    assertThat(
            tamper(
                "DELETE FROM rtree_records_geom WHERE id = (SELECT fid FROM records WHERE id = 'a')"))
        .containsExactly(
            "record a: missing from the bounding-box index (hidden from map and bbox queries;"
                + " deleted outside Skydas)");
    assertThat(
            tamper(
                "INSERT INTO rtree_records_geom SELECT fid, 0, 1, 0, 1 FROM records WHERE id = 'a'"))
        .containsExactly(
            "record a: its bounding-box index entry does not cover its geometry (bbox queries miss"
                + " it; changed outside Skydas)");
  }

  @Test
  void aDeletedRecordIsFound() {
    assertThat(tamper("DELETE FROM records WHERE id = 'b'"))
        .containsExactly(
            "record b: in the audit trail but missing from its table (deleted outside Skydas)");
  }

  @Test
  void historyGivesTheStateAtAnyPastTime() {
    List<AuditEvent> h = reg.history("a");
    assertThat(h)
        .extracting(AuditEvent::action)
        .containsExactly("create", "approve", "start_construction");
    assertThat(reg.stateAt("a", h.get(0).at().minusSeconds(1))).isEmpty();
    assertThat(reg.stateAt("a", h.get(0).at()).orElseThrow().status()).isEqualTo(Status.PLANNED);
    assertThat(reg.stateAt("a", h.get(1).at().plusMillis(500)).orElseThrow().status())
        .isEqualTo(Status.APPROVED);
    assertThat(reg.stateAt("a", Instant.parse("2100-01-01T00:00:00Z")).orElseThrow().status())
        .isEqualTo(Status.UNDER_CONSTRUCTION);
    assertThat(
            RecordCodec.wkt(
                reg.stateAt("b", h.get(0).at().plusSeconds(60)).orElseThrow().geometry()))
        .isEqualTo("POINT (24.3 55.3)");
  }
}

/** {@link AuditChainTest} on the embedded GeoPackage. */
class AuditChainGeoPackageTest extends AuditChainTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/** {@link AuditChainTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}; failed in CI). */
class AuditChainPostgisTest extends AuditChainTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
