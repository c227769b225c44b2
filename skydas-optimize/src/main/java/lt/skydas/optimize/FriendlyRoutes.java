package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.assess.ReinforcementRoute;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.corridor.CorridorGraphBuilder;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.optimize.corridor.CorridorGraphs;
import lt.skydas.optimize.corridor.Gate;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;

/**
 * Pipeline step "restrict friendly routes": a site on the fastest unobstructed path of a friendly
 * reinforcement route of the region ({@link ReinforcementRoute#of}) may only take obstacles that
 * open for friendly traffic ({@link ObstacleType#openable()}: control points, prepared
 * demolitions), so the route limit holds by construction; the verification on the full model checks
 * it again.
 */
final class FriendlyRoutes {
  /** The classes friendly reinforcements travel in: convoys of tracked and wheeled vehicles. */
  static final List<VehicleClass> ROUTE_CLASSES =
      List.of(VehicleClass.TRACKED, VehicleClass.WHEELED);

  /** The season the routes are located in (the fastest, where the paths follow the roads). */
  static final Season ROUTE_SEASON = Season.DRY;

  private FriendlyRoutes() {}

  /**
   * The sites restricted to openable types, and a note when there are any.
   *
   * @param sites all sites, with their types after the restriction
   * @param onRoutes site numbers on a route (ascending)
   * @param notes what the restriction did (empty or one line)
   */
  record Restricted(Sites sites, Set<Integer> onRoutes, List<String> notes) {
    Restricted {
      onRoutes = Set.copyOf(onRoutes);
      notes = List.copyOf(notes);
    }
  }

  /** The sites whose gates lie on a friendly route, located on the graph region's model. */
  static Set<Integer> sitesOnRoutes(CorridorGraphBuilder builder, List<Gate> gates) {
    Set<Integer> onRoutes = new TreeSet<>();
    for (ReinforcementRoute r : ReinforcementRoute.of(builder.region().definition())) {
      for (VehicleClass v : ROUTE_CLASSES) {
        onRoutes.addAll(
            builder.sitesOnRoute(
                gates, r.from(), r.to(), new CorridorGraphs.Case(v, ROUTE_SEASON)));
      }
    }
    return onRoutes;
  }

  /**
   * Offers only openable types at the sites on a route, except where an obstacle already stands
   * (the routes are measured with it).
   *
   * @throws SkydasProblem {@link ProblemCode#INFEASIBLE} if a pin puts an obstacle that does not
   *     open on a route
   */
  static Restricted restrict(
      Sites sites, Set<Integer> onRoutes, SiteEdits edits, ObstacleCatalog catalog) {
    List<SiteTypes> list = new ArrayList<>(sites.list());
    for (int s : new TreeSet<>(onRoutes)) {
      SiteTypes st = list.get(s);
      if (edits.existing().contains(st.id())) {
        continue; // it stands already: the routes are measured with it
      }
      String pin = edits.pinned().get(st.id());
      if (pin != null && !catalog.findType(pin).orElseThrow().openable()) {
        throw new SkydasProblem(
            ProblemCode.INFEASIBLE,
            "pinned "
                + pin
                + " at "
                + st.id()
                + " stands on a friendly reinforcement route: only obstacles that open for"
                + " friendly traffic (control points, prepared demolitions) may stand there");
      }
      List<ObstacleType> open = st.types().stream().filter(ObstacleType::openable).toList();
      list.set(s, new SiteTypes(st.id(), st.geometry_lks94(), open));
    }
    List<String> notes = new ArrayList<>();
    if (!onRoutes.isEmpty()) {
      notes.add(
          onRoutes.size()
              + " sites lie on a friendly reinforcement route: only openable obstacles offered"
              + " there");
    }
    return new Restricted(new Sites(list, sites.indexById()), onRoutes, notes);
  }
}
