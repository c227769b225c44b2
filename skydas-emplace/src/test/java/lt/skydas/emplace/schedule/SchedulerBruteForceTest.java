package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both paths against {@link BruteForceScheduler} on small random problems (fixed seeds). */
class SchedulerBruteForceTest {
  private static final int SEEDS = 120;

  /** 1..6 jobs, 1..3 teams, 0..2 depots, 2..3 types, deadlines tight enough that some are late. */
  static ScheduleProblem small(long seed) {
    int jobs = 1 + (int) (seed % 6);
    int teams = 1 + (int) ((seed / 6) % 3);
    return ScheduleFixtures.random(seed, jobs, teams, (int) (seed % 3), 2 + (int) (seed % 2), 9000);
  }

  @Test
  void exactEqualsBruteForceOnBothObjectives() {
    Scheduler s = new Scheduler();
    int binding = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      ScheduleProblem p = small(seed);
      BruteForceScheduler ref = new BruteForceScheduler(p);
      Schedule got = s.solve(p, SchedulerOptions.builder().withSeed(seed).build());
      String at = "seed " + seed;
      double cost = ScheduleReplay.check(p, got, at);
      assertThat(got.method()).as(at).isEqualTo("exact");
      assertThat(got.optimal()).as(at + " proven").isTrue();
      assertThat(got.value()).as(at + " value").isEqualTo(ref.bestValue);
      assertThat(ref.bestCompleteValue)
          .as(at + " appending late jobs costs nothing")
          .isEqualTo(ref.bestValue);
      assertThat(cost).as(at + " Σ value × finish").isEqualTo(ref.bestCompleteCost);
      assertThat(got.bound()).as(at + " bound").isGreaterThanOrEqualTo(ref.bestValue);
      double total = p.jobs().stream().mapToDouble(Job::value).sum();
      binding += ref.bestValue > 0 && ref.bestValue < total ? 1 : 0;
    }
    System.out.printf("deadlines bind (0 < optimum < total) on %d of %d seeds%n", binding, SEEDS);
    assertThat(binding).as("the fixtures test something").isGreaterThan(SEEDS / 2);
  }

  @Test
  void heuristicNeverExceedsBruteForceAndUsuallyReachesIt() {
    Scheduler s = new Scheduler();
    int reached = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      ScheduleProblem p = small(seed);
      BruteForceScheduler ref = new BruteForceScheduler(p);
      Schedule got =
          s.solve(p, SchedulerOptions.builder().withSeed(seed).withExactMaxJobs(0).build());
      String at = "seed " + seed;
      ScheduleReplay.check(p, got, at);
      assertThat(got.method()).as(at).isEqualTo("heuristic");
      assertThat(got.value()).as(at + " value").isLessThanOrEqualTo(ref.bestValue);
      assertThat(got.bound())
          .as(at + " relaxation bound")
          .isGreaterThanOrEqualTo(ref.bestValue - 1e-9);
      reached += got.value() == ref.bestValue ? 1 : 0;
    }
    System.out.printf(
        "heuristic reaches the brute-force optimum on %d of %d seeds%n", reached, SEEDS);
    assertThat(reached)
        .as("seeds where the heuristic is optimal")
        .isGreaterThanOrEqualTo(SEEDS * 95 / 100);
  }

  @Test
  void exactNeverLosesValueWithMoreSlack() {
    Scheduler s = new Scheduler();
    for (long seed = 1; seed <= 40; seed++) {
      ScheduleProblem p = ScheduleFixtures.random(seed, 4 + (int) (seed % 5), 2, 2, 2, 9000);
      Schedule prev = s.solve(p, SchedulerOptions.builder().withSeed(seed).build());
      for (double delta_s : new double[] {120, 900, 3600}) {
        ScheduleProblem later = ScheduleFixtures.later(p, delta_s);
        Schedule next = s.solve(later, SchedulerOptions.builder().withSeed(seed).build());
        String at = "seed " + seed + " +" + delta_s + " s";
        ScheduleReplay.check(later, next, at);
        assertThat(next.optimal()).as(at).isTrue();
        assertThat(next.value()).as(at).isGreaterThanOrEqualTo(prev.value());
        prev = next;
      }
    }
  }

  @Test
  void emptyProblem() {
    Schedule s =
        new Scheduler()
            .solve(
                ScheduleProblem.of(java.util.List.of(), java.util.List.of(), new double[0][0]),
                SchedulerOptions.defaults());
    assertThat(s.assignments()).isEmpty();
    assertThat(s.value()).isZero();
    assertThat(s.bound()).isZero();
  }
}
