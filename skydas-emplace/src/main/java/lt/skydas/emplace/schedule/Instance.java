package lt.skydas.emplace.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ScheduleProblem} on dense arrays: teams 0..m−1 and jobs 0..n−1 in the problem's order.
 * The one place where a route's times are computed ({@link #finish}): every solver and the
 * conversion to a {@link Schedule} use it, so they agree to the last bit. Immutable after
 * construction; thread-safe.
 */
final class Instance {
  final ScheduleProblem problem;
  final int n;
  final int m;
  final double[] value;
  final double[] deadline_s;
  final double[] ready_s;

  /** [k][j]: team k's home → job j's depot (or site without a depot), s. */
  final double[][] fromHome_s;

  /** [i][j]: job i's site → job j's depot (or site), s. */
  final double[][] fromSite_s;

  /** [j]: job j's depot → its site, s (0 without a depot). */
  final double[] load_s;

  /** [k][j]: work of team k at job j, s; +∞ if k's type cannot do j. */
  final double[][] work_s;

  /** [j]: some capable team reaches j from its home. */
  final boolean[] reachable;

  final double totalValue;

  Instance(ScheduleProblem p) {
    problem = p;
    List<Team> teams = p.teams();
    List<Job> jobs = p.jobs();
    Travel tr = p.travel();
    n = jobs.size();
    m = teams.size();
    value = new double[n];
    deadline_s = new double[n];
    ready_s = new double[m];
    fromHome_s = new double[m][n];
    fromSite_s = new double[n][n];
    load_s = new double[n];
    work_s = new double[m][n];
    reachable = new boolean[n];
    double total = 0;
    for (int j = 0; j < n; j++) {
      Job job = jobs.get(j);
      value[j] = job.value();
      total += job.value();
      deadline_s[j] = job.deadline_s();
      load_s[j] = job.depot() >= 0 ? tr.time_s(job.depot(), job.site()) : 0;
      int first = firstStop(job);
      for (int i = 0; i < n; i++) {
        fromSite_s[i][j] = tr.time_s(jobs.get(i).site(), first);
      }
    }
    totalValue = total;
    for (int k = 0; k < m; k++) {
      Team t = teams.get(k);
      ready_s[k] = t.ready_s();
      for (int j = 0; j < n; j++) {
        Job job = jobs.get(j);
        Double w = job.work_s().get(t.teamType());
        work_s[k][j] = w == null ? Double.POSITIVE_INFINITY : w;
        fromHome_s[k][j] = tr.time_s(t.home(), firstStop(job));
        if (!Double.isInfinite(finish(k, -1, ready_s[k], j))) {
          reachable[j] = true;
        }
      }
    }
  }

  private static int firstStop(Job job) {
    return job.depot() >= 0 ? job.depot() : job.site();
  }

  /**
   * When team k finishes job j if it starts from job {@code prev}'s site ({@code -1}: from its
   * home) at {@code t_s}; +∞ if it cannot.
   */
  double finish(int k, int prev, double t_s, int j) {
    double leg = prev < 0 ? fromHome_s[k][j] : fromSite_s[prev][j];
    return ((t_s + leg) + load_s[j]) + work_s[k][j];
  }

  /** {on-time value, Σ value × finish} of {@code routes} (per team, job indices in order). */
  double[] objective(int[][] routes) {
    double v = 0;
    double c = 0;
    for (int k = 0; k < m; k++) {
      double t = ready_s[k];
      int prev = -1;
      for (int j : routes[k]) {
        t = finish(k, prev, t, j);
        if (t <= deadline_s[j]) {
          v += value[j];
        }
        c += value[j] * t;
        prev = j;
      }
    }
    return new double[] {v, c};
  }

  /** Job index by id. */
  Map<String, Integer> jobIndex() {
    Map<String, Integer> ix = new HashMap<>();
    for (int j = 0; j < n; j++) {
      ix.put(problem.jobs().get(j).id(), j);
    }
    return ix;
  }

  /**
   * The routes of {@code hint} that still make sense here: its teams' orders, by team id, keeping
   * the jobs that exist, are not yet placed and the team can do. Jobs it lacks are left out.
   */
  int[][] routesOf(Schedule hint) {
    Map<String, Integer> jobs = jobIndex();
    Map<String, Integer> teams = new HashMap<>();
    for (int k = 0; k < m; k++) {
      teams.put(problem.teams().get(k).id(), k);
    }
    List<List<Assignment>> byTeam = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      byTeam.add(new ArrayList<>());
    }
    for (Assignment a : hint.assignments()) {
      Integer k = teams.get(a.teamId());
      if (k != null) {
        byTeam.get(k).add(a);
      }
    }
    boolean[] placed = new boolean[n];
    int[][] routes = new int[m][];
    for (int k = 0; k < m; k++) {
      List<Assignment> as = byTeam.get(k);
      as.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
      int[] r = new int[as.size()];
      int len = 0;
      double t = ready_s[k];
      int prev = -1;
      for (Assignment a : as) {
        Integer j = jobs.get(a.jobId());
        if (j == null || placed[j]) {
          continue;
        }
        double f = finish(k, prev, t, j);
        if (Double.isInfinite(f)) {
          continue;
        }
        placed[j] = true;
        r[len++] = j;
        t = f;
        prev = j;
      }
      routes[k] = java.util.Arrays.copyOf(r, len);
    }
    return routes;
  }

  /**
   * The schedule of {@code routes} (per team, job indices in order): exact times from the travel
   * and work tables, jobs in no route reported unassigned.
   */
  Schedule toSchedule(int[][] routes, double bound, String method, boolean optimal) {
    if (Double.isNaN(bound)) {
      throw new IllegalStateException("bound is NaN");
    }
    List<Assignment> out = new ArrayList<>();
    boolean[] placed = new boolean[n];
    double v = 0;
    for (int k = 0; k < m; k++) {
      double t = ready_s[k];
      int prev = -1;
      for (int s = 0; s < routes[k].length; s++) {
        int j = routes[k][s];
        double leave = t;
        double atFirst = leave + (prev < 0 ? fromHome_s[k][j] : fromSite_s[prev][j]);
        double arrive = atFirst + load_s[j];
        double f = finish(k, prev, t, j);
        boolean onTime = f <= deadline_s[j];
        if (Double.isInfinite(f) || placed[j]) {
          throw new IllegalStateException("route of team " + k + " cannot do job " + j);
        }
        placed[j] = true;
        if (onTime) {
          v += value[j];
        }
        Job job = problem.jobs().get(j);
        out.add(
            new Assignment(
                job.id(),
                problem.teams().get(k).id(),
                s,
                leave,
                job.depot() >= 0 ? atFirst : Double.NaN,
                arrive,
                arrive,
                f,
                onTime));
        t = f;
        prev = j;
      }
    }
    List<String> unassigned = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (!placed[j]) {
        unassigned.add(problem.jobs().get(j).id());
      }
    }
    return new Schedule(out, unassigned, v, Math.max(bound, v), method, optimal);
  }
}
