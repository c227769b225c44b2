package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Assessor.Arrivals;
import lt.skydas.assess.PlanEffects;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.assess.WatchFactors;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race on a small region: open ground 40 × 20 cells of 100 m, a river across column 20 with one
 * bridge on the east–west road, a target at the east end. The plan: a ditch (permanent), the
 * bridge's prepared demolition (reserved), two AT minefields across the open ground (crisis-laid).
 * Checked against a brute force over every subset of the obstacles laid on warning: the race's set
 * is the least set closed under the rule (Knaster–Tarski), and it is a fixed point.
 */
class RaceTest {
  @TempDir Path dir;

  private SyntheticRegion r;
  private AssessmentRegion region;
  private Assessor assessor;
  private BarrierPlan plan;
  private PlanEffects effects;
  private boolean[] permanent;
  private Race race;

  @BeforeEach
  void setUp() throws Exception {
    RiverRegion river = new RiverRegion(dir);
    r = river.r;
    region = river.region;
    assessor = river.assessor;
    plan = river.plan;
    effects =
        PlanEffects.locate(plan, assessor.network(), region.roads())
            .withWatch(WatchFactors.full(plan.obstacles().size()));
    permanent = new boolean[plan.obstacles().size()];
    for (int o = 0; o < permanent.length; o++) {
      permanent[o] = !plan.obstacles().get(o).type().emplacement().onWarning();
    }
    race = new Race(assessor, SpeedTable.defaults(), effects, permanent);
  }

  @Test
  void theCatalogMakesTheDitchPermanentAndTheRestOnWarning() {
    assertThat(permanent).containsExactly(true, false, false, false);
  }

  @Test
  void theRaceSetIsTheLeastClosedSetAndAFixedPoint() {
    int chained = 0;
    int reused = 0;
    for (VehicleClass v : VehicleClass.values()) {
      Arrivals start = race.permanentOnly(v, Season.DRY);
      for (long seed = 1; seed <= 25; seed++) {
        Random rnd = new Random(seed);
        double[] finish = new double[permanent.length];
        for (int o = 0; o < finish.length; o++) {
          finish[o] = rnd.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : rnd.nextDouble() * 3 * 3600;
        }
        double warning = rnd.nextDouble() * 1.5 * 3600;
        Race.Outcome got = race.run(v, Season.DRY, start, finish, warning);
        boolean[] least = leastClosed(v, finish, warning);
        String where = v + " seed " + seed + " finish " + Arrays.toString(finish) + " W " + warning;
        assertThat(got.inPlace()).as(where).containsExactly(least);
        chained += chained(v, least, finish, warning) ? 1 : 0;
        // a little more warning with the same finishes: answered from the race above when it is
        // still a fixed point, else searched — either way the least closed set
        double later = warning + rnd.nextDouble() * 600;
        Race.Outcome again = race.run(v, Season.DRY, start, finish, later);
        reused += again.searches() == 0 ? 1 : 0;
        assertThat(again.inPlace())
            .as(where + " then W " + later)
            .containsExactly(leastClosed(v, finish, later));
        assertThat(again.objective_s())
            .as(where + " then W " + later)
            .containsExactly(arrivals(v, again.inPlace()).objective_s());
        assertThat(rule(v, got.inPlace(), finish, warning))
            .as(where + ": fixed point")
            .isEqualTo(got.inPlace());
        Arrivals at = arrivals(v, got.inPlace());
        assertThat(got.objective_s()).as(where).containsExactly(at.objective_s());
        for (int o = 0; o < finish.length; o++) {
          if (got.inPlace()[o] && !permanent[o]) {
            assertThat(finish[o])
                .as(where + ": obstacle " + o + " counts only if finished before the attacker")
                .isLessThanOrEqualTo(warning + at.obstacle_s()[o]);
          }
        }
      }
    }
    assertThat(chained)
        .as("races where an obstacle counts only because others in place delay the attacker")
        .isPositive();
    assertThat(reused).as("races answered by an earlier search").isPositive();
  }

  /**
   * A race whose every decided obstacle would be decided the same way is answered from the earlier
   * search even when its thresholds move both ways (a curve's fresh schedule finishes some
   * obstacles later and some earlier), and the answer is still the least closed set.
   */
  @Test
  void aRaceDecidedTheSameWayIsAnsweredWithoutASearchWhicheverWayTheThresholdsMove() {
    int mixed = 0;
    for (VehicleClass v : VehicleClass.values()) {
      Arrivals start = race.permanentOnly(v, Season.DRY);
      for (long seed = 101; seed <= 120; seed++) {
        Random rnd = new Random(seed);
        double[] finish = new double[permanent.length];
        for (int o = 0; o < finish.length; o++) {
          finish[o] = rnd.nextDouble() * 3 * 3600;
        }
        double warning = rnd.nextDouble() * 1.5 * 3600;
        Race.Outcome first = race.run(v, Season.DRY, start, finish, warning);
        // new finish times on the same side of each reach: before it for those in place, after it
        // for the others, each moved by up to 20 min either way where that keeps the side
        double later = warning + rnd.nextDouble() * 1800;
        double[] moved = finish.clone();
        boolean up = false;
        boolean down = false;
        for (int o = 0; o < finish.length; o++) {
          if (permanent[o]) {
            continue;
          }
          double theta = finish[o] - warning;
          double reach = first.arrival_s()[o];
          double t = theta + (rnd.nextDouble() * 2 - 1) * 1200;
          if (reach < Double.POSITIVE_INFINITY) {
            t = first.inPlace()[o] ? Math.min(t, reach) : Math.max(t, Math.nextUp(reach));
          }
          // a finish before the order is impossible: at 0 it is still before the reach (≥ 0)
          t = Math.max(t, -later);
          moved[o] = t + later;
          up |= t > theta;
          down |= t < theta;
        }
        String where = v + " seed " + seed + " finish " + Arrays.toString(moved) + " W " + later;
        Race.Outcome again = race.run(v, Season.DRY, start, moved, later);
        boolean[] least = leastClosed(v, moved, later);
        assertThat(again.inPlace()).as(where).containsExactly(least);
        assertThat(again.objective_s()).as(where).containsExactly(arrivals(v, least).objective_s());
        if (up && down && first.searches() == 1) {
          assertThat(again.searches()).as(where + ": answered by the earlier search").isZero();
        }
        if (up && down && again.searches() == 0) {
          mixed++;
        }
      }
    }
    assertThat(mixed).as("races with thresholds moved both ways").isGreaterThan(10);
  }

  @Test
  void moreWarningNeverGivesLessDelayAndEverythingFinishedAtOnceCountsInFull() {
    VehicleClass v = VehicleClass.TRACKED;
    Arrivals start = race.permanentOnly(v, Season.DRY);
    Random rnd = new Random(7);
    double[] finish = new double[permanent.length];
    for (int o = 0; o < finish.length; o++) {
      finish[o] = 1800 + rnd.nextDouble() * 6 * 3600;
    }
    double before = -1;
    boolean[] prev = new boolean[permanent.length];
    for (double w = 0; w <= 8 * 3600; w += 1800) {
      Race.Outcome o = race.run(v, Season.DRY, start, finish, w);
      assertThat(o.objective_s()[0]).as("warning %.0f s", w).isGreaterThanOrEqualTo(before);
      for (int k = 0; k < prev.length; k++) {
        assertThat(!prev[k] || o.inPlace()[k])
            .as("warning %.0f s, obstacle %d stays", w, k)
            .isTrue();
      }
      before = o.objective_s()[0];
      prev = o.inPlace();
    }
    double[] now = new double[permanent.length];
    Race.Outcome all = race.run(v, Season.DRY, start, now, 0);
    boolean[] every = new boolean[permanent.length];
    Arrays.fill(every, true);
    assertThat(all.inPlace()).containsExactly(every);
    assertThat(all.objective_s()[0]).isEqualTo(arrivals(v, every).objective_s()[0]);
    Race.Outcome none = race.run(v, Season.DRY, start, infinite(), 8 * 3600);
    assertThat(none.objective_s()[0]).isEqualTo(start.objective_s()[0]);
    assertThat(none.searches()).as("nothing finished: decided without a search").isZero();
    assertThat(all.objective_s()[0])
        .as("the bridge and the minefields delay the target")
        .isGreaterThan(start.objective_s()[0]);
  }

  private double[] infinite() {
    double[] f = new double[permanent.length];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    return f;
  }

  /**
   * The rule applied once: the permanent obstacles plus those finished before the attacker reaches
   * them with the set {@code s} acting — the reach of o leaves o's own delay out (here, where no
   * two obstacles share a cell, that is the plain search with s less o).
   */
  private boolean[] rule(VehicleClass v, boolean[] s, double[] finish, double warning) {
    boolean[] out = permanent.clone();
    for (int o = 0; o < out.length; o++) {
      if (!permanent[o]) {
        boolean[] others = s.clone();
        others[o] = false;
        out[o] = finish[o] - warning <= arrivals(v, others).obstacle_s()[o];
      }
    }
    return out;
  }

  /**
   * Whether some obstacle of {@code least} counts only because others laid on warning delay the
   * attacker: it would not count against the permanent obstacles alone.
   */
  private boolean chained(VehicleClass v, boolean[] least, double[] finish, double warning) {
    boolean[] alone = rule(v, permanent, finish, warning);
    for (int o = 0; o < least.length; o++) {
      if (least[o] && !alone[o]) {
        return true;
      }
    }
    return false;
  }

  /** Brute force: the intersection of every set S with rule(S) ⊆ S. */
  private boolean[] leastClosed(VehicleClass v, double[] finish, double warning) {
    List<Integer> free = new ArrayList<>();
    for (int o = 0; o < permanent.length; o++) {
      if (!permanent[o]) {
        free.add(o);
      }
    }
    boolean[] least = new boolean[permanent.length];
    Arrays.fill(least, true);
    for (int mask = 0; mask < 1 << free.size(); mask++) {
      boolean[] s = permanent.clone();
      for (int k = 0; k < free.size(); k++) {
        s[free.get(k)] = (mask >> k & 1) == 1;
      }
      boolean[] f = rule(v, s, finish, warning);
      boolean closed = true;
      for (int o = 0; o < s.length; o++) {
        closed &= !f[o] || s[o];
      }
      if (closed) {
        for (int o = 0; o < s.length; o++) {
          least[o] &= s[o];
        }
      }
    }
    return least;
  }

  private Arrivals arrivals(VehicleClass v, boolean[] in) {
    return assessor.arrivals(
        v, Season.DRY, SpeedTable.defaults(), effects.withWatch(effects.watch().onlyWhere(in)));
  }
}
