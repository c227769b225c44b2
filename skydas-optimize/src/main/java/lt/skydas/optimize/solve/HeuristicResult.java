package lt.skydas.optimize.solve;

import java.util.List;

/**
 * Outcome of {@link HeuristicSolver}: a feasible plan (all budget rows kept, forced options in, one
 * option per site) and its objective. No optimality claim. Arrays are copied on construction; do
 * not modify the arrays the accessors return.
 *
 * @param choice chosen option per site, -1 for none
 * @param objective the plan's objective
 * @param baselineObjective objective of the empty plan
 * @param greedyObjective objective after the greedy construction, before local search
 * @param length_s the plan's attacker time per scenario
 * @param iterations local-search iterations
 * @param evaluations candidate plans evaluated
 * @param searches shortest-path searches run
 * @param time_s wall-clock seconds
 * @param paths shortest paths of the plans the search moved through (seed a path pool with them)
 */
public record HeuristicResult(
    int[] choice,
    double objective,
    double baselineObjective,
    double greedyObjective,
    double[] length_s,
    int iterations,
    long evaluations,
    long searches,
    double time_s,
    List<ScenarioPath> paths) {

  public HeuristicResult {
    choice = choice.clone();
    length_s = length_s.clone();
    paths = List.copyOf(paths);
  }
}
