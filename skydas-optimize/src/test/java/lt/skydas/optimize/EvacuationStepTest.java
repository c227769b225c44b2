package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import lt.skydas.plan.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The optimiser's step "no settlement cut off" (issue 17): on a synthetic valley with one road, an
 * anti-tank ditch the optimiser chose at site s0 cuts village A off from the town at the rear. The
 * step leaves it out and names the village; a ditch the user pinned stays, and the verification
 * reports the village as a violation.
 */
class EvacuationStepTest {
  @TempDir Path dir;

  private record Valley(AssessmentRegion region, List<Objective> objectives, BarrierPlan plan) {}

  private Valley valley() throws Exception {
    SyntheticRegion r = new SyntheticRegion(200, 21);
    r.road(0.5, 10.5, 199.5, 10.5, "SECONDARY", false);
    r.resident("A", 50, 10, 300);
    r.resident("B", 120, 10, 500);
    r.resident("Town", 195, 10, 20_000);
    AssessmentRegion ar = r.build();
    Objective o =
        new Objective(
            "t", "T", new GeometryFactory().createPoint(new Coordinate(r.x(199), r.y(10.5))), 0);
    BarrierPlan plan =
        r.plan(dir, ar, r.feature("s0", "at_ditch", "LineString", 100.5, 0.05, 100.5, 20.95));
    return new Valley(ar, List.of(o), plan);
  }

  private static AssessmentResult verify(Valley v) {
    return new Assessor(v.region(), v.objectives(), Progress.NONE)
        .assess(
            v.plan(),
            AssessmentOptions.defaults()
                .withCases(List.of(VehicleClass.WHEELED), List.of(Season.DRY))
                .withThreads(1),
            Progress.NONE);
  }

  private static ModelFactory.Built built(Map<String, String> pinned) {
    return ModelStep.build(
        PipelineStepsTest.s0(),
        ModelFactoryTest.each(ModelFactoryTest.ARCS),
        PipelineStepsTest.edits(pinned, Set.of()),
        PipelineStepsTest.options(Programme.defaults()));
  }

  @Test
  void aChosenClosureThatCutsAVillageOffIsLeftOutAndTheVillageNamed() throws Exception {
    Valley v = valley();
    AssessmentResult verification = verify(v);
    assertThat(verification.violations())
        .extracting(Violation::rule)
        .contains(Violation.Rule.CUTS_OFF_SETTLEMENT);
    ModelFactory.Built built = built(Map.of());
    EvacuationStep.Repair r =
        EvacuationStep.repair(
            v.region(),
            v.objectives(),
            SpeedTable.defaults(),
            verification,
            built,
            new boolean[] {true},
            Progress.NONE);
    assertThat(r.changed()).isTrue();
    assertThat(r.dropped()).containsExactly("s0");
    assertThat(r.freed()).containsExactly("A");
    assertThat(r.chosen()).containsExactly(false);
    assertThat(r.note())
        .isEqualTo(
            "evacuation: 1 obstacle(s) left out because they cut 1 settlement(s) off from the"
                + " rear (A): s0");
    // the plan without it cuts nobody off
    Valley without = new Valley(v.region(), v.objectives(), v.plan().withObstacles(List.of()));
    assertThat(verify(without).violations()).isEmpty();
  }

  @Test
  void aPinnedClosureStaysAndTheCutOffIsLeftToTheVerification() throws Exception {
    Valley v = valley();
    AssessmentResult verification = verify(v);
    EvacuationStep.Repair r =
        EvacuationStep.repair(
            v.region(),
            v.objectives(),
            SpeedTable.defaults(),
            verification,
            built(Map.of("s0", "at_ditch")),
            new boolean[] {true},
            Progress.NONE);
    assertThat(r.changed()).isFalse();
    assertThat(r.chosen()).containsExactly(true);
    assertThat(verification.violations())
        .filteredOn(x -> x.rule() == Violation.Rule.CUTS_OFF_SETTLEMENT)
        .singleElement()
        .satisfies(x -> assertThat(x.obstacleId()).isEqualTo("s0"));
  }
}
