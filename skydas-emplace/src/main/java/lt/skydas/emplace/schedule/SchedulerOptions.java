package lt.skydas.emplace.schedule;

/**
 * How {@link Scheduler} solves. Immutable; build with {@link #builder()}, defaults via {@link
 * #defaults()}.
 *
 * @param timeLimit_s wall-clock budget of one solve, seconds (> 0); CP-SAT gets it per stage, the
 *     heuristic's local search stops when it is spent
 * @param threads CP-SAT workers (≥ 1); the heuristic is single-threaded
 * @param exactMaxJobs problems with at most this many jobs go to CP-SAT, larger ones to the
 *     heuristic (≥ 0; 0: always the heuristic)
 * @param seed seeds the heuristic's perturbations and CP-SAT; equal seeds give equal schedules
 *     unless the time limit cuts a run short
 * @param iterations perturbation rounds of the heuristic's iterated local search (≥ 0)
 */
public record SchedulerOptions(
    double timeLimit_s, int threads, int exactMaxJobs, long seed, int iterations) {
  public SchedulerOptions {
    if (!(timeLimit_s > 0)) {
      throw new IllegalArgumentException("timeLimit_s must be > 0, not " + timeLimit_s);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, not " + threads);
    }
    if (exactMaxJobs < 0) {
      throw new IllegalArgumentException("exactMaxJobs must be ≥ 0, not " + exactMaxJobs);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be ≥ 0, not " + iterations);
    }
  }

  /** 10 s, 1 thread, exact up to 12 jobs, seed 1, 200 perturbation rounds. */
  public static SchedulerOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this. */
  public Builder toBuilder() {
    return new Builder()
        .withTimeLimit_s(timeLimit_s)
        .withThreads(threads)
        .withExactMaxJobs(exactMaxJobs)
        .withSeed(seed)
        .withIterations(iterations);
  }

  /** Builder of {@link SchedulerOptions}; not thread-safe. */
  public static final class Builder {
    private double timeLimit_s = 10;
    private int threads = 1;
    private int exactMaxJobs = 12;
    private long seed = 1;
    private int iterations = 200;

    private Builder() {}

    public Builder withTimeLimit_s(double v) {
      timeLimit_s = v;
      return this;
    }

    public Builder withThreads(int v) {
      threads = v;
      return this;
    }

    public Builder withExactMaxJobs(int v) {
      exactMaxJobs = v;
      return this;
    }

    public Builder withSeed(long v) {
      seed = v;
      return this;
    }

    public Builder withIterations(int v) {
      iterations = v;
      return this;
    }

    public SchedulerOptions build() {
      return new SchedulerOptions(timeLimit_s, threads, exactMaxJobs, seed, iterations);
    }
  }
}
