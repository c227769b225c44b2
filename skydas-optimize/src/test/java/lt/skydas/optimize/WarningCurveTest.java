package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.emplace.Forces;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import org.junit.jupiter.api.Test;

/**
 * {@link WarningCurve} on {@link EmplacementStepTest}'s hand-made sites, forces and travel, with a
 * model whose one scenario crosses the four sites in a row (each site's option delays the attacker
 * by a set number of hours): every in-place verdict worked by hand.
 *
 * <p>The plan: a minefield at "near" (in place from 9 h of warning: the minelayer finishes 14 h
 * after the order, the attacker is there 5 h after crossing), a permanent ditch at "far", bridge
 * demolitions at "bridge-a" (in place from 9.5 h: an engineer section finishes 12.5 h after the
 * order, the attacker is there after 3 h) and "bridge-b" (from 9 h).
 */
class WarningCurveTest {
  static final double H = 3600;

  /** Options: near {ditch, minefield}, far {ditch, minefield}, bridge-a, bridge-b. */
  static BarrierModel model(double[] delay_h) {
    List<SiteTypes> sites = EmplacementStepTest.sites();
    List<BarrierModel.Option> options = new ArrayList<>();
    for (int s = 0; s < sites.size(); s++) {
      for (var t : sites.get(s).types()) {
        options.add(new BarrierModel.Option(s, t.id(), 1, false, false));
      }
    }
    GateGraph.Builder g = new GateGraph.Builder(6);
    for (int s = 0; s < 4; s++) {
      g.gate(s, s + 1, 1000, s, GateGraph.CELL_GATE);
    }
    g.arc(4, 5, 1000);
    double[] cell = new double[options.size()];
    for (int o = 0; o < cell.length; o++) {
      cell[o] = delay_h[o] * H;
    }
    return new BarrierModel(
        sites.stream().map(SiteTypes::id).toList(),
        options,
        List.of(new BarrierModel.Group("tracked/vilnius", 1, BarrierModel.Aggregate.MIN)),
        List.of(
            new BarrierModel.Scenario(
                "tracked/dry/vilnius", 0, g.build(0, 5), cell, new double[cell.length])),
        List.of());
  }

  /** Near minefield (option 1), far ditch (2), both bridges (4, 5). */
  static boolean[] plan() {
    return new boolean[] {false, true, true, false, true, true};
  }

  static EmplacementStep.Input input(Forces forces) {
    return new EmplacementStep.Input(
        EmplacementStepTest.sites(),
        Set.of(),
        EmplacementStepTest.ARRIVAL_S,
        forces,
        List.of(EmplacementStepTest.travel(1)),
        0);
  }

  @Test
  void eachObstacleCountsFromTheWarningAtWhichItsTeamFinishesBeforeTheAttacker() {
    // delays: minefield 1 h, ditch 2 h, bridge-a 4 h, bridge-b 8 h
    BarrierModel m = model(new double[] {0, 1, 2, 0, 4, 8});
    List<WarningCurve.Point> c =
        WarningCurve.of(m, plan(), input(EmplacementStepTest.forces()), 9.25, 1);
    assertThat(c)
        .extracting(WarningCurve.Point::warning_h)
        .containsExactly(0.0, 6.0, 9.25, 12.0, 24.0, 36.0, 48.0, 72.0);
    // 0 and 6 h: the ditch alone (2 of 15 h); 9.25 h: + minefield and bridge-b; 12 h on: all
    double[] delay = {2, 2, 11, 15, 15, 15, 15, 15};
    int[] inPlace = {0, 0, 2, 3, 3, 3, 3, 3};
    for (int i = 0; i < c.size(); i++) {
      WarningCurve.Point p = c.get(i);
      assertThat(p.delayByGroup_h().get("tracked/vilnius"))
          .as("at %s h", p.warning_h())
          .isCloseTo(delay[i], within(1e-9));
      assertThat(p.share()).as("at %s h", p.warning_h()).isCloseTo(delay[i] / 15, within(1e-9));
      assertThat(p.inPlace()).as("at %s h", p.warning_h()).isEqualTo(inPlace[i]);
      assertThat(p.onWarning()).isEqualTo(3);
      assertThat(p.fromEarlier()).isFalse();
    }
  }

  @Test
  void whenTheEngineersCannotDoAllInTimeTheMostValuableIsLaidFirst() {
    // one engineer section: at 10 h both bridges are due 13 h and 13.5 h after the order, 5 h of
    // work each, the section ready at 6 h: 7.5 h of team time by 13.5 h holds one bridge
    Forces one =
        new Forces(
            "one section",
            EmplacementStepTest.forces().depots(),
            List.of(
                new Forces.Unit(
                    "eng",
                    "Engineers",
                    0,
                    0,
                    6,
                    Map.of("mechanical_minelayer", 1, "engineer_section", 1))));
    for (boolean aWorthMore : new boolean[] {true, false}) {
      double[] d = aWorthMore ? new double[] {0, 1, 2, 0, 8, 4} : new double[] {0, 1, 2, 0, 4, 8};
      List<WarningCurve.Point> c = WarningCurve.of(model(d), plan(), input(one), 10, 1);
      WarningCurve.Point at10 = c.stream().filter(p -> p.warning_h() == 10).findFirst().get();
      // minefield 1 h + ditch 2 h + the bridge worth 8 h
      assertThat(at10.delayByGroup_h().get("tracked/vilnius"))
          .as("bridge-a worth more: %s", aWorthMore)
          .isCloseTo(11, within(1e-9));
      assertThat(at10.inPlace()).isEqualTo(2);
    }
  }

  @Test
  void moreWarningNeverGivesLessDelay() {
    // a warning that lets more obstacles in but lets the capacity rows drop a valuable one cannot
    // lower the curve: each point is at least the one before (property over random delays)
    java.util.SplittableRandom r = new java.util.SplittableRandom(15);
    for (int trial = 0; trial < 30; trial++) {
      double[] d = new double[6];
      for (int o = 0; o < d.length; o++) {
        d[o] = r.nextInt(10);
      }
      List<WarningCurve.Point> c =
          WarningCurve.of(model(d), plan(), input(EmplacementStepTest.forces()), 10, 1);
      for (int i = 1; i < c.size(); i++) {
        assertThat(c.get(i).objective())
            .as("trial %d (seed 15) at %s h", trial, c.get(i).warning_h())
            .isGreaterThanOrEqualTo(c.get(i - 1).objective());
      }
      assertThat(c.get(c.size() - 1).share()).as("trial %d: all in at 72 h", trial).isEqualTo(1);
    }
  }
}
