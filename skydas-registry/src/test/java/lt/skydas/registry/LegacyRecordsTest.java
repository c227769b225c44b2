package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.INSPECTOR;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.registry.store.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry written before the lifecycles by employment (issue 15): every type was built, so a
 * minefield could be under construction and a bridge demolition emplaced. Reopened with the shipped
 * catalog (minefields crisis-laid, demolitions reserved), the same file needs no schema migration
 * (status is a free text column and a field of the record's JSON), its records read back as they
 * were, and they go on from their old status: the minefield under construction is emplaced with its
 * complete record, the emplaced demolition is breached and repaired into its reserved lifecycle,
 * and the audit chain still verifies.
 */
class LegacyRecordsTest {
  @TempDir Path dir;

  /** The shipped catalog with every type permanent: as the registry saw it before issue 15. */
  private ObstacleCatalog allPermanent() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode cat;
    try (InputStream in = ObstacleCatalog.class.getResourceAsStream("catalog.json")) {
      cat = (ObjectNode) json.readTree(in);
    }
    for (var t : cat.get("types")) {
      ((ObjectNode) t).remove("employment");
      ((ObjectNode) t).remove("emplacement");
    }
    Path f = dir.resolve("catalog-before-issue-15.json");
    Files.writeString(f, json.writeValueAsString(cat));
    return ObstacleCatalog.load(f);
  }

  @Test
  void recordsEnteredUnderTheOldLifecycleReadBackAndGoOn() throws Exception {
    String file = dir.resolve("old.gpkg").toString();
    try (Registry old =
        new Registry(JdbcStore.open(file, true), allPermanent(), Fixtures.LT, Fixtures.ticking())) {
      assertThat(old.lifecycleOf("at_minefield").employment().id()).isEqualTo("permanent");
      old.create(PLANNER, TestDrafts.minefield("mf", 24.2, 55.2).build());
      RegistryRecord r = old.transition(ADMIN, "mf", 1, Action.APPROVE);
      old.transition(ENGINEER, "mf", r.version(), Action.START_CONSTRUCTION);
      old.create(
          PLANNER, RecordDraft.planned("bd", "bridge_demolition", Fixtures.point(24.3, 55.3)));
      r = old.transition(ADMIN, "bd", 1, Action.APPROVE);
      r = old.transition(ENGINEER, "bd", r.version(), Action.START_CONSTRUCTION);
      old.transition(ENGINEER, "bd", r.version(), Action.EMPLACE);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(Migrations.current(c)).isEqualTo(Migrations.latest());
    }
    try (Registry reg = Fixtures.open(file)) {
      RegistryRecord mf = reg.find("mf").orElseThrow();
      assertThat(mf.status()).isEqualTo(Status.UNDER_CONSTRUCTION);
      assertThat(reg.lifecycle(mf).employment().id()).isEqualTo("crisis_laid");
      assertThat(reg.lifecycle(mf).has(Status.UNDER_CONSTRUCTION)).isFalse();
      assertThat(reg.offer(mf, Role.ENGINEER).actions())
          .containsExactly(Action.EMPLACE, Action.MARK, Action.FENCE, Action.MONITOR);
      assertThat(reg.offer(mf, Role.ENGINEER).edits()).contains(RecordOffer.Edit.AS_LAID);
      mf = reg.transition(ENGINEER, "mf", mf.version(), Action.MARK);
      mf = reg.transition(ENGINEER, "mf", mf.version(), Action.EMPLACE);
      assertThat(mf.status()).isEqualTo(Status.EMPLACED);

      RegistryRecord bd = reg.find("bd").orElseThrow();
      assertThat(bd.status()).isEqualTo(Status.EMPLACED);
      assertThat(reg.offer(bd, Role.INSPECTOR).actions())
          .containsExactly(Action.REPORT_BREACH, Action.REPORT_DAMAGE);
      bd = reg.transition(INSPECTOR, "bd", bd.version(), Action.REPORT_BREACH);
      bd = reg.transition(ENGINEER, "bd", bd.version(), Action.REPAIR);
      assertThat(bd.status()).isEqualTo(Status.EXECUTED);
      bd = reg.transition(ENGINEER, "bd", bd.version(), Action.STAND_DOWN);
      assertThat(bd.status()).isEqualTo(Status.PREPARED);

      assertThat(reg.history("mf"))
          .extracting(AuditEvent::action)
          .containsExactly("create", "approve", "start_construction", "mark", "emplace");
      VerifyReport v = reg.verify();
      assertThat(v.problems()).isEmpty();
      assertThat(v.events()).isEqualTo(12);
    }
  }
}
