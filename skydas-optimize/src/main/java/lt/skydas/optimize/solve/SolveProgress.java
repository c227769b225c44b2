package lt.skydas.optimize.solve;

/**
 * A progress report from a solver, delivered to a {@code Consumer<SolveProgress>} on the solver's
 * thread. Listeners must return quickly.
 *
 * @param phase what the solver is doing ("greedy", "local search", "master", "separation", "done")
 * @param elapsed_s seconds since the solve started
 * @param objective best plan's objective so far (lower bound on the optimum)
 * @param bound best proven upper bound so far (+Inf when none yet)
 * @param round master rounds or local-search iterations done
 * @param poolSize paths in the exact solver's pool (0 for the heuristic)
 */
public record SolveProgress(
    String phase, double elapsed_s, double objective, double bound, int round, int poolSize) {}
