package lt.skydas.optimize;

import java.util.List;
import java.util.Map;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.optimize.model.ObjectiveMode;
import lt.skydas.plan.PlanPolicy;

/**
 * How {@code skydas optimize} works.
 *
 * @param classes vehicle classes the plan must delay
 * @param seasons seasons considered
 * @param classWeights weight of each class in the objective (missing = 1)
 * @param robust the worst season counts (else the mean over seasons)
 * @param objectiveMode the time to each objective counts (averaged over them), or only the time to
 *     the nearest
 * @param programme budget, mine ceiling, yearly ceilings and capacity
 * @param policy humanitarian policy (AP mines, civilian buffer)
 * @param candidates how candidate sites are generated
 * @param chunk_m largest gate on the corridor graph (an attacker may slip this far along an
 *     obstacle he has crossed)
 * @param linkRange_m gate-to-gate links are searched up to this distance at the fastest off-road
 *     speed
 * @param maxLinks at most this many links per gate (0 = all)
 * @param routeLimitPct friendly routes may lose at most this percentage of their unobstructed time
 * @param timeLimit_s solver time limit
 * @param gapTarget stop when the proven relative gap on the objective is at most this
 * @param threads worker threads
 */
public record OptimizeOptions(
    List<VehicleClass> classes,
    List<Season> seasons,
    Map<VehicleClass, Double> classWeights,
    boolean robust,
    ObjectiveMode objectiveMode,
    Programme programme,
    PlanPolicy policy,
    CandidateOptions candidates,
    double chunk_m,
    double linkRange_m,
    int maxLinks,
    double routeLimitPct,
    double timeLimit_s,
    double gapTarget,
    int threads) {
  public OptimizeOptions {
    classes = List.copyOf(classes);
    seasons = List.copyOf(seasons);
    classWeights = Map.copyOf(classWeights);
    java.util.Objects.requireNonNull(objectiveMode, "objectiveMode");
    if (classes.isEmpty() || seasons.isEmpty()) {
      throw new IllegalArgumentException("at least one vehicle class and one season");
    }
    for (double w : classWeights.values()) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException("class weights must be finite and >= 0");
      }
    }
    if (!(chunk_m > 0) || !(linkRange_m > 0) || maxLinks < 0) {
      throw new IllegalArgumentException("gate chunk and link range must be > 0");
    }
    if (!(routeLimitPct >= 0)) {
      throw new IllegalArgumentException("friendly-route limit must be >= 0 %");
    }
    if (!(timeLimit_s > 0) || !(gapTarget >= 0)) {
      throw new IllegalArgumentException("time limit must be > 0 s and gap target >= 0");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
  }

  /**
   * All classes and seasons with equal weights, robust (worst season), each objective, the default
   * programme and policy, belts at 3, 8 and 15 km, 2 km gates, 8 km links (24 per gate), 10 % route
   * limit, 10 minutes, 1 % gap target.
   */
  public static OptimizeOptions defaults() {
    return new OptimizeOptions(
        List.of(VehicleClass.values()),
        List.of(Season.values()),
        Map.of(),
        true,
        ObjectiveMode.EACH,
        Programme.defaults(),
        PlanPolicy.DEFAULT,
        CandidateOptions.defaults(),
        2000,
        8000,
        24,
        lt.skydas.assess.ReinforcementRoute.DEFAULT_LIMIT_PCT,
        600,
        0.01,
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  public OptimizeOptions withTimeLimit_s(double t) {
    return new OptimizeOptions(
        classes,
        seasons,
        classWeights,
        robust,
        objectiveMode,
        programme,
        policy,
        candidates,
        chunk_m,
        linkRange_m,
        maxLinks,
        routeLimitPct,
        t,
        gapTarget,
        threads);
  }

  public OptimizeOptions withProgramme(Programme p) {
    return new OptimizeOptions(
        classes,
        seasons,
        classWeights,
        robust,
        objectiveMode,
        p,
        policy,
        candidates,
        chunk_m,
        linkRange_m,
        maxLinks,
        routeLimitPct,
        timeLimit_s,
        gapTarget,
        threads);
  }

  public OptimizeOptions withObjectiveMode(ObjectiveMode m) {
    return new OptimizeOptions(
        classes,
        seasons,
        classWeights,
        robust,
        m,
        programme,
        policy,
        candidates,
        chunk_m,
        linkRange_m,
        maxLinks,
        routeLimitPct,
        timeLimit_s,
        gapTarget,
        threads);
  }
}
