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
}
