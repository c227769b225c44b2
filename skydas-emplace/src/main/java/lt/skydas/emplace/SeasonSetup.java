package lt.skydas.emplace;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.assess.FriendlyRoads;
import lt.skydas.assess.PlanEffects;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import org.locationtech.jts.geom.Coordinate;

/**
 * What one season's emplacement needs whatever the warning time: the friendly road travel times
 * between every location (unit homes, then depots, then obstacle sites), and per attacker class the
 * arrivals with no plan (the baseline) and with the permanent obstacles alone (round 0 of the
 * race). Immutable once built.
 */
final class SeasonSetup {
  /** How far a location may lie from the nearest road, m (farther: not reachable by road). */
  static final double ROAD_REACH_M = 3000;

  final Season season;
  final int[] node;
  final double[][] travel_s;
  final Map<VehicleClass, Arrivals> baseline = new EnumMap<>(VehicleClass.class);
  final Map<VehicleClass, Arrivals> permanentOnly = new EnumMap<>(VehicleClass.class);

  private SeasonSetup(Season season, int[] node, double[][] travel_s) {
    this.season = season;
    this.node = node;
    this.travel_s = travel_s;
  }

  /**
   * Builds it: a full road search from every unit home and depot ({@code hubs}, the first
   * locations), a search cut off at {@link #LOCAL_CUTOFF_S} from every location flagged {@code
   * local} (sites a team reaches straight from another site: nothing to load), one part per
   * instance of {@code roadsPerThread} (created or set to this season here). The attacker's maps
   * ({@link #baseline}, {@link #permanentOnly}) are filled by the caller, whose searches may run
   * beside these.
   *
   * <p><b>Travel matrix.</b> Roads are taken as symmetric (one-way carriageways run in pairs), so a
   * search from j gives the times to j as well. {@code travel[i][j]} is the direct time where a
   * search from i or j found it, else the time through the best hub ({@code t(h→i) + t(h→j)}, a
   * route that exists, so never optimistic). Teams load at depots (hubs), so site-to-depot and
   * depot-to-site legs are always exact.
   */
  static SeasonSetup build(
      Assessor assessor,
      Season season,
      SpeedTable speeds,
      PlanEffects effects,
      List<Coordinate> locations,
      int hubs,
      boolean[] local,
      ExecutorService pool,
      FriendlyRoads[] roadsPerThread)
      throws InterruptedException, java.util.concurrent.ExecutionException {
    PlanEffects friendly = effects.forFriendlyTraffic();
    for (int k = 0; k < roadsPerThread.length; k++) {
      if (roadsPerThread[k] == null) {
        roadsPerThread[k] = new FriendlyRoads(assessor, season, speeds, friendly);
      } else {
        roadsPerThread[k].setSeason(season, speeds, friendly);
      }
    }
    FriendlyRoads first = roadsPerThread[0];
    int n = locations.size();
    int[] node = new int[n];
    java.util.function.IntPredicate main = mainNetwork(first, locations, hubs);
    for (int i = 0; i < n; i++) {
      Coordinate c = locations.get(i);
      node[i] = first.nodeNear(c.x, c.y, ROAD_REACH_M, main);
    }
    double[][] direct = new double[n][];
    List<Integer> origins = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (node[i] >= 0 && (i < hubs || local[i])) {
        origins.add(i);
      }
    }
    List<Future<?>> jobs = new ArrayList<>();
    int parts = roadsPerThread.length;
    for (int part = 0; part < parts; part++) {
      int from = part;
      jobs.add(
          pool.submit(
              () -> {
                FriendlyRoads roads = roadsPerThread[from];
                for (int k = from; k < origins.size(); k += parts) {
                  int i = origins.get(k);
                  direct[i] =
                      roads.times_s(
                          node[i], node, i < hubs ? Double.POSITIVE_INFINITY : LOCAL_CUTOFF_S);
                }
                return null;
              }));
    }
    for (Future<?> f : jobs) {
      f.get();
    }
    return new SeasonSetup(season, node, matrix(direct, hubs, node));
  }

  /**
   * The road network the first unit's home lies on (a garrison town on the main network): every
   * place is tied to a road of it, not to an isolated track nearer by. Any road when that home has
   * none within reach.
   */
  private static java.util.function.IntPredicate mainNetwork(
      FriendlyRoads roads, List<Coordinate> locations, int hubs) {
    if (hubs == 0) {
      return n -> true;
    }
    int at = roads.nodeNear(locations.get(0).x, locations.get(0).y, ROAD_REACH_M);
    return at < 0 ? n -> true : roads.reachableFrom(at);
  }

  /** Longest drive searched from a site, s; longer moves between sites go through a hub. */
  static final double LOCAL_CUTOFF_S = 3600;

  private static double[][] matrix(double[][] direct, int hubs, int[] node) {
    int n = direct.length;
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          t[i][j] = 0;
          continue;
        }
        if (node[i] < 0 || node[j] < 0) {
          t[i][j] = Double.POSITIVE_INFINITY;
          continue;
        }
        double d = Double.POSITIVE_INFINITY;
        if (direct[i] != null) {
          d = direct[i][j];
        }
        if (direct[j] != null) {
          d = Math.min(d, direct[j][i]);
        }
        if (d == Double.POSITIVE_INFINITY) {
          for (int h = 0; h < hubs; h++) {
            if (direct[h] != null) {
              d = Math.min(d, direct[h][i] + direct[h][j]);
            }
          }
        }
        t[i][j] = d;
      }
    }
    return t;
  }
}
