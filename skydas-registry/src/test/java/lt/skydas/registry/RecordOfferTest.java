package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordOffer.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer sent with a record is what the registry then accepts: for every status, role and kind,
 * each offered action, edit and activity succeeds when tried, and each action or activity not
 * offered is refused (edits are offered only while planned or, as-laid, under construction or laid,
 * a subset of what the registry accepts).
 */
class RecordOfferTest {
  @TempDir Path dir;

  private static final List<Actor> ACTORS =
      List.of(
          Fixtures.VIEWER, Fixtures.PLANNER, Fixtures.ENGINEER, Fixtures.INSPECTOR, Fixtures.ADMIN);

  /** The sorts of record tried: a permanent and a reserved obstacle, a crisis-laid minefield. */
  enum Sort {
    OBSTACLE("dragons_teeth", RecordKind.OBSTACLE),
    RESERVED("bridge_demolition", RecordKind.OBSTACLE),
    MINEFIELD("at_minefield", RecordKind.MINEFIELD),
    SENSOR("cuas_radar", RecordKind.SENSOR);

    final String type;
    final RecordKind recordKind;

    Sort(String type, RecordKind recordKind) {
      this.type = type;
      this.recordKind = recordKind;
    }
  }

  private int seq;
  private int place;

  /** A record per status and kind for the next attempt; replaced once an attempt changed it. */
  private final Map<String, RegistryRecord> pool = new java.util.HashMap<>();

  private RegistryRecord unchanged(Registry reg, Status s, Sort kind) {
    return pool.computeIfAbsent(s + "/" + kind, k -> record(reg, s, kind));
  }

  private void changed(Status s, Sort kind) {
    pool.remove(s + "/" + kind);
  }

  @Test
  void everythingOfferedIsAcceptedAndNoActionOrActivityOutsideTheOfferIs() {
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    try (Registry reg = Fixtures.open(dir)) {
      for (Status s : Status.values()) {
        for (Sort kind : Sort.values()) {
          if (!reg.lifecycleOf(kind.type).has(s)) {
            continue; // not a status of this type's lifecycle: cannot be entered
          }
          for (Actor a : ACTORS) {
            RecordOffer offer = reg.offer(unchanged(reg, s, kind), a.role());
            for (Action action : Action.values()) {
              boolean accepted = accepts(() -> transition(reg, s, kind, a, action));
              tried++;
              if (accepted != offer.actions().contains(action)) {
                wrong.add(kind + " " + s + " " + a.role() + " " + action + " accepted=" + accepted);
              }
            }
            for (ActivityKind k : ActivityKind.values()) {
              boolean accepted = accepts(() -> activity(reg, s, kind, a, k));
              tried++;
              if (accepted != offer.activities().contains(k)) {
                wrong.add(kind + " " + s + " " + a.role() + " " + k + " accepted=" + accepted);
              }
            }
            if (offer.edits().contains(Edit.DETAILS) && !accepts(() -> rename(reg, s, kind, a))) {
              wrong.add(kind + " " + s + " " + a.role() + " details offered but refused");
            }
            if (offer.edits().contains(Edit.AS_LAID) && kind.recordKind != RecordKind.MINEFIELD) {
              wrong.add(kind + " " + s + " " + a.role() + " as-laid offered on a " + kind.type);
            }
          }
        }
      }
    }
    assertThat(tried).isGreaterThan(500);
    assertThat(wrong).isEmpty();
  }

  @Test
  void aPlannerMayEditAPlannedRecordAndAnEngineerTheAsLaidRecordOfAMinefieldBeingBuilt() {
    try (Registry reg = Fixtures.open(dir)) {
      RegistryRecord planned = record(reg, Status.PLANNED, Sort.OBSTACLE);
      assertThat(reg.offer(planned, Role.PLANNER).edits())
          .containsExactly(Edit.DETAILS, Edit.GEOMETRY);
      assertThat(reg.offer(planned, Role.VIEWER).edits()).isEmpty();
      RegistryRecord building = record(reg, Status.LAID, Sort.MINEFIELD);
      assertThat(reg.offer(building, Role.ENGINEER).edits()).containsExactly(Edit.AS_LAID);
      assertThat(reg.offer(building, Role.ENGINEER).activities())
          .containsExactly(ActivityKind.INCIDENT, ActivityKind.CLEARANCE_TASK, ActivityKind.SURVEY);
      assertThat(reg.offer(building, Role.PLANNER).edits()).isEmpty();
      RegistryRecord prepared = record(reg, Status.PREPARED, Sort.RESERVED);
      assertThat(reg.offer(prepared, Role.ADMIN).actions()).containsExactly(Action.ORDER);
      assertThat(reg.offer(prepared, Role.ENGINEER).actions())
          .containsExactly(Action.START_CLEARANCE);
      assertThat(reg.offer(prepared, Role.INSPECTOR).activities())
          .containsExactly(ActivityKind.INSPECTION, ActivityKind.INCIDENT);
      RegistryRecord radar = record(reg, Status.EMPLACED, Sort.SENSOR);
      assertThat(reg.offer(radar, Role.ENGINEER).actions())
          .containsExactly(Action.REPORT_BREACH, Action.REPORT_DAMAGE, Action.START_CLEARANCE);
      assertThat(reg.offer(record(reg, Status.PLANNED, Sort.SENSOR), Role.PLANNER).edits())
          .containsExactly(Edit.DETAILS, Edit.GEOMETRY);
    }
  }

  /** A fresh record of this sort in status {@code s}, entered by an admin. */
  private RegistryRecord record(Registry reg, Status s, Sort kind) {
    String id = "r" + (++seq);
    double lon;
    double lat;
    do { // the next place of a 0.72° wide patch of central Lithuania that is land (lakes are not)
      place++;
      lon = 24.0 + (place % 60) * 0.012;
      lat = 55.15 + (place / 60) * 0.012;
    } while (Fixtures.LT.placementProblem(Fixtures.square(lon - 0.002, lat - 0.002, 0.014))
        != null);
    RecordDraft.Builder d =
        switch (kind) {
          case MINEFIELD -> TestDrafts.minefield(id, lon, lat).withProtection(true, false, false);
          case OBSTACLE -> TestDrafts.obstacle(id).withGeometry(Fixtures.line(lon, lat, 0.01));
          case RESERVED ->
              TestDrafts.obstacle(id)
                  .withType(kind.type)
                  .withGeometry(Fixtures.point(lon + 0.005, lat + 0.005));
          case SENSOR -> TestDrafts.sensor(id, lon + 0.005, lat + 0.005);
        };
    return reg.importAll(Fixtures.ADMIN, List.of(d.withStatus(s).build()), "test").get(0);
  }

  private void transition(Registry reg, Status s, Sort kind, Actor a, Action action) {
    RegistryRecord r = unchanged(reg, s, kind);
    reg.transition(a, r.id(), r.version(), action);
    changed(s, kind);
  }

  private void rename(Registry reg, Status s, Sort kind, Actor a) {
    RegistryRecord r = unchanged(reg, s, kind);
    reg.update(a, r.id(), r.version(), TestDrafts.edit().withName("renamed").build());
    changed(s, kind);
  }

  private void activity(Registry reg, Status s, Sort kind, Actor a, ActivityKind k) {
    RegistryRecord r = unchanged(reg, s, kind); // an activity leaves the record as it is
    Map<String, Object> data =
        switch (k) {
          case INSPECTION ->
              Map.of("date", "2027-05-03", "organisation", "NMAC", "findings", "signs in place");
          case INCIDENT ->
              Map.of("date", "2027-05-03", "device_category", "AT mine", "description", "found");
          case CLEARANCE_TASK ->
              Map.of(
                  "organisation",
                  "Engineer bn",
                  "method",
                  "manual",
                  "start_date",
                  "2027-05-03",
                  "status",
                  "open");
          case SURVEY ->
              Map.of(
                  "date",
                  "2027-05-03",
                  "survey",
                  "non_technical",
                  "outcome",
                  "confirmed",
                  "evidence",
                  "the record");
          case LAND_RELEASE ->
              Map.of(
                  "date",
                  "2027-05-03",
                  "method",
                  "cleared",
                  "clearance_depth_cm",
                  20,
                  "devices_found",
                  List.of());
        };
    reg.addActivity(
        a,
        r.id(),
        k,
        k == ActivityKind.LAND_RELEASE || k == ActivityKind.SURVEY
            ? Fixtures.square(23.0, 55.5, 0.005)
            : null,
        data);
  }

  private static boolean accepts(Runnable attempt) {
    try {
      attempt.run();
      return true;
    } catch (SkydasProblem p) {
      return false;
    }
  }
}
