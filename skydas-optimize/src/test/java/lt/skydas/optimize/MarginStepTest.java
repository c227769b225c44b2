package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.model.GateGraph;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The minimum corridor margin's covering problem against an enumeration of every plan on random
 * lane graphs (seeds in the failure message), and its refusals.
 */
class MarginStepTest {
  private static final ObstacleCatalog CAT = ObstacleCatalog.defaults();
  private static final List<String> TYPES = List.of("at_ditch", "dragons_teeth", "drainage_ditch");
  private static final CorridorGraphs.Case CASE =
      new CorridorGraphs.Case(VehicleClass.TRACKED, Season.DRY);

  /** A site: a 1 km line (its cost per km), taking some of {@link #TYPES}. */
  private static SiteTypes site(int i, List<String> types) {
    var gf = new GeometryFactory();
    var line =
        gf.createLineString(
            new Coordinate[] {
              new Coordinate(500000, 6100000 + i * 10), new Coordinate(501000, 6100000 + i * 10)
            });
    return new SiteTypes(
        "s" + i, line, types.stream().map(t -> CAT.findType(t).orElseThrow()).toList());
  }

  private static OptimizeOptions options(double budget) {
    return OptimizeOptions.builder()
        .budget_eur(budget)
        .mineCeiling_eur(budget)
        .years(1)
        .sensors(false)
        .timeLimit_s(20)
        .threads(1)
        .build();
  }

  /** A random graph of 2–4 lanes, each through 1–2 of the sites, and a floor. */
  private record Instance(Sites sites, GateGraph graph, double transit_s, double margin_h) {}

  private static Instance random(long seed) {
    Random rnd = new Random(seed);
    int ns = 2 + rnd.nextInt(3);
    List<SiteTypes> list = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int s = 0; s < ns; s++) {
      List<String> ts = new ArrayList<>(TYPES);
      java.util.Collections.shuffle(ts, rnd);
      list.add(site(s, ts.subList(0, 1 + rnd.nextInt(TYPES.size()))));
      index.put("s" + s, s);
    }
    int lanes = 2 + rnd.nextInt(3);
    // nodes: 0 source, 1 sink, then per lane up to 2 gates (in, out)
    GateGraph.Builder b = new GateGraph.Builder(2 + lanes * 4);
    double shortest = Double.POSITIVE_INFINITY;
    for (int l = 0; l < lanes; l++) {
      int gates = 1 + rnd.nextInt(2);
      int prev = 0;
      double len = 0;
      for (int g = 0; g < gates; g++) {
        int in = 2 + l * 4 + 2 * g;
        double a = 600 + rnd.nextInt(3000);
        b.arc(prev, in, a);
        b.gate(in, in + 1, 0, rnd.nextInt(ns), GateGraph.CELL_GATE);
        prev = in + 1;
        len += a;
      }
      double last = 600 + rnd.nextInt(3000);
      b.arc(prev, 1, last);
      shortest = Math.min(shortest, len + last);
    }
    double transit = 1800 + rnd.nextInt(3600);
    double margin_h = (shortest - transit) / 3600 + 0.2 + rnd.nextDouble() * 2.5;
    return new Instance(new Sites(list, index), b.build(0, 1), transit, margin_h);
  }

  private static CorridorGraphs graphs(GateGraph g) {
    return new CorridorGraphs(
        List.of(),
        List.of(CASE),
        List.of(new CorridorGraphs.Target("route:r", "R", List.of())),
        List.of(List.of(g)),
        new double[][] {{0}},
        List.of(),
        0);
  }

  /** Attacker time with {@code plan} (per site a type or null), by Dijkstra on the lanes. */
  private static double time(GateGraph g, ObstacleType[] plan) {
    double[] d = new double[g.nodeCount()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[g.source()] = 0;
    // lanes are acyclic and node numbers rise along them: relax in node order, source first
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int u = 0; u < g.nodeCount(); u++) {
        if (!Double.isFinite(d[u])) {
          continue;
        }
        for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
          double w = g.length_s(a);
          if (g.site(a) >= 0 && plan[g.site(a)] != null) {
            w += plan[g.site(a)].crossingDelay_s(CASE.vehicle());
          }
          if (d[u] + w < d[g.head(a)] - 1e-9) {
            d[g.head(a)] = d[u] + w;
            changed = true;
          }
        }
      }
    }
    return d[g.sink()];
  }

  /** The least cost of a plan holding the floor, by enumeration; -1 when none does. */
  private static long bruteForce(Instance in, OptimizeOptions opt) {
    int ns = in.sites().size();
    int[] choice = new int[ns];
    long best = -1;
    double floor = in.transit_s() + in.margin_h() * 3600;
    while (true) {
      ObstacleType[] plan = new ObstacleType[ns];
      long cost = 0;
      for (int s = 0; s < ns; s++) {
        if (choice[s] > 0) {
          ObstacleType t = in.sites().get(s).types().get(choice[s] - 1);
          plan[s] = t;
          cost +=
              ModelFactory.budgetCost_eur(
                  new Obstacle("x", "x", t, null, in.sites().get(s).geometry_lks94(), 0),
                  opt.programme());
        }
      }
      if (cost <= opt.programme().spendable_eur()
          && time(in.graph(), plan) >= Math.ceil(floor - 1e-9) - 1e-6
          && (best < 0 || cost < best)) {
        best = cost;
      }
      int s = 0;
      while (s < ns && ++choice[s] > in.sites().get(s).types().size()) {
        choice[s] = 0;
        s++;
      }
      if (s == ns) {
        return best;
      }
    }
  }

  @Test
  void theLeastCostSetHoldingTheMarginEqualsAnEnumerationOfEveryPlan() {
    OptimizeOptions opt = options(1e9);
    int feasible = 0;
    for (long seed = 1; seed <= 60; seed++) {
      Instance in = random(seed);
      long expected = bruteForce(in, opt);
      MarginStep.Route route = new MarginStep.Route("r", "R", new double[] {in.transit_s()});
      if (expected < 0) {
        assertThatThrownBy(
                () ->
                    MarginStep.run(
                        graphs(in.graph()),
                        List.of(route),
                        in.margin_h(),
                        in.sites(),
                        Map.of(),
                        Set.of(),
                        new String[in.sites().size()],
                        opt))
            .as("seed %d", seed)
            .isInstanceOfSatisfying(
                SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.INFEASIBLE));
        continue;
      }
      feasible++;
      MarginStep.Outcome o =
          MarginStep.run(
              graphs(in.graph()),
              List.of(route),
              in.margin_h(),
              in.sites(),
              Map.of(),
              Set.of(),
              new String[in.sites().size()],
              opt);
      assertThat(o.cost_eur()).as("seed %d", seed).isEqualTo(expected);
      assertThat(o.optimal()).as("seed %d", seed).isTrue();
      // the plan it returns holds the floor
      ObstacleType[] plan = new ObstacleType[in.sites().size()];
      o.pins().forEach((id, t) -> plan[in.sites().indexById().get(id)] = CAT.findType(t).get());
      assertThat(time(in.graph(), plan))
          .as("seed %d", seed)
          .isGreaterThanOrEqualTo(in.transit_s() + in.margin_h() * 3600 - 1);
      assertThat(o.rows().get(0).after_s()).as("seed %d", seed).isEqualTo(time(in.graph(), plan));
    }
    assertThat(feasible).as("instances with a plan").isGreaterThan(20);
  }

  @Test
  void aMarginTheBudgetCannotBuyIsInfeasibleNamingTheRoute() {
    Instance in = random(7);
    MarginStep.Route route =
        new MarginStep.Route("via-baltica", "Via Baltica", new double[] {in.transit_s()});
    assertThatThrownBy(
            () ->
                MarginStep.run(
                    graphs(in.graph()),
                    List.of(route),
                    in.margin_h(),
                    in.sites(),
                    Map.of(),
                    Set.of(),
                    new String[in.sites().size()],
                    options(1)))
        .isInstanceOfSatisfying(
            SkydasProblem.class,
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.INFEASIBLE);
              assertThat(p.getMessage())
                  .contains("no plan within the budget holds a corridor margin of")
                  .contains("on route via-baltica (tracked/dry)");
            });
  }

  @Test
  void aMarginAlreadyHeldBuysNothing() {
    Instance in = random(3);
    MarginStep.Route route = new MarginStep.Route("r", "R", new double[] {in.transit_s()});
    MarginStep.Outcome o =
        MarginStep.run(
            graphs(in.graph()),
            List.of(route),
            -24,
            in.sites(),
            Map.of(),
            Set.of(),
            new String[in.sites().size()],
            options(1e9));
    assertThat(o.pins()).isEmpty();
    assertThat(o.cost_eur()).isZero();
    assertThat(o.rounds()).isZero();
  }
}
