package lt.skydas.assess.civil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Shelter coverage (issue 17) on synthetic settlements with known answers, and the max flow against
 * a plain augmenting-path reference on random cases.
 */
class ShelterCoverageTest {
  private static Resident at(String name, double x, double y, long people) {
    return new Resident(name, "village", "LT", x, y, people, false);
  }

  @Test
  void aSmallSettlementIsOnePointAndATownIsSpreadOverItsDiscWithEveryPersonKept() {
    Resident village = at("Village", 1000, 2000, 54);
    Resident town = new Resident("Town", "town", "LT", 50_000, 60_000, 20_000, false);
    Demand d = Demand.of(List.of(village, town));
    assertThat(d.x_m()[0]).isEqualTo(1000);
    assertThat(d.people()[0]).isEqualTo(54);
    assertThat(d.total()).isEqualTo(20_054);
    // 20,000 people at 2,000 per km² fill 10 km²: a disc of 1,784 m radius, ~160 cells of 250 m
    double radius = Math.sqrt(20_000 / (Math.PI * 2000 / 1e6));
    int cells = 0;
    for (int i = 1; i < d.size(); i++) {
      assertThat(d.resident()[i]).isEqualTo(1);
      assertThat(Math.hypot(d.x_m()[i] - 50_000, d.y_m()[i] - 60_000)).isLessThanOrEqualTo(radius);
      cells++;
    }
    assertThat(cells).isBetween(150, 170);
    long max = 0;
    long min = Long.MAX_VALUE;
    for (int i = 1; i < d.size(); i++) {
      max = Math.max(max, d.people()[i]);
      min = Math.min(min, d.people()[i]);
    }
    assertThat(max - min).isLessThanOrEqualTo(1);
  }

  @Test
  void peopleBeyondReachOrBeyondCapacityAreNotCovered() {
    List<Resident> rs =
        List.of(
            at("A", 0, 0, 100), at("B", 600, 0, 50), at("C", 5000, 0, 30), at("D", 20_000, 0, 7));
    List<ShelterSite> sites =
        List.of(
            new ShelterSite("s1", null, 300, 0, 120, 0),
            new ShelterSite("s2", null, 5000, 100, 10, 0));
    ShelterAccess walk = ShelterAccess.walk(15);
    assertThat(walk.radius_m()).isCloseTo(769.2, org.assertj.core.data.Offset.offset(0.1));
    ShelterCoverage c = ShelterCoverage.of(rs, Demand.of(rs), sites, walk);
    assertThat(c.people()).isEqualTo(187);
    assertThat(c.reachable()).isEqualTo(180);
    assertThat(c.covered()).isEqualTo(130);
    assertThat(c.capacity()).isEqualTo(130);
    assertThat(c.assigned()).containsExactly(120, 10);
    long uncovered = c.gaps().stream().mapToLong(ShelterCoverage.Gap::uncovered).sum();
    assertThat(uncovered).isEqualTo(187 - 130);
    assertThat(c.gaps().get(0).uncovered()).isGreaterThanOrEqualTo(20);
    // a 5 min drive (1.8 km) reaches no one more: capacity binds at s1 and s2
    ShelterCoverage drive = ShelterCoverage.of(rs, Demand.of(rs), sites, ShelterAccess.drive(5));
    assertThat(drive.covered()).isEqualTo(130);
    // no shelters: nobody
    ShelterCoverage none = ShelterCoverage.of(rs, Demand.of(rs), List.of(), walk);
    assertThat(none.covered()).isZero();
    assertThat(none.gaps()).hasSize(4);
  }

  @Test
  void theMaxFlowEqualsAPlainAugmentingPathReference() {
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      List<Resident> rs = new ArrayList<>();
      for (int i = 0; i < 3 + rnd.nextInt(12); i++) {
        rs.add(at("r" + i, rnd.nextDouble() * 3000, rnd.nextDouble() * 3000, 1 + rnd.nextInt(60)));
      }
      List<ShelterSite> sites = new ArrayList<>();
      for (int j = 0; j < 1 + rnd.nextInt(6); j++) {
        sites.add(
            new ShelterSite(
                "s" + j,
                null,
                rnd.nextDouble() * 3000,
                rnd.nextDouble() * 3000,
                rnd.nextInt(80),
                0));
      }
      ShelterAccess a = ShelterAccess.walk(5 + rnd.nextInt(20));
      Demand d = Demand.of(rs);
      ShelterCoverage c = ShelterCoverage.of(rs, d, sites, a);
      assertThat(c.covered()).as("seed " + seed).isEqualTo(reference(d, sites, a.radius_m()));
      long sum = 0;
      for (long v : c.assigned()) {
        sum += v;
      }
      assertThat(sum).as("seed " + seed).isEqualTo(c.covered());
    }
  }

  /** Edmonds–Karp on a dense capacity matrix: source, points, sites, sink. */
  static long reference(Demand d, List<ShelterSite> sites, double radius) {
    int n = d.size();
    int m = sites.size();
    int size = n + m + 2;
    int src = n + m;
    int snk = n + m + 1;
    long[][] cap = new long[size][size];
    for (int i = 0; i < n; i++) {
      cap[src][i] = d.people()[i];
      for (int j = 0; j < m; j++) {
        ShelterSite s = sites.get(j);
        if (Math.hypot(d.x_m()[i] - s.x_m(), d.y_m()[i] - s.y_m()) <= radius) {
          cap[i][n + j] = Long.MAX_VALUE / 4;
        }
      }
    }
    for (int j = 0; j < m; j++) {
      cap[n + j][snk] = sites.get(j).capacity();
    }
    long flow = 0;
    while (true) {
      int[] prev = new int[size];
      java.util.Arrays.fill(prev, -1);
      prev[src] = src;
      ArrayDeque<Integer> q = new ArrayDeque<>(List.of(src));
      while (!q.isEmpty() && prev[snk] < 0) {
        int u = q.poll();
        for (int v = 0; v < size; v++) {
          if (prev[v] < 0 && cap[u][v] > 0) {
            prev[v] = u;
            q.add(v);
          }
        }
      }
      if (prev[snk] < 0) {
        return flow;
      }
      long push = Long.MAX_VALUE;
      for (int v = snk; v != src; v = prev[v]) {
        push = Math.min(push, cap[prev[v]][v]);
      }
      for (int v = snk; v != src; v = prev[v]) {
        cap[prev[v]][v] -= push;
        cap[v][prev[v]] += push;
      }
      flow += push;
    }
  }
}
