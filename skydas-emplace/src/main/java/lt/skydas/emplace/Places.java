package lt.skydas.emplace;

import java.util.List;
import java.util.function.IntPredicate;
import lt.skydas.assess.FriendlyRoads;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;

/**
 * Where teams go and how places are tied to the friendly road network, for callers outside this
 * module (the optimiser estimates emplacement times with the same rules as the timeline).
 * Stateless.
 */
public final class Places {
  private Places() {}

  /** How far a place may lie from the nearest road, m (farther: not reachable by road). */
  public static final double ROAD_REACH_M = SeasonSetup.ROAD_REACH_M;

  /**
   * The point a team drives to, LKS-94 m: a point obstacle's point, the middle of a line along its
   * length, an area's interior point.
   */
  public static Coordinate siteOf(Obstacle o) {
    return Sites.of(o);
  }

  /**
   * The road node of each place within {@link #ROAD_REACH_M}, −1 where none: on the network the
   * first place lies on (put a unit home first: a garrison town on the main network), so no place
   * is tied to an isolated track nearer by; any road when the first place has none within reach.
   * Runs one search on {@code roads}.
   */
  public static int[] roadNodes(FriendlyRoads roads, List<Coordinate> places) {
    IntPredicate main = n -> true;
    if (!places.isEmpty()) {
      int at = roads.nodeNear(places.get(0).x, places.get(0).y, ROAD_REACH_M);
      if (at >= 0) {
        main = roads.reachableFrom(at);
      }
    }
    int[] node = new int[places.size()];
    for (int i = 0; i < node.length; i++) {
      node[i] = roads.nodeNear(places.get(i).x, places.get(i).y, ROAD_REACH_M, main);
    }
    return node;
  }
}
