package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.Coverage;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.observe.SensorPlacement;
import lt.skydas.observe.Surface;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import lt.skydas.region.LandCover;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Pipeline step "sensor candidates" (region-bound): where sensors could stand and which obstacle
 * sites each would watch, in skydas-observe's model — the same one {@code assess} uses: flat ground
 * plus land-cover clutter ({@link ClutterTable#defaults()}), a vehicle target ({@link
 * Coverage#DEFAULT_TARGET_HEIGHT_M}), an obstacle's observed share as {@link ObstacleWatch}
 * measures it.
 *
 * <p><b>Positions.</b> The sites worth watching (some type with an unobserved delay factor below 1)
 * are grouped by squares of {@link SensorOptions#spacing_m}; per square one position, on the open
 * cell ({@code OPEN} land cover, where a mast sees over the ground and is not under the canopy)
 * nearest to the mean of the square's site centroids within {@link #OPEN_SEARCH_M}; none if there
 * is none. Each offered type stands at each position.
 *
 * <p><b>Coverage.</b> A candidate covers a site when it observes at least {@link #COVER_SHARE} of
 * it. Candidates whose reach (range, or the radio horizon of mast and target if shorter) and the
 * largest site cannot overlap are computed together in one {@link Coverage#compute} (their observed
 * cells on a site cannot mix), so the cost is a few coverage passes, not one per candidate.
 * Deterministic for any thread count.
 */
final class SensorCandidates {
  /** A sensor covers a site when it observes at least this share of it. */
  static final double COVER_SHARE = 0.5;

  /** How far from its square's centre of sites a position may move to find open ground, m. */
  static final double OPEN_SEARCH_M = 1500;

  /** Effective Earth radius with refraction coefficient 1/7 (the viewshed's), m. */
  private static final double EARTH_RADIUS_EFFECTIVE_M = 6_371_000 / (1 - 1.0 / 7);

  private static final GeometryFactory GF = new GeometryFactory();

  private SensorCandidates() {}

  /**
   * The candidates of the offered types near {@code sites}, each with the sites it covers; empty
   * when sensors are off.
   *
   * @param programmeYears upkeep is charged for this many years
   * @throws SkydasProblem USAGE when a type is not in the sensor catalog
   */
  static List<SensorCandidate> generate(
      AssessmentRegion region,
      List<SiteTypes> sites,
      SensorOptions opt,
      SensorCatalog catalog,
      int programmeYears,
      int threads) {
    if (!opt.enabled() || sites.isEmpty()) {
      return List.of();
    }
    Surface surface = Surface.of(region.grid(), region.landCover(), ClutterTable.defaults(), null);
    List<Point> positions = positions(region, sites, opt.spacing_m());
    double maxSite = 0;
    for (SiteTypes st : sites) {
      Envelope e = st.geometry_lks94().getEnvelopeInternal();
      maxSite = Math.max(maxSite, Math.hypot(e.getWidth(), e.getHeight()));
    }
    List<SensorCandidate> out = new ArrayList<>();
    for (String id : opt.typeIds()) {
      SensorType t = OfferedTypes.require(catalog, id, "sensor type", false);
      double reach = reach_m(t);
      if (reach <= 0) {
        continue;
      }
      long cost = Math.round(t.costEur_perUnit() + t.upkeepEur_perYear() * programmeYears);
      for (List<Integer> group : groups(positions, 2 * reach + maxSite)) {
        out.addAll(cover(surface, sites, positions, group, t, reach, cost, threads));
      }
    }
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  /** How far the type can watch a vehicle: its range, or the radio horizon if nearer, m. */
  static double reach_m(SensorType t) {
    // a target stands on clutter no taller than itself (else it is concealed): at most 2 h up
    double target = 2 * Coverage.DEFAULT_TARGET_HEIGHT_M.get(TargetClass.VEHICLE);
    double horizon =
        Math.sqrt(2 * EARTH_RADIUS_EFFECTIVE_M * t.height_m())
            + Math.sqrt(2 * EARTH_RADIUS_EFFECTIVE_M * target);
    double range = t.range_m(TargetClass.VEHICLE);
    return t.height_m() > 0 ? Math.min(range, horizon) : range;
  }

  /** One position per square of sites worth watching, in square order. */
  private static List<Point> positions(
      AssessmentRegion region, List<SiteTypes> sites, double spacing_m) {
    Map<Long, double[]> squares = new TreeMap<>();
    for (SiteTypes st : sites) {
      if (!watchable(st)) {
        continue;
      }
      Coordinate c = st.geometry_lks94().getCentroid().getCoordinate();
      long key =
          ((long) Math.floor(c.x / spacing_m) << 32)
              ^ (Math.floorMod((long) Math.floor(c.y / spacing_m), 1L << 32));
      double[] acc = squares.computeIfAbsent(key, k -> new double[3]);
      acc[0] += c.x;
      acc[1] += c.y;
      acc[2]++;
    }
    List<Point> out = new ArrayList<>();
    for (double[] acc : squares.values()) {
      Coordinate open = nearestOpen(region, acc[0] / acc[2], acc[1] / acc[2]);
      if (open != null) {
        out.add(GF.createPoint(open));
      }
    }
    return out;
  }

  private static boolean watchable(SiteTypes st) {
    for (ObstacleType t : st.types()) {
      if (t.unobservedDelayFactor() < 1) {
        return true;
      }
    }
    return false;
  }

  /** The centre of the open cell nearest to (x, y) within {@link #OPEN_SEARCH_M}, or null. */
  static Coordinate nearestOpen(AssessmentRegion region, double x, double y) {
    GridSpec g = region.grid();
    byte open = LandCover.OPEN.code();
    int r = (int) Math.ceil(OPEN_SEARCH_M / g.cellSize());
    int c0 = g.col(x);
    int r0 = g.row(y);
    Coordinate best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (int row = r0 - r; row <= r0 + r; row++) {
      for (int col = c0 - r; col <= c0 + r; col++) {
        if (!g.contains(col, row) || region.landCover()[row * g.width() + col] != open) {
          continue;
        }
        double d = Math.hypot(g.centerX(col) - x, g.centerY(row) - y);
        if (d <= OPEN_SEARCH_M && d < bestD) {
          bestD = d;
          best = new Coordinate(g.centerX(col), g.centerY(row));
        }
      }
    }
    return best;
  }

  /** Positions split greedily into groups whose members are more than {@code apart_m} apart. */
  static List<List<Integer>> groups(List<Point> positions, double apart_m) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int i = 0; i < positions.size(); i++) {
      Point p = positions.get(i);
      List<Integer> home = null;
      for (List<Integer> g : groups) {
        boolean far = true;
        for (int j : g) {
          far &= positions.get(j).distance(p) > apart_m;
        }
        if (far) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(i);
    }
    return groups;
  }

  /** The candidates of one group of positions for type {@code t}, from one coverage pass. */
  private static List<SensorCandidate> cover(
      Surface surface,
      List<SiteTypes> sites,
      List<Point> positions,
      List<Integer> group,
      SensorType t,
      double reach,
      long cost,
      int threads) {
    List<SensorPlacement> placements = new ArrayList<>();
    for (int i : group) {
      placements.add(
          SensorPlacement.of(
              t.id() + "-" + i, t, positions.get(i), null, null, TargetClass.VEHICLE));
    }
    CoverageGrid grid =
        Coverage.compute(
            surface,
            placements,
            TargetClass.VEHICLE,
            Coverage.DEFAULT_TARGET_HEIGHT_M.get(TargetClass.VEHICLE),
            threads);
    List<SensorCandidate> out = new ArrayList<>();
    for (int i : group) {
      Point p = positions.get(i);
      Envelope near = new Envelope(p.getCoordinate());
      near.expandBy(reach);
      List<Integer> covered = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (int s = 0; s < sites.size(); s++) {
        SiteTypes st = sites.get(s);
        Geometry g = st.geometry_lks94();
        if (!watchable(st) || !near.intersects(g.getEnvelopeInternal()) || g.distance(p) > reach) {
          continue;
        }
        ObstacleType any = st.types().get(0);
        Obstacle o = new Obstacle(st.id(), any.name(), any, null, g, 0);
        double share = ObstacleWatch.of(grid, List.of(o)).get(0).observedShare();
        if (share >= COVER_SHARE) {
          covered.add(s);
          shares.add(share);
        }
      }
      if (!covered.isEmpty()) {
        out.add(
            new SensorCandidate(
                t.id() + "-" + i,
                t,
                p,
                covered.stream().mapToInt(Integer::intValue).toArray(),
                shares.stream().mapToDouble(Double::doubleValue).toArray(),
                cost));
      }
    }
    return out;
  }
}
