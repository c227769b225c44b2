package lt.skydas.assess.civil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.BarrierPlanReader;
import lt.skydas.plan.ObstacleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Exposure and the people near mines on a synthetic strip with known answers: open ground 130 km
 * long, attackers from the west edge at the speed table's wheeled wet speed, a ditch across the
 * strip at 10 km that costs its catalog crossing delay; each village's arrival time is its distance
 * over the speed (plus the delay beyond the ditch), and the counts follow from that.
 */
class ExposureTest {
  @TempDir Path dir;

  private static final int[] COLS = {50, 300, 590, 610, 1150, 1250};
  private static final long[] PEOPLE = {7, 100, 200, 400, 800, 1600};

  @Test
  void peopleReachedWithinEachThresholdFollowFromDistanceSpeedAndTheDitch() throws IOException {
    SyntheticRegion r = new SyntheticRegion(1300, 3);
    for (int i = 0; i < COLS.length; i++) {
      r.resident("v" + COLS[i], COLS[i], 1, PEOPLE[i]);
    }
    AssessmentRegion ar = r.build();
    double speed_ms =
        SpeedTable.defaults().terrainSpeed_kmh("OPEN", VehicleClass.WHEELED, Season.WET) / 3.6;
    double delay_s =
        ObstacleCatalog.defaults()
            .findType("at_ditch")
            .orElseThrow()
            .crossingDelay_s(VehicleClass.WHEELED);
    Objective far =
        new Objective(
            "far",
            "Far",
            new GeometryFactory().createPoint(new Coordinate(r.x(1299.5), r.y(1.5))),
            0);
    Assessor a = new Assessor(ar, List.of(far), Progress.NONE);
    double[] ll0 = r.lonLat(100.5, 0.05);
    double[] ll1 = r.lonLat(100.5, 2.95);
    Path planFile = dir.resolve("plan.geojson");
    Files.writeString(
        planFile,
        String.format(
            Locale.ROOT,
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"d\","
                + "\"properties\":{\"type\":\"at_ditch\"},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}}]}",
            ll0[0],
            ll0[1],
            ll1[0],
            ll1[1]));
    BarrierPlan plan =
        new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent()).read(planFile);
    AssessmentResult res =
        a.assess(
            plan,
            AssessmentOptions.defaults()
                .withCases(List.of(VehicleClass.WHEELED), List.of(Season.WET))
                .withThreads(1),
            Progress.NONE);
    Exposure e = res.cases().get(0).exposure();

    // the plain reference: arrival = distance / speed, + the ditch's delay beyond column 100
    for (int k = 0; k < Exposure.HOURS.length; k++) {
      long base = 0;
      long withPlan = 0;
      int nb = 0;
      int np = 0;
      for (int i = 0; i < COLS.length; i++) {
        double t = COLS[i] * 100 / speed_ms;
        double tp = t + (COLS[i] > 100 ? delay_s : 0);
        if (t <= Exposure.HOURS[k] * 3600 + 1e-6) {
          base += PEOPLE[i];
          nb++;
        }
        if (tp <= Exposure.HOURS[k] * 3600 + 1e-6) {
          withPlan += PEOPLE[i];
          np++;
        }
      }
      assertThat(e.baselinePeople()[k])
          .as("baseline within %s h", Exposure.HOURS[k])
          .isEqualTo(base);
      assertThat(e.planPeople()[k]).as("plan within %s h", Exposure.HOURS[k]).isEqualTo(withPlan);
      assertThat(e.baselineSettlements()[k]).isEqualTo(nb);
      assertThat(e.planSettlements()[k]).isEqualTo(np);
    }
    // at 10 km/h and a 1.5 h ditch the 6 h line falls between v590 and v610 without the plan, and
    // the ditch pushes v590 (200 people) out of it: a check that the reference is not vacuous
    assertThat(speed_ms * 3.6).isEqualTo(10.0);
    assertThat(delay_s).isEqualTo(5400.0);
    assertThat(e.baselinePeople()[0]).isEqualTo(7 + 100 + 200);
    assertThat(e.planPeople()[0]).isEqualTo(7 + 100);
    assertThat(e.spared(1)).isEqualTo(800);

    // the ditch is no mine: nobody lives near a mine
    assertThat(res.mineNeighbours().within5km_people()).isZero();
  }

  @Test
  void minesNearVillagesCountPeopleWithin1And5KmAndLayTheirClearanceOnTheNearest()
      throws IOException {
    SyntheticRegion r = new SyntheticRegion(200, 60);
    r.resident("near", 50, 30, 100); // 500 m from the minefield's west end
    r.resident("mid", 30, 30, 40); // 2.5 km
    r.resident("far", 150, 30, 1000); // 9 km
    AssessmentRegion ar = r.build();
    double[] a0 = r.lonLat(55.5, 30.5);
    double[] a1 = r.lonLat(60.5, 30.5);
    Path planFile = dir.resolve("mines.geojson");
    Files.writeString(
        planFile,
        String.format(
            Locale.ROOT,
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"m\","
                + "\"properties\":{\"type\":\"at_minefield\"},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[%.9f,%.9f],[%.9f,%.9f]]}}]}",
            a0[0],
            a0[1],
            a1[0],
            a1[1]));
    BarrierPlan plan =
        new BarrierPlanReader(ObstacleCatalog.defaults(), ar.extent()).read(planFile);
    MineNeighbours n = MineNeighbours.of(ar.residents(), plan);
    assertThat(n.within1km_people()).isEqualTo(100);
    assertThat(n.within1km_settlements()).isEqualTo(1);
    assertThat(n.within5km_people()).isEqualTo(140);
    assertThat(n.within5km_settlements()).isEqualTo(2);
    assertThat(n.liabilities()).hasSize(1);
    MineNeighbours.Liability l = n.liabilities().get(0);
    assertThat(l.name()).isEqualTo("near");
    assertThat(l.mines()).isEqualTo(1);
    assertThat(l.clearanceCost_eur()).isEqualTo(plan.obstacles().get(0).clearanceCost_eur());
    assertThat(l.nearest_m()).isBetween(499.0, 501.0);
  }

  @Test
  void theFallbackFillsUnknownPopulationsAndSuburbsCountNothing() {
    List<Resident> rs = new ArrayList<>();
    rs.add(Resident.of("A", "village", "LT", 0, 0, null));
    rs.add(Resident.of("B", "hamlet", "LT", 0, 0, 0L));
    rs.add(Resident.of("C", "town", "LT", 0, 0, 5000L));
    rs.add(Resident.of("D", "suburb", "LT", 0, 0, 18000L));
    rs.add(Resident.of(null, "locality", "LT", 0, 0, null));
    assertThat(rs).extracting(Resident::population).containsExactly(54L, 15L, 5000L, 0L, 20L);
    assertThat(rs).extracting(Resident::estimated).containsExactly(true, true, false, false, true);
    assertThat(rs.get(4).name()).isEqualTo("(unnamed)");
  }
}
