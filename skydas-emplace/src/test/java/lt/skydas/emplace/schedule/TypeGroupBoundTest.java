package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Idle teams of a type that cannot do a job do not lend it their hours: the bound by type groups is
 * tight where the pooled one is not, and never below the optimum (brute force, random seeds).
 */
class TypeGroupBoundTest {
  @Test
  void idleClosureTeamsDoNotCountTowardDemolitions() {
    // one demolition squad and three closure teams at home (location 0); four bridges (sites 1..4)
    // 10 min away, 2 h of work each, all due at 2 h 30 min: the squad can charge one in time
    List<Team> teams = new ArrayList<>();
    teams.add(new Team("sq", "u", "demolition_squad", 0, 0));
    for (int k = 0; k < 3; k++) {
      teams.add(new Team("cl" + k, "u", "closure_team", 0, 0));
    }
    List<Job> jobs = new ArrayList<>();
    for (int j = 1; j <= 4; j++) {
      jobs.add(new Job("br" + j, j, -1, 1, 9000, Map.of("demolition_squad", 7200.0)));
    }
    double[][] t = new double[5][5];
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        t[a][b] = a == b ? 0 : 600;
      }
    }
    ScheduleProblem p = ScheduleProblem.of(teams, jobs, t);
    Instance in = new Instance(p);
    double pooled = RelaxationBound.of(in);
    double grouped = TypeGroupBound.of(in, pooled);
    BruteForceScheduler ref = new BruteForceScheduler(p);
    assertThat(ref.bestValue).isEqualTo(1);
    assertThat(pooled).as("pooled hours of all four teams").isGreaterThan(3);
    // the squad's 9000 s over 7800 s per bridge (10 min in, 2 h of work): the LP's fractional 1.15
    assertThat(grouped).as("the squad's hours alone").isCloseTo(9000.0 / 7800, within(1e-4));
    Schedule s = new Scheduler().solve(p, SchedulerOptions.defaults());
    assertThat(s.bound()).isCloseTo(1.0, within(0.01));
    assertThat(s.optimal()).isTrue();
  }

  @Test
  void neverBelowTheOptimumOnRandomProblems() {
    for (long seed = 1; seed <= 150; seed++) {
      ScheduleProblem p = SchedulerBruteForceTest.small(seed);
      Instance in = new Instance(p);
      double pooled = RelaxationBound.of(in);
      double grouped = TypeGroupBound.of(in, pooled);
      double optimum = new BruteForceScheduler(p).bestValue;
      assertThat(grouped).as("seed " + seed).isGreaterThanOrEqualTo(optimum - 1e-9);
      assertThat(grouped).as("seed " + seed).isLessThanOrEqualTo(pooled);
    }
  }
}
