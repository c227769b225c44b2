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
 * Sensors and watch links: the solvers against brute force on small random models with sensors
 * ({@link TestModels#withSensors}), the link in every plan and every phased year, and hand-made
 * cases where a sensor beats a second obstacle and the other way round.
 */
class WatchedSolverTest {
  static final int MODELS = 80;

  static double tol(double v) {
    return 1e-9 * Math.max(1, Math.abs(v));
  }

  /** True when every chosen sensor of the plan is the only chosen cover of some chosen option. */
  static boolean noIdleSensor(BarrierModel m, int[] choice) {
    for (int s = 0; s < choice.length; s++) {
      int j = choice[s];
      if (j < 0) {
        continue;
      }
      boolean isSensor = false;
      boolean needed = false;
      for (BarrierModel.Link l : m.links()) {
        boolean covers = false;
        int others = 0;
        for (int c : l.sensors()) {
          covers |= c == j;
          others += c != j && choice[m.options().get(c).site()] == c ? 1 : 0;
        }
        isSensor |= covers;
        needed |= covers && others == 0 && choice[m.options().get(l.option()).site()] == l.option();
      }
      if (isSensor && !needed) {
        return false;
      }
    }
    return true;
  }

  @Test
  void solversEqualBruteForceWithSensorsAndKeepEveryLink() {
    int withSensorChosen = 0;
    for (long seed = 1; seed <= MODELS; seed++) {
      BarrierModel m = TestModels.withSensors(seed);
      String why = "seed " + seed;
      Reference.Best bf = Reference.bruteForce(m);
      ExactResult ex =
          new ExactSolver(m)
              .solve(
                  ExactSolver.Settings.builder().withTimeLimit_s(30).withSeed(seed).build(), null);
      assertThat(ex.status()).as(why).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(ex.objective()).as(why).isCloseTo(bf.objective(), within(tol(bf.objective())));
      assertThat(ex.bound()).as(why).isGreaterThanOrEqualTo(bf.objective() - tol(bf.objective()));
      assertThat(Reference.feasible(m, ex.choice())).as(why).isTrue();
      assertThat(PlanConstraints.violations(m, ex.choice())).as(why).isEmpty();
      assertThat(noIdleSensor(m, ex.choice())).as(why).isTrue();
      assertThat(Reference.objective(m, ex.choice()))
          .as(why)
          .isCloseTo(ex.objective(), within(tol(ex.objective())));

      HeuristicResult h =
          new HeuristicSolver(m)
              .solve(
                  HeuristicSolver.Settings.builder().withSeed(seed).withTimeLimit_s(10).build(),
                  null);
      assertThat(Reference.feasible(m, h.choice())).as(why).isTrue();
      assertThat(noIdleSensor(m, h.choice())).as(why).isTrue();
      assertThat(Reference.objective(m, h.choice()))
          .as(why)
          .isCloseTo(h.objective(), within(tol(h.objective())));
      assertThat(h.objective()).as(why).isLessThanOrEqualTo(ex.objective() + tol(ex.objective()));
      for (int s = m.sites().size() - 3; s < m.sites().size(); s++) {
        withSensorChosen +=
            s >= 0 && m.sites().get(s).startsWith("sensor") && ex.choice()[s] >= 0 ? 1 : 0;
      }
    }
    assertThat(withSensorChosen).as("optima that buy a sensor").isGreaterThan(10);
  }

  @Test
  void phasingBuildsNoWatchedObstacleBeforeItsSensor() {
    for (long seed = 1; seed <= 40; seed++) {
      BarrierModel m = TestModels.withSensors(seed);
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
      String why = "seed " + seed;
      for (int y = 0; y <= years; y++) {
        int[] standing = PhasingSchedulerTest.builtBy(plan, ph, y);
        assertThat(linksHold(m, standing)).as(why + " year " + y).isTrue();
        assertThat(ph.objective()[y])
            .as(why + " year " + y)
            .isCloseTo(Reference.objective(m, standing), within(tol(ph.objective()[y])));
      }
    }
  }

  /** Every chosen watched option has a chosen covering sensor. */
  private static boolean linksHold(BarrierModel m, int[] choice) {
    for (BarrierModel.Link l : m.links()) {
      if (choice[m.options().get(l.option()).site()] != l.option()) {
        continue;
      }
      boolean covered = false;
      for (int j : l.sensors()) {
        covered |= choice[m.options().get(j).site()] == j;
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Source → site 0 → site 1 → sink (lengths 10). Site 0: mines, unwatched 40 s, watched 100 s,
   * cost 10; site 1: a ditch of {@code ditch_s}, cost 10; one sensor covering site 0, cost 10;
   * budget 20. Either the watched mines and the sensor (100 s), or the unwatched mines and the
   * ditch (40 + ditch).
   */
  static BarrierModel sensorOrDitch(double ditch_s) {
    GateGraph g =
        new GateGraph.Builder(4)
            .gate(0, 1, 10, 0, GateGraph.CELL_GATE)
            .gate(1, 2, 10, 1, GateGraph.CELL_GATE)
            .arc(2, 3, 10)
            .build(0, 3);
    List<BarrierModel.Option> options =
        List.of(
            new BarrierModel.Option(0, "mines", 10, true, false),
            new BarrierModel.Option(0, "mines+w", 10, true, false),
            new BarrierModel.Option(1, "ditch", 10, false, false),
            new BarrierModel.Option(2, "radar", 10, false, false));
    double[] cell = {40, 100, ditch_s, 0};
    return new BarrierModel(
        List.of("s0", "s1", "sensor"),
        options,
        List.of(new BarrierModel.Group("tracked", 1, Aggregate.MIN)),
        List.of(new BarrierModel.Scenario("tracked/summer", 0, g, cell, new double[4])),
        List.of(new BarrierModel.Budget("total budget", new long[] {10, 10, 10, 10}, 20)),
        List.of(new BarrierModel.Link(1, new int[] {3})));
  }

  @Test
  void aSensorBeatsASecondObstacleWhenTheWatchAddsMore() {
    BarrierModel m = sensorOrDitch(30);
    int[] want = {1, -1, 3};
    assertThat(Reference.bruteForce(m).choice()).containsExactly(want);
    ExactResult ex = new ExactSolver(m).solve(ExactSolver.Settings.defaults(), null);
    assertThat(ex.choice()).containsExactly(want);
    assertThat(ex.objective()).isCloseTo(130, within(1e-9));
    assertThat(ex.bound()).isGreaterThanOrEqualTo(130);
    HeuristicResult h = new HeuristicSolver(m).solve(HeuristicSolver.Settings.defaults(), null);
    assertThat(h.choice()).containsExactly(want);
  }

  @Test
  void aSecondObstacleBeatsASensorWhenItAddsMore() {
    BarrierModel m = sensorOrDitch(80);
    int[] want = {0, 2, -1};
    assertThat(Reference.bruteForce(m).choice()).containsExactly(want);
    ExactResult ex = new ExactSolver(m).solve(ExactSolver.Settings.defaults(), null);
    assertThat(ex.choice()).containsExactly(want);
    assertThat(ex.objective()).isCloseTo(150, within(1e-9));
    HeuristicResult h = new HeuristicSolver(m).solve(HeuristicSolver.Settings.defaults(), null);
    assertThat(h.choice()).containsExactly(want);
  }

  @Test
  void aModelRejectsALinkToItsOwnSiteOrAForcedOption() {
    BarrierModel m = sensorOrDitch(30);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new BarrierModel(
                    m.sites(),
                    m.options(),
                    m.groups(),
                    m.scenarios(),
                    m.budgets(),
                    List.of(new BarrierModel.Link(1, new int[] {0}))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
