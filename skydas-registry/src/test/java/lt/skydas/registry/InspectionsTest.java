package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, Articles 5 and 10: a minefield in the ground is due an inspection every interval since
 * its last one (or since it was last changed); the overdue ones come first, by days overdue; a
 * planned minefield is not watched.
 */
class InspectionsTest {
  @TempDir Path dir;

  @Test
  void overdueInspectionsAreFlaggedMostOverdueFirst() {
    try (Registry reg = Fixtures.open(dir)) {
      reg.importAll(
          Fixtures.ADMIN,
          List.of(
              TestDrafts.minefield("mf-a", 24.2, 55.2)
                  .withStatus(Status.EMPLACED)
                  .withProtection(true, false, false)
                  .build(),
              TestDrafts.minefield("mf-b", 24.25, 55.2)
                  .withStatus(Status.EMPLACED)
                  .withProtection(true, false, false)
                  .build(),
              TestDrafts.minefield("mf-c", 24.3, 55.2).build()),
          "test");
      reg.addActivity(
          Fixtures.INSPECTOR,
          "mf-b",
          ActivityKind.INSPECTION,
          null,
          Map.of("date", "2027-03-01", "organisation", "Engineer Bn", "findings", "signs intact"));
      Instant now = Instant.parse("2027-03-15T00:00:00Z");
      List<Inspections.Due> due = Inspections.of(reg, Duration.ofDays(30), now);
      assertThat(due).extracting(d -> d.record().id()).containsExactly("mf-a", "mf-b");
      Inspections.Due a = due.get(0), b = due.get(1);
      assertThat(a.last()).isNull();
      assertThat(a.overdue()).isTrue();
      // changed on 2027-01-01, due 2027-01-31: 43 days overdue on 2027-03-15
      assertThat(a.overdue_d()).isEqualTo(43);
      assertThat(b.last()).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
      assertThat(b.due()).isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
      assertThat(b.overdue()).isFalse();
      // upkeep: inspections a year and marking and fencing repair by the perimeter, which agrees
      // with a great-circle reference within 0.2 %
      var cs = a.record().geometry().getCoordinates();
      double ref = 0;
      for (int i = 1; i < cs.length; i++) {
        double p1 = Math.toRadians(cs[i - 1].y), p2 = Math.toRadians(cs[i].y);
        double dl = Math.toRadians(cs[i].x - cs[i - 1].x);
        double h =
            Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        ref += 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
      }
      assertThat(a.perimeter_m())
          .isCloseTo(ref, org.assertj.core.data.Percentage.withPercentage(0.2));
      assertThat(a.upkeep_eurPerYear())
          .isCloseTo(
              365.0 / 30 * 600 + a.perimeter_m() / 1000 * 1500,
              org.assertj.core.data.Offset.offset(1e-6));
      assertThat(
              Inspections.of(reg, Duration.ofDays(30), now, new Inspections.Upkeep(0, 1000))
                  .get(0)
                  .upkeep_eurPerYear())
          .isCloseTo(a.perimeter_m(), org.assertj.core.data.Offset.offset(1e-6));
      // a shorter interval makes the inspected one overdue too
      assertThat(Inspections.of(reg, Duration.ofDays(7), now)).allMatch(Inspections.Due::overdue);
    }
  }
}
