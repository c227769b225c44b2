package lt.skydas.optimize.shelter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lt.skydas.assess.civil.Demand;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;

/** Shelter siting (issue 17) against brute force over every affordable subset of candidates. */
class ShelterSitingTest {
  @Test
  void theProgrammeFindsTheBestAffordableSubsetOnSmallCases() {
    for (long seed = 1; seed <= 25; seed++) {
      Random rnd = new Random(seed);
      List<Resident> rs = new ArrayList<>();
      for (int i = 0; i < 5 + rnd.nextInt(20); i++) {
        rs.add(
            new Resident(
                "r" + i,
                "village",
                "LT",
                rnd.nextDouble() * 4000,
                rnd.nextDouble() * 4000,
                1 + rnd.nextInt(200),
                false));
      }
      List<ShelterSite> standing = new ArrayList<>();
      for (int j = 0; j < rnd.nextInt(3); j++) {
        standing.add(
            new ShelterSite(
                "e" + j,
                null,
                rnd.nextDouble() * 4000,
                rnd.nextDouble() * 4000,
                rnd.nextInt(150),
                0));
      }
      List<ShelterSite> cands = new ArrayList<>();
      int nc = 4 + rnd.nextInt(7);
      for (int j = 0; j < nc; j++) {
        cands.add(
            new ShelterSite(
                "c" + j,
                null,
                rnd.nextDouble() * 4000,
                rnd.nextDouble() * 4000,
                20 + rnd.nextInt(300),
                10_000 + rnd.nextInt(90_000)));
      }
      double budget = 50_000 + rnd.nextInt(200_000);
      ShelterAccess a = ShelterAccess.walk(5 + rnd.nextInt(15));
      Demand d = Demand.of(rs);
      ShelterSiting.Result r =
          ShelterSiting.solve(rs, d, standing, cands, a, new ShelterSiting.Options(budget, 0, 30));
      long best = 0;
      for (int mask = 0; mask < (1 << nc); mask++) {
        double cost = 0;
        List<ShelterSite> sites = new ArrayList<>(standing);
        for (int j = 0; j < nc; j++) {
          if ((mask & (1 << j)) != 0) {
            cost += cands.get(j).cost_eur();
            sites.add(cands.get(j));
          }
        }
        if (cost <= budget) {
          best = Math.max(best, ShelterCoverage.of(rs, d, sites, a).covered());
        }
      }
      String why = "seed " + seed;
      // the Lagrangian bound holds at any price of the budget
      List<ShelterSite> all = new ArrayList<>(standing);
      all.addAll(cands);
      var pairs = lt.skydas.assess.civil.ShelterPairs.of(d, all, a);
      for (double price : new double[] {0, 1e-4, 1e-3, 1e-2}) {
        LagrangeBound.Out lb =
            LagrangeBound.at(
                price, d, all, standing.size(), pairs, budget, System.nanoTime() + 10_000_000_000L);
        assertThat(lb.bound()).as(why + " price " + price).isGreaterThanOrEqualTo(best - 1e-6);
        if (lb.cost() <= budget) {
          assertThat(lb.covered()).as(why).isLessThanOrEqualTo(best + 1e-6);
        }
      }
      assertThat(r.after().covered()).as(why).isEqualTo(best);
      assertThat(r.modelCovered())
          .as(why)
          .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(r.bound()).as(why).isGreaterThanOrEqualTo(best - 1e-6);
      assertThat(r.cost_eur()).as(why).isLessThanOrEqualTo(budget);
      assertThat(r.after().covered()).as(why).isGreaterThanOrEqualTo(r.before().covered());
    }
  }

  @Test
  void aBudgetThatIsNotANumberOfEurosIsRefused() {
    assertThatThrownBy(() -> new ShelterSiting.Options(-1, 0.01, 60))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("budget");
    assertThatThrownBy(() -> new ShelterSiting.Options(1e6, 1.5, 60))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("gap");
  }
}
