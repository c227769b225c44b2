package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.solve.PlanEvaluator;
import lt.skydas.plan.ObstacleCatalog;
import org.junit.jupiter.api.Test;

/**
 * Planning for several warning times (issue 15): which on-warning options are in place at each
 * ({@link EmplacementStep#run(EmplacementStep.Input, double[])}, on {@link EmplacementStepTest}'s
 * hand-made forces, verdicts worked out in {@link WarningCurveTest}), and the model repeated per
 * warning ({@link PlanningWarnings}) on {@link ModelFactoryTest}'s graphs.
 */
class RobustWarningsTest {

  @Test
  void eachWarningKeepsTheOptionsTheForcesFinishByThenAndThePlanningWarningGivesTheRows() {
    EmplacementStep.Input in =
        new EmplacementStep.Input(
            EmplacementStepTest.sites(),
            Set.of(),
            EmplacementStepTest.ARRIVAL_S,
            EmplacementStepTest.forces(),
            List.of(EmplacementStepTest.travel(1)),
            9.25);
    EmplacementStep.Planned p = EmplacementStep.run(in, new double[] {6, 9.25, 24});
    PlanningWarnings w = p.warnings();
    assertThat(w.primary()).isEqualTo(1);
    // 6 h: nothing laid on warning is in place; 9.25 h: the near minefield (9 h) and bridge-b
    // (9 h), not bridge-a (9.5 h); 24 h: those and bridge-a
    assertThat(w.inTime().get(0)).isEmpty();
    assertThat(w.inTime().get(1))
        .containsOnly(
            Map.entry(0, Set.of("at_minefield")), Map.entry(3, Set.of("bridge_demolition")));
    assertThat(w.inTime().get(2)).containsKeys(0, 2, 3);
    // the model offers what is in time at the longest warning, with the planning warning's rows
    EmplacementStep.Outcome at24 = EmplacementStep.run(in.at(24));
    EmplacementStep.Outcome at925 = EmplacementStep.run(in);
    assertThat(p.outcome().sites()).isEqualTo(at24.sites());
    assertThat(p.outcome().rows()).isEqualTo(at925.rows());
    // one warning: the step as before, no repetition
    EmplacementStep.Planned one = EmplacementStep.run(in, new double[] {9.25});
    assertThat(one.warnings().hours()).hasSize(1);
    assertThat(one.outcome().sites()).isEqualTo(at925.sites());
  }

  static final SiteTypes SITE =
      new SiteTypes(
          "s0",
          ModelFactoryTest.SITES.get(0).geometry_lks94(),
          List.of(
              ModelFactoryTest.DITCH,
              ObstacleCatalog.defaults().findType("at_minefield").orElseThrow()));

  static ModelFactory.Built build(PlanningWarnings w) {
    return ModelFactory.build(
        List.of(SITE),
        ModelFactoryTest.each(ModelFactoryTest.ARCS),
        ModelFactory.Fixed.none(),
        Programme.defaults(),
        ModelFactoryTest.WEIGHTS,
        true,
        ModelFactory.Sensors.none(),
        List.of(),
        DepotStorage.none(),
        w);
  }

  @Test
  void theModelIsRepeatedPerWarningAndItsObjectiveIsTheMeanOfTheObjectiveAtEach() {
    // the minefield is in place at 24 h, not at 12 h
    PlanningWarnings w =
        new PlanningWarnings(
            new double[] {12, 24}, 1, List.of(Map.of(), Map.of(0, Set.of("at_minefield"))));
    ModelFactory.Built robust = build(w);
    ModelFactory.Built single = build(PlanningWarnings.single());
    BarrierModel m = robust.model();
    BarrierModel s = single.model();
    assertThat(m.scenarios()).hasSize(2 * s.scenarios().size());
    assertThat(m.groups()).hasSize(2 * s.groups().size());
    for (int g = 0; g < s.groups().size(); g++) {
      for (int x = 0; x < 2; x++) {
        BarrierModel.Group r = m.groups().get(2 * g + x);
        assertThat(r.name()).isEqualTo(s.groups().get(g).name() + (x == 0 ? "@12h" : "@24h"));
        assertThat(r.weight()).isCloseTo(s.groups().get(g).weight() / 2, within(1e-12));
      }
    }
    // the model at the planning warning is the single-warning model
    BarrierModel pm = robust.warnings().primaryModel();
    assertThat(pm.scenarios())
        .extracting(BarrierModel.Scenario::name)
        .containsExactlyElementsOf(s.scenarios().stream().map(x -> x.name() + "@24h").toList());
    assertThat(pm.groups())
        .extracting(BarrierModel.Group::weight)
        .containsExactlyElementsOf(s.groups().stream().map(BarrierModel.Group::weight).toList());
    int mine = 1; // options: ditch, minefield
    assertThat(m.options().get(mine).type()).isEqualTo("at_minefield");
    boolean[] plan = {false, true};
    double withMines = new PlanEvaluator(s).objective(plan);
    double without = new PlanEvaluator(s).objective(new boolean[2]);
    assertThat(withMines).isGreaterThan(without);
    // the mean of the objective at 12 h (no minefield in place) and at 24 h (in place)
    assertThat(new PlanEvaluator(m).objective(plan))
        .isCloseTo((without + withMines) / 2, within(1e-9));
    double[] times = new PlanEvaluator(m).lengths(new int[] {mine});
    assertThat(robust.warnings().objectiveByWarning(m, times))
        .containsExactly(new double[] {without, withMines}, within(1e-9));
    assertThat(new PlanEvaluator(pm).objective(plan)).isCloseTo(withMines, within(1e-9));
    // a ditch (permanent) counts at every warning
    boolean[] ditch = {true, false};
    assertThat(new PlanEvaluator(m).objective(ditch))
        .isCloseTo(new PlanEvaluator(s).objective(ditch), within(1e-9));
  }
}
