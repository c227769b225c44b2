package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lt.skydas.assess.ReinforcementRoute;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.optimize.corridor.CorridorGraphBuilder;
import lt.skydas.optimize.corridor.CorridorGraphs;

/**
 * The friendly routes as the minimum corridor margin sees them ({@link MarginStep}): per route the
 * convoy's fastest path in each season of the cases, on the graph region's network, as one sink
 * (the union of the seasons' paths: the attacker cuts the route by reaching any node a convoy would
 * use, so the floor never counts on a path the convoy might leave) and its transit per case.
 */
final class MarginRoutes {
  private MarginRoutes() {}

  /**
   * @param sinks one per route with a path, for {@link CorridorGraphBuilder#build}
   * @param routes the same routes with their transit per case
   */
  record Routes(List<CorridorGraphBuilder.RouteSink> sinks, List<MarginStep.Route> routes) {
    Routes {
      sinks = List.copyOf(sinks);
      routes = List.copyOf(routes);
    }

    static Routes none() {
      return new Routes(List.of(), List.of());
    }
  }

  /**
   * The region's routes located for {@code cases}.
   *
   * @throws SkydasProblem USAGE when the region has no friendly route whose both ends lie in it
   */
  static Routes locate(CorridorGraphBuilder builder, List<CorridorGraphs.Case> cases) {
    List<CorridorGraphBuilder.RouteSink> sinks = new ArrayList<>();
    List<MarginStep.Route> routes = new ArrayList<>();
    for (ReinforcementRoute r : ReinforcementRoute.of(builder.region().definition())) {
      Map<Season, CorridorGraphBuilder.RouteLine> bySeason = new EnumMap<>(Season.class);
      TreeSet<Integer> nodes = new TreeSet<>();
      for (CorridorGraphs.Case c : cases) {
        CorridorGraphBuilder.RouteLine l =
            bySeason.computeIfAbsent(c.season(), s -> builder.routeLine(r.from(), r.to(), s));
        for (int n : l.nodes()) {
          nodes.add(n);
        }
      }
      if (nodes.isEmpty()) {
        continue; // its ends are not in the region, or not joined
      }
      double[] transit = new double[cases.size()];
      for (int k = 0; k < cases.size(); k++) {
        transit[k] = bySeason.get(cases.get(k).season()).transit_s();
      }
      sinks.add(
          new CorridorGraphBuilder.RouteSink(
              r.id(), r.name(), nodes.stream().mapToInt(Integer::intValue).toArray()));
      routes.add(new MarginStep.Route(r.id(), r.name(), transit));
    }
    if (routes.isEmpty()) {
      throw OptionProblems.invalid(
          ProblemCode.USAGE,
          "min_corridor_margin_h",
          "needs a friendly route in the region (its file's friendly_routes), and region "
              + builder.region().definition().name()
              + " has none whose both ends lie in it");
    }
    return new Routes(sinks, routes);
  }
}
