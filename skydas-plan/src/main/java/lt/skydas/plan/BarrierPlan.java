package lt.skydas.plan;

import java.util.List;

/**
 * A barrier plan: obstacles, sensor sites and the policy they must respect. Immutable.
 *
 * @param source the file it was read from, or a label
 * @param obstacles in file order
 * @param sensors sensor, EW and counter-drone sites in file order; empty for plans without them
 */
public record BarrierPlan(
    String source,
    String name,
    PlanPolicy policy,
    List<Obstacle> obstacles,
    List<SensorSite> sensors) {
  public BarrierPlan {
    obstacles = List.copyOf(obstacles);
    sensors = List.copyOf(sensors);
  }

  /** A plan of obstacles only. */
  public BarrierPlan(String source, String name, PlanPolicy policy, List<Obstacle> obstacles) {
    this(source, name, policy, obstacles, List.of());
  }

  /** An empty plan (the baseline). */
  public static BarrierPlan empty(PlanPolicy policy) {
    return new BarrierPlan("(none)", "no obstacles", policy, List.of());
  }

  /** The same plan under another policy. */
  public BarrierPlan withPolicy(PlanPolicy policy) {
    return new BarrierPlan(source, name, policy, obstacles, sensors);
  }

  /** The same plan with other obstacles (sensors kept). */
  public BarrierPlan withObstacles(List<Obstacle> obstacles) {
    return new BarrierPlan(source, name, policy, obstacles, sensors);
  }

  /**
   * Construction cost of the obstacles in EUR. Sensor sites are not in it (see {@link
   * #sensorCost_eur()}): the optimiser's budgets and the reported plan cost are obstacle costs.
   */
  public double totalCost_eur() {
    return obstacles.stream().mapToDouble(Obstacle::cost_eur).sum();
  }

  public double clearanceCost_eur() {
    return obstacles.stream().mapToDouble(Obstacle::clearanceCost_eur).sum();
  }

  public double clearanceEffort_h() {
    return obstacles.stream().mapToDouble(Obstacle::clearanceEffort_h).sum();
  }

  /** Purchase cost of the sensor sites in EUR; not part of {@link #totalCost_eur()}. */
  public double sensorCost_eur() {
    return sensors.stream().mapToDouble(SensorSite::cost_eur).sum();
  }

  /** Yearly upkeep of the sensor sites in EUR; not part of {@link #totalCost_eur()}. */
  public double sensorUpkeep_eur_per_year() {
    return sensors.stream().mapToDouble(SensorSite::upkeep_eur_per_year).sum();
  }

  /**
   * Obstacle construction cost in EUR (sensor sites not included) by programme year (0 = not
   * phased) and category, years ascending, categories in first-seen order.
   */
  public java.util.SortedMap<Integer, java.util.Map<String, Double>> costByYearAndCategory() {
    java.util.SortedMap<Integer, java.util.Map<String, Double>> m = new java.util.TreeMap<>();
    for (Obstacle o : obstacles) {
      m.computeIfAbsent(o.year(), y -> new java.util.LinkedHashMap<>())
          .merge(o.type().category(), o.cost_eur(), Double::sum);
    }
    return m;
  }
}
