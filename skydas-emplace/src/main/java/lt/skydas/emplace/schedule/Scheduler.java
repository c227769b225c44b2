package lt.skydas.emplace.schedule;

/**
 * Schedules engineer teams over emplacement jobs: which team does which job in which order, so
 * that, lexicographically, (1) the value of the jobs finished by their deadlines is largest, and
 * (2) every other job some capable team reaches is still done (late, appended where it costs least)
 * and the sum of value × finish over all jobs is smallest.
 *
 * <p>A team starts at its home at {@code ready_s}; for each job of its order it travels from where
 * it is (home or the previous site) to the job's depot (if any), then to the site, then works
 * {@code work_s} of its type; it never waits. A job is on time iff its finish ≤ its deadline.
 *
 * <p>Problems with at most {@link SchedulerOptions#exactMaxJobs()} jobs are solved by CP-SAT
 * ({@link Schedule#method()} "exact", {@code optimal} when proven), the others by insertion and
 * iterated local search ("heuristic"). {@link Schedule#bound()} is a proven upper bound on
 * objective (1): the smaller of CP-SAT's objective bound (exact path) and a linear relaxation
 * solved exactly (both paths; see {@code RelaxationBound} in package.md). {@link
 * Schedule#unassigned()} lists the jobs no capable team can reach.
 *
 * <p>Stateless; thread-safe. A solve takes at most about {@link SchedulerOptions#timeLimit_s()}
 * (twice that on the exact path: one limit per CP-SAT stage).
 */
public final class Scheduler {
  public Scheduler() {}

  /** The best schedule found for {@code p}. */
  public Schedule solve(ScheduleProblem p, SchedulerOptions o) {
    return solve(p, o, null);
  }

  /**
   * The best schedule found for {@code p}, never worse than {@code hint}'s orders replayed on
   * {@code p} (with the jobs it lacks inserted): the hint's order is kept unless something better
   * is found. Use the schedule at a shorter warning time as the hint for a longer one, so that the
   * on-time value never falls as warning grows. On the heuristic path a hint costs a second run
   * (from the hint, then from scratch; the better is kept, the hint's on a tie).
   *
   * @param hint a previous schedule (its teams and jobs are matched by id; unknown ones ignored),
   *     or null
   */
  public Schedule solve(ScheduleProblem p, SchedulerOptions o, Schedule hint) {
    long deadline_ns = System.nanoTime() + (long) (o.timeLimit_s() * 1e9);
    Instance in = new Instance(p);
    int[][] start = hint == null ? null : in.routesOf(hint);
    int[][] routes = Heuristic.solve(in, o, start, deadline_ns);
    double bound = TypeGroupBound.of(in, RelaxationBound.of(in));
    if (in.n == 0 || in.n > o.exactMaxJobs()) {
      return in.toSchedule(routes, bound, "heuristic", false);
    }
    ExactSolver.Result r = ExactSolver.solve(in, o, routes, bound);
    return in.toSchedule(r.routes(), r.bound(), "exact", r.optimal());
  }
}
