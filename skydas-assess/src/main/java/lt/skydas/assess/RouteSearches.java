package lt.skydas.assess;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityCosts;

/**
 * The friendly reinforcement routes' searches of an {@link Assessor}: a wheeled convoy's transit
 * time and fastest path per route and season, without and with the plan's obstacles (for the report
 * and the corridor race), or with edge costs given (dual-use works). Uses the calling thread's
 * searches of the assessor; immutable otherwise.
 */
final class RouteSearches {
  private final Assessor a;
  private final List<ReinforcementRoute> routes;
  private final List<int[]> from;
  private final List<int[]> to;

  /** The region definition's routes whose both ends cover a node of {@code a}'s network. */
  RouteSearches(Assessor a) {
    this.a = a;
    List<ReinforcementRoute> rs = new ArrayList<>();
    List<int[]> f = new ArrayList<>();
    List<int[]> t = new ArrayList<>();
    AssessmentRegion region = a.region();
    for (ReinforcementRoute r : ReinforcementRoute.of(region.definition())) {
      int[] from = ObjectiveNodes.of(region.grid(), region.landCover(), a.network(), r.from());
      int[] to = ObjectiveNodes.of(region.grid(), region.landCover(), a.network(), r.to());
      if (from.length > 0 && to.length > 0) {
        rs.add(r);
        f.add(from);
        t.add(to);
      }
    }
    this.routes = List.copyOf(rs);
    this.from = List.copyOf(f);
    this.to = List.copyOf(t);
  }

  /** The routes found in the region (both ends on the network), in the definition's order. */
  List<ReinforcementRoute> routes() {
    return routes;
  }

  /** The routes' times in one season and their fastest paths (for the corridor race). */
  record RouteRun(List<AssessmentResult.RouteTime> times, List<CorridorRace.RoutePath> paths) {}

  /** A wheeled convoy's cost per network edge in season {@code s} (s), nothing built. */
  double[] edgeCosts(Season s, SpeedTable speeds) {
    return MobilityCosts.edgeCosts(
        a.network(), friction(s, speeds), speeds, VehicleClass.WHEELED, s);
  }

  private float[] friction(Season s, SpeedTable speeds) {
    AssessmentRegion region = a.region();
    return MobilityCosts.friction(
        region.landCover(), region.landCoverNames(), speeds, VehicleClass.WHEELED, s);
  }

  /** Transit per route with {@code edgeCosts}, s; +Inf where a route is cut. */
  double[] transit(Season s, SpeedTable speeds, double[] edgeCosts) {
    CostDistanceSearch b =
        a.search(
            0,
            Assessor.grid(a.region().grid(), friction(s, speeds), null),
            a.topology().withCosts(edgeCosts));
    double[] out = new double[routes.size()];
    for (int i = 0; i < out.length; i++) {
      b.run(Query.from(from.get(i)).withFirstOfTargets(to.get(i)).withoutPaths());
      out[i] = min(b, to.get(i));
    }
    return out;
  }

  /**
   * Friendly wheeled travel time along each route in season {@code s}, without and with the plan's
   * non-openable obstacles ({@code friendly}), and the fastest paths.
   */
  RouteRun times(Season s, PlanEffects friendly, AssessmentOptions opt) {
    if (routes.isEmpty()) {
      return new RouteRun(List.of(), List.of());
    }
    GridSpec g = a.region().grid();
    VehicleClass v = VehicleClass.WHEELED;
    float[] friction = friction(s, opt.speeds());
    double[] base = MobilityCosts.edgeCosts(a.network(), friction, opt.speeds(), v, s);
    CostDistanceSearch b =
        a.search(0, Assessor.grid(g, friction, null), a.topology().withCosts(base));
    boolean obstructed = !friendly.plan().obstacles().isEmpty();
    CostDistanceSearch p =
        obstructed
            ? a.search(
                1,
                Assessor.grid(g, friction, friendly.penalties(g.cellCount(), v, -1)),
                a.topology().withCosts(friendly.edgeCosts(base, v, -1)))
            : b;
    List<AssessmentResult.RouteTime> out = new ArrayList<>();
    List<CorridorRace.RoutePath> paths = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      ReinforcementRoute r = routes.get(i);
      int[] end = to.get(i);
      b.run(Query.from(from.get(i)).withFirstOfTargets(end));
      double t0 = min(b, end);
      int[] basePath = pathTo(b, end);
      double t1 = t0;
      int[] planPath = basePath;
      if (obstructed) {
        p.run(Query.from(from.get(i)).withFirstOfTargets(end));
        t1 = min(p, end);
        planPath = pathTo(p, end);
      }
      out.add(
          new AssessmentResult.RouteTime(r.id(), r.name(), s, t0, t1, opt.reinforcementLimitPct()));
      paths.add(new CorridorRace.RoutePath(i, s, t0, t1, basePath, planPath));
    }
    return new RouteRun(out, paths);
  }

  /** The path to the cheapest of {@code targets} (empty when none was reached). */
  private static int[] pathTo(CostDistanceSearch s, int[] targets) {
    int best = -1;
    for (int n : targets) {
      if (Double.isFinite(s.cost(n)) && (best < 0 || s.cost(n) < s.cost(best))) {
        best = n;
      }
    }
    return best < 0 ? new int[0] : s.path(best);
  }

  private static double min(CostDistanceSearch s, int[] nodes) {
    double best = Double.POSITIVE_INFINITY;
    for (int n : nodes) {
      best = Math.min(best, s.cost(n));
    }
    return best;
  }
}
