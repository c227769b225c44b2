package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.emplace.Forces;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@link EmplacementStep} on hand-made sites, arrivals, road travel and forces (no region), every
 * figure worked by hand from the catalog: an AT minefield takes a mechanical minelayer 3 h/km and
 * an engineer section 10 h/km and 1,000 AT mines per km; a bridge demolition a demolition squad 3 h
 * and an engineer section 5 h and one set of charges.
 *
 * <p>Forces: unit {@code eng} (ready 6 h: 1 minelayer, 2 engineer sections, 1 h from the depot),
 * unit {@code demo} (ready 12 h: 2 demolition squads, 2 h from the depot); one depot. Planning
 * warning 10 h.
 */
class EmplacementStepTest {
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  static final GeometryFactory GF = new GeometryFactory();
  static final double H = 3600;

  static ObstacleType type(String id) {
    return CATALOG.findType(id).orElseThrow();
  }

  /** A 2 km line (2 km of minefield) and a bridge point. */
  static Geometry line2km() {
    return GF.createLineString(
        new Coordinate[] {new Coordinate(500_000, 6_000_000), new Coordinate(502_000, 6_000_000)});
  }

  static Geometry bridge() {
    return GF.createPoint(new Coordinate(500_000, 6_010_000));
  }

  static Forces forces() {
    return new Forces(
        "hand-made",
        List.of(
            new Forces.Depot(
                "depot", "Depot", 0, 0, Map.of("at_mines", 10_000.0, "demolition_charges", 5.0))),
        List.of(
            new Forces.Unit(
                "eng",
                "Engineers",
                0,
                0,
                6,
                Map.of("mechanical_minelayer", 1, "engineer_section", 2)),
            new Forces.Unit("demo", "Demolitions", 0, 0, 12, Map.of("demolition_squad", 2))));
  }

  /**
   * Sites: 0 near minefield (depot → site 1 h), 1 far minefield (3 h), 2 and 3 bridges (0.5 h); 0
   * and 1 also offer a permanent ditch.
   */
  static List<SiteTypes> sites() {
    return List.of(
        new SiteTypes("near", line2km(), List.of(type("at_ditch"), type("at_minefield"))),
        new SiteTypes("far", line2km(), List.of(type("at_ditch"), type("at_minefield"))),
        new SiteTypes("bridge-a", bridge(), List.of(type("bridge_demolition"))),
        new SiteTypes("bridge-b", bridge(), List.of(type("bridge_demolition"))));
  }

  static EmplacementStep.Travel travel(double depotToNear_h) {
    double inf = Double.POSITIVE_INFINITY;
    return new EmplacementStep.Travel(
        new double[][] {{inf, inf, inf, inf}, {inf, inf, inf, inf}},
        new double[][] {{1 * H}, {2 * H}},
        new double[][] {{depotToNear_h * H, 3 * H, 0.5 * H, 0.5 * H}},
        new boolean[4]);
  }

  /** Arrivals: minefields 5 h after crossing, bridge a 3 h, bridge b 3.5 h. */
  static final double[] ARRIVAL_S = {5 * H, 5 * H, 3 * H, 3.5 * H};

  static EmplacementStep.Outcome run(List<EmplacementStep.Travel> seasons, Set<Integer> pinned) {
    return EmplacementStep.run(
        new EmplacementStep.Input(sites(), pinned, ARRIVAL_S, forces(), seasons, 10));
  }

  static List<String> types(EmplacementStep.Outcome o, int site) {
    return o.sites().get(site).types().stream().map(ObstacleType::id).toList();
  }

  @Test
  void anOptionTheNearestTeamCannotFinishInTimeIsDroppedAndOneItCanIsKept() {
    EmplacementStep.Outcome o = run(List.of(travel(1)), Set.of());
    // near: eng's minelayer, ready 6 h + 1 h to the depot + 1 h to the site + 2 km × 3 h = 14 h
    // <= 10 h of warning + 5 h: kept, and the permanent ditch stays everywhere
    assertThat(types(o, 0)).containsExactly("at_ditch", "at_minefield");
    EmplacementStep.OptionWork near = o.work().get(0).get("at_minefield");
    assertThat(near.finish_s()).isEqualTo(14 * H);
    assertThat(near.deadline_s()).isEqualTo(15 * H);
    // the sections could lay it too, but finish at 6 + 1 + 1 + 20 = 28 h: only the minelayer
    assertThat(near.teamTypes()).containsExactly("mechanical_minelayer");
    assertThat(near.work_min()).isEqualTo(360);
    assertThat(near.depot()).isZero();
    assertThat(near.stock()).containsEntry("at_mines", 2000.0);
    // far: 6 + 1 + 3 + 6 = 16 h > 15 h: dropped, the reason names the team and both times
    assertThat(types(o, 1)).containsExactly("at_ditch");
    assertThat(o.dropped())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo("at_minefield");
              assertThat(d.count()).isEqualTo(1);
              assertThat(d.reason())
                  .isEqualTo(
                      "the nearest mechanical_minelayer (eng) needs 16.0 h (ready 6.0 h, drive 4.0"
                          + " h, work 6.0 h); the attacker is there 5.0 h after crossing, 15.0 h"
                          + " after a warning of 10.0 h");
            });
    // bridge a: the demolition squads finish at 12 + 2 + 0.5 + 3 = 17.5 h, too late for 13 h;
    // eng's sections at 6 + 1 + 0.5 + 5 = 12.5 h: kept, and counted on the sections alone (the
    // squads are faster at it but cannot be there in time)
    EmplacementStep.OptionWork a = o.work().get(2).get("bridge_demolition");
    assertThat(a.finish_s()).isEqualTo(12.5 * H);
    assertThat(a.teamTypes()).containsExactly("engineer_section");
    assertThat(a.work_min()).isEqualTo(300);
    assertThat(types(o, 3)).containsExactly("bridge_demolition");
  }

  @Test
  void theWorstSeasonCounts() {
    // in the second season the depot is 2.5 h from the near site: 6 + 1 + 2.5 + 6 = 15.5 h > 15 h
    EmplacementStep.Outcome o = run(List.of(travel(1), travel(2.5)), Set.of());
    assertThat(types(o, 0)).containsExactly("at_ditch");
    assertThat(o.dropped()).singleElement().satisfies(d -> assertThat(d.count()).isEqualTo(2));
  }

  @Test
  void aPinnedOptionIsKeptWithANote() {
    EmplacementStep.Outcome o = run(List.of(travel(1)), Set.of(1));
    assertThat(types(o, 1)).containsExactly("at_ditch", "at_minefield");
    assertThat(o.dropped()).isEmpty();
    assertThat(o.notes())
        .singleElement()
        .asString()
        .startsWith("pinned at_minefield at far cannot be in place in time: the nearest");
  }

  @Test
  void capacityRowsByTeamTypeAndDeadlineQuartiles() {
    EmplacementStep.Outcome o = run(List.of(travel(1)), Set.of());
    // the minefield only the minelayer (ready 6 h), the bridges only eng's two sections can do in
    // time; so three groups: each, and both together
    // sections: deadlines 13 h and 13.5 h, quartiles 13, 13, 13.5, 13.5:
    //   by 13 h: 2 teams × (13 − 6) h = 840 min for bridge a's 300 min
    //   by 13.5 h: 2 × 7.5 h = 900 min for both bridges' 600 min
    // minelayer: deadline 15 h: 1 team × (15 − 6) h = 540 min for 360 min
    // both: deadlines 13, 13.5, 15 (quartiles 13, 13.5, 15, 15): 3 teams × 7, 7.5, 9 h
    assertThat(o.rows())
        .extracting(ModelFactory.WorkRow::name, ModelFactory.WorkRow::limit)
        .containsExactly(
            tuple("emplacement engineer_section by 13.0 h", 840L),
            tuple("emplacement engineer_section by 13.5 h", 900L),
            tuple("emplacement engineer_section+mechanical_minelayer by 13.0 h", 1260L),
            tuple("emplacement engineer_section+mechanical_minelayer by 13.5 h", 1350L),
            tuple("emplacement engineer_section+mechanical_minelayer by 15.0 h", 1620L),
            tuple("emplacement mechanical_minelayer by 15.0 h", 540L));
    Map<Integer, Map<String, Long>> a = Map.of(2, Map.of("bridge_demolition", 300L));
    Map<Integer, Map<String, Long>> ab =
        Map.of(2, Map.of("bridge_demolition", 300L), 3, Map.of("bridge_demolition", 300L));
    Map<Integer, Map<String, Long>> mines = Map.of(0, Map.of("at_minefield", 360L));
    Map<Integer, Map<String, Long>> all = new java.util.HashMap<>(ab);
    all.putAll(mines);
    assertThat(o.rows())
        .extracting(ModelFactory.WorkRow::coefficient)
        .containsExactly(a, ab, a, ab, all, mines);
  }

  @Test
  void capacityRowsPoolEveryTeamTypeThatCanDoAJobInTime() {
    // bridge c, 10 h after crossing (deadline 20 h): the squads finish at 12 + 2 + 0.5 + 3 =
    // 17.5 h and eng's sections at 12.5 h: both may do it, its work the squads' 3 h
    List<SiteTypes> sites = List.of(sites().get(2), sites().get(3));
    double inf = Double.POSITIVE_INFINITY;
    EmplacementStep.Travel travel =
        new EmplacementStep.Travel(
            new double[][] {{inf, inf}, {inf, inf}},
            new double[][] {{H}, {2 * H}},
            new double[][] {{0.5 * H, 0.5 * H}},
            new boolean[2]);
    EmplacementStep.Outcome o =
        EmplacementStep.run(
            new EmplacementStep.Input(
                sites, Set.of(), new double[] {3 * H, 10 * H}, forces(), List.of(travel), 10));
    assertThat(o.work().get(1).get("bridge_demolition").teamTypes())
        .containsExactlyInAnyOrder("demolition_squad", "engineer_section");
    assertThat(o.work().get(1).get("bridge_demolition").work_min()).isEqualTo(180);
    // squads and sections (deadlines 13, 20): by 13 h 2 × 7 h + 2 × 1 h = 960 min; by 20 h
    // 2 × 14 h + 2 × 8 h = 2640 min; sections alone (bridge a, 13 h): 2 × 7 h = 840 min
    assertThat(o.rows())
        .extracting(
            ModelFactory.WorkRow::name,
            ModelFactory.WorkRow::limit,
            ModelFactory.WorkRow::coefficient)
        .containsExactly(
            tuple(
                "emplacement demolition_squad+engineer_section by 13.0 h",
                960L,
                Map.of(0, Map.of("bridge_demolition", 300L))),
            tuple(
                "emplacement demolition_squad+engineer_section by 20.0 h",
                2640L,
                Map.of(0, Map.of("bridge_demolition", 300L), 1, Map.of("bridge_demolition", 180L))),
            tuple(
                "emplacement engineer_section by 13.0 h",
                840L,
                Map.of(0, Map.of("bridge_demolition", 300L))));
  }

  @Test
  void noTeamNoDepotOrNoRoadIsTheReason() {
    Forces noLayers =
        new Forces(
            "none",
            List.of(new Forces.Depot("depot", "Depot", 0, 0, Map.of("at_mines", 10_000.0))),
            List.of(new Forces.Unit("demo", "Demolitions", 0, 0, 12, Map.of("closure_team", 1))));
    EmplacementStep.Outcome o =
        EmplacementStep.run(
            new EmplacementStep.Input(
                sites().subList(0, 1), Set.of(), ARRIVAL_S, noLayers, List.of(travel1(false)), 10));
    assertThat(o.dropped().get(0).reason())
        .isEqualTo(
            "no unit has a team that can do it (the catalog names engineer_section,"
                + " mechanical_minelayer)");
    EmplacementStep.Outcome offRoad =
        EmplacementStep.run(
            new EmplacementStep.Input(
                sites().subList(0, 1), Set.of(), ARRIVAL_S, forces(), List.of(travel1(true)), 10));
    assertThat(offRoad.dropped().get(0).reason()).isEqualTo("no road within 3000 m of the site");
    Forces empty =
        new Forces(
            "empty",
            List.of(new Forces.Depot("depot", "Depot", 0, 0, Map.of("at_mines", 500.0))),
            forces().units());
    EmplacementStep.Outcome short_ =
        EmplacementStep.run(
            new EmplacementStep.Input(
                sites().subList(0, 1), Set.of(), ARRIVAL_S, empty, List.of(travel1(false)), 10));
    assertThat(short_.dropped().get(0).reason())
        .isEqualTo("no depot holds its stock (at_mines: 2000)");
  }

  /** One site (near), 1 h from the depot; units 1 h and 2 h from it. */
  static EmplacementStep.Travel travel1(boolean offRoad) {
    return new EmplacementStep.Travel(
        new double[][] {{Double.POSITIVE_INFINITY}, {Double.POSITIVE_INFINITY}},
        new double[][] {{H}, {2 * H}},
        new double[][] {{H}},
        new boolean[] {offRoad});
  }

  @Test
  void aSiteTheAttackerNeverReachesKeepsItsOptionsOutsideTheRows() {
    double[] never = {Double.POSITIVE_INFINITY, 5 * H, 3 * H, 3.5 * H};
    EmplacementStep.Outcome o =
        EmplacementStep.run(
            new EmplacementStep.Input(sites(), Set.of(), never, forces(), List.of(travel(9)), 10));
    assertThat(types(o, 0)).containsExactly("at_ditch", "at_minefield");
    assertThat(o.rows()).noneMatch(r -> r.teamTypes().contains("mechanical_minelayer"));
  }

  @Test
  void arrivalsAreTheNoPlanTimesToTheSitesGatesOverTheCases() {
    // the site's gate is entered 1000, 1200, 800, 900 s after the start line in the four cases
    // (toward the first target; a case's graphs share their start arcs); site 1 has no gate
    double[] a = SiteArrivals.earliest_s(ModelFactoryTest.each(ModelFactoryTest.ARCS), 2);
    assertThat(a).containsExactly(800, Double.POSITIVE_INFINITY);
  }

  @Test
  void theModelGetsTheCapacityRowsAndWithoutThemIsTheOldModel() {
    CorridorGraphs g = ModelFactoryTest.each(ModelFactoryTest.ARCS);
    Sites sites =
        Sites.of(List.of(PipelineStepsTest.candidate("s0", "at_ditch", "at_minefield")), CATALOG);
    BarrierOptimizer.SiteEdits none =
        new BarrierOptimizer.SiteEdits(List.of(), Map.of(), Set.of(), List.of());
    OptimizeOptions opt = OptimizeOptions.defaults();
    BarrierModel old = ModelStep.build(sites, g, none, opt, List.of()).model();
    BarrierModel off = ModelStep.build(sites, g, none, opt, List.of(), List.of()).model();
    assertThat(off.options()).isEqualTo(old.options());
    assertThat(off.budgets()).hasSameSizeAs(old.budgets());
    for (int b = 0; b < old.budgets().size(); b++) {
      assertThat(off.budgets().get(b).name()).isEqualTo(old.budgets().get(b).name());
      assertThat(off.budgets().get(b).coefficient()).isEqualTo(old.budgets().get(b).coefficient());
      assertThat(off.budgets().get(b).limit()).isEqualTo(old.budgets().get(b).limit());
    }
    ModelFactory.WorkRow row =
        new ModelFactory.WorkRow(
            "emplacement mechanical_minelayer by 15.0 h",
            "mechanical_minelayer",
            15,
            540,
            Map.of(0, Map.of("at_minefield", 360L)));
    BarrierModel on = ModelStep.build(sites, g, none, opt, List.of(), List.of(row)).model();
    BarrierModel.Budget added = on.budgets().get(on.budgets().size() - 1);
    assertThat(added.name()).isEqualTo(row.name());
    assertThat(added.limit()).isEqualTo(540);
    long[] expected = new long[on.options().size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = on.options().get(i).type().equals("at_minefield") ? 360 : 0;
    }
    assertThat(added.coefficient()).isEqualTo(expected);
  }
}
