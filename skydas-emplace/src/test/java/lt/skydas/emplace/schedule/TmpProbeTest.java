package lt.skydas.emplace.schedule;

import org.junit.jupiter.api.Test;

class TmpProbeTest {
  @Test
  void probe() {
    for (long seed : new long[] {15, 16})
      for (int it : new int[] {0, 60, 200, 500, 1000}) {
        ScheduleProblem p = ScheduleFixtures.random(seed, 350, 40, 8, 5, 16 * 3600, 100_000);
        long t0 = System.nanoTime();
        Schedule s =
            new Scheduler()
                .solve(
                    p,
                    SchedulerOptions.builder()
                        .withExactMaxJobs(0)
                        .withIterations(it)
                        .withTimeLimit_s(60)
                        .build());
        System.out.printf(
            "seed %d it %d value %.0f bound %.1f %.2f s%n",
            seed, it, s.value(), s.bound(), (System.nanoTime() - t0) / 1e9);
      }
  }
}
