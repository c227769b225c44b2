package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/** Heuristic: feasible, deterministic for a seed, reports progress, scales. */
class HeuristicSolverTest {
  @Test
  void sameSeedSamePlan() {
    BarrierModel m = TestModels.large(5, 300, 16, 2_000_000);
    HeuristicSolver.Settings s =
        HeuristicSolver.Settings.builder()
            .withSeed(5)
            .withTimeLimit_s(60)
            .withMaxIterations(40)
            .withStallIterations(15)
            .build();
    HeuristicResult a = new HeuristicSolver(m).solve(s, null);
    HeuristicResult b = new HeuristicSolver(m).solve(s, null);
    assertThat(b.choice()).as("seed 5").isEqualTo(a.choice());
    assertThat(b.objective()).as("seed 5").isEqualTo(a.objective());
  }

  @Test
  void midSizedPlanIsFeasibleAndCorrectlyValued() {
    long seed = 9;
    BarrierModel m = TestModels.large(seed, 500, 16, 4_000_000);
    List<SolveProgress> events = new ArrayList<>();
    HeuristicResult h =
        new HeuristicSolver(m)
            .solve(
                HeuristicSolver.Settings.builder().withSeed(seed).withTimeLimit_s(5).build(),
                events::add);
    String why = "seed " + seed;
    assertThat(PlanConstraints.violations(m, h.choice())).as(why).isEmpty();
    assertThat(h.objective()).as(why).isGreaterThan(h.baselineObjective());
    assertThat(h.objective())
        .as(why)
        .isCloseTo(new PlanEvaluator(m).objective(h.choice()), within(1e-12));
    for (int k = 0; k < m.scenarios().size(); k += 4) {
      assertThat(h.length_s()[k])
          .as(why + " scenario " + k)
          .isCloseTo(Reference.length(m, k, h.choice()), within(1e-6));
    }
    assertThat(h.paths()).as(why).isNotEmpty();
    assertThat(h.time_s()).as(why).isLessThan(7);
    assertThat(events).as(why).isNotEmpty();
  }
}
