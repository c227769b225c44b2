package lt.skydas.assess;

import java.util.Locale;
import lt.skydas.assess.civil.AccessPaths;
import lt.skydas.assess.civil.Demand;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.EdgeGraph;
import lt.skydas.costdist.Query;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.MobilityNetworkBuilder;

/**
 * Civilians on their way to a shelter (issue 17, ADR 0032): the fastest way over the region's
 * mobility network, the roads and paths of the data and the terrain cells between them, so that a
 * river without a bridge, a lake or a bog counts as the detour it is. One bounded search per
 * shelter, from the shelter's cell, cut off at the time allowed; a demand point's time is its
 * cell's.
 *
 * <ul>
 *   <li><b>Walking</b>: the speed table's dismounted speeds in the dry season at a civilian pace,
 *       {@value #WALK_PACE} of the soldier's: 4 km/h on a road, 3.2 km/h across fields and through
 *       built-up blocks, 2 km/h through forest; water is crossed on bridges only.
 *   <li><b>Driving</b>: the wheeled speeds in the dry season, at most {@value #DRIVE_ROAD_KMH} km/h
 *       on a road (an alert's traffic) and {@value #DRIVE_OFFROAD_KMH} km/h off the mapped roads
 *       (the data's streets and farm tracks are complete only near the borders, so the way from a
 *       home to the mapped road is driven at that pace where the land allows a car).
 * </ul>
 *
 * The cells abroad are not closed: shelters and people are in the home countries, and a way out and
 * back through a neighbour is never the fastest at the distances of a walk. Thread-safe: each
 * thread keeps its own search (about 25 bytes per network node).
 */
public final class CivilAccess implements AccessPaths {
  /** A civilian's walking pace as a share of the loaded soldier's (5 → 4 km/h on a road). */
  public static final double WALK_PACE = 0.8;

  /** The fastest driving on a road in an alert's traffic (km/h). */
  public static final double DRIVE_ROAD_KMH = 30;

  /**
   * The coarsest cells (m) a network search of shelter access is used on: a 15 min walk is 1 km,
   * four cells of this size; on coarser packs the straight line times a detour is the better
   * estimate ({@code skydas shelters --access auto}, the assessment's shelter places).
   */
  public static final double FINEST_USEFUL_CELL_M = 250;

  /** The fastest driving off the mapped roads (km/h). */
  public static final double DRIVE_OFFROAD_KMH = 10;

  private final GridSpec grid;
  private final CostGrid costs;
  private final EdgeGraph graph;
  private final double maxSpeed_mps;
  private final String words;
  private final ThreadLocal<CostDistanceSearch> searches;

  private CivilAccess(
      GridSpec grid, float[] friction, EdgeGraph graph, double maxSpeed_mps, String words) {
    this.grid = grid;
    this.costs = Assessor.grid(grid, friction, null);
    this.graph = graph;
    this.maxSpeed_mps = maxSpeed_mps;
    this.words = words;
    this.searches = ThreadLocal.withInitial(() -> new CostDistanceSearch(costs, this.graph));
  }

  /** Walking on {@code region}'s network (built here: a few seconds on the real region). */
  public static CivilAccess walk(AssessmentRegion region, SpeedTable speeds) {
    MobilityNetwork net =
        new MobilityNetworkBuilder(region.grid(), region.roads())
            .build(lt.skydas.core.progress.Progress.NONE);
    return walk(region, net, Assessor.topologyOf(net), speeds);
  }

  /** Driving on {@code region}'s network (built here). */
  public static CivilAccess drive(AssessmentRegion region, SpeedTable speeds) {
    MobilityNetwork net =
        new MobilityNetworkBuilder(region.grid(), region.roads())
            .build(lt.skydas.core.progress.Progress.NONE);
    return drive(region, net, Assessor.topologyOf(net), speeds);
  }

  /**
   * {@code a} on the assessor's network when its cells are fine enough ({@link
   * #FINEST_USEFUL_CELL_M}), else {@code a} as it is (the straight-line estimate).
   */
  public static lt.skydas.assess.civil.ShelterAccess onNetworkIfFine(
      lt.skydas.assess.civil.ShelterAccess a, Assessor assessor, SpeedTable speeds) {
    if (assessor.region().grid().cellSize() > FINEST_USEFUL_CELL_M) {
      return a;
    }
    return a.on(a.mode().equals("drive") ? drive(assessor, speeds) : walk(assessor, speeds));
  }

  /** Walking on the assessor's network. */
  public static CivilAccess walk(Assessor a, SpeedTable speeds) {
    return walk(a.region(), a.network(), a.topology(), speeds);
  }

  /** Driving on the assessor's network. */
  public static CivilAccess drive(Assessor a, SpeedTable speeds) {
    return drive(a.region(), a.network(), a.topology(), speeds);
  }

  static CivilAccess walk(
      AssessmentRegion r, MobilityNetwork net, EdgeGraph topology, SpeedTable speeds) {
    float[] f =
        MobilityCosts.friction(
            r.landCover(), r.landCoverNames(), speeds, VehicleClass.DISMOUNTED, Season.DRY);
    double[] edge = MobilityCosts.edgeCosts(net, f, speeds, VehicleClass.DISMOUNTED, Season.DRY);
    float slower = (float) (1 / WALK_PACE);
    for (int i = 0; i < f.length; i++) {
      f[i] *= slower;
    }
    for (int e = 0; e < edge.length; e++) {
      edge[e] /= WALK_PACE;
    }
    double max = maxSpeed(f, edge, net);
    return new CivilAccess(
        r.grid(),
        f,
        topology.withCosts(edge),
        max,
        String.format(
            Locale.ROOT,
            "the roads, paths and terrain of the region (%.0f m cells), on foot at up to %.1f km/h",
            r.grid().cellSize(),
            max * 3.6));
  }

  static CivilAccess drive(
      AssessmentRegion r, MobilityNetwork net, EdgeGraph topology, SpeedTable speeds) {
    float[] f =
        MobilityCosts.friction(
            r.landCover(), r.landCoverNames(), speeds, VehicleClass.WHEELED, Season.DRY);
    double[] edge = MobilityCosts.edgeCosts(net, f, speeds, VehicleClass.WHEELED, Season.DRY);
    float offRoad = (float) (3.6 / DRIVE_OFFROAD_KMH);
    for (int i = 0; i < f.length; i++) {
      f[i] = Math.max(f[i], offRoad);
    }
    byte[] kind = net.edgeKind();
    float[] len = net.edgeLength_m();
    for (int e = 0; e < edge.length; e++) {
      double slowest =
          len[e] * 3.6 / (kind[e] == MobilityNetwork.ROAD ? DRIVE_ROAD_KMH : DRIVE_OFFROAD_KMH);
      edge[e] = Math.max(edge[e], slowest);
    }
    double max = maxSpeed(f, edge, net);
    return new CivilAccess(
        r.grid(),
        f,
        topology.withCosts(edge),
        max,
        String.format(
            Locale.ROOT,
            "the roads and terrain of the region (%.0f m cells), by car at up to %.0f km/h",
            r.grid().cellSize(),
            max * 3.6));
  }

  /** The fastest speed (m/s) of any cell or edge: lowest friction, lowest cost per metre. */
  private static double maxSpeed(float[] friction, double[] edge, MobilityNetwork net) {
    double least = Double.POSITIVE_INFINITY;
    for (float f : friction) {
      if (f > 0 && f < least) {
        least = f;
      }
    }
    float[] len = net.edgeLength_m();
    for (int e = 0; e < edge.length; e++) {
      if (len[e] > 0 && edge[e] > 0) {
        least = Math.min(least, edge[e] / len[e]);
      }
    }
    return Double.isFinite(least) ? 1 / least : 0;
  }

  /** The fastest speed anywhere on the network (m/s). */
  public double maxSpeed_mps() {
    return maxSpeed_mps;
  }

  @Override
  public double reach_m(double limit_s) {
    return limit_s * maxSpeed_mps + grid.cellSize() * Math.sqrt(2);
  }

  @Override
  public void times(
      double x_m, double y_m, double limit_s, Demand demand, int[] points, int n, double[] out) {
    int from = grid.cellAt(x_m, y_m);
    if (from < 0) {
      java.util.Arrays.fill(out, 0, n, Double.POSITIVE_INFINITY);
      return;
    }
    CostDistanceSearch s = searches.get();
    s.run(Query.from(from).withCutoff(limit_s).withoutPaths());
    for (int k = 0; k < n; k++) {
      int i = points[k];
      int cell = grid.cellAt(demand.x_m()[i], demand.y_m()[i]);
      out[k] = cell < 0 ? Double.POSITIVE_INFINITY : s.cost(cell);
    }
  }

  @Override
  public String describe() {
    return words;
  }
}
