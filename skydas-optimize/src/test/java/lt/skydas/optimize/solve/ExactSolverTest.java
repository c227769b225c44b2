package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;
import org.junit.jupiter.api.Test;

/** The exact solver against brute force on small random models, and its bound when cut short. */
class ExactSolverTest {
  static final int MODELS = 120;

  static double tol(double v) {
    return 1e-9 * Math.max(1, Math.abs(v));
  }

  @Test
  void exactEqualsBruteForceAndHeuristicStaysBelow() {
    for (long seed = 1; seed <= MODELS; seed++) {
      BarrierModel m = TestModels.small(seed);
      String why = "seed " + seed;
      Reference.Best bf = Reference.bruteForce(m);
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(30).withSeed(seed).build(), null);
      assertThat(ex.status()).as(why).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective()).as(why).isCloseTo(bf.objective(), within(tol(bf.objective())));
      assertThat(Reference.feasible(m, ex.choice())).as(why).isTrue();
      assertThat(Reference.objective(m, ex.choice()))
          .as(why)
          .isCloseTo(ex.objective(), within(tol(ex.objective())));
      assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(ex.objective());
      assertThat(ex.gap()).as(why).isLessThan(1e-9);
      assertThat(ex.rounds()).as(why).isGreaterThanOrEqualTo(0);
      for (int k = 0; k < m.scenarios().size(); k++) {
        assertThat(ex.length_s()[k])
            .as(why)
            .isCloseTo(Reference.length(m, k, ex.choice()), within(1e-9));
      }

      HeuristicResult h =
          new HeuristicSolver(m)
              .solve(
                  HeuristicSolver.Settings.builder().withSeed(seed).withTimeLimit_s(10).build(),
                  null);
      assertThat(Reference.feasible(m, h.choice())).as(why).isTrue();
      assertThat(Reference.objective(m, h.choice()))
          .as(why)
          .isCloseTo(h.objective(), within(tol(h.objective())));
      assertThat(h.objective()).as(why).isLessThanOrEqualTo(ex.objective() + tol(ex.objective()));
      assertThat(h.objective()).as(why).isGreaterThanOrEqualTo(h.greedyObjective() - 1e-12);
    }
  }

  /** Pure Benders: start from the forced plan with an empty pool, no repair of master plans. */
  @Test
  void theMasterLoopAloneReachesTheOptimum() {
    int multiRound = 0;
    for (long seed = 1; seed <= MODELS; seed++) {
      BarrierModel m = TestModels.small(seed);
      Reference.Best bf = Reference.bruteForce(m);
      int[] forced = PlanConstraints.forcedChoice(m);
      PlanEvaluator ev = new PlanEvaluator(m);
      HeuristicResult cold =
          new HeuristicResult(
              forced,
              ev.objective(forced),
              ev.baselineObjective(),
              ev.objective(forced),
              ev.lengths(forced),
              0,
              0,
              0,
              0,
              List.of());
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder()
                      .withTimeLimit_s(30)
                      .withSeed(seed)
                      .withRepair(false)
                      .withPathsPerScenario(seed % 2 == 0 ? 1 : 8)
                      .build(),
                  cold,
                  null);
      String why = "seed " + seed + " " + ex;
      assertThat(ex.status()).as(why).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective()).as(why).isCloseTo(bf.objective(), within(tol(bf.objective())));
      assertThat(Reference.feasible(m, ex.choice())).as(why).isTrue();
      assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(bf.objective() - tol(bf.objective()));
      if (ex.rounds() > 1) {
        multiRound++;
      }
    }
    assertThat(multiRound).as("models needing more than one master round").isGreaterThan(10);
  }

  /** Times that are not whole ticks: the optimum scales with the data, found to resolution. */
  @Test
  void fractionalTimesScaleTheOptimum() {
    for (long seed = 200; seed < 230; seed++) {
      BarrierModel m = TestModels.small(seed);
      double f = 1.2345678;
      BarrierModel fm = TestModels.scaled(m, f);
      double expected = Reference.bruteForce(m).objective() * f;
      ExactResult ex =
          new ExactSolver(fm)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(30).withSeed(seed).build(), null);
      String why = "seed " + seed + " " + ex;
      assertThat(ex.status()).as(why).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective()).as(why).isCloseTo(expected, within(1e-9 * expected));
      assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(expected - 1e-9 * expected);
      assertThat(ex.bound() - ex.objective()).as(why).isLessThan(0.05);
    }
  }

  @Test
  void oneWorkerGivesTheSameOptimum() {
    for (long seed = 41; seed <= 50; seed++) {
      BarrierModel m = TestModels.small(seed);
      Reference.Best bf = Reference.bruteForce(m);
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder()
                      .withTimeLimit_s(30)
                      .withWorkers(1)
                      .withSeed(seed)
                      .build(),
                  null);
      assertThat(ex.status()).as("seed " + seed).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective())
          .as("seed " + seed)
          .isCloseTo(bf.objective(), within(tol(bf.objective())));
    }
  }

  @Test
  void cutShortTheBoundIsStillAboveAndThePlanFeasible() {
    long seed = 7;
    BarrierModel m = TestModels.large(seed, 400, 16, 3_000_000);
    List<SolveProgress> events = new ArrayList<>();
    ExactResult ex =
        new ExactSolver(m)
            .solve(
                ExactSolver.Settings.builder().withTimeLimit_s(4).withSeed(seed).build(),
                events::add);
    String why = "seed " + seed + " " + ex;
    assertThat(PlanConstraints.violations(m, ex.choice())).as(why).isEmpty();
    assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(ex.objective());
    assertThat(ex.objective()).as(why).isGreaterThanOrEqualTo(ex.heuristicObjective());
    assertThat(ex.objective())
        .as(why)
        .isCloseTo(new PlanEvaluator(m).objective(ex.choice()), within(1e-9));
    assertThat(ex.status()).as(why).isIn(SolveStatus.OPTIMAL, SolveStatus.TIME_LIMIT);
    assertThat(ex.delayGap()).as(why).isGreaterThanOrEqualTo(0);
    assertThat(ex.time_s()).as(why).isLessThan(8);
    assertThat(events).as(why).isNotEmpty();
    assertThat(events.get(events.size() - 1).phase()).isEqualTo("done");
  }

  @Test
  void aLooseGapTargetStopsEarlyWithGapStatus() {
    long seed = 3;
    BarrierModel m = TestModels.large(seed, 300, 16, 2_000_000);
    ExactResult ex =
        new ExactSolver(m)
            .solve(
                ExactSolver.Settings.builder()
                    .withTimeLimit_s(20)
                    .withGapTarget(0.5)
                    .withSeed(seed)
                    .build(),
                null);
    String why = "seed " + seed + " " + ex;
    assertThat(ex.status()).as(why).isIn(SolveStatus.GAP, SolveStatus.OPTIMAL);
    assertThat(ex.gap()).as(why).isLessThanOrEqualTo(0.5);
    assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(ex.objective());
  }

  @Test
  void warmStartFromTheHeuristic() {
    for (long seed = 60; seed <= 64; seed++) {
      BarrierModel m = TestModels.small(seed);
      Reference.Best bf = Reference.bruteForce(m);
      HeuristicResult h =
          new HeuristicSolver(m)
              .solve(HeuristicSolver.Settings.builder().withSeed(seed).build(), null);
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(30).withSeed(seed).build(),
                  h,
                  null);
      assertThat(ex.status()).as("seed " + seed).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective())
          .as("seed " + seed)
          .isCloseTo(bf.objective(), within(tol(bf.objective())));
      assertThat(ex.heuristicObjective()).as("seed " + seed).isEqualTo(h.objective());
    }
  }
}
