package lt.skydas.assess;

import java.util.List;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;

/**
 * How to assess.
 *
 * @param avenuesPerObjective distinct avenues of approach to report per objective and case
 * @param avenueSlack an avenue is reported only when no slower than this factor × the fastest
 * @param corridorWidth_m two avenues are distinct when most of the later one lies farther than half
 *     this width from the earlier ones
 * @param marginal how per-obstacle marginal values are computed
 * @param threads cases assessed in parallel (each thread holds its own search state)
 * @param reinforcementLimitPct largest acceptable increase of friendly reinforcement travel time
 * @param watch whether obstacles count only where watched, and where warning time is measured
 */
public record AssessmentOptions(
    List<VehicleClass> classes,
    List<Season> seasons,
    SpeedTable speeds,
    int avenuesPerObjective,
    double avenueSlack,
    double corridorWidth_m,
    Marginal marginal,
    int threads,
    double reinforcementLimitPct,
    WatchOptions watch) {

  /**
   * The watch of obstacles and the warning time.
   *
   * @param assumeWatched count every obstacle in full even where the plan's sensors do not watch it
   *     (for comparison; a plan without sensor sites is always counted in full)
   * @param beltDepths_m depths behind the hostile border at which warning time is also measured, m
   *     (ascending, each within (0, 100 km]); the optimiser's belts are at 3, 8 and 15 km
   * @param mannedTypes obstacle type ids that are manned posts watching their own ground within
   *     their radius (they detect the attacker even without sensors) when the catalog counts them
   *     in full unwatched ({@code unobserved_delay_factor} 1)
   */
  public record WatchOptions(
      boolean assumeWatched, List<Double> beltDepths_m, java.util.Set<String> mannedTypes) {
    public WatchOptions {
      beltDepths_m = List.copyOf(beltDepths_m);
      mannedTypes = java.util.Set.copyOf(mannedTypes);
      double last = 0;
      for (double d : beltDepths_m) {
        if (!(d > last && d <= 100_000)) {
          throw new IllegalArgumentException(
              "belt depths must be ascending within (0, 100000] m: " + beltDepths_m);
        }
        last = d;
      }
    }

    /**
     * Obstacles count where watched; belts at 3, 8 and 15 km; control points and bunkers manned.
     */
    public static WatchOptions defaults() {
      return new WatchOptions(
          false,
          List.of(3000.0, 8000.0, 15000.0),
          java.util.Set.of("road_control_point", "bunker"));
    }

    public WatchOptions withAssumeWatched(boolean b) {
      return new WatchOptions(b, beltDepths_m, mannedTypes);
    }

    public WatchOptions withBeltDepths_m(List<Double> depths) {
      return new WatchOptions(assumeWatched, depths, mannedTypes);
    }
  }

  /** Options with the default {@link WatchOptions}. */
  public AssessmentOptions(
      List<VehicleClass> classes,
      List<Season> seasons,
      SpeedTable speeds,
      int avenuesPerObjective,
      double avenueSlack,
      double corridorWidth_m,
      Marginal marginal,
      int threads,
      double reinforcementLimitPct) {
    this(
        classes,
        seasons,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        reinforcementLimitPct,
        WatchOptions.defaults());
  }

  /** How per-obstacle marginal values are computed. */
  public enum Marginal {
    /** Not computed. */
    NONE,
    /**
     * Every case, from the searches the assessment runs anyway: the best path through each cell or
     * road edge the obstacle acts on, with that obstacle's delay taken out there (forward arrival +
     * time on to the objective). Equals {@link #EXACT} when no better path crosses the same
     * obstacle twice.
     */
    FAST,
    /** One search per obstacle and case with that obstacle removed (the reference; slow). */
    EXACT
  }

  public AssessmentOptions {
    classes = List.copyOf(classes);
    seasons = List.copyOf(seasons);
    if (classes.isEmpty() || seasons.isEmpty()) {
      throw new IllegalArgumentException("at least one vehicle class and one season");
    }
    if (avenuesPerObjective < 0 || avenuesPerObjective > 20) {
      throw new IllegalArgumentException("avenues per objective must be within 0..20");
    }
    if (!(avenueSlack >= 1) || avenueSlack > 10) {
      throw new IllegalArgumentException("avenue slack must be within 1..10");
    }
    if (!(reinforcementLimitPct >= 0 && reinforcementLimitPct <= 1000)) {
      throw new IllegalArgumentException("reinforcement limit must be within 0..1000 %");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    java.util.Objects.requireNonNull(watch, "watch");
  }

  /**
   * All classes and seasons, built-in speeds, 3 avenues within 1.5 × the fastest, fast marginals.
   */
  public static AssessmentOptions defaults() {
    return new AssessmentOptions(
        List.of(VehicleClass.values()),
        List.of(Season.values()),
        SpeedTable.defaults(),
        3,
        1.5,
        3000,
        Marginal.FAST,
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
        ReinforcementRoute.DEFAULT_LIMIT_PCT);
  }

  public AssessmentOptions withMarginal(Marginal m) {
    return new AssessmentOptions(
        classes,
        seasons,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        m,
        threads,
        reinforcementLimitPct,
        watch);
  }

  public AssessmentOptions withCases(List<VehicleClass> c, List<Season> s) {
    return new AssessmentOptions(
        c,
        s,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        reinforcementLimitPct,
        watch);
  }

  public AssessmentOptions withSpeeds(SpeedTable t) {
    return new AssessmentOptions(
        classes,
        seasons,
        t,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        reinforcementLimitPct,
        watch);
  }

  public AssessmentOptions withThreads(int n) {
    return new AssessmentOptions(
        classes,
        seasons,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        n,
        reinforcementLimitPct,
        watch);
  }

  public AssessmentOptions withReinforcementLimitPct(double pct) {
    return new AssessmentOptions(
        classes,
        seasons,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        pct,
        watch);
  }

  public AssessmentOptions withAvenues(int n) {
    return new AssessmentOptions(
        classes,
        seasons,
        speeds,
        n,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        reinforcementLimitPct,
        watch);
  }

  public AssessmentOptions withWatch(WatchOptions w) {
    return new AssessmentOptions(
        classes,
        seasons,
        speeds,
        avenuesPerObjective,
        avenueSlack,
        corridorWidth_m,
        marginal,
        threads,
        reinforcementLimitPct,
        w);
  }
}
