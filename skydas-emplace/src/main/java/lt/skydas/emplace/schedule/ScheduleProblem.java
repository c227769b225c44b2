package lt.skydas.emplace.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One emplacement scheduling problem: the teams, the jobs, and the travel times between the {@code
 * locationCount} locations 0..locationCount−1 that teams' homes, jobs' depots and sites index.
 * Immutable (the lists are copied; {@code travel} is kept and must not change); thread-safe if
 * {@code travel} is.
 *
 * <p>Validated on construction, with an {@link IllegalArgumentException} naming the team or job: no
 * teams or jobs is fine (an empty schedule), but ids must be unique, every location must be inside
 * 0..locationCount−1 (a depot may be −1: none), and every travel time the schedule can use (home →
 * depot, home → site, depot → site, site → depot, site → site) must be ≥ 0 or +∞, never NaN.
 *
 * <p>Road networks make "finite travel" an equivalence (a team that can reach a site can reach
 * every place reachable from there, and come back); the scheduler assumes so when it appends a job
 * after others. A job that a capable team reaches from home but that could not be appended anywhere
 * because travel breaks this is reported unassigned rather than lost.
 *
 * @param teams the teams, unique ids
 * @param jobs the jobs, unique ids
 * @param travel seconds between locations, +∞ where there is no road
 * @param locationCount how many locations {@code travel} knows
 */
public record ScheduleProblem(List<Team> teams, List<Job> jobs, Travel travel, int locationCount) {
  public ScheduleProblem {
    teams = List.copyOf(teams);
    jobs = List.copyOf(jobs);
    Objects.requireNonNull(travel, "travel");
    if (locationCount < 0) {
      throw new IllegalArgumentException("locationCount " + locationCount + " < 0");
    }
    validate(teams, jobs, travel, locationCount);
  }

  /** A problem whose travel times are a dense matrix {@code time_s[from][to]} (not copied). */
  public static ScheduleProblem of(List<Team> teams, List<Job> jobs, double[][] time_s) {
    for (int i = 0; i < time_s.length; i++) {
      if (time_s[i].length != time_s.length) {
        throw new IllegalArgumentException(
            "travel matrix row "
                + i
                + " has "
                + time_s[i].length
                + " entries, not "
                + time_s.length);
      }
    }
    return new ScheduleProblem(teams, jobs, (from, to) -> time_s[from][to], time_s.length);
  }

  private static void validate(List<Team> teams, List<Job> jobs, Travel travel, int n) {
    Set<String> ids = new HashSet<>();
    for (Team t : teams) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("team " + t.id() + ": duplicate team id");
      }
      if (t.home() >= n) {
        throw new IllegalArgumentException(
            "team " + t.id() + ": home location " + t.home() + " is outside 0.." + (n - 1));
      }
    }
    ids.clear();
    for (Job j : jobs) {
      if (!ids.add(j.id())) {
        throw new IllegalArgumentException("job " + j.id() + ": duplicate job id");
      }
      if (j.site() >= n) {
        throw new IllegalArgumentException(
            "job " + j.id() + ": site location " + j.site() + " is outside 0.." + (n - 1));
      }
      if (j.depot() < -1 || j.depot() >= n) {
        throw new IllegalArgumentException(
            "job " + j.id() + ": depot location " + j.depot() + " is outside -1.." + (n - 1));
      }
      if (j.depot() >= 0) {
        check(travel, j.depot(), j.site(), "job " + j.id() + ": travel depot → site");
      }
    }
    for (Job j : jobs) {
      int to = j.depot() >= 0 ? j.depot() : j.site();
      for (Team t : teams) {
        check(travel, t.home(), to, "team " + t.id() + " → job " + j.id() + ": travel");
      }
      for (Job i : jobs) {
        check(travel, i.site(), to, "job " + i.id() + " → job " + j.id() + ": travel");
      }
    }
  }

  private static void check(Travel travel, int from, int to, String what) {
    double t = travel.time_s(from, to);
    if (!(t >= 0)) {
      throw new IllegalArgumentException(
          what + " " + from + " → " + to + " is " + t + " s (must be ≥ 0 or +∞)");
    }
  }
}
