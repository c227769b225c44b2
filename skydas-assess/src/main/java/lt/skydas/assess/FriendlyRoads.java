package lt.skydas.assess;

import java.util.Arrays;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.RoadInput;

/**
 * Friendly wheeled travel on the road network only (engineer teams and their trucks between homes,
 * depots and sites, issue 15): road speeds of the speed table for wheeled vehicles in one season;
 * every cell impassable, so a search expands roads alone; the plan's non-openable obstacles delay
 * friendly traffic as {@link PlanEffects#forFriendlyTraffic()} says. Places are tied to the nearest
 * road access point or junction. Not thread safe (holds one search).
 */
public final class FriendlyRoads {
  private final MobilityNetwork net;
  private final RoadInput roads;
  private final CostDistanceSearch search;
  private final GridSpec grid;

  /** Road nodes (junctions and access points) sorted by the cell they lie in, for lookups. */
  private final int[] byCell;

  private final int[] byCellKey;

  private final Assessor assessor;
  private final float[] blocked;

  /**
   * Roads for wheeled vehicles in season {@code s}.
   *
   * @param friendly the plan's effects on friendly traffic (null: none)
   */
  public FriendlyRoads(Assessor a, Season s, SpeedTable speeds, PlanEffects friendly) {
    this.assessor = a;
    this.net = a.network();
    this.roads = a.region().roads();
    this.grid = a.region().grid();
    this.blocked = new float[grid.cellCount()];
    Arrays.fill(blocked, Float.POSITIVE_INFINITY);
    CostGrid g =
        new CostGrid(
            grid.width(),
            grid.height(),
            grid.cellSize(),
            blocked,
            null,
            CostGrid.Neighbourhood.EIGHT);
    this.search = new CostDistanceSearch(g, a.topology().withCosts(costs(s, speeds, friendly)));
    int first = grid.cellCount();
    int count = net.junctionCount() + net.accessCount();
    long[] keyed = new long[count];
    for (int i = 0; i < count; i++) {
      int node = first + i;
      int cell = grid.cellAt(net.nodeX(node, roads), net.nodeY(node, roads));
      keyed[i] = ((long) (cell < 0 ? Integer.MAX_VALUE : cell) << 32) | i;
    }
    Arrays.sort(keyed);
    byCell = new int[count];
    byCellKey = new int[count];
    for (int i = 0; i < count; i++) {
      byCellKey[i] = (int) (keyed[i] >>> 32);
      byCell[i] = first + (int) keyed[i];
    }
  }

  /**
   * Sets the season (and the plan's effects on friendly traffic) of later searches, keeping the
   * search state: cheaper than a new instance.
   */
  public void setSeason(Season s, SpeedTable speeds, PlanEffects friendly) {
    search.setEdgeGraph(assessor.topology().withCosts(costs(s, speeds, friendly)));
  }

  /** Sets the edge costs of later searches (s per network edge; +Inf closes an edge). */
  public void setEdgeCosts(double[] costs) {
    search.setEdgeGraph(assessor.topology().withCosts(costs));
  }

  /** A wheeled vehicle's cost per network edge in season {@code s} on the roads (s). */
  public double[] edgeCosts(Season s, SpeedTable speeds) {
    return costs(s, speeds, null);
  }

  /**
   * The road time (s) from the nearest of {@code sources} to each of {@code nodes} (negative
   * entries: +Inf), one search; +Inf where unreachable.
   */
  public double[] timesFrom(int[] sources, int[] nodes) {
    search.run(Query.from(sources));
    double[] t = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      t[i] = nodes[i] < 0 ? Double.POSITIVE_INFINITY : search.cost(nodes[i]);
    }
    return t;
  }

  private double[] costs(Season s, SpeedTable speeds, PlanEffects friendly) {
    double[] base = MobilityCosts.edgeCosts(net, blocked, speeds, VehicleClass.WHEELED, s);
    return friendly == null || friendly.plan().obstacles().isEmpty()
        ? base
        : friendly.edgeCosts(base, VehicleClass.WHEELED, -1);
  }

  /**
   * The road node nearest to (x, y) (LKS-94 m) within {@code maxDistance_m}, or −1: searched over
   * the cells around the point in growing square rings.
   */
  public int nodeNear(double x, double y, double maxDistance_m) {
    return nodeNear(x, y, maxDistance_m, n -> true);
  }

  /**
   * The road nodes reachable by road from {@code from} (the main network, when {@code from} lies on
   * it), for {@link #nodeNear(double, double, double, java.util.function.IntPredicate)}.
   */
  public java.util.function.IntPredicate reachableFrom(int from) {
    search.run(Query.from(from));
    java.util.BitSet in = new java.util.BitSet();
    int first = grid.cellCount();
    int count = net.junctionCount() + net.accessCount();
    for (int i = 0; i < count; i++) {
      if (search.cost(first + i) < Double.POSITIVE_INFINITY) {
        in.set(i);
      }
    }
    return n -> n >= first && in.get(n - first);
  }

  /**
   * The road node nearest to (x, y) (LKS-94 m) within {@code maxDistance_m} that {@code accept}
   * takes, or −1: searched over the cells around the point in growing square rings.
   */
  public int nodeNear(
      double x, double y, double maxDistance_m, java.util.function.IntPredicate accept) {
    int cell = grid.cellAt(x, y);
    if (cell < 0) {
      return -1;
    }
    int col = cell % grid.width();
    int row = cell / grid.width();
    int rings = (int) Math.ceil(maxDistance_m / grid.cellSize()) + 1;
    int best = -1;
    double bestD2 = maxDistance_m * maxDistance_m;
    for (int k = 0; k <= rings; k++) {
      if (best >= 0 && (k - 1) * grid.cellSize() > Math.sqrt(bestD2)) {
        break;
      }
      for (int r = row - k; r <= row + k; r++) {
        for (int c = col - k; c <= col + k; c++) {
          boolean ring = r == row - k || r == row + k || c == col - k || c == col + k;
          if (!ring || r < 0 || c < 0 || r >= grid.height() || c >= grid.width()) {
            continue;
          }
          int key = r * grid.width() + c;
          int i = Arrays.binarySearch(byCellKey, key);
          if (i < 0) {
            continue;
          }
          while (i > 0 && byCellKey[i - 1] == key) {
            i--;
          }
          for (; i < byCellKey.length && byCellKey[i] == key; i++) {
            double dx = net.nodeX(byCell[i], roads) - x;
            double dy = net.nodeY(byCell[i], roads) - y;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2 && accept.test(byCell[i])) {
              bestD2 = d2;
              best = byCell[i];
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * Travel times (s) by road from node {@code from} to each of {@code to} (negative entries are
   * skipped: +Inf), searching no farther than {@code cutoff_s}; +Inf where unreachable or beyond.
   */
  public double[] times_s(int from, int[] to, double cutoff_s) {
    int[] targets = java.util.Arrays.stream(to).filter(x -> x >= 0).toArray();
    search.run(Query.from(from).withTargets(targets).withCutoff(cutoff_s));
    double[] t = new double[to.length];
    for (int i = 0; i < to.length; i++) {
      t[i] = to[i] < 0 ? Double.POSITIVE_INFINITY : search.cost(to[i]);
    }
    return t;
  }
}
