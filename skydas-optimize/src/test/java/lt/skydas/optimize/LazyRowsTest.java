package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.solve.PlanEvaluator;
import lt.skydas.optimize.solve.Reference;
import lt.skydas.optimize.solve.TestModels;
import org.junit.jupiter.api.Test;

/**
 * {@link SolveStep#solveLazily}: rows left out until a plan breaks them give the whole model's
 * optimum, a plan that keeps every row, and a bound that holds for the whole model.
 */
class LazyRowsTest {
  private static final OptimizeOptions EXACT =
      OptimizeOptions.builder().timeLimit_s(20).gap(0).build();

  @Test
  void lazyRowsGiveTheWholeModelsOptimumAgainstBruteForce() {
    OrToolsModelSolver solver = new OrToolsModelSolver();
    int joinedSomewhere = 0;
    for (long seed = 1; seed <= 40; seed++) {
      BarrierModel m = TestModels.small(seed);
      // the mine ceiling and the capacity row wait; the total budget is there from the start
      List<Integer> lazy = List.of(1, 2);
      ModelSolver.Solved s = SolveStep.solveLazily(solver, m, lazy, EXACT, Progress.NONE);
      Reference.Best best = Reference.bruteForce(m);
      for (BarrierModel.Budget b : m.budgets()) {
        assertThat(SolveStep.keeps(b, s.chosen())).as("seed %d keeps %s", seed, b.name()).isTrue();
      }
      assertThat(new PlanEvaluator(m).objective(s.chosen()))
          .as("seed %d: the whole model's optimum", seed)
          .isCloseTo(best.objective(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(s.bound())
          .as("seed %d: bound", seed)
          .isGreaterThanOrEqualTo(best.objective() - 1e-6);
      assertThat(s.method()).as("seed %d", seed).contains("of 2 capacity rows entered the model");
      if (!s.method().contains("; 0 of 2")) {
        joinedSomewhere++;
      }
    }
    // the rows bind in some of the models (else the test would not test the joining)
    assertThat(joinedSomewhere).isGreaterThan(3);
  }

  @Test
  void withoutLazyRowsItIsOneSolveOfTheModel() {
    BarrierModel m = TestModels.small(7);
    ModelSolver.Solved s =
        SolveStep.solveLazily(new OrToolsModelSolver(), m, List.of(), EXACT, Progress.NONE);
    assertThat(s.method()).doesNotContain("capacity rows");
    assertThat(new PlanEvaluator(m).objective(s.chosen()))
        .isCloseTo(Reference.bruteForce(m).objective(), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aRowKeptOrBrokenIsTheSumOfTheChosenCoefficients() {
    BarrierModel.Budget b = new BarrierModel.Budget("r", new long[] {3, 4, 5}, 8);
    assertThat(SolveStep.keeps(b, new boolean[] {true, false, true})).isTrue();
    assertThat(SolveStep.keeps(b, new boolean[] {false, true, true})).isFalse();
  }
}
