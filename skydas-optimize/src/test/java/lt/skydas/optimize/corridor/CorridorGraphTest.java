package lt.skydas.optimize.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The corridor graph is the full model contracted onto the sites: with one-cell gates and a link
 * range covering the region, its attacker time under any plan equals the full model's, toward each
 * objective and toward the nearest.
 */
class CorridorGraphTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();

  record World(
      SyntheticRegion reg,
      AssessmentRegion region,
      List<SiteTypes> sites,
      Objective goal,
      List<Objective> objectives) {}

  static World world(long seed) {
    Random r = new Random(seed);
    SyntheticRegion reg = new SyntheticRegion(40, 24);
    for (int k = 0; k < 3; k++) {
      int col = 5 + r.nextInt(30);
      int r0 = r.nextInt(12);
      reg.column(col, r0, r0 + 3 + r.nextInt(8), SyntheticRegion.FOREST);
    }
    double row = 2.5 + r.nextInt(19);
    reg.road(0.5, row, 39.5, row, "PRIMARY", false);
    AssessmentRegion region = reg.build();
    List<SiteTypes> sites = new ArrayList<>();
    List<ObstacleType> lineTypes =
        List.of(type("at_ditch"), type("dragons_teeth"), type("at_minefield"));
    for (int col : new int[] {10, 24}) {
      for (int r0 = 0; r0 < 24; r0 += 6) {
        if (r.nextInt(4) == 0) {
          continue; // a gap in the belt
        }
        Geometry line =
            GF.createLineString(
                new Coordinate[] {
                  new Coordinate(reg.x(col + 0.5), reg.y(r0 + 0.5)),
                  new Coordinate(reg.x(col + 0.5), reg.y(r0 + 5.5))
                });
        sites.add(new SiteTypes("c" + col + "-" + r0, line, lineTypes));
      }
    }
    Geometry point = GF.createPoint(new Coordinate(reg.x(17.5), reg.y(row)));
    sites.add(new SiteTypes("road", point, List.of(type("road_control_point"))));
    Objective goal =
        new Objective("goal", "Goal", GF.createPoint(new Coordinate(reg.x(37.5), reg.y(12))), 150);
    // behind both belts, but off to one side; and between the belts, next to the road
    Objective north =
        new Objective(
            "north", "North", GF.createPoint(new Coordinate(reg.x(30.5), reg.y(2.5))), 120);
    Objective middle =
        new Objective(
            "middle", "Middle", GF.createPoint(new Coordinate(reg.x(17.5), reg.y(20.5))), 0);
    return new World(reg, region, sites, goal, List.of(goal, north, middle));
  }

  static ObstacleType type(String id) {
    return CATALOG.findType(id).orElseThrow();
  }

  @Test
  void perObjectiveGraphTimesEqualFullModelTimesForRandomPlans() {
    List<CorridorGraphs.Case> cases =
        List.of(
            new CorridorGraphs.Case(VehicleClass.TRACKED, Season.WET),
            new CorridorGraphs.Case(VehicleClass.DISMOUNTED, Season.DRY));
    int compared = 0;
    for (long seed = 1; seed <= 4; seed++) {
      World w = world(seed);
      CorridorGraphBuilder b =
          new CorridorGraphBuilder(
              w.region(), w.objectives(), SpeedTable.defaults(), Progress.NONE);
      List<Gate> gates = b.locate(w.sites(), 50);
      CorridorGraphs each = b.build(gates, cases, ObjectiveMode.EACH, 100_000, 0, 2, Progress.NONE);
      CorridorGraphs nearest =
          b.build(gates, cases, ObjectiveMode.NEAREST, 100_000, 0, 2, Progress.NONE);
      assertThat(each.targets())
          .extracting(CorridorGraphs.Target::id)
          .containsExactly("goal", "north", "middle");
      assertThat(nearest.targets()).hasSize(1);
      assertThat(nearest.targets().get(0).objectiveIds())
          .containsExactly("goal", "north", "middle");
      for (int k = 0; k < cases.size(); k++) {
        // the graphs of one case differ only in the arcs into the sink
        for (int t = 1; t < each.targets().size(); t++) {
          assertThat(arcsNotIntoSink(each.graph(k, t)))
              .as("seed %d case %d target %d", seed, k, t)
              .isEqualTo(arcsNotIntoSink(each.graph(k, 0)));
        }
        assertThat(arcsNotIntoSink(nearest.graph(k, 0)))
            .isEqualTo(arcsNotIntoSink(each.graph(k, 0)));
        assertThat(each.baseline_s()[k]).as("objectives are apart").doesNotHaveDuplicates();
        assertThat(nearest.baseline_s()[k][0])
            .isEqualTo(Arrays.stream(each.baseline_s()[k]).min().orElseThrow());
      }
      Assessor assessor = new Assessor(w.region(), w.objectives(), Progress.NONE);
      Random r = new Random(seed * 17);
      for (int trial = 0; trial < 3; trial++) {
        int[] choice = randomChoice(w, r);
        BarrierPlan plan = planOf(w, choice);
        for (int k = 0; k < cases.size(); k++) {
          CorridorGraphs.Case c = cases.get(k);
          AssessmentResult.Case res =
              assessor.assess(plan, options(c), Progress.NONE).cases().get(0);
          double nearestFull = Double.POSITIVE_INFINITY;
          for (int t = 0; t < each.targets().size(); t++) {
            AssessmentResult.ObjectiveTime ot = res.time(each.targets().get(t).id());
            double graph = shortest(each.graph(k, t), w.sites(), choice, c.vehicle());
            assertThat(graph)
                .as("seed %d trial %d case %s objective %d", seed, trial, c.name(), t)
                .isCloseTo(ot.plan_s(), org.assertj.core.data.Offset.offset(1e-6 * ot.plan_s()));
            assertThat(each.baseline_s()[k][t])
                .as("seed %d baseline %s objective %d", seed, c.name(), t)
                .isCloseTo(ot.baseline_s(), org.assertj.core.data.Offset.offset(1e-6));
            nearestFull = Math.min(nearestFull, ot.plan_s());
            compared++;
          }
          assertThat(shortest(nearest.graph(k, 0), w.sites(), choice, c.vehicle()))
              .isCloseTo(nearestFull, org.assertj.core.data.Offset.offset(1e-6 * nearestFull));
        }
      }
    }
    assertThat(compared).isEqualTo(4 * 3 * 2 * 3);
  }

  /** The graph's arcs not into its sink, one string each, sorted. */
  static List<String> arcsNotIntoSink(GateGraph g) {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < g.arcCount(); a++) {
      if (g.head(a) != g.sink()) {
        out.add(
            g.tail(a) + ">" + g.head(a) + ":" + g.length_s(a) + ":" + g.site(a) + ":" + g.kind(a));
      }
    }
    out.sort(null);
    return out;
  }

  static int[] randomChoice(World w, Random r) {
    return randomChoice(w.sites(), r);
  }

  static int[] randomChoice(List<SiteTypes> sites, Random r) {
    int[] choice = new int[sites.size()];
    for (int s = 0; s < choice.length; s++) {
      choice[s] = r.nextInt(sites.get(s).types().size() + 1) - 1;
    }
    return choice;
  }

  static BarrierPlan planOf(World w, int[] choice) {
    return planOf(w.sites(), choice);
  }

  static BarrierPlan planOf(List<SiteTypes> sites, int[] choice) {
    List<Obstacle> obs = new ArrayList<>();
    for (int s = 0; s < choice.length; s++) {
      if (choice[s] >= 0) {
        ObstacleType t = sites.get(s).types().get(choice[s]);
        obs.add(new Obstacle("o" + s, t.name(), t, null, sites.get(s).geometry_lks94(), 0));
      }
    }
    return new BarrierPlan("test", "test", PlanPolicy.DEFAULT, obs);
  }

  static AssessmentOptions options(CorridorGraphs.Case c) {
    return new AssessmentOptions(
        List.of(c.vehicle()),
        List.of(c.season()),
        SpeedTable.defaults(),
        0,
        1.5,
        3000,
        AssessmentOptions.Marginal.NONE,
        1,
        10);
  }

  @Test
  void aControlPointAndALineOnOneRoadCountInSeries() {
    // the road crossing of the first belt also gets a control point of its own: both cut the same
    // road edges, and the full model charges both delays there
    int compared = 0;
    for (long seed = 1; seed <= 6; seed++) {
      World w0 = world(seed);
      double row =
          w0.sites().stream()
              .filter(s -> s.id().equals("road"))
              .findFirst()
              .orElseThrow()
              .geometry_lks94()
              .getCoordinate()
              .y;
      List<SiteTypes> sites = new ArrayList<>(w0.sites());
      sites.add(
          new SiteTypes(
              "road-at-belt",
              GF.createPoint(new Coordinate(w0.reg().x(10.5), row)),
              List.of(type("road_control_point"))));
      CorridorGraphs.Case c = new CorridorGraphs.Case(VehicleClass.WHEELED, Season.DRY);
      CorridorGraphBuilder b =
          new CorridorGraphBuilder(
              w0.region(), List.of(w0.goal()), SpeedTable.defaults(), Progress.NONE);
      CorridorGraphs graphs =
          b.build(
              b.locate(sites, 50), List.of(c), ObjectiveMode.NEAREST, 100_000, 0, 2, Progress.NONE);
      Assessor assessor = new Assessor(w0.region(), List.of(w0.goal()), Progress.NONE);
      Random r = new Random(seed * 17);
      for (int trial = 0; trial < 4; trial++) {
        int[] choice = randomChoice(sites, r);
        if (trial == 0) {
          // both control points built (the belt's line across the road is drawn at random)
          choice[sites.size() - 1] = 0;
          choice[sites.size() - 2] = 0;
        }
        AssessmentResult.ObjectiveTime ot =
            assessor
                .assess(planOf(sites, choice), options(c), Progress.NONE)
                .cases()
                .get(0)
                .times()
                .get(0);
        double graph = shortest(graphs.graph(0, 0), sites, choice, c.vehicle());
        assertThat(graph)
            .as("seed %d trial %d", seed, trial)
            .isCloseTo(ot.plan_s(), org.assertj.core.data.Offset.offset(1e-6 * ot.plan_s()));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(24);
  }

  @Test
  void graphTimeEqualsFullModelTimeForRandomPlans() {
    List<CorridorGraphs.Case> cases =
        List.of(
            new CorridorGraphs.Case(VehicleClass.TRACKED, Season.DRY),
            new CorridorGraphs.Case(VehicleClass.WHEELED, Season.WET),
            new CorridorGraphs.Case(VehicleClass.DISMOUNTED, Season.FROZEN));
    int compared = 0;
    for (long seed = 1; seed <= 6; seed++) {
      World w = world(seed);
      CorridorGraphBuilder b =
          new CorridorGraphBuilder(
              w.region(), List.of(w.goal()), SpeedTable.defaults(), Progress.NONE);
      List<Gate> gates = b.locate(w.sites(), 50);
      CorridorGraphs graphs =
          b.build(gates, cases, ObjectiveMode.NEAREST, 100_000, 0, 2, Progress.NONE);
      Assessor assessor = new Assessor(w.region(), List.of(w.goal()), Progress.NONE);
      Random r = new Random(seed * 31);
      for (int trial = 0; trial < 4; trial++) {
        int[] choice = randomChoice(w, r);
        BarrierPlan plan = planOf(w, choice);
        for (int k = 0; k < cases.size(); k++) {
          CorridorGraphs.Case c = cases.get(k);
          AssessmentOptions opt = options(c);
          AssessmentResult res = assessor.assess(plan, opt, Progress.NONE);
          AssessmentResult.ObjectiveTime ot = res.cases().get(0).times().get(0);
          double graph = shortest(graphs.graph(k, 0), w.sites(), choice, c.vehicle());
          assertThat(graph)
              .as("seed %d trial %d case %s", seed, trial, c.name())
              .isCloseTo(ot.plan_s(), org.assertj.core.data.Offset.offset(1e-6 * ot.plan_s()));
          assertThat(graphs.baseline_s()[k][0])
              .as("seed %d baseline %s", seed, c.name())
              .isCloseTo(ot.baseline_s(), org.assertj.core.data.Offset.offset(1e-6));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(6 * 4 * 3);
  }

  @Test
  void longGatesAreCutIntoChunksAndAShortLinkRangeOnlyDropsArcs() {
    World w = world(3);
    CorridorGraphBuilder b =
        new CorridorGraphBuilder(
            w.region(), List.of(w.goal()), SpeedTable.defaults(), Progress.NONE);
    List<Gate> fine = b.locate(w.sites(), 50);
    List<Gate> coarse = b.locate(w.sites(), 10_000);
    assertThat(fine.size()).isGreaterThan(coarse.size());
    for (Gate g : coarse) {
      int members =
          fine.stream()
              .filter(f -> f.site() == g.site() && f.kind() == g.kind())
              .mapToInt(f -> f.nodes().length)
              .sum();
      assertThat(members).as("gate of site %d", g.site()).isEqualTo(g.nodes().length);
    }
    List<CorridorGraphs.Case> one =
        List.of(new CorridorGraphs.Case(VehicleClass.TRACKED, Season.DRY));
    GateGraph wide =
        b.build(fine, one, ObjectiveMode.NEAREST, 100_000, 0, 1, Progress.NONE).graph(0, 0);
    GateGraph narrow =
        b.build(fine, one, ObjectiveMode.NEAREST, 300, 0, 1, Progress.NONE).graph(0, 0);
    assertThat(narrow.arcCount()).isLessThan(wide.arcCount());
    int[] none = new int[w.sites().size()];
    Arrays.fill(none, -1);
    // fewer arcs can only make the attacker slower
    assertThat(shortest(narrow, w.sites(), none, VehicleClass.TRACKED))
        .isGreaterThanOrEqualTo(shortest(wide, w.sites(), none, VehicleClass.TRACKED) - 1e-9);
  }

  /**
   * A line site along the attacker's way (a belt that runs toward the objective, as along the LT–PL
   * border toward Suwałki). With gates of 2 km a dismounted attacker entered a gate at one end and
   * left it at the other for free: the graph was faster than the full model (a walk of 31 cells for
   * nothing) and promised delay for a ditch the full model's attacker simply walks beside. Each
   * slow case now cuts the gates to two-cell hubs, where moving inside a gate is never free: graph
   * and full model agree, without and with the ditch.
   */
  @Test
  void aDismountedAttackerCannotRideALineSiteFasterThanHeWalksBesideIt() {
    SyntheticRegion reg = new SyntheticRegion(40, 24);
    AssessmentRegion region = reg.build();
    Geometry line =
        GF.createLineString(
            new Coordinate[] {
              new Coordinate(reg.x(3.5), reg.y(12.5)), new Coordinate(reg.x(33.5), reg.y(12.5))
            });
    List<SiteTypes> sites = List.of(new SiteTypes("along", line, List.of(type("at_ditch"))));
    Objective goal =
        new Objective(
            "goal", "Goal", GF.createPoint(new Coordinate(reg.x(37.5), reg.y(12.5))), 150);
    List<CorridorGraphs.Case> cases =
        List.of(
            new CorridorGraphs.Case(VehicleClass.DISMOUNTED, Season.DRY),
            new CorridorGraphs.Case(VehicleClass.DISMOUNTED, Season.FROZEN));
    CorridorGraphBuilder b =
        new CorridorGraphBuilder(region, List.of(goal), SpeedTable.defaults(), Progress.NONE);
    // the production chunk: 2 km, the whole line in two gates
    CorridorGraphs graphs =
        b.build(b.locate(sites, 2000), cases, ObjectiveMode.NEAREST, 100_000, 0, 2, Progress.NONE);
    Assessor assessor = new Assessor(region, List.of(goal), Progress.NONE);
    for (int[] choice : List.of(new int[] {-1}, new int[] {0})) {
      for (int k = 0; k < cases.size(); k++) {
        CorridorGraphs.Case c = cases.get(k);
        double full =
            assessor
                .assess(planOf(sites, choice), options(c), Progress.NONE)
                .cases()
                .get(0)
                .times()
                .get(0)
                .plan_s();
        assertThat(shortest(graphs.graph(k, 0), sites, choice, c.vehicle()))
            .as("%s, ditch %s", c.name(), choice[0] >= 0)
            .isCloseTo(full, org.assertj.core.data.Offset.offset(1e-6 * full));
      }
    }
  }

  /**
   * Each case cuts the located gates to its span (240 s at its fastest off-road speed; slow cases
   * two-cell hubs): every cell gate fits the span, and the cells and sites are those located.
   */
  @Test
  void eachCaseCutsTheGatesToItsSpan() {
    World w = world(3);
    CorridorGraphBuilder b =
        new CorridorGraphBuilder(
            w.region(), List.of(w.goal()), SpeedTable.defaults(), Progress.NONE);
    List<Gate> located = b.locate(w.sites(), 10_000);
    record Expected(CorridorGraphs.Case c, double span_m, boolean hubs) {}
    List<Expected> expected =
        List.of(
            // 30 km/h on open ground: 240 s is 2 km
            new Expected(new CorridorGraphs.Case(VehicleClass.TRACKED, Season.DRY), 2000, false),
            // wet: 10 km/h on open ground, but 15 km/h through built-up areas: 1 km
            new Expected(new CorridorGraphs.Case(VehicleClass.WHEELED, Season.WET), 1000, false),
            // 4 km/h: 267 m, under 3 cells of 100 m: two-cell hubs
            new Expected(new CorridorGraphs.Case(VehicleClass.DISMOUNTED, Season.DRY), 200, true));
    int width = w.region().grid().width();
    for (Expected e : expected) {
      assertThat(b.span_m(e.c())).as(e.c().name()).isCloseTo(e.span_m(), offset(1e-9));
      assertThat(b.hubs(e.c())).as(e.c().name()).isEqualTo(e.hubs());
      List<Gate> cut = b.gatesFor(located, e.c());
      // the belts' lines are 600 m long: only the dismounted troops' span cuts them
      assertThat(cut.size() > located.size()).as(e.c().name()).isEqualTo(e.hubs());
      List<String> before = new ArrayList<>();
      List<String> after = new ArrayList<>();
      for (Gate g : located) {
        for (int m : g.nodes()) {
          before.add(g.site() + ":" + g.kind() + ":" + m);
        }
      }
      for (Gate g : cut) {
        int minR = Integer.MAX_VALUE;
        int maxR = -1;
        int minC = Integer.MAX_VALUE;
        int maxC = -1;
        for (int m : g.nodes()) {
          after.add(g.site() + ":" + g.kind() + ":" + m);
          minR = Math.min(minR, m / width);
          maxR = Math.max(maxR, m / width);
          minC = Math.min(minC, m % width);
          maxC = Math.max(maxC, m % width);
        }
        if (g.kind() == GateGraph.CELL_GATE) {
          assertThat((Math.max(maxR - minR, maxC - minC) + 1) * 100.0)
              .as("%s gate of site %d", e.c().name(), g.site())
              .isLessThanOrEqualTo(e.span_m());
        }
      }
      before.sort(null);
      after.sort(null);
      assertThat(after).as(e.c().name()).isEqualTo(before);
    }
  }

  /** Plain Dijkstra over the gate graph with the chosen type's delay on each gate arc. */
  static double shortest(GateGraph g, List<SiteTypes> sites, int[] choice, VehicleClass v) {
    double[] d = new double[g.nodeCount()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[g.source()] = 0;
    PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    q.add(new double[] {0, g.source()});
    while (!q.isEmpty()) {
      double[] top = q.poll();
      int u = (int) top[1];
      if (top[0] > d[u]) {
        continue;
      }
      for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
        double len = g.length_s(a);
        int s = g.site(a);
        if (s >= 0 && choice[s] >= 0) {
          ObstacleType t = sites.get(s).types().get(choice[s]);
          len +=
              g.kind(a) == GateGraph.CELL_GATE
                  ? t.crossingDelay_s(v)
                  : (t.blocksRoads() ? t.roadDelay_s(v) : 0);
        }
        if (d[u] + len < d[g.head(a)]) {
          d[g.head(a)] = d[u] + len;
          q.add(new double[] {d[g.head(a)], g.head(a)});
        }
      }
    }
    return d[g.sink()];
  }
}
