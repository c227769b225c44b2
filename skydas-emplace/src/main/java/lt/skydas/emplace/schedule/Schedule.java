package lt.skydas.emplace.schedule;

import java.util.List;

/**
 * A solved scheduling problem: every job some team does, in each team's order; the jobs no team
 * does ({@code unassigned}: no capable team reaches them); the value of the jobs finished on time;
 * an upper bound on the best value any schedule could reach; how it was found.
 *
 * @param method "exact" (CP-SAT, proven optimal when {@code optimal}) or "heuristic"
 */
public record Schedule(
    List<Assignment> assignments,
    List<String> unassigned,
    double value,
    double bound,
    String method,
    boolean optimal) {
  public Schedule {
    assignments = List.copyOf(assignments);
    unassigned = List.copyOf(unassigned);
  }
}
