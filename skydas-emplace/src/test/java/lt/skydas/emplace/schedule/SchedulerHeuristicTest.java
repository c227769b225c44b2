package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heuristic on medium and large problems: replay, bound, determinism, hints. */
class SchedulerHeuristicTest {
  private static SchedulerOptions heuristic(long seed) {
    return SchedulerOptions.builder().withSeed(seed).withExactMaxJobs(0).build();
  }

  @Test
  void largeCaseReplaysAndReportsItsGap() {
    long seed = 15;
    // 350 jobs, 40 teams of 5 types, 8 depots, travel up to ~3.7 h, deadlines 3.2 to 16 h.
    ScheduleProblem p = ScheduleFixtures.random(seed, 350, 40, 8, 5, 16 * 3600, 100_000);
    long t0 = System.nanoTime();
    Schedule s = new Scheduler().solve(p, heuristic(seed));
    double took_s = (System.nanoTime() - t0) / 1e9;
    String at = "seed " + seed;
    ScheduleReplay.check(p, s, at);
    double total = p.jobs().stream().mapToDouble(Job::value).sum();
    long onTime = s.assignments().stream().filter(Assignment::onTime).count();
    System.out.printf(
        "large case (seed %d): value %.0f of %.0f total, bound %.1f, gap %.2f %%, %d of %d jobs on"
            + " time, %d unassigned, %.2f s%n",
        seed,
        s.value(),
        total,
        s.bound(),
        100 * (s.bound() - s.value()) / s.bound(),
        onTime,
        p.jobs().size(),
        s.unassigned().size(),
        took_s);
    assertThat(s.unassigned()).as(at).isEmpty();
    assertThat(s.assignments()).as(at).hasSize(350);
    assertThat(s.value()).as(at + " deadlines bind").isGreaterThan(0).isLessThan(total);
  }

  @Test
  void sameSeedSameSchedule() {
    ScheduleProblem p = ScheduleFixtures.random(7, 60, 8, 3, 3, 8 * 3600);
    Schedule a = new Scheduler().solve(p, heuristic(7));
    Schedule b = new Scheduler().solve(p, heuristic(7));
    assertThat(b).as("seed 7").isEqualTo(a);
  }

  @Test
  void moreSlackWithTheHintNeverLosesValue() {
    Scheduler s = new Scheduler();
    for (long seed = 1; seed <= 20; seed++) {
      ScheduleProblem p = ScheduleFixtures.random(seed, 40, 5, 2, 3, 6 * 3600);
      Schedule prev = s.solve(p, heuristic(seed));
      for (double delta_s : new double[] {300, 1800, 3600}) {
        ScheduleProblem later = ScheduleFixtures.later(p, delta_s);
        Schedule next = s.solve(later, heuristic(seed), prev);
        String at = "seed " + seed + " +" + delta_s + " s";
        ScheduleReplay.check(later, next, at);
        assertThat(next.value()).as(at).isGreaterThanOrEqualTo(prev.value());
        prev = next;
      }
    }
  }

  @Test
  void hintIsKeptWhenNothingBetterIsFound() {
    ScheduleProblem p = ScheduleFixtures.random(3, 30, 4, 2, 2, 5 * 3600);
    Schedule first = new Scheduler().solve(p, heuristic(3));
    SchedulerOptions noSearch = heuristic(3).toBuilder().withIterations(0).build();
    Schedule again = new Scheduler().solve(p, noSearch, first);
    assertThat(again.value()).as("seed 3").isGreaterThanOrEqualTo(first.value());
  }

  @Test
  void unreachableAndIncapableJobsAreUnassigned() {
    double inf = Double.POSITIVE_INFINITY;
    // 0: home, 1: site A, 2: site B (no road to it), 3: site C
    double[][] t = {
      {0, 600, inf, 900},
      {600, 0, inf, 300},
      {inf, inf, 0, inf},
      {900, 300, inf, 0}
    };
    var teams = java.util.List.of(new Team("T", "U", "sapper", 0, 0));
    var jobs =
        java.util.List.of(
            new Job("A", 1, -1, 2, 3600, java.util.Map.of("sapper", 1200.0)),
            new Job("B", 2, -1, 5, 3600, java.util.Map.of("sapper", 1200.0)),
            new Job("C", 3, -1, 1, 1000, java.util.Map.of("minelayer", 600.0)));
    ScheduleProblem p = ScheduleProblem.of(teams, jobs, t);
    for (SchedulerOptions o : new SchedulerOptions[] {SchedulerOptions.defaults(), heuristic(1)}) {
      Schedule s = new Scheduler().solve(p, o);
      ScheduleReplay.check(p, s, o.toString());
      assertThat(s.unassigned()).as(o.toString()).containsExactly("B", "C");
      // A alone: 600 s drive + 1200 s work = 1800 s ≤ 3600 s.
      assertThat(s.assignments())
          .singleElement()
          .extracting(Assignment::finish_s)
          .isEqualTo(1800.0);
      assertThat(s.value()).isEqualTo(2);
      assertThat(s.bound()).isEqualTo(2);
    }
  }
}
