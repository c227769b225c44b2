package lt.skydas.emplace.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random scheduling problems for tests: integer seconds, integer values, fixed seeds. */
final class ScheduleFixtures {
  private ScheduleFixtures() {}

  static final String[] TYPES = {"mech", "sapper", "demo", "mine", "recce"};

  /**
   * A random problem: locations on a 60 × 60 km plane (by default), road time = Manhattan distance
   * at 60 km/h plus up to 10 % one-way detours (so not symmetric), whole seconds; about a third of
   * the jobs without depot; some jobs not doable by some team types.
   *
   * @param types how many team types (≤ 5)
   * @param deadlineScale_s deadlines uniform in [0.2, 1] × this
   */
  static ScheduleProblem random(
      long seed, int jobs, int teams, int depots, int types, double deadlineScale_s) {
    return random(seed, jobs, teams, depots, types, deadlineScale_s, 60_000);
  }

  /** As above on a {@code side_m} × {@code side_m} plane. */
  static ScheduleProblem random(
      long seed,
      int jobs,
      int teams,
      int depots,
      int types,
      double deadlineScale_s,
      double side_m) {
    Random r = new Random(seed);
    int homes = Math.max(1, teams / 3);
    int locations = homes + depots + jobs;
    double[] x = new double[locations];
    double[] y = new double[locations];
    for (int i = 0; i < locations; i++) {
      x[i] = r.nextDouble() * side_m;
      y[i] = r.nextDouble() * side_m;
    }
    double[][] t = new double[locations][locations];
    for (int a = 0; a < locations; a++) {
      for (int b = 0; b < locations; b++) {
        double d_m = Math.abs(x[a] - x[b]) + Math.abs(y[a] - y[b]);
        t[a][b] = a == b ? 0 : Math.rint(d_m / (60_000 / 3600.0) * (1 + 0.1 * r.nextDouble()));
      }
    }
    List<Team> ts = new ArrayList<>();
    for (int k = 0; k < teams; k++) {
      ts.add(
          new Team(
              "T" + k, "U" + (k % homes), TYPES[r.nextInt(types)], k % homes, 60 * r.nextInt(61)));
    }
    List<Job> js = new ArrayList<>();
    for (int j = 0; j < jobs; j++) {
      Map<String, Double> work = new HashMap<>();
      for (int c = 0; c < types; c++) {
        if (c == 0 || r.nextInt(4) != 0) {
          work.put(TYPES[(c + j) % types], (double) (600 + 60 * r.nextInt(60)));
        }
      }
      int depot = depots == 0 || r.nextInt(3) == 0 ? -1 : homes + r.nextInt(depots);
      double deadline = Math.rint(deadlineScale_s * (0.2 + 0.8 * r.nextDouble()));
      js.add(new Job("J" + j, homes + depots + j, depot, 1 + r.nextInt(10), deadline, work));
    }
    return ScheduleProblem.of(ts, js, t);
  }

  /** The same problem with every deadline later by {@code delta_s}. */
  static ScheduleProblem later(ScheduleProblem p, double delta_s) {
    List<Job> js = new ArrayList<>();
    for (Job j : p.jobs()) {
      js.add(new Job(j.id(), j.site(), j.depot(), j.value(), j.deadline_s() + delta_s, j.work_s()));
    }
    return new ScheduleProblem(p.teams(), js, p.travel(), p.locationCount());
  }
}
