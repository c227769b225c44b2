package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The civilians alone ({@link CivilianAssessment}) against the full assessment, the reference: on
 * random synthetic regions (a river, forest, two roads, villages, a plan of ditches and a control
 * point) every case's exposure, every season's evacuation and the violations are the same.
 */
class CivilianAssessmentTest {
  @TempDir Path dir;

  @Test
  void theCiviliansAloneEqualThoseOfTheFullAssessmentOnRandomRegions() throws Exception {
    for (long seed = 1; seed <= 4; seed++) {
      Random rnd = new Random(seed);
      SyntheticRegion r = new SyntheticRegion(120, 40);
      r.column(60 + rnd.nextInt(20), 0, 39, SyntheticRegion.RIVER);
      for (int k = 0; k < 150; k++) {
        int c = rnd.nextInt(120);
        int w = rnd.nextInt(40);
        r.column(c, w, Math.min(39, w + rnd.nextInt(8)), SyntheticRegion.FOREST);
      }
      double row = 10.5 + rnd.nextInt(20);
      r.road(0.5, row, 119.5, row, "SECONDARY", false);
      r.road(30.5, 0.5, 30.5 + rnd.nextInt(60), 39.5, "MINOR", false);
      for (int k = 0; k < 25; k++) {
        r.resident("v" + k, 5 + rnd.nextInt(110), rnd.nextInt(40), 20 + rnd.nextInt(3000));
      }
      r.resident("Town", 117, (int) row, 20_000);
      AssessmentRegion ar = r.build();
      Objective o =
          new Objective(
              "t", "T", new GeometryFactory().createPoint(new Coordinate(r.x(118), r.y(row))), 0);
      double ditchCol = 20.5 + rnd.nextInt(30);
      BarrierPlan plan =
          r.plan(
              dir,
              ar,
              r.feature("d1", "at_ditch", "LineString", ditchCol, 0.05, ditchCol, 39.95),
              r.feature("cp", "road_control_point", "Point", 90.5, row),
              r.feature("d2", "at_ditch", "LineString", 100.5, 2.0, 100.5, 20.0));
      Assessor a = new Assessor(ar, List.of(o), Progress.NONE);
      AssessmentOptions opt =
          AssessmentOptions.defaults()
              .withCases(
                  List.of(VehicleClass.TRACKED, VehicleClass.WHEELED, VehicleClass.DISMOUNTED),
                  List.of(Season.DRY, Season.WET))
              .withThreads(2);
      AssessmentResult full = a.assess(plan, opt, Progress.NONE);
      AssessmentResult alone = CivilianAssessment.run(a, plan, opt, Progress.NONE);
      // with the no-plan arrivals kept beside the pack: the first run writes them, the second
      // reads them, and both give the same figures
      Path cache = dir.resolve("cache-" + seed);
      Assessor keeping = new Assessor(ar, List.of(o), Progress.NONE).keepNoPlanTimesIn(cache);
      CivilianAssessment.run(keeping, plan, opt, Progress.NONE);
      try (var files = java.nio.file.Files.list(cache)) {
        assertThat(files.count()).as("kept arrivals, seed %d", seed).isEqualTo(6);
      }
      AssessmentResult again =
          CivilianAssessment.run(
              new Assessor(ar, List.of(o), Progress.NONE).keepNoPlanTimesIn(cache),
              plan,
              opt,
              Progress.NONE);
      for (int i = 0; i < full.cases().size(); i++) {
        assertThat(again.cases().get(i).exposure().planArrival_h())
            .as("seed %d, kept", seed)
            .containsExactly(full.cases().get(i).exposure().planArrival_h());
        assertThat(again.cases().get(i).exposure().baselinePeople())
            .as("seed %d, kept", seed)
            .containsExactly(full.cases().get(i).exposure().baselinePeople());
      }
      String why = "seed " + seed;
      assertThat(alone.cases()).as(why).hasSameSizeAs(full.cases());
      for (int i = 0; i < full.cases().size(); i++) {
        Case f = full.cases().get(i);
        Case c = alone.cases().get(i);
        assertThat(c.id()).as(why).isEqualTo(f.id());
        assertThat(c.exposure().baselinePeople())
            .as(why)
            .containsExactly(f.exposure().baselinePeople());
        assertThat(c.exposure().planPeople()).as(why).containsExactly(f.exposure().planPeople());
        assertThat(c.exposure().planArrival_h())
            .as(why)
            .containsExactly(f.exposure().planArrival_h());
        assertThat(c.times()).isEmpty();
      }
      assertThat(alone.evacuations()).as(why).hasSameSizeAs(full.evacuations());
      for (int k = 0; k < full.evacuations().size(); k++) {
        Evacuation f = full.evacuations().get(k);
        Evacuation c = alone.evacuations().get(k);
        assertThat(c.rows()).as(why).isEqualTo(f.rows());
        assertThat(c.peopleAtRisk()).as(why).containsExactly(f.peopleAtRisk());
      }
      // the ditch across the region cuts the villages west of it off from the town
      assertThat(full.violations())
          .as(why)
          .extracting(Violation::rule)
          .contains(Violation.Rule.CUTS_OFF_SETTLEMENT);
      assertThat(alone.violations())
          .as(why)
          .extracting(Violation::message)
          .containsExactlyElementsOf(full.violations().stream().map(Violation::message).toList());
      assertThat(alone.mineNeighbours()).as(why).isEqualTo(full.mineNeighbours());
    }
  }
}
