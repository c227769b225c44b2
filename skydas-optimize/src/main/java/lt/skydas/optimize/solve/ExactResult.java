package lt.skydas.optimize.solve;

import java.util.Objects;

/**
 * Outcome of {@link ExactSolver}: the best plan found, its objective (a lower bound on the
 * optimum), a proven upper bound, and how the solve went. Built with {@link #builder()}. Arrays are
 * copied on construction; do not modify the arrays the accessors return. Immutable.
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

  /**
   * @throws NullPointerException when {@code choice}, {@code status}, {@code scenarioSearch_s} or
   *     {@code length_s} is null
   */
  public ExactResult {
    Objects.requireNonNull(status, "status");
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

  /** A builder with every field unset (arrays null, numbers 0). */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields; {@link #build} copies the arrays. Not thread safe. */
  public static final class Builder {
    private int[] choice;
    private double objective;
    private double bound;
    private double baselineObjective;
    private double heuristicObjective;
    private SolveStatus status;
    private int rounds;
    private int poolSize;
    private int masterVariables;
    private long ticksPerSecond;
    private double time_s;
    private double heuristicTime_s;
    private double masterTime_s;
    private double[] scenarioSearch_s;
    private double[] length_s;
    private long evaluations;
    private long searches;

    private Builder() {}

    /** See {@link ExactResult#choice}. */
    public Builder withChoice(int[] v) {
      choice = v;
      return this;
    }

    /** See {@link ExactResult#objective}. */
    public Builder withObjective(double v) {
      objective = v;
      return this;
    }

    /** See {@link ExactResult#bound}. */
    public Builder withBound(double v) {
      bound = v;
      return this;
    }

    /** See {@link ExactResult#baselineObjective}. */
    public Builder withBaselineObjective(double v) {
      baselineObjective = v;
      return this;
    }

    /** See {@link ExactResult#heuristicObjective}. */
    public Builder withHeuristicObjective(double v) {
      heuristicObjective = v;
      return this;
    }

    /** See {@link ExactResult#status}. */
    public Builder withStatus(SolveStatus v) {
      status = v;
      return this;
    }

    /** See {@link ExactResult#rounds}. */
    public Builder withRounds(int v) {
      rounds = v;
      return this;
    }

    /** See {@link ExactResult#poolSize}. */
    public Builder withPoolSize(int v) {
      poolSize = v;
      return this;
    }

    /** See {@link ExactResult#masterVariables}. */
    public Builder withMasterVariables(int v) {
      masterVariables = v;
      return this;
    }

    /** See {@link ExactResult#ticksPerSecond}. */
    public Builder withTicksPerSecond(long v) {
      ticksPerSecond = v;
      return this;
    }

    /** See {@link ExactResult#time_s}. */
    public Builder withTime_s(double v) {
      time_s = v;
      return this;
    }

    /** See {@link ExactResult#heuristicTime_s}. */
    public Builder withHeuristicTime_s(double v) {
      heuristicTime_s = v;
      return this;
    }

    /** See {@link ExactResult#masterTime_s}. */
    public Builder withMasterTime_s(double v) {
      masterTime_s = v;
      return this;
    }

    /** See {@link ExactResult#scenarioSearch_s}. */
    public Builder withScenarioSearch_s(double[] v) {
      scenarioSearch_s = v;
      return this;
    }

    /** See {@link ExactResult#length_s}. */
    public Builder withLength_s(double[] v) {
      length_s = v;
      return this;
    }

    /** See {@link ExactResult#evaluations}. */
    public Builder withEvaluations(long v) {
      evaluations = v;
      return this;
    }

    /** See {@link ExactResult#searches}. */
    public Builder withSearches(long v) {
      searches = v;
      return this;
    }

    /**
     * The result.
     *
     * @throws NullPointerException when an array or the status is not set
     */
    public ExactResult build() {
      return new ExactResult(
          choice,
          objective,
          bound,
          baselineObjective,
          heuristicObjective,
          status,
          rounds,
          poolSize,
          masterVariables,
          ticksPerSecond,
          time_s,
          heuristicTime_s,
          masterTime_s,
          scenarioSearch_s,
          length_s,
          evaluations,
          searches);
    }
  }
}
