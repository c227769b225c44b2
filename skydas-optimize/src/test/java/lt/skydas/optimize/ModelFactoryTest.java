package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.solve.ModelObjective;
import lt.skydas.optimize.solve.PlanEvaluator;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The model's objective is {@code Σ_class w · mean_objectives(agg_season(T) / T0)}, on times worked
 * out by hand on small graphs: source → gate (a) → gate arc of the one site → sink (b), and a
 * direct arc (c) the site cannot delay.
 */
class ModelFactoryTest {
  static final ObstacleType DITCH = ObstacleCatalog.defaults().findType("at_ditch").orElseThrow();
  static final List<SiteTypes> SITES =
      List.of(
          new SiteTypes(
              "s0",
              new GeometryFactory()
                  .createLineString(
                      new Coordinate[] {
                        new Coordinate(560_000, 6_050_000), new Coordinate(560_000, 6_051_000)
                      }),
              List.of(DITCH)));
  static final List<CorridorGraphs.Case> CASES =
      List.of(
          new CorridorGraphs.Case(VehicleClass.TRACKED, Season.DRY),
          new CorridorGraphs.Case(VehicleClass.TRACKED, Season.WET),
          new CorridorGraphs.Case(VehicleClass.WHEELED, Season.DRY),
          new CorridorGraphs.Case(VehicleClass.WHEELED, Season.WET));
  static final Map<VehicleClass, Double> WEIGHTS =
      Map.of(VehicleClass.TRACKED, 2.0, VehicleClass.WHEELED, 1.0);

  /** Through the gate: a + b (+ the ditch); directly: c (NaN: no direct arc, +Inf: no gate way). */
  static GateGraph graph(double a, double b, double c) {
    GateGraph.Builder g = new GateGraph.Builder(4);
    if (Double.isFinite(a)) {
      g.arc(0, 2, a);
      g.gate(2, 3, 0, 0, GateGraph.CELL_GATE);
      g.arc(3, 1, b);
    }
    if (!Double.isNaN(c)) {
      g.arc(0, 1, c);
    }
    return g.build(0, 1);
  }

  static double time(double a, double b, double c, VehicleClass v, boolean ditch) {
    double via =
        Double.isFinite(a)
            ? a + b + (ditch ? DITCH.crossingDelay_s(v) : 0)
            : Double.POSITIVE_INFINITY;
    return Double.isNaN(c) ? via : Math.min(via, c);
  }

  // per case (rows) and objective (columns): a, b, c. Vilnius only through the site; Suwałki
  // fastest on the direct way (the site cannot delay it), as on the real region
  static final double[][][] ARCS = {
    {{1000, 2000, Double.NaN}, {500, 500, 900}},
    {{1200, 2400, Double.NaN}, {600, 600, 1100}},
    {{800, 1500, Double.NaN}, {400, 400, 700}},
    {{900, 1800, Double.NaN}, {450, 450, 800}}
  };

  static CorridorGraphs each(double[][][] arcs) {
    List<CorridorGraphs.Target> targets =
        List.of(
            new CorridorGraphs.Target("vilnius", "Vilnius", List.of("vilnius")),
            new CorridorGraphs.Target("suwalki", "Suwałki", List.of("suwalki")));
    List<List<GateGraph>> graphs = new java.util.ArrayList<>();
    double[][] baseline = new double[CASES.size()][2];
    for (int k = 0; k < CASES.size(); k++) {
      List<GateGraph> row = new java.util.ArrayList<>();
      for (int j = 0; j < 2; j++) {
        double[] x = arcs[k][j];
        row.add(graph(x[0], x[1], x[2]));
        baseline[k][j] = time(x[0], x[1], x[2], CASES.get(k).vehicle(), false);
      }
      graphs.add(row);
    }
    return new CorridorGraphs(List.of(), CASES, targets, graphs, baseline, List.of(), 0);
  }

  static ModelFactory.Built build(CorridorGraphs g, boolean robust) {
    return ModelFactory.build(
        SITES, g, ModelFactory.Fixed.none(), Programme.defaults(), WEIGHTS, robust);
  }

  /** The formula, on the hand-made times. */
  static double expected(double[][][] arcs, boolean ditch, boolean robust) {
    double total = 0;
    for (VehicleClass v : List.of(VehicleClass.TRACKED, VehicleClass.WHEELED)) {
      double sum = 0;
      for (int j = 0; j < 2; j++) {
        double agg = robust ? Double.POSITIVE_INFINITY : 0;
        double t0 = Double.POSITIVE_INFINITY;
        for (int k = 0; k < CASES.size(); k++) {
          if (CASES.get(k).vehicle() != v) {
            continue;
          }
          double[] x = arcs[k][j];
          double t = time(x[0], x[1], x[2], v, ditch);
          agg = robust ? Math.min(agg, t) : agg + t / 2;
          t0 = Math.min(t0, time(x[0], x[1], x[2], v, false));
        }
        sum += agg / t0;
      }
      total += WEIGHTS.get(v) * sum / 2;
    }
    return total;
  }

  @Test
  void objectiveIsTheClassWeightedMeanOverObjectivesOfTheSeasonAggregateRelativeTime() {
    for (boolean robust : new boolean[] {true, false}) {
      ModelFactory.Built built = build(each(ARCS), robust);
      BarrierModel m = built.model();
      assertThat(m.scenarios())
          .extracting(BarrierModel.Scenario::name)
          .containsExactly(
              "tracked/dry/vilnius",
              "tracked/dry/suwalki",
              "tracked/wet/vilnius",
              "tracked/wet/suwalki",
              "wheeled/dry/vilnius",
              "wheeled/dry/suwalki",
              "wheeled/wet/vilnius",
              "wheeled/wet/suwalki");
      assertThat(m.groups())
          .extracting(BarrierModel.Group::name)
          .containsExactly(
              "tracked/vilnius", "tracked/suwalki", "wheeled/vilnius", "wheeled/suwalki");
      assertThat(built.scenarioCase()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
      assertThat(built.scenarioTarget()).containsExactly(0, 1, 0, 1, 0, 1, 0, 1);
      PlanEvaluator ev = new PlanEvaluator(m);
      boolean[] none = new boolean[m.options().size()];
      boolean[] ditch = {true};
      for (boolean built_ : new boolean[] {false, true}) {
        boolean[] plan = built_ ? ditch : none;
        double want = expected(ARCS, built_, robust);
        assertThat(ev.objective(plan))
            .as("robust %s ditch %s", robust, built_)
            .isCloseTo(want, within(1e-12));
        // verification uses the same formula on the per-scenario times
        assertThat(ModelObjective.of(m).value(ev.lengths(PlanEvaluator.choiceOf(m, plan))))
            .isCloseTo(want, within(1e-12));
      }
      // the empty plan scores 1 per class and objective: Σ w = 3 when robust
      if (robust) {
        assertThat(ev.baselineObjective()).isCloseTo(3.0, within(1e-12));
      }
      // the ditch delays the way to Vilnius although Suwałki stays as near as ever
      assertThat(ev.objective(ditch)).isGreaterThan(ev.baselineObjective() + 0.1);
    }
  }

  @Test
  void theNearestObjectiveAloneCannotBeDelayedByAnObstacleOffItsWay() {
    // nearest: one sink for both objectives, the same arcs merged
    List<List<GateGraph>> graphs = new java.util.ArrayList<>();
    double[][] baseline = new double[CASES.size()][1];
    for (int k = 0; k < CASES.size(); k++) {
      double[] v = ARCS[k][0];
      double[] s = ARCS[k][1];
      GateGraph.Builder g = new GateGraph.Builder(6);
      g.arc(0, 2, v[0]).gate(2, 3, 0, 0, GateGraph.CELL_GATE).arc(3, 1, v[1]);
      g.arc(0, 4, s[0]).gate(4, 5, 0, 0, GateGraph.CELL_GATE).arc(5, 1, s[1]).arc(0, 1, s[2]);
      graphs.add(List.of(g.build(0, 1)));
      VehicleClass c = CASES.get(k).vehicle();
      baseline[k][0] = Math.min(time(v[0], v[1], v[2], c, false), time(s[0], s[1], s[2], c, false));
    }
    CorridorGraphs nearest =
        new CorridorGraphs(
            List.of(),
            CASES,
            List.of(
                new CorridorGraphs.Target(
                    CorridorGraphs.Target.NEAREST_ID, "nearest", List.of("vilnius", "suwalki"))),
            graphs,
            baseline,
            List.of(),
            0);
    BarrierModel m = build(nearest, true).model();
    assertThat(m.scenarios())
        .extracting(BarrierModel.Scenario::name)
        .containsExactly("tracked/dry", "tracked/wet", "wheeled/dry", "wheeled/wet");
    assertThat(m.groups())
        .extracting(BarrierModel.Group::name)
        .containsExactly("tracked", "wheeled");
    PlanEvaluator ev = new PlanEvaluator(m);
    assertThat(ev.baselineObjective()).isCloseTo(3.0, within(1e-12));
    assertThat(ev.objective(new boolean[] {true})).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void anObjectiveTheGraphCannotReachIsLeftOutAndNamed() {
    double[][][] arcs = ARCS.clone();
    arcs[3] = new double[][] {ARCS[3][0], {Double.POSITIVE_INFINITY, 0, Double.NaN}};
    ModelFactory.Built built = build(each(arcs), true);
    assertThat(built.model().scenarios())
        .extracting(BarrierModel.Scenario::name)
        .doesNotContain("wheeled/wet/suwalki")
        .hasSize(7);
    assertThat(built.notes())
        .singleElement()
        .asString()
        .contains("Suwałki")
        .contains("wheeled/wet");
    // wheeled still counts both objectives: Suwałki through its dry season
    assertThat(built.model().groups()).hasSize(4);
    assertThat(new PlanEvaluator(built.model()).baselineObjective()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void categoryCeilingsBecomeBudgetRowsOverTheirOwnCosts() {
    // a ditch (no mine) and, on a second site, an AT minefield
    ObstacleType mines = ObstacleCatalog.defaults().findType("at_minefield").orElseThrow();
    List<SiteTypes> sites =
        List.of(SITES.get(0), new SiteTypes("s1", SITES.get(0).geometry_lks94(), List.of(mines)));
    Programme p = Programme.defaults().withCeilings(new Programme.Ceilings(5e6, 1e12, 2e6));
    ModelFactory.Built b =
        ModelFactory.build(sites, each(ARCS), ModelFactory.Fixed.none(), p, WEIGHTS, true);
    BarrierModel.Budget barriers = row(b, ModelFactory.BARRIER_CEILING);
    BarrierModel.Budget clearance = row(b, ModelFactory.CLEARANCE_CEILING);
    assertThat(barriers.limit()).isEqualTo(5_000_000);
    assertThat(clearance.limit()).isEqualTo(2_000_000);
    for (int o = 0; o < b.model().options().size(); o++) {
      var ob = b.obstacles().get(o);
      boolean mine = ob.type().mines().isMine();
      assertThat(barriers.coefficient()[o]).isEqualTo(mine ? 0 : Math.round(ob.cost_eur()));
      assertThat(clearance.coefficient()[o])
          .isEqualTo(mine ? Math.round(ob.clearanceCost_eur()) : 0);
    }
    assertThat(java.util.Arrays.stream(clearance.coefficient()).max().orElse(0)).isPositive();
    // no ceiling, no row
    assertThat(build(each(ARCS), true).model().budgets())
        .noneMatch(r -> r.name().equals(ModelFactory.BARRIER_CEILING))
        .noneMatch(r -> r.name().equals(ModelFactory.CLEARANCE_CEILING));
  }

  @Test
  void anOptionNoYearCanAffordIsLeftOutWithANoteUnlessPinned() {
    // s0 offers a 1 km AT ditch, s1 a 1 km drainage ditch (cheaper)
    ObstacleType drain = ObstacleCatalog.defaults().findType("drainage_ditch").orElseThrow();
    List<SiteTypes> two =
        List.of(SITES.get(0), new SiteTypes("s1", SITES.get(0).geometry_lks94(), List.of(drain)));
    long ditch = ModelFactory.budgetCost_eur(obstacle(DITCH), Programme.defaults());
    long cheap = ModelFactory.budgetCost_eur(obstacle(drain), Programme.defaults());
    assertThat(cheap).isLessThan(ditch);
    double between = (ditch + cheap) / 2.0;
    Programme poor =
        new Programme(1e9, 8e8, new double[] {between, between}, Double.POSITIVE_INFINITY, true);
    ModelFactory.Built b =
        ModelFactory.build(two, each(ARCS), ModelFactory.Fixed.none(), poor, WEIGHTS, true);
    assertThat(b.model().options())
        .extracting(BarrierModel.Option::type)
        .containsExactly("drainage_ditch");
    assertThat(b.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("1 option(s) cost more than the largest yearly ceiling")
                    .contains("at_ditch ×1"));
    // a year that pays for it: both stay, no note
    Programme enough =
        new Programme(1e9, 8e8, new double[] {between, ditch}, Double.POSITIVE_INFINITY, true);
    ModelFactory.Built ok =
        ModelFactory.build(two, each(ARCS), ModelFactory.Fixed.none(), enough, WEIGHTS, true);
    assertThat(ok.model().options()).hasSize(2);
    assertThat(ok.notes()).noneMatch(n -> n.contains("yearly ceiling"));
    // more effort than a year's capacity
    double eDitch = obstacle(DITCH).buildEffort_h();
    double eDrain = obstacle(drain).buildEffort_h();
    if (eDitch != eDrain) {
      Programme slow = new Programme(1e9, 8e8, new double[] {1e9}, (eDitch + eDrain) / 2, true);
      assertThat(
              ModelFactory.build(two, each(ARCS), ModelFactory.Fixed.none(), slow, WEIGHTS, true)
                  .model()
                  .options())
          .extracting(BarrierModel.Option::type)
          .containsExactly(eDitch < eDrain ? "at_ditch" : "drainage_ditch");
    }
    // a pin stays (the pins' own check says whether it fits)
    ModelFactory.Built pinned =
        ModelFactory.build(
            two,
            each(ARCS),
            new ModelFactory.Fixed(java.util.Map.of(0, "at_ditch"), java.util.Set.of()),
            poor,
            WEIGHTS,
            true);
    assertThat(pinned.model().options()).hasSize(2);
    // when every obstacle is too big, they stay: the budget check names what binds
    ModelFactory.Built all =
        ModelFactory.build(SITES, each(ARCS), ModelFactory.Fixed.none(), poor, WEIGHTS, true);
    assertThat(all.model().options()).hasSize(1);
    assertThat(all.notes()).noneMatch(n -> n.contains("yearly ceiling"));
  }

  private static lt.skydas.plan.Obstacle obstacle(ObstacleType t) {
    return new lt.skydas.plan.Obstacle("x", t.name(), t, null, SITES.get(0).geometry_lks94(), 0);
  }

  private static BarrierModel.Budget row(ModelFactory.Built b, String name) {
    return b.model().budgets().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
