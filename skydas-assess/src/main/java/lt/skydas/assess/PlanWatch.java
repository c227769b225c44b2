package lt.skydas.assess;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.CoverageReport;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.observe.Surface;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.SensorCategory;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Geometry;

/**
 * Which of a plan's obstacles its sensors watch, computed once per assessment: the coverage of the
 * plan's observing sites (surveillance, early warning and counter-drone sensors; jammers and
 * counter-drone effectors observe nothing) for vehicles and persons over flat ground plus
 * land-cover clutter (skydas-observe's model), each obstacle's observed share, and the {@link
 * WatchFactors} the assessment applies to the delays. Immutable.
 *
 * @param status whether the watch is modelled
 * @param options the watch options assessed with (belt depths and manned types for warning time)
 * @param coverage vehicle then person coverage with the hostile border lines; null when the plan
 *     has no sensor sites
 * @param vehicles each obstacle's watch by vehicle coverage, plan order; empty without sensor sites
 * @param persons each obstacle's watch by person coverage, plan order; empty without sensor sites
 * @param factors the factors applied to the delays (all 1 unless {@link Status#MODELLED})
 */
public record PlanWatch(
    Status status,
    AssessmentOptions.WatchOptions options,
    CoverageReport coverage,
    List<ObstacleWatch> vehicles,
    List<ObstacleWatch> persons,
    WatchFactors factors) {

  /** Whether and how the watch of obstacles is modelled. */
  public enum Status {
    /**
     * The plan has no sensor sites: every obstacle counts in full (watched by forces outside it).
     */
    NO_SENSORS,
    /** Coverage computed, but every obstacle counts in full (assessment option). */
    ASSUMED_WATCHED,
    /** Each obstacle counts by the share of it the plan's sensors observe. */
    MODELLED
  }

  /** What summary.json and the report say for a plan without sensor sites. */
  public static final String NO_SENSORS_NOTE =
      "the plan has no sensor sites: obstacles are assumed watched by forces outside the plan";

  /** Sensor categories whose sites observe ground movement (the others only jam or defeat). */
  static final Set<SensorCategory> OBSERVING =
      EnumSet.of(
          SensorCategory.SURVEILLANCE, SensorCategory.EARLY_WARNING, SensorCategory.CUAS_SENSOR);

  public PlanWatch {
    java.util.Objects.requireNonNull(options, "options");
    vehicles = List.copyOf(vehicles);
    persons = List.copyOf(persons);
  }

  /**
   * The watch of {@code plan}'s obstacles in {@code region}.
   *
   * @param options whether to assume every obstacle watched (coverage is still computed)
   * @param threads worker threads for the coverage
   */
  public static PlanWatch compute(
      BarrierPlan plan,
      AssessmentRegion region,
      AssessmentOptions.WatchOptions options,
      int threads) {
    int n = plan.obstacles().size();
    if (plan.sensors().isEmpty()) {
      return new PlanWatch(
          Status.NO_SENSORS, options, null, List.of(), List.of(), WatchFactors.full(n));
    }
    List<SensorSite> observing = new ArrayList<>();
    for (SensorSite s : plan.sensors()) {
      if (OBSERVING.contains(s.type().category())) {
        observing.add(s);
      }
    }
    Surface surface =
        Surface.of(region.grid(), region.landCover(), ClutterTable.defaults(), region.ground_m());
    Map<String, Geometry> lines = new LinkedHashMap<>();
    for (String b : region.hostileBorders()) {
      if (region.borders().containsKey(b)) {
        lines.put(b, region.borders().get(b));
      }
    }
    CoverageReport r =
        CoverageReport.compute(
            surface,
            observing,
            List.of(TargetClass.VEHICLE, TargetClass.PERSON),
            lines,
            List.of(),
            Math.max(1, threads));
    List<ObstacleWatch> v = ObstacleWatch.of(r.targets().get(0).grid(), plan.obstacles());
    List<ObstacleWatch> p = ObstacleWatch.of(r.targets().get(1).grid(), plan.obstacles());
    return options.assumeWatched()
        ? new PlanWatch(Status.ASSUMED_WATCHED, options, r, v, p, WatchFactors.full(n))
        : new PlanWatch(Status.MODELLED, options, r, v, p, WatchFactors.of(plan.obstacles(), v, p));
  }

  /** Vehicle coverage; null without sensor sites. */
  public CoverageGrid vehicleGrid() {
    return coverage == null ? null : coverage.targets().get(0).grid();
  }

  /** Person coverage; null without sensor sites. */
  public CoverageGrid personGrid() {
    return coverage == null ? null : coverage.targets().get(1).grid();
  }
}
