package lt.skydas.optimize.solve;

/**
 * Outcome of {@link ExactSolver}: the best plan found, its objective (a lower bound on the
 * optimum), a proven upper bound, and how the solve went. Arrays are copied on construction; do not
 * modify the arrays the accessors return.
 *
 * @param choice chosen option per site, -1 for none (keeps every constraint)
 * @param objective the plan's objective, re-evaluated exactly (lower bound)
 * @param bound proven upper bound on the optimal objective ({@code ≥ objective})
 * @param baselineObjective objective of the empty plan
 * @param heuristicObjective objective of the heuristic's plan the solve started from
 * @param status how it ended
 * @param rounds master solves
 * @param poolSize path rows in the master at the end
 * @param masterVariables option variables in the last master
 * @param ticksPerSecond time resolution of the master (rows rounded up to ticks)
 * @param time_s wall-clock seconds, all phases
 * @param heuristicTime_s seconds in the initial heuristic
 * @param masterTime_s seconds in CP-SAT
 * @param scenarioSearch_s per scenario: seconds in shortest-path searches (heuristic, repair and
 *     separation)
 * @param length_s per scenario: the plan's attacker time
 * @param evaluations candidate plans the heuristic, repair and local search evaluated
 * @param searches shortest-path searches run (evaluations, separation, drop losses …)
 */
public record ExactResult(
    int[] choice,
    double objective,
    double bound,
    double baselineObjective,
    double heuristicObjective,
    SolveStatus status,
    int rounds,
    int poolSize,
    int masterVariables,
    long ticksPerSecond,
    double time_s,
    double heuristicTime_s,
    double masterTime_s,
    double[] scenarioSearch_s,
    double[] length_s,
    long evaluations,
    long searches) {

  public ExactResult {
    choice = choice.clone();
    scenarioSearch_s = scenarioSearch_s.clone();
    length_s = length_s.clone();
  }

  /** Relative gap on the objective: {@code (bound − objective) / |objective|} (0 when equal). */
  public double gap() {
    double d = bound - objective;
    return d <= 0 ? 0 : d / Math.max(Math.abs(objective), 1e-300);
  }

  /**
   * Relative gap on the delay bought: {@code (bound − objective) / (objective − baseline)}; +Inf
   * when the plan buys no delay but the bound allows some.
   */
  public double delayGap() {
    double d = bound - objective;
    if (d <= 0) {
      return 0;
    }
    double bought = objective - baselineObjective;
    return bought > 0 ? d / bought : Double.POSITIVE_INFINITY;
  }
}
