package lt.skydas.emplace;

import java.util.List;
import java.util.Map;
import lt.skydas.emplace.schedule.Schedule;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;

/**
 * An emplacement at one warning time: per season the teams' timeline, and per case (class and
 * season) which reserved and crisis-laid obstacles are in place when the attacker reaches them and
 * the delay that buys toward each objective. Times are seconds (after the warning for the teams,
 * after the attacker crosses for the attacker). Immutable.
 *
 * @param warning_h hours between the warning (the order to emplace) and the attacker crossing
 * @param shortfalls obstacles no team can put in place at all, with the reason (no stock, no road,
 *     no capable team)
 * @param stock per stock kind, {needed, available} items
 * @param depots per depot id, per stock kind, {drawn by the jobs, held} items
 * @param idleUnits units that can do nothing for this plan, with why (ids are unit ids)
 */
public record EmplacementResult(
    double warning_h,
    List<SeasonPlan> seasons,
    List<CaseOutcome> cases,
    List<Shortfall> shortfalls,
    Map<String, double[]> stock,
    Map<String, Map<String, double[]>> depots,
    List<Shortfall> idleUnits) {

  public EmplacementResult {
    depots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(depots));
    seasons = List.copyOf(seasons);
    cases = List.copyOf(cases);
    shortfalls = List.copyOf(shortfalls);
    idleUnits = List.copyOf(idleUnits);
    stock = Map.copyOf(stock);
  }

  /**
   * One season's timeline.
   *
   * @param depotOf the depot each job loads at (by obstacle id; absent: none needed)
   * @param jobDeadline_s per obstacle id, the scheduler's deadline: warning plus the earliest
   *     arrival of any attacker class with the permanent obstacles alone
   */
  public record SeasonPlan(
      Season season,
      Schedule schedule,
      Map<String, String> depotOf,
      Map<String, Double> jobDeadline_s,
      double solve_s) {
    public SeasonPlan {
      depotOf = Map.copyOf(depotOf);
      jobDeadline_s = Map.copyOf(jobDeadline_s);
    }
  }

  /** The race's result for one case. */
  public record CaseOutcome(
      VehicleClass vehicleClass,
      Season season,
      List<ObjectiveDelay> objectives,
      List<ObstacleOutcome> obstacles,
      int searches) {
    public CaseOutcome {
      objectives = List.copyOf(objectives);
      obstacles = List.copyOf(obstacles);
    }

    /** Reserved and crisis-laid obstacles in place. */
    public long inPlace() {
      return obstacles.stream().filter(ObstacleOutcome::inPlace).count();
    }
  }

  /**
   * Time to one objective: with no plan, with the permanent obstacles alone, and with what is in
   * place at this warning time (s after crossing).
   */
  public record ObjectiveDelay(String id, double baseline_s, double permanent_s, double plan_s) {
    /** The plan's delay at this warning time, s (0 where the objective is never reached). */
    public double delay_s() {
      return Double.isFinite(baseline_s) && Double.isFinite(plan_s) ? plan_s - baseline_s : 0;
    }

    /** What the reserved and crisis-laid obstacles add to the permanent ones, s. */
    public double onWarningDelay_s() {
      return Double.isFinite(permanent_s) && Double.isFinite(plan_s) ? plan_s - permanent_s : 0;
    }
  }

  /**
   * A reserved or crisis-laid obstacle in one case.
   *
   * @param finish_s when its team finishes, s after the warning (NaN: no team does it)
   * @param arrival_s the attacker's earliest arrival with what is in place, s after crossing
   */
  public record ObstacleOutcome(
      String obstacleId, double finish_s, double arrival_s, boolean inPlace) {}

  /** An obstacle that cannot be put in place at all, or a unit that can do nothing: id and why. */
  public record Shortfall(String obstacleId, String reason) {}
}
