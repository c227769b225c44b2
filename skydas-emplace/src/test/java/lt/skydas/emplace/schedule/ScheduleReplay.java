package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Independent check of a returned schedule against its problem: recomputes every time from the
 * travel and the work tables and asserts the schedule says the same.
 */
final class ScheduleReplay {
  private ScheduleReplay() {}

  /** Σ value × finish over the schedule's jobs, after asserting it replays. */
  static double check(ScheduleProblem p, Schedule s, String what) {
    Map<String, Team> teams = new HashMap<>();
    p.teams().forEach(t -> teams.put(t.id(), t));
    Map<String, Job> jobs = new HashMap<>();
    p.jobs().forEach(j -> jobs.put(j.id(), j));
    Set<String> seen = new HashSet<>();
    Map<String, List<Assignment>> byTeam = new HashMap<>();
    for (Assignment a : s.assignments()) {
      assertThat(jobs).as(what + ": job " + a.jobId()).containsKey(a.jobId());
      assertThat(teams).as(what + ": team " + a.teamId()).containsKey(a.teamId());
      assertThat(seen.add(a.jobId())).as(what + ": job twice " + a.jobId()).isTrue();
      byTeam.computeIfAbsent(a.teamId(), x -> new ArrayList<>()).add(a);
    }
    for (String u : s.unassigned()) {
      assertThat(seen.add(u)).as(what + ": unassigned job also assigned " + u).isTrue();
      Job j = jobs.get(u);
      for (Team t : p.teams()) {
        assertThat(leaveToFinish(p, t, t.ready_s(), t.home(), j))
            .as(what + ": " + u + " is unassigned but team " + t.id() + " reaches it")
            .isInfinite();
      }
    }
    assertThat(seen).as(what + ": every job assigned or unassigned").hasSize(p.jobs().size());
    double value = 0;
    double cost = 0;
    for (var e : byTeam.entrySet()) {
      Team t = teams.get(e.getKey());
      List<Assignment> as = e.getValue();
      as.sort(Comparator.comparingInt(Assignment::sequence));
      double clock = t.ready_s();
      int loc = t.home();
      for (int i = 0; i < as.size(); i++) {
        Assignment a = as.get(i);
        Job j = jobs.get(a.jobId());
        String at = what + ": " + a;
        assertThat(a.sequence()).as(at + " sequence").isEqualTo(i);
        assertThat(a.leave_s()).as(at + " leave").isEqualTo(clock);
        double c = clock;
        if (j.depot() >= 0) {
          c += p.travel().time_s(loc, j.depot());
          assertThat(a.load_s()).as(at + " load").isEqualTo(c);
          loc = j.depot();
        } else {
          assertThat(a.load_s()).as(at + " load").isNaN();
        }
        c += p.travel().time_s(loc, j.site());
        assertThat(a.arrive_s()).as(at + " arrive").isEqualTo(c);
        assertThat(a.start_s()).as(at + " start (no waiting)").isEqualTo(c);
        Double w = j.work_s().get(t.teamType());
        assertThat(w).as(at + " team type able").isNotNull();
        c += w;
        assertThat(a.finish_s()).as(at + " finish").isEqualTo(c).isFinite();
        boolean onTime = c <= j.deadline_s();
        assertThat(a.onTime()).as(at + " onTime").isEqualTo(onTime);
        value += onTime ? j.value() : 0;
        cost += j.value() * c;
        clock = c;
        loc = j.site();
      }
    }
    assertThat(s.value()).as(what + ": value (late jobs never count)").isCloseTo(value, tol(value));
    assertThat(s.bound()).as(what + ": bound ≥ value").isGreaterThanOrEqualTo(s.value());
    return cost;
  }

  static org.assertj.core.data.Offset<Double> tol(double x) {
    return org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(x)));
  }

  private static double leaveToFinish(ScheduleProblem p, Team t, double clock, int loc, Job j) {
    Double w = j.work_s().get(t.teamType());
    if (w == null) {
      return Double.POSITIVE_INFINITY;
    }
    double c = clock;
    if (j.depot() >= 0) {
      c += p.travel().time_s(loc, j.depot());
      loc = j.depot();
    }
    return c + p.travel().time_s(loc, j.site()) + w;
  }
}
