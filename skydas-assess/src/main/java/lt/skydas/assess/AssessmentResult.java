package lt.skydas.assess;

import java.util.List;
import java.util.Map;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Violation;
import lt.skydas.raster.FloatRaster;
import org.locationtech.jts.geom.Coordinate;

/**
 * The outcome of an assessment. Immutable.
 *
 * @param watch which obstacles the plan's sensors watch and the factors applied to their delays;
 *     null when not computed (a result built by hand)
 * @param mineNeighbours the people near the plan's mines and the clearance per village
 * @param evacuations the evacuation of the settlements in the attacker's reach, per season
 * @param shelters shelter places for the people in the worst case's 48 h reach; null when no
 *     shelters were given ({@link #withShelters})
 */
public record AssessmentResult(
    String regionName,
    BarrierPlan plan,
    List<Objective> objectives,
    List<Case> cases,
    List<Violation> violations,
    List<RouteTime> reinforcement,
    double seconds,
    PlanWatch watch,
    lt.skydas.assess.civil.MineNeighbours mineNeighbours,
    List<lt.skydas.assess.civil.Evacuation> evacuations,
    lt.skydas.assess.civil.ShelterCoverage shelters) {

  public AssessmentResult {
    evacuations = evacuations == null ? List.of() : List.copyOf(evacuations);
  }

  /** A result without shelters counted. */
  public AssessmentResult(
      String regionName,
      BarrierPlan plan,
      List<Objective> objectives,
      List<Case> cases,
      List<Violation> violations,
      List<RouteTime> reinforcement,
      double seconds,
      PlanWatch watch,
      lt.skydas.assess.civil.MineNeighbours mineNeighbours,
      List<lt.skydas.assess.civil.Evacuation> evacuations) {
    this(
        regionName,
        plan,
        objectives,
        cases,
        violations,
        reinforcement,
        seconds,
        watch,
        mineNeighbours,
        evacuations,
        null);
  }

  /**
   * This result with the places in {@code sites} for the people the worst case reaches within 48 h
   * ({@link lt.skydas.assess.civil.AtRisk}), within a 15 min walk over {@code assessor}'s roads,
   * paths and terrain ({@link CivilAccess}; on packs of coarse cells the straight line times a
   * detour).
   */
  public AssessmentResult withShelterPlaces(
      Assessor assessor,
      List<lt.skydas.assess.civil.Resident> residents,
      List<lt.skydas.assess.civil.ShelterSite> sites) {
    var demand =
        lt.skydas.assess.civil.AtRisk.demand(
            residents, cases.stream().map(Case::exposure).toList());
    var walk =
        CivilAccess.onNetworkIfFine(
            lt.skydas.assess.civil.ShelterAccess.walk(15),
            assessor,
            lt.skydas.mobility.SpeedTable.defaults());
    return withShelters(lt.skydas.assess.civil.ShelterCoverage.of(residents, demand, sites, walk));
  }

  /** This result with the shelter coverage of the people in reach. */
  public AssessmentResult withShelters(lt.skydas.assess.civil.ShelterCoverage s) {
    return new AssessmentResult(
        regionName,
        plan,
        objectives,
        cases,
        violations,
        reinforcement,
        seconds,
        watch,
        mineNeighbours,
        evacuations,
        s);
  }

  /** A result without the civilians near mines computed. */
  public AssessmentResult(
      String regionName,
      BarrierPlan plan,
      List<Objective> objectives,
      List<Case> cases,
      List<Violation> violations,
      List<RouteTime> reinforcement,
      double seconds,
      PlanWatch watch) {
    this(
        regionName,
        plan,
        objectives,
        cases,
        violations,
        reinforcement,
        seconds,
        watch,
        new lt.skydas.assess.civil.MineNeighbours(0, 0, 0, 0, List.of()),
        List.of());
  }

  /** A result without the watch computed. */
  public AssessmentResult(
      String regionName,
      BarrierPlan plan,
      List<Objective> objectives,
      List<Case> cases,
      List<Violation> violations,
      List<RouteTime> reinforcement,
      double seconds) {
    this(regionName, plan, objectives, cases, violations, reinforcement, seconds, null);
  }

  /**
   * Friendly reinforcement travel time (wheeled convoys) along one route without and with the plan;
   * openable obstacles are open for friendly traffic.
   *
   * @param limitPct the largest acceptable increase, in percent of the unobstructed time
   */
  public record RouteTime(
      String routeId,
      String name,
      Season season,
      double baseline_s,
      double plan_s,
      double limitPct) {
    /** Increase in percent of the unobstructed time (NaN when unreachable). */
    public double increasePct() {
      return Double.isFinite(baseline_s) && Double.isFinite(plan_s) && baseline_s > 0
          ? 100 * (plan_s - baseline_s) / baseline_s
          : Double.NaN;
    }

    /** True when the route stays within the limit. */
    public boolean withinLimit() {
      double p = increasePct();
      return Double.isFinite(p)
          ? p <= limitPct + 1e-9
          : Double.isFinite(plan_s) || !Double.isFinite(baseline_s);
    }
  }

  /**
   * The corridor race on one friendly route against one hostile side ({@link CorridorRace}):
   * friendly wheeled transit time and the attacker's time to cut the route's path, both from
   * H-hour, without and with the plan; +Inf where never.
   *
   * @param side the hostile country the attacker comes from (ISO alpha-2: RU, BY)
   */
  public record RaceTime(
      String routeId,
      String name,
      String side,
      VehicleClass vehicle,
      Season season,
      double transitBaseline_s,
      double transitPlan_s,
      double cutBaseline_s,
      double cutPlan_s) {
    /** How long the route stays open after the convoy is through, without the plan. */
    public double marginBaseline_s() {
      return cutBaseline_s - transitBaseline_s;
    }

    /** How long the route stays open after the convoy is through, with the plan. */
    public double marginPlan_s() {
      return cutPlan_s - transitPlan_s;
    }
  }

  /** Scenario of a time: without the plan, or with it. */
  public enum Scenario {
    BASELINE,
    PLAN;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Minimum time from the border to one objective; +Inf when unreachable.
   *
   * @param plan_s with the plan, each obstacle counted by how much of it the plan's sensors watch
   * @param allWatched_s with the plan if every obstacle were watched (counted in full); equals
   *     {@code plan_s} when the watch is not modelled
   */
  public record ObjectiveTime(
      String objectiveId, double baseline_s, double plan_s, double allWatched_s) {
    /** A time with every obstacle counted in full. */
    public ObjectiveTime(String objectiveId, double baseline_s, double plan_s) {
      this(objectiveId, baseline_s, plan_s, plan_s);
    }

    /**
     * Delay given away because obstacles are not watched: {@code allWatched_s − plan_s} (≥ 0; NaN
     * when either is unreachable).
     */
    public double delayLost_s() {
      return Double.isFinite(allWatched_s) && Double.isFinite(plan_s)
          ? allWatched_s - plan_s
          : Double.NaN;
    }

    /** Delay the plan buys (NaN when either is unreachable). */
    public double delay_s() {
      return Double.isFinite(baseline_s) && Double.isFinite(plan_s)
          ? plan_s - baseline_s
          : Double.NaN;
    }
  }

  /**
   * One avenue of approach: a fastest route from the border to an objective, distinct from the
   * faster ones of the same case.
   *
   * @param path_lks94 from the border to the objective
   * @param roadShare fraction of the length travelled on roads
   * @param obstacleIds obstacles it crosses, in travel order
   */
  public record Avenue(
      String objectiveId,
      VehicleClass vehicle,
      Season season,
      Scenario scenario,
      int rank,
      double time_s,
      double length_m,
      double roadShare,
      List<Coordinate> path_lks94,
      List<String> obstacleIds) {}

  /**
   * Results for one vehicle class and season.
   *
   * @param isochrone_h arrival time in hours per cell with the plan (NaN = not reached)
   * @param exposure the home countries' people the attacker reaches within 6, 12, 24, 48 h
   * @param marginal_s per obstacle id, per objective id: delay lost if that obstacle alone were
   *     removed; empty when not computed for this case
   */
  public record Case(
      VehicleClass vehicle,
      Season season,
      List<ObjectiveTime> times,
      List<Avenue> avenues,
      FloatRaster isochrone_h,
      Map<String, Map<String, Double>> marginal_s,
      double seconds,
      List<RaceTime> race,
      lt.skydas.assess.civil.Exposure exposure) {

    public Case {
      race = List.copyOf(race);
      exposure = exposure == null ? lt.skydas.assess.civil.Exposure.none() : exposure;
    }

    /** A case without the exposure counted. */
    public Case(
        VehicleClass vehicle,
        Season season,
        List<ObjectiveTime> times,
        List<Avenue> avenues,
        FloatRaster isochrone_h,
        Map<String, Map<String, Double>> marginal_s,
        double seconds,
        List<RaceTime> race) {
      this(vehicle, season, times, avenues, isochrone_h, marginal_s, seconds, race, null);
    }

    /** A case without a corridor race (a region without friendly routes). */
    public Case(
        VehicleClass vehicle,
        Season season,
        List<ObjectiveTime> times,
        List<Avenue> avenues,
        FloatRaster isochrone_h,
        Map<String, Map<String, Double>> marginal_s,
        double seconds) {
      this(vehicle, season, times, avenues, isochrone_h, marginal_s, seconds, List.of());
    }

    public String id() {
      return vehicle.id() + "-" + season.id();
    }

    public ObjectiveTime time(String objectiveId) {
      return times.stream()
          .filter(t -> t.objectiveId().equals(objectiveId))
          .findFirst()
          .orElseThrow();
    }
  }
}
