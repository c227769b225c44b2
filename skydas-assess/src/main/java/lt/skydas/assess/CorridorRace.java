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
   * one first-of-targets search per side and route in the attacker's search without the plan
   * ({@code base}) and, with a plan, in its search with it ({@code plan}). The suppliers hand out
   * the calling thread's search set up for each.
   */
  List<RaceTime> run(
      VehicleClass v,
      Season season,
      List<RoutePath> paths,
      List<ReinforcementRoute> routes,
      java.util.function.Supplier<CostDistanceSearch> base,
      java.util.function.Supplier<CostDistanceSearch> plan,
      boolean hasPlan) {
    List<RaceTime> out = new ArrayList<>();
    for (RoutePath rp : paths) {
      if (rp.season() != season || rp.baseNodes().length == 0) {
        continue;
      }
      ReinforcementRoute r = routes.get(rp.route());
      for (Map.Entry<String, int[]> side : sides.entrySet()) {
        double cutBase = cut(base.get(), side.getValue(), rp.baseNodes());
        double cutPlan =
            !hasPlan && rp.planNodes() == rp.baseNodes()
                ? cutBase
                : cut(plan.get(), side.getValue(), rp.planNodes());
        out.add(
            new RaceTime(
                r.id(),
                r.name(),
                side.getKey(),
                v,
                season,
                rp.transitBase_s(),
                rp.transitPlan_s(),
                cutBase,
                cutPlan));
      }
    }
    return out;
  }

  /** The attacker's earliest arrival from {@code sources} at any of {@code path}, +Inf if never. */
  static double cut(CostDistanceSearch s, int[] sources, int[] path) {
    if (path.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    s.run(Query.from(sources).withFirstOfTargets(path).withoutPaths());
    double best = Double.POSITIVE_INFINITY;
    for (int n : path) {
      best = Math.min(best, s.cost(n));
    }
    return best;
  }
}
