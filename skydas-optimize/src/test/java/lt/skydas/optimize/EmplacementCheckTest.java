package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lt.skydas.emplace.EmplacementResult;
import lt.skydas.emplace.EmplacementResult.CaseOutcome;
import lt.skydas.emplace.EmplacementResult.ObjectiveDelay;
import lt.skydas.emplace.EmplacementResult.ObstacleOutcome;
import lt.skydas.emplace.EmplacementResult.Shortfall;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;

/** {@link EmplacementCheck}'s summary of a hand-made race beside hand-made model times. */
class EmplacementCheckTest {
  static final double H = 3600;

  static EmplacementResult race() {
    CaseOutcome dry =
        new CaseOutcome(
            VehicleClass.TRACKED,
            Season.DRY,
            List.of(
                new ObjectiveDelay("a", 1 * H, 1.1 * H, 1.5 * H),
                new ObjectiveDelay("b", 2 * H, 2 * H, 2.5 * H)),
            List.of(
                new ObstacleOutcome("o1", 5 * H, 1 * H, true),
                new ObstacleOutcome("o2", 10 * H, 1 * H, false)),
            1);
    CaseOutcome wet =
        new CaseOutcome(
            VehicleClass.TRACKED,
            Season.WET,
            List.of(new ObjectiveDelay("a", 1 * H, 1 * H, 1.2 * H)),
            List.of(
                new ObstacleOutcome("o1", 5 * H, 1 * H, true),
                new ObstacleOutcome("o2", 6 * H, 1 * H, true)),
            1);
    return new EmplacementResult(
        24,
        List.of(),
        List.of(dry, wet),
        List.of(
            new Shortfall("s1", "no road within 3000 m of the site"),
            new Shortfall("s2", "no road within 3000 m of the site"),
            new Shortfall("s3", "stock short")),
        Map.of(),
        Map.of(),
        List.of());
  }

  @Test
  void perClassTheWorstSeasonOfModelVerifiedAndRace() {
    List<OptimizationResult.CaseTimes> cases =
        List.of(
            new OptimizationResult.CaseTimes("tracked/dry", 1 * H, 2 * H, 1 * H, 1.8 * H),
            new OptimizationResult.CaseTimes("tracked/wet", 1 * H, 1.9 * H, 1 * H, 1.7 * H));
    // race toward the nearest objective: dry 1.5 − 1 = 0.5 h, wet 1.2 − 1 = 0.2 h
    assertThat(EmplacementCheck.rows(race(), cases))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.vehicleClass()).isEqualTo("tracked");
              assertThat(r.model_h()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(r.verified_h()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(r.race_h()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(r.inPlace()).isEqualTo(1);
              assertThat(r.onWarning()).isEqualTo(2);
            });
  }

  @Test
  void whatBindsShortfallsByReasonThenTheWorstCase() {
    assertThat(EmplacementCheck.binding(race()))
        .containsExactly(
            "2 obstacle(s) no team can put in place: no road within 3000 m of the site",
            "1 obstacle(s) no team can put in place: stock short",
            "1 of 2 obstacles laid or executed on warning are in place before the attacker in the"
                + " worst case (tracked/dry); 1 finished too late by the timeline");
  }
}
