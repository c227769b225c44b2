package lt.skydas.emplace.schedule;

import java.util.List;

/**
 * Reference for tests: every assignment of jobs to teams and every order, by plain recursion
 * (append any unplaced job to any team), straight from the problem's records. Exponential: ≤ 6
 * jobs, ≤ 3 teams.
 */
final class BruteForceScheduler {
  /**
   * Best on-time value over all partial schedules; best Σ v·f over complete ones with that value.
   */
  double bestValue = 0;

  double bestCompleteValue = Double.NEGATIVE_INFINITY;
  double bestCompleteCost = Double.POSITIVE_INFINITY;

  private final ScheduleProblem p;
  private final double[] time;
  private final int[] at;
  private final boolean[] placed;
  private final int reachable;

  BruteForceScheduler(ScheduleProblem p) {
    this.p = p;
    List<Team> teams = p.teams();
    time = new double[teams.size()];
    at = new int[teams.size()];
    placed = new boolean[p.jobs().size()];
    for (int k = 0; k < teams.size(); k++) {
      time[k] = teams.get(k).ready_s();
      at[k] = teams.get(k).home();
    }
    int count = 0;
    for (Job j : p.jobs()) {
      boolean any = false;
      for (Team t : teams) {
        any |= Double.isFinite(finish(t, t.ready_s(), t.home(), j));
      }
      count += any ? 1 : 0;
    }
    reachable = count;
    search(0, 0, 0);
  }

  /** Team t's finish of job j when it leaves {@code from} at {@code t_s}; +∞ if impossible. */
  private double finish(Team t, double t_s, int from, Job j) {
    Double w = j.work_s().get(t.teamType());
    if (w == null) {
      return Double.POSITIVE_INFINITY;
    }
    double s = t_s;
    int loc = from;
    if (j.depot() >= 0) {
      s += p.travel().time_s(loc, j.depot());
      loc = j.depot();
    }
    s += p.travel().time_s(loc, j.site());
    return s + w;
  }

  private void search(int count, double value, double cost) {
    bestValue = Math.max(bestValue, value);
    if (count == reachable
        && (value > bestCompleteValue || (value == bestCompleteValue && cost < bestCompleteCost))) {
      bestCompleteValue = value;
      bestCompleteCost = cost;
    }
    for (int j = 0; j < placed.length; j++) {
      if (placed[j]) {
        continue;
      }
      Job job = p.jobs().get(j);
      for (int k = 0; k < time.length; k++) {
        Team t = p.teams().get(k);
        double f = finish(t, time[k], at[k], job);
        if (!Double.isFinite(f)) {
          continue;
        }
        double keepT = time[k];
        int keepAt = at[k];
        placed[j] = true;
        time[k] = f;
        at[k] = job.site();
        search(
            count + 1, value + (f <= job.deadline_s() ? job.value() : 0), cost + job.value() * f);
        placed[j] = false;
        time[k] = keepT;
        at[k] = keepAt;
      }
    }
  }
}
