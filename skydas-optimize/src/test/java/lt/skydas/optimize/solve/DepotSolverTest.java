package lt.skydas.optimize.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.BarrierModel.Aggregate;
import lt.skydas.optimize.model.GateGraph;
import org.junit.jupiter.api.Test;

/**
 * Depot sites as suppliers of the storage rows (a negative budget coefficient, issue 15): the
 * solvers against brute force on small random models with depots ({@link TestModels#withDepots}),
 * no idle depot in a plan, no stock phased before the depot that stores it, and a hand-made case
 * where the second minefield is worth its depot and where it is not.
 */
class DepotSolverTest {
  static final int MODELS = 60;

  static double tol(double v) {
    return 1e-9 * Math.max(1, Math.abs(v));
  }

  /** True when dropping any chosen depot of the plan breaks a budget row. */
  static boolean noIdleDepot(BarrierModel m, int[] choice) {
    for (int s = 0; s < choice.length; s++) {
      int j = choice[s];
      if (j < 0 || !m.options().get(j).type().equals("depot")) {
        continue;
      }
      int[] without = choice.clone();
      without[s] = -1;
      if (Reference.feasible(m, without)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void solversEqualBruteForceWithDepotsAndBuildNoIdleDepot() {
    int depotBuilt = 0;
    for (long seed = 1; seed <= MODELS; seed++) {
      BarrierModel m = TestModels.withDepots(seed);
      String why = "seed " + seed;
      Reference.Best bf = Reference.bruteForce(m);
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(30).withSeed(seed).build(), null);
      assertThat(ex.status()).as(why).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective()).as(why).isCloseTo(bf.objective(), within(tol(bf.objective())));
      assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(bf.objective() - tol(bf.objective()));
      assertThat(PlanConstraints.violations(m, ex.choice())).as(why).isEmpty();
      assertThat(noIdleDepot(m, ex.choice())).as(why).isTrue();

      HeuristicResult h =
          new HeuristicSolver(m)
              .solve(
                  HeuristicSolver.Settings.builder().withSeed(seed).withTimeLimit_s(10).build(),
                  null);
      assertThat(Reference.feasible(m, h.choice())).as(why).isTrue();
      assertThat(noIdleDepot(m, h.choice())).as(why).isTrue();
      assertThat(Reference.objective(m, h.choice()))
          .as(why)
          .isCloseTo(h.objective(), within(tol(h.objective())));
      assertThat(h.objective()).as(why).isLessThanOrEqualTo(ex.objective() + tol(ex.objective()));
      for (int s = 0; s < m.sites().size(); s++) {
        depotBuilt += m.sites().get(s).startsWith("depot") && ex.choice()[s] >= 0 ? 1 : 0;
      }
    }
    assertThat(depotBuilt).as("optima that build a depot").isGreaterThan(5);
  }

  @Test
  void phasingBuildsNoStockBeforeItsDepot() {
    for (long seed = 1; seed <= 40; seed++) {
      BarrierModel m = TestModels.withDepots(seed);
      int[] plan = Reference.bruteForce(m).choice();
      SplittableRandom r = new SplittableRandom(seed);
      int years = 1 + r.nextInt(3);
      long[] ceil = new long[years];
      for (int y = 0; y < years; y++) {
        ceil[y] = 5 + r.nextInt(25);
      }
      Phasing ph =
          new PhasingScheduler(m, 2)
              .schedule(plan, new PhasingScheduler.Calendar(years, ceil, null), null, null);
      BarrierModel.Budget storage = m.budgets().get(m.budgets().size() - 1);
      for (int y = 0; y <= years; y++) {
        int[] standing = PhasingSchedulerTest.builtBy(plan, ph, y);
        long used = 0;
        for (int o : standing) {
          used += o >= 0 ? storage.coefficient()[o] : 0;
        }
        assertThat(used).as("seed " + seed + " year " + y).isLessThanOrEqualTo(storage.limit());
      }
    }
  }

  /**
   * Source → site 0 → site 1 → sink (lengths 10). Site 0: mines of 50 s, cost 10, 4 items; site 1:
   * mines of {@code second_s}, cost 10, 4 items; storage for 5 items; a depot for 10 items, cost
   * {@code depot}; budget 30. Both minefields need the depot.
   */
  static BarrierModel twoMinefields(double second_s, long depot) {
    GateGraph g =
        new GateGraph.Builder(4)
            .gate(0, 1, 10, 0, GateGraph.CELL_GATE)
            .gate(1, 2, 10, 1, GateGraph.CELL_GATE)
            .arc(2, 3, 10)
            .build(0, 3);
    List<BarrierModel.Option> options =
        List.of(
            new BarrierModel.Option(0, "mines", 10, true, false),
            new BarrierModel.Option(1, "mines", 10, true, false),
            new BarrierModel.Option(2, "depot", depot, false, false));
    return new BarrierModel(
        List.of("s0", "s1", "depot"),
        options,
        List.of(new BarrierModel.Group("tracked", 1, Aggregate.MIN)),
        List.of(
            new BarrierModel.Scenario(
                "tracked/summer", 0, g, new double[] {50, second_s, 0}, new double[3])),
        List.of(
            new BarrierModel.Budget("total budget", new long[] {10, 10, depot}, 30),
            new BarrierModel.Budget("depot storage at_mines", new long[] {4, 4, -10}, 5)));
  }

  @Test
  void theSecondMinefieldBuildsItsDepotWhenTheMoneyAllows() {
    BarrierModel m = twoMinefields(40, 10);
    int[] want = {0, 1, 2};
    assertThat(Reference.bruteForce(m).choice()).containsExactly(want);
    ExactResult ex = new ExactSolver(m).solve(ExactSolver.Settings.defaults(), null);
    assertThat(ex.choice()).containsExactly(want);
    assertThat(ex.objective()).isCloseTo(120, within(1e-9));
    HeuristicResult h = new HeuristicSolver(m).solve(HeuristicSolver.Settings.defaults(), null);
    assertThat(h.choice()).containsExactly(want);
  }

  @Test
  void noDepotWhenItCostsTheSecondMinefield() {
    BarrierModel m = twoMinefields(40, 11);
    int[] want = {0, -1, -1};
    assertThat(Reference.bruteForce(m).choice()).containsExactly(want);
    ExactResult ex = new ExactSolver(m).solve(ExactSolver.Settings.defaults(), null);
    assertThat(ex.choice()).containsExactly(want);
    HeuristicResult h = new HeuristicSolver(m).solve(HeuristicSolver.Settings.defaults(), null);
    assertThat(h.choice()).containsExactly(want);
  }
}
