package lt.skydas.optimize.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: productivity by soil and by the kinds of device an area holds, beside vegetation and
 * the months an asset works: the catalog's factors multiply the vegetation's figure, a factor of 0
 * keeps an asset off that ground, the schedule takes the slower ground longer, and a catalog with
 * an unknown soil or an absurd factor is refused by name.
 */
class ClearanceFactorsTest {
  @TempDir Path dir;

  private static HazardArea area(String id, Set<String> cats, String veg, String soil) {
    return new HazardArea(id, 10_000, cats, veg, 1, 0, 0, false, soil);
  }

  @Test
  void theShippedFactorsMultiplyTheVegetationsFigure() {
    ClearanceAssets c = ClearanceAssets.defaults();
    ClearanceAsset manual = c.get("manual_team");
    ClearanceAsset flail = c.get("mechanical_flail");
    double open = manual.productivity_m2PerDay("open");
    double flailOpen = flail.productivity_m2PerDay("open");
    assertThat(manual.sources()).containsKey("soil_and_devices");
    HazardArea loam = area("a", Set.of("AP"), "open", "mineral");
    HazardArea clay = area("b", Set.of("AP"), "open", "clay");
    HazardArea atOnly = area("c", Set.of("AT"), "open", "mineral");
    HazardArea mixed = area("d", Set.of("AP", "AT"), "open", "clay");
    HazardArea peat = area("e", Set.of("AP"), "open", "peat");
    assertThat(manual.productivity_m2PerDay(loam)).isEqualTo(open);
    assertThat(manual.productivity_m2PerDay(clay)).isCloseTo(open * 0.8, within(1e-9));
    assertThat(manual.productivity_m2PerDay(atOnly)).isCloseTo(open * 1.5, within(1e-9));
    // the slowest kind of device sets the pace: AP beside AT counts as AP
    assertThat(manual.productivity_m2PerDay(mixed)).isCloseTo(open * 0.8, within(1e-9));
    assertThat(flail.productivity_m2PerDay(atOnly)).isCloseTo(flailOpen * 0.7, within(1e-9));
    assertThat(flail.suits(peat)).as("a flail bogs down in peat").isFalse();
    assertThat(manual.suits(peat)).isTrue();
    assertThat(manual.workDays(clay)).isCloseTo(10_000 / (open * 0.8), within(1e-9));
  }

  @Test
  void theScheduleTakesTheSlowerGroundLonger() {
    ClearanceAsset manual = ClearanceAssets.defaults().get("manual_team");
    List<ClearancePlanner.Team> team = List.of(new ClearancePlanner.Team(manual, 1, 0, 0));
    double[] days = new double[2];
    String[] soils = {"sandy", "stony"};
    for (int k = 0; k < 2; k++) {
      ClearancePlanner.Plan p =
          ClearancePlanner.plan(List.of(area("a", Set.of("AP"), "open", soils[k])), team, 0, 1);
      assertThat(p.assignments()).hasSize(1);
      ClearancePlanner.Assignment a = p.assignments().get(0);
      days[k] = a.end_d() - a.start_d();
    }
    // the same 10,000 m2 of AP in the open: work days by the soil's factor, the same set-up
    double open = manual.productivity_m2PerDay("open");
    assertThat(days[1] - days[0])
        .isCloseTo(10_000 / (open * 0.6) - 10_000 / (open * 1.1), within(1e-6));
    ClearancePlanner.Plan onPeat =
        ClearancePlanner.plan(
            List.of(area("p", Set.of("AP"), "open", "peat")),
            List.of(
                new ClearancePlanner.Team(
                    ClearanceAssets.defaults().get("mechanical_flail"), 1, 0, 0)),
            0,
            1);
    assertThat(onPeat.assignments()).isEmpty();
    assertThat(onPeat.unsuitable())
        .singleElement()
        .asString()
        .contains("no team may clear [AP] in open on peat soil");
  }

  @Test
  void aCatalogWithAnUnknownSoilOrAnAbsurdFactorIsRefusedByName() throws Exception {
    Path f = dir.resolve("assets.json");
    String head =
        "{\"assets\": [{\"id\": \"x\", \"productivity_m2_per_day\": {\"open\": 400},"
            + " \"cost_eur_per_day\": 1, \"clears\": [\"AP\"], \"depth_cm\": 10, \"months\": [5],";
    Files.writeString(f, head + " \"soil_factor\": {\"loam\": 1.0}}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining(
            "assets.json: asset 'x': soil_factor: unknown key 'loam' (clay, mineral, peat, sandy,"
                + " stony)");
    Files.writeString(f, head + " \"category_factor\": {\"AT\": 7}}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("asset 'x': category_factor.AT: a multiplier of the productivity");
    Files.writeString(f, head + " \"soil_factor\": {\"clay\": \"slow\"}}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("soil_factor.clay: 'slow' is not a number");
    Files.writeString(f, head + " \"soil_factor\": {\"clay\": 0.5}}]}");
    ClearanceAsset x = ClearanceAssets.load(f).get("x");
    assertThat(x.productivity_m2PerDay(area("c", Set.of("AP"), "open", "clay"))).isEqualTo(200);
    assertThatThrownBy(() -> area("bad", Set.of("AP"), "open", "loam"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soil 'loam'");
  }
}
