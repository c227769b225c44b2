package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The counter-drone covering problem against a plain enumeration of every purchase: the same most
 * sites protected (up to the requirement) and the same least cost for them, on random instances
 * with conflicts and ceilings (seeds 1–60).
 */
class ProtectionSolverTest {
  @Test
  void matchesEnumerationOnRandomInstances() {
    for (int seed = 1; seed <= 60; seed++) {
      ProtectionSolver.Problem p = random(new Random(seed));
      ProtectionSolver.Solution s = ProtectionSolver.solve(p, 10, 1);
      long[] ref = enumerate(p);
      String msg = "seed " + seed;
      assertThat(s.optimal()).as(msg).isTrue();
      assertThat((long) Math.min(s.protectedCount(), p.required())).as(msg).isEqualTo(ref[0]);
      assertThat(s.cost_eur()).as(msg).isEqualTo(ref[1]);
      assertThat(s.bound()).as(msg).isEqualTo((int) ref[0]);
      assertThat(s.cost_eur()).as(msg).isLessThanOrEqualTo(p.ceiling_eur());
      for (int[] pair : p.conflicts()) {
        assertThat(s.chosen()[pair[0]] && s.chosen()[pair[1]]).as(msg).isFalse();
      }
      // the solution's own accounting agrees with an independent evaluation
      ProtectionSolver.Solution again = ProtectionSolver.evaluate(p, s.chosen(), true, 0);
      assertThat(again.protectedCount()).as(msg).isEqualTo(s.protectedCount());
    }
  }

  @Test
  void aSiteOnlyAJammerAndTheDetectorItDeniesCouldProtectStaysUnprotected() {
    // candidate 0 detects site 0, candidate 1 (a jammer) defeats it but denies candidate 0
    ProtectionSolver.Problem p =
        new ProtectionSolver.Problem(
            1,
            new long[] {100, 200},
            new boolean[] {true, false},
            new boolean[] {false, true},
            new int[][] {{0}, {0}},
            new int[][] {{1, 0}},
            1,
            1_000);
    ProtectionSolver.Solution s = ProtectionSolver.solve(p, 10, 1);
    assertThat(s.protectedCount()).isZero();
    assertThat(s.cost_eur()).isZero();
    assertThat(s.bound()).isZero();
  }

  static ProtectionSolver.Problem random(Random r) {
    int sites = 1 + r.nextInt(6);
    int n = 2 + r.nextInt(9);
    long[] cost = new long[n];
    boolean[] det = new boolean[n];
    boolean[] def = new boolean[n];
    int[][] covers = new int[n][];
    for (int c = 0; c < n; c++) {
      cost[c] = 1 + r.nextInt(50);
      int role = r.nextInt(3);
      det[c] = role != 1;
      def[c] = role != 0;
      List<Integer> cov = new ArrayList<>();
      for (int s = 0; s < sites; s++) {
        if (r.nextDouble() < 0.45) {
          cov.add(s);
        }
      }
      covers[c] = cov.stream().mapToInt(Integer::intValue).toArray();
    }
    List<int[]> conflicts = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (r.nextDouble() < 0.1) {
          conflicts.add(new int[] {a, b});
        }
      }
    }
    int required = 1 + r.nextInt(sites);
    long ceiling = 10 + r.nextInt(150);
    return new ProtectionSolver.Problem(
        sites, cost, det, def, covers, conflicts.toArray(new int[0][]), required, ceiling);
  }

  /** {most protected (capped), least cost for it} over every purchase. */
  static long[] enumerate(ProtectionSolver.Problem p) {
    int n = p.candidates();
    long bestCount = -1;
    long bestCost = Long.MAX_VALUE;
    for (int mask = 0; mask < 1 << n; mask++) {
      long cost = 0;
      boolean ok = true;
      for (int c = 0; c < n; c++) {
        if ((mask >> c & 1) != 0) {
          cost += p.cost_eur()[c];
        }
      }
      for (int[] pair : p.conflicts()) {
        ok &= !((mask >> pair[0] & 1) != 0 && (mask >> pair[1] & 1) != 0);
      }
      if (!ok || cost > p.ceiling_eur()) {
        continue;
      }
      long count = 0;
      for (int s = 0; s < p.siteCount(); s++) {
        boolean d = false;
        boolean f = false;
        for (int c = 0; c < n; c++) {
          if ((mask >> c & 1) == 0) {
            continue;
          }
          for (int x : p.covers()[c]) {
            if (x == s) {
              d |= p.detects()[c];
              f |= p.defeats()[c];
            }
          }
        }
        count += d && f ? 1 : 0;
      }
      count = Math.min(count, p.required());
      if (count > bestCount || count == bestCount && cost < bestCost) {
        bestCount = count;
        bestCost = cost;
      }
    }
    return new long[] {bestCount, bestCost};
  }
}
