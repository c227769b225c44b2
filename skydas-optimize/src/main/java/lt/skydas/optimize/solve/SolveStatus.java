package lt.skydas.optimize.solve;

/** How an exact solve ended. */
public enum SolveStatus {
  /**
   * Proven optimal: the bound equals the plan's objective up to the tick resolution and weight
   * rounding documented on {@link ExactSolver} (the master found no violated path at its optimum).
   */
  OPTIMAL,
  /** Stopped because the relative gap reached the requested target (> 0). */
  GAP,
  /** Stopped at the time limit; the plan is the best found and the bound is still valid. */
  TIME_LIMIT,
  /**
   * No plan exists. The solvers throw {@link InfeasiblePlanException} instead of returning a
   * result; this value is for callers that turn the exception into a report.
   */
  INFEASIBLE
}
