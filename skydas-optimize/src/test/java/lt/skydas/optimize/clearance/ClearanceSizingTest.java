package lt.skydas.optimize.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the sizing curve against brute force over every area-to-kind choice on small cases (the
 * team counts then follow); more years never cost more teams; the shipped catalog carries units and
 * sources; a catalog without units or with an unknown category is refused by name.
 */
class ClearanceSizingTest {
  @TempDir Path dir;

  private static ClearanceAssets catalog() {
    return new ClearanceAssets(
        List.of(
            new ClearanceAsset(
                "manual",
                "manual",
                Map.of("open", 400.0, "forest", 120.0),
                3500,
                Set.of("AP", "AT"),
                13,
                Set.of(4, 5, 6, 7, 8, 9, 10, 11),
                1,
                Map.of()),
            new ClearanceAsset(
                "flail",
                "flail",
                Map.of("open", 4000.0),
                7000,
                Set.of("AP", "AT"),
                25,
                Set.of(4, 5, 6, 7, 8, 9, 10),
                2,
                Map.of())),
        20);
  }

  private static List<HazardArea> areas(long seed, int n) {
    Random r = new Random(seed);
    List<HazardArea> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new HazardArea(
              "a" + i,
              20_000 + r.nextInt(400_000),
              Set.of("AT"),
              r.nextInt(3) == 0 ? "forest" : "open",
              1,
              0,
              0));
    }
    return out;
  }

  /** The least cost over every choice of kind per area, each kind's teams the ceiling of need. */
  private static double brute(List<HazardArea> as, ClearanceAssets cat, int years) {
    List<ClearanceAsset> ks = cat.assets();
    double best = Double.MAX_VALUE;
    int combos = 1 << as.size();
    for (int c = 0; c < combos; c++) {
      double[] load = new double[2];
      boolean ok = true;
      for (int j = 0; j < as.size(); j++) {
        ClearanceAsset k = ks.get((c >> j) & 1);
        if (!k.suits(as.get(j))) {
          ok = false;
          break;
        }
        load[(c >> j) & 1] += ClearanceSizing.load_d(k, as.get(j));
      }
      if (!ok) {
        continue;
      }
      double cost = 0;
      for (int k = 0; k < 2; k++) {
        double cap = ClearanceSizing.capacity_d(ks.get(k), cat.workingDaysPerMonth(), years);
        cost += Math.ceil(load[k] / cap - 1e-9) * cap * ks.get(k).cost_eurPerDay();
      }
      best = Math.min(best, cost);
    }
    return best;
  }

  @Test
  void theLeastCostMixEqualsBruteForce() {
    for (long seed = 1; seed <= 10; seed++) {
      List<HazardArea> as = areas(seed, 10);
      for (int years : new int[] {1, 3}) {
        ClearanceSizing.Sizing s = ClearanceSizing.size(as, catalog(), years, 10);
        assertThat(s.feasible()).isTrue();
        assertThat(s.optimal()).as("seed %d, %d years", seed, years).isTrue();
        assertThat(s.cost_eur())
            .as("seed %d, %d years", seed, years)
            .isCloseTo(brute(as, catalog(), years), Percentage.withPercentage(1e-6));
        assertThat(s.bound()).isLessThanOrEqualTo(s.cost_eur() + 1e-6);
      }
    }
  }

  @Test
  void moreYearsNeedNoMoreTeams() {
    List<HazardArea> as = areas(42, 40);
    List<ClearanceSizing.Sizing> curve = ClearanceSizing.curve(as, catalog(), 6, 30);
    assertThat(curve).hasSize(6);
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i).teamCount())
          .as("%d years", i + 1)
          .isLessThanOrEqualTo(curve.get(i - 1).teamCount());
    }
    assertThat(curve.get(0).teamCount()).isGreaterThan(curve.get(5).teamCount());
  }

  @Test
  void anAreaNoKindSuitsMakesTheSizingInfeasible() {
    List<HazardArea> as = List.of(new HazardArea("w", 1000, Set.of("AP"), "wetland", 1, 0, 0));
    assertThat(ClearanceSizing.size(as, catalog(), 2, 5).feasible()).isFalse();
  }

  @Test
  void theShippedCatalogHasUnitsAndSources() {
    ClearanceAssets c = ClearanceAssets.defaults();
    assertThat(c.assets())
        .extracting(ClearanceAsset::id)
        .contains("manual_team", "mechanical_flail", "mdd_team");
    for (ClearanceAsset a : c.assets()) {
      assertThat(a.sources()).as(a.id()).containsKey("productivity");
      assertThat(a.productivity_m2PerDay("open")).as(a.id()).isPositive();
      assertThat(a.cost_eurPerDay()).isPositive();
    }
  }

  @Test
  void aCatalogWithoutUnitsOrWithAnUnknownCategoryIsRefusedByName() throws Exception {
    Path f = dir.resolve("assets.json");
    Files.writeString(
        f,
        "{\"assets\": [{\"id\": \"x\", \"productivity\": 400, \"cost_eur_per_day\": 1,"
            + " \"clears\": [\"AP\"], \"depth_cm\": 10, \"months\": [5]}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining(
            "assets.json: asset 'x': 'productivity' has no unit: use productivity_m2_per_day");
    Files.writeString(
        f,
        "{\"assets\": [{\"id\": \"x\", \"productivity_m2_per_day\": {\"open\": 400},"
            + " \"cost_eur_per_day\": 1, \"clears\": [\"IED\"], \"depth_cm\": 10, \"months\": [5]}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("asset 'x': clears: unknown category 'IED' (AP, AT, UXO)");
    Files.writeString(
        f,
        "{\"assets\": [{\"id\": \"x\", \"productivity_m2_per_day\": {\"desert\": 400},"
            + " \"cost_eur_per_day\": 1, \"clears\": [\"AP\"], \"depth_cm\": 10, \"months\": [13]}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("unknown vegetation 'desert'");
  }
}
