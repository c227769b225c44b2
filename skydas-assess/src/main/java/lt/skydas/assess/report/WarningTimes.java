package lt.skydas.assess.report;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentOptions.WatchOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.assess.AvenueSamples;
import lt.skydas.assess.PlanWatch;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.raster.FloatRaster;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Warning time on each case's fastest avenue with the plan, with and without the plan's sensors.
 *
 * <p>The avenue is walked from the border to the objective ({@link AvenueSamples}). The attacker is
 * first detected at the earliest sample that a plan sensor observes (person coverage for dismounted
 * troops, else vehicle) or that lies within the radius of a manned post of the plan (a type in
 * {@link WatchOptions#mannedTypes()} whose catalog {@code unobserved_delay_factor} is 1: a manned
 * post watches its own ground). "Without sensors" counts the manned posts alone, on the same avenue
 * and times. The warning is the time from first detection to the arrival at the objective, and at
 * each belt: the first sample, after the avenue reaches a hostile border (LT–BY, LT–RU), that lies
 * the belt's depth from that border (as the optimiser's belts, parallel to the border). A belt
 * warning is negative when the attacker is first seen only after crossing the belt, NaN when never
 * seen or the belt is not crossed. Stateless and thread-safe.
 */
final class WarningTimes {
  private static final GeometryFactory GF = new GeometryFactory();

  private WarningTimes() {}

  /**
   * Warning at one belt.
   *
   * @param crossing_h arrival at the belt, hours; NaN if the avenue does not cross it
   * @param warning_h crossing minus first detection with the plan's sensors, hours (negative:
   *     detected after the belt); NaN if never detected or not crossed
   * @param warningWithout_h the same from the manned posts' first detection alone
   */
  record Belt(double depth_m, double crossing_h, double warning_h, double warningWithout_h) {}

  /**
   * Warning time on one avenue.
   *
   * @param firstDetection_h arrival time at the first detection with the plan's sensors (and manned
   *     posts), hours; NaN if never detected
   * @param warning_h hours from that detection to the objective; 0 if never detected
   * @param firstDetectionWithout_h the first detection by manned posts alone; NaN if none
   * @param warningWithout_h hours from that detection to the objective; 0 if never detected
   * @param seenAt_lks94 where on the avenue the first detection ({@code firstDetection_h}) is,
   *     EPSG:3346; null if never detected
   * @param seenBy what made it; null if never detected
   */
  record WarningTime(
      String caseId,
      String objectiveId,
      double arrival_h,
      double firstDetection_h,
      double warning_h,
      double firstDetectionWithout_h,
      double warningWithout_h,
      List<Belt> belts,
      Coordinate seenAt_lks94,
      SeenBy seenBy) {}

  /** What first detects the attacker. */
  enum SeenBy {
    /** A sensor site of the plan. */
    SENSOR("sensor"),
    /** A manned post of the plan (and the sensors, if any, see it no earlier). */
    MANNED_POST("manned post");

    private final String label;

    SeenBy(String label) {
      this.label = label;
    }

    /** The words for output ({@code warning.geojson}'s {@code detected_by}). */
    String label() {
      return label;
    }
  }

  /** A manned post: what it watches, within a radius, m. */
  record Post(Geometry where, double radius_m, Envelope reach) {}

  /** The warning each case's fastest avenue with the plan gives toward each objective. */
  static List<WarningTime> of(AssessmentResult result, AssessmentRegion region, PlanWatch watch) {
    BarrierPlan plan = result.plan();
    List<Post> posts = posts(plan, watch.options(), region.grid().cellSize());
    IndexedFacetDistance border = border(region);
    Scenario scenario = plan.obstacles().isEmpty() ? Scenario.BASELINE : Scenario.PLAN;
    List<WarningTime> out = new ArrayList<>();
    for (Case c : result.cases()) {
      CoverageGrid grid =
          c.vehicle() == VehicleClass.DISMOUNTED ? watch.personGrid() : watch.vehicleGrid();
      for (Avenue a : c.avenues()) {
        if (a.scenario() != scenario || a.rank() != 1 || !Double.isFinite(a.time_s())) {
          continue;
        }
        out.add(
            walk(c.id(), a, c.isochrone_h(), grid, posts, border, watch.options().beltDepths_m()));
      }
    }
    return out;
  }

  /** The plan's manned posts. */
  private static List<Post> posts(BarrierPlan plan, WatchOptions opt, double cellSize_m) {
    List<Post> out = new ArrayList<>();
    for (Obstacle o : plan.obstacles()) {
      if (opt.mannedTypes().contains(o.type().id()) && o.type().unobservedDelayFactor() == 1) {
        double r = o.type().radius_m() == null ? cellSize_m / 2 : o.type().radius_m();
        Envelope e = new Envelope(o.geometry_lks94().getEnvelopeInternal());
        e.expandBy(r);
        out.add(new Post(o.geometry_lks94(), r, e));
      }
    }
    return out;
  }

  /** Distance to the hostile borders of the region; null if it has none. */
  private static IndexedFacetDistance border(AssessmentRegion region) {
    List<Geometry> lines = new ArrayList<>();
    for (String b : region.hostileBorders()) {
      if (region.borders().containsKey(b)) {
        lines.add(region.borders().get(b));
      }
    }
    return lines.isEmpty() ? null : new IndexedFacetDistance(GF.buildGeometry(lines));
  }

  /**
   * Walks one avenue from the border to the objective.
   *
   * @param sensors what the plan's sensors observe for this mover; null without sensors
   * @param border distance to the hostile borders; null for none (no belt warnings)
   */
  static WarningTime walk(
      String caseId,
      Avenue a,
      FloatRaster iso_h,
      CoverageGrid sensors,
      List<Post> posts,
      IndexedFacetDistance border,
      List<Double> depths_m) {
    double cellSize = iso_h.grid().cellSize();
    double withS = Double.NaN;
    double without = Double.NaN;
    Coordinate withSAt = null;
    Coordinate withoutAt = null;
    boolean reachedBorder = false;
    double[] crossing = new double[depths_m.size()];
    java.util.Arrays.fill(crossing, Double.NaN);
    for (AvenueSamples.Sample s : AvenueSamples.of(a, iso_h)) {
      double x = s.x_lks94();
      double y = s.y_lks94();
      double t = s.t_h();
      if (sensors != null && sensors.count()[s.cell()] > 0 && !(t >= withS)) {
        withS = t;
        withSAt = new Coordinate(x, y);
      }
      if (!(t >= without) && watchedByPost(posts, x, y)) {
        without = t;
        withoutAt = new Coordinate(x, y);
      }
      if (border != null) {
        double d = border.distance(GF.createPoint(new Coordinate(x, y)));
        reachedBorder |= d <= cellSize;
        for (int b = 0; reachedBorder && b < crossing.length; b++) {
          if (Double.isNaN(crossing[b]) && d >= depths_m.get(b)) {
            crossing[b] = t;
          }
        }
      }
    }
    boolean bySensor = Double.isNaN(without) || withS < without;
    double first = bySensor ? withS : without;
    SeenBy seenBy = Double.isNaN(first) ? null : bySensor ? SeenBy.SENSOR : SeenBy.MANNED_POST;
    double arrival_h = a.time_s() / 3600;
    List<Belt> belts = new ArrayList<>();
    for (int b = 0; b < crossing.length; b++) {
      belts.add(new Belt(depths_m.get(b), crossing[b], crossing[b] - first, crossing[b] - without));
    }
    return new WarningTime(
        caseId,
        a.objectiveId(),
        arrival_h,
        first,
        warning(arrival_h, first),
        without,
        warning(arrival_h, without),
        List.copyOf(belts),
        bySensor ? withSAt : withoutAt,
        seenBy);
  }

  private static double warning(double arrival_h, double detection_h) {
    return Double.isNaN(detection_h) ? 0 : Math.max(0, arrival_h - detection_h);
  }

  private static boolean watchedByPost(List<Post> posts, double x, double y) {
    for (Post p : posts) {
      if (p.reach().contains(x, y)
          && p.where().isWithinDistance(GF.createPoint(new Coordinate(x, y)), p.radius_m())) {
        return true;
      }
    }
    return false;
  }
}
