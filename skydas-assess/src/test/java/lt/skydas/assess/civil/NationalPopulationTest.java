package lt.skydas.assess.civil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A home country's settlements are scaled to its official total when the data covers the country,
 * left alone when it holds only part of it; other countries are untouched.
 */
class NationalPopulationTest {
  private static final NationalPopulation.Official XX =
      new NationalPopulation.Official("XX", 1_000_000, "2025-01-01", "test office");

  private static List<Resident> residents(long seed, String country, int n, long each) {
    Random rnd = new Random(seed);
    List<Resident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new Resident(
              "s" + i,
              "village",
              country,
              rnd.nextDouble() * 1e5,
              0,
              each + rnd.nextInt(50),
              i % 7 == 0));
    }
    return out;
  }

  @Test
  void aCoveredCountryIsScaledToItsOfficialTotalKeepingTheShares() {
    long seed = 3;
    List<Resident> rs = new ArrayList<>(residents(seed, "XX", 1000, 1150)); // ~1.17 m in the data
    rs.addAll(residents(seed + 1, "YY", 10, 500));
    long before =
        rs.stream().filter(r -> r.country().equals("XX")).mapToLong(Resident::population).sum();
    List<NationalPopulation.Scaled> report = new ArrayList<>();
    List<Resident> out = NationalPopulation.calibrate(rs, Map.of("XX", XX), report);
    long after =
        out.stream().filter(r -> r.country().equals("XX")).mapToLong(Resident::population).sum();
    // each settlement rounded once: the total within half a person per settlement
    assertThat(Math.abs(after - 1_000_000)).as("seed %d", seed).isLessThanOrEqualTo(500);
    double f = 1_000_000.0 / before;
    for (int i = 0; i < rs.size(); i++) {
      Resident a = rs.get(i), b = out.get(i);
      assertThat(b.name()).isEqualTo(a.name());
      assertThat(b.estimated()).isEqualTo(a.estimated());
      if (a.country().equals("XX")) {
        assertThat(b.population()).isEqualTo(Math.round(a.population() * f));
      } else {
        assertThat(b).isSameAs(a);
      }
    }
    assertThat(report).hasSize(1);
    assertThat(report.get(0).factor()).isEqualTo(f);
    assertThat(report.get(0).describe())
        .contains("XX", "scaled by 0.8", "1,000,000", "test office");
  }

  @Test
  void aCountryTheRegionHoldsOnlyPartOfIsLeftAlone() {
    List<Resident> rs = residents(5, "XX", 100, 7_000); // ~0.7 m: 70 % of the official total
    List<NationalPopulation.Scaled> report = new ArrayList<>();
    List<Resident> out = NationalPopulation.calibrate(rs, Map.of("XX", XX), report);
    assertThat(out).isEqualTo(rs);
    assertThat(report.get(0).factor()).isEqualTo(1.0);
    assertThat(report.get(0).describe()).contains("kept", "part of the country");
  }

  @Test
  void lithuaniasOfficialTotalIsShippedWithItsSource() {
    NationalPopulation.Official lt = NationalPopulation.officials().get("LT");
    assertThat(lt.population()).isBetween(2_800_000L, 2_950_000L);
    assertThat(lt.source()).contains("Statistics Lithuania");
    assertThat(lt.asOf()).isEqualTo("2025-01-01");
  }
}
