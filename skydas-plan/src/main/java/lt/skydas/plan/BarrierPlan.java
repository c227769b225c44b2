package lt.skydas.plan;

import java.util.List;

/**
 * A barrier plan: obstacles and the policy they must respect. Immutable.
 *
 * @param source the file it was read from, or a label
 */
public record BarrierPlan(String source, String name, PlanPolicy policy, List<Obstacle> obstacles) {
  public BarrierPlan {
    obstacles = List.copyOf(obstacles);
  }

  /** An empty plan (the baseline). */
  public static BarrierPlan empty(PlanPolicy policy) {
    return new BarrierPlan("(none)", "no obstacles", policy, List.of());
  }

  public double totalCost_eur() {
    return obstacles.stream().mapToDouble(Obstacle::cost_eur).sum();
  }

  public double clearanceCost_eur() {
    return obstacles.stream().mapToDouble(Obstacle::clearanceCost_eur).sum();
  }

  public double clearanceEffort_h() {
    return obstacles.stream().mapToDouble(Obstacle::clearanceEffort_h).sum();
  }

  /**
   * Construction cost in EUR by programme year (0 = not phased) and category, years ascending,
   * categories in first-seen order.
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
