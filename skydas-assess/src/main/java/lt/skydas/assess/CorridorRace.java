package lt.skydas.assess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentResult.RaceTime;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The corridor race (issue 16): for each friendly reinforcement route, its friendly transit time
 * against the attacker's time to cut it, from each hostile side separately (Kaliningrad, Belarus),
 * per vehicle class and season, without and with the plan. The route is cut when the attacker
 * reaches any node (cell or road node) of the friendly route's fastest path in that season; both
 * clocks start together (the order to move and the attacker crossing the border), so the margin
 * {@code cut − transit} is how long the corridor stays open after the last convoy is through:
 * negative, the route is cut before a convoy leaving at H-hour arrives.
 *
 * <p>Stateless apart from the start cells per side, computed once per region.
 */
final class CorridorRace {
  /** A route's fastest friendly path in one season, without and with the plan (node ids). */
  record RoutePath(
      int route,
      Season season,
      double transitBase_s,
      double transitPlan_s,
      int[] baseNodes,
      int[] planNodes) {}

  private final Map<String, int[]> sides;

  CorridorRace(AssessmentRegion region) {
    this.sides = sides(region);
  }

  /** The attacker's start cells by the hostile country they lie in (ISO code), region order. */
  Map<String, int[]> sides() {
    return sides;
  }

  /**
   * The start cells grouped by side: each cell goes to the hostile border pair nearest its centre,
   * and so to the country on that pair's far side.
   */
  static Map<String, int[]> sides(AssessmentRegion region) {
    GridSpec g = region.grid();
    List<String> pairs = new ArrayList<>();
    List<IndexedFacetDistance> lines = new ArrayList<>();
    List<String> homes = region.definition().home();
    for (String pair : region.hostileBorders()) {
      Geometry line = region.borders().get(pair);
      if (line != null && !line.isEmpty()) {
        pairs.add(pair);
        lines.add(new IndexedFacetDistance(line));
      }
    }
    Map<String, List<Integer>> by = new LinkedHashMap<>();
    for (String pair : pairs) {
      String[] ab = pair.split("-");
      by.putIfAbsent(homes.contains(ab[0]) ? ab[1] : ab[0], new ArrayList<>());
    }
    GeometryFactory gf = new GeometryFactory();
    for (int cell : region.attackerStartCells()) {
      var p =
          gf.createPoint(new Coordinate(g.centerX(cell % g.width()), g.centerY(cell / g.width())));
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int i = 0; i < lines.size(); i++) {
        double d = lines.get(i).distance(p);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      if (best >= 0) {
        String[] ab = pairs.get(best).split("-");
        by.get(homes.contains(ab[0]) ? ab[1] : ab[0]).add(cell);
      }
    }
    Map<String, int[]> out = new LinkedHashMap<>();
    by.forEach(
        (iso, cells) -> {
          if (!cells.isEmpty()) {
            out.put(iso, cells.stream().mapToInt(Integer::intValue).toArray());
          }
        });
    return out;
  }

  /**
   * The race of class {@code v} in {@code season} on every route of {@code paths} of that season:
   * per side one search that stops once it has reached every route's path (target groups), in the
   * attacker's search without the plan ({@code base}) and, with a plan (or a plan path that
   * differs), in its search with it ({@code plan}). The suppliers hand out the calling thread's
   * search set up for each.
   */
  List<RaceTime> run(
      VehicleClass v,
      Season season,
      List<RoutePath> paths,
      List<ReinforcementRoute> routes,
      java.util.function.Supplier<CostDistanceSearch> base,
      java.util.function.Supplier<CostDistanceSearch> plan,
      boolean hasPlan) {
    List<RoutePath> mine = new ArrayList<>();
    boolean samePaths = true;
    for (RoutePath rp : paths) {
      if (rp.season() == season && rp.baseNodes().length > 0) {
        mine.add(rp);
        samePaths &= rp.planNodes() == rp.baseNodes();
      }
    }
    List<RaceTime> out = new ArrayList<>();
    if (mine.isEmpty()) {
      return out;
    }
    int[][] baseGroups = mine.stream().map(RoutePath::baseNodes).toArray(int[][]::new);
    int[][] planGroups = mine.stream().map(RoutePath::planNodes).toArray(int[][]::new);
    for (Map.Entry<String, int[]> side : sides.entrySet()) {
      double[] cutBase = cuts(base.get(), side.getValue(), baseGroups);
      double[] cutPlan =
          !hasPlan && samePaths ? cutBase : cuts(plan.get(), side.getValue(), planGroups);
      for (int i = 0; i < mine.size(); i++) {
        RoutePath rp = mine.get(i);
        ReinforcementRoute r = routes.get(rp.route());
        out.add(
            new RaceTime(
                r.id(),
                r.name(),
                side.getKey(),
                v,
                season,
                rp.transitBase_s(),
                rp.transitPlan_s(),
                cutBase[i],
                cutPlan[i]));
      }
    }
    // routes first, then sides, as the report lists them
    out.sort(java.util.Comparator.comparingInt(x -> indexOf(routes, x.routeId())));
    return out;
  }

  private static int indexOf(List<ReinforcementRoute> routes, String id) {
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).id().equals(id)) {
        return i;
      }
    }
    return routes.size();
  }

  /**
   * Per group (a route's path), the attacker's earliest arrival from {@code sources} at any of its
   * nodes, +Inf if never: one search that stops when every group is reached.
   */
  static double[] cuts(CostDistanceSearch s, int[] sources, int[][] groups) {
    s.run(Query.from(sources).withTargetGroups(groups).withoutPaths());
    double[] out = new double[groups.length];
    for (int g = 0; g < groups.length; g++) {
      double best = Double.POSITIVE_INFINITY;
      for (int n : groups[g]) {
        best = Math.min(best, s.cost(n));
      }
      out[g] = best;
    }
    return out;
  }
}
