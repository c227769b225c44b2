package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile territory beyond the start band is closed to the attacker's searches off road (ADR
 * 0014): on the real region (1 km cells, the shipped layers) the closed cells are Belarusian or
 * Russian and never a start, and every class and season reaches every objective at exactly the time
 * it does when nothing is closed.
 */
class AttackerClosureTest {
  @TempDir static Path tmp;
  static Region region;

  @BeforeAll
  static void build() {
    Path pack = tmp.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(
            Path.of("..").resolve("data/baltic").toAbsolutePath(), pack, 1000, 25, "LT"),
        Progress.NONE);
    region = Region.load(pack);
  }

  @Test
  void closedCellsAreHostileAndNeverAStart() {
    AssessmentRegion r = RegionInputs.from(region, 4000);
    BitSet closed = r.attackerClosed();
    byte[] country = region.country();
    assertThat(closed.cardinality()).isGreaterThan(1000);
    for (int c = closed.nextSetBit(0); c >= 0; c = closed.nextSetBit(c + 1)) {
      assertThat(country[c]).as("cell %d", c).isIn(Country.BY.code(), Country.RU.code());
    }
    for (int c : r.attackerStartCells()) {
      assertThat(closed.get(c)).as("start cell %d", c).isFalse();
    }
    float[] f = new float[country.length];
    Arrays.fill(f, 1f);
    r.attackerFriction(f);
    for (int c = 0; c < f.length; c++) {
      assertThat(f[c] == Float.POSITIVE_INFINITY).as("cell %d", c).isEqualTo(closed.get(c));
    }
  }

  /**
   * Issue 17: the shipped settlements sum to 3.26 million Lithuanians with the fallbacks; the
   * people counted are Lithuania's official total, up to the rounding of each settlement.
   */
  @Test
  void lithuaniasResidentsAddUpToItsOfficialPopulation() {
    List<lt.skydas.assess.civil.Resident> rs = RegionInputs.residents(region);
    long sum =
        rs.stream()
            .filter(x -> x.country().equals("LT"))
            .mapToLong(lt.skydas.assess.civil.Resident::population)
            .sum();
    long official = lt.skydas.assess.civil.NationalPopulation.officials().get("LT").population();
    assertThat(Math.abs(sum - official)).isLessThanOrEqualTo(rs.size() / 2);
    assertThat(
            rs.stream()
                .filter(x -> x.name().equals("Vilnius") && "city".equals(x.place()))
                .findFirst()
                .orElseThrow()
                .population())
        .isBetween(400_000L, 600_000L);
  }

  @ParameterizedTest(name = "start band {0} m")
  @ValueSource(doubles = {1000, 3000})
  void closingTheHostileInteriorChangesNoObjectiveTime(double depth_m) throws Exception {
    AssessmentRegion closed = RegionInputs.from(region, depth_m);
    AssessmentRegion open =
        new AssessmentRegion(
            closed.name(),
            closed.grid(),
            closed.landCover(),
            closed.landCoverNames(),
            closed.roads(),
            closed.attackerStartCells(),
            closed.civilians(),
            closed.borders(),
            closed.mapLayers(),
            closed.ground_m(),
            null);
    List<Objective> objectives = ObjectivesReader.defaults();
    Assessor a = new Assessor(closed, objectives, Progress.NONE);
    Assessor b = new Assessor(open, objectives, Progress.NONE);
    int finite = 0;
    for (VehicleClass v : VehicleClass.values()) {
      for (Season s : Season.values()) {
        double[] x = a.arrivals(v, s, SpeedTable.defaults(), null).objective_s();
        double[] y = b.arrivals(v, s, SpeedTable.defaults(), null).objective_s();
        assertThat(x).as("%s %s, band %s m", v, s, depth_m).containsExactly(y);
        for (double t : x) {
          finite += Double.isFinite(t) ? 1 : 0;
        }
      }
    }
    assertThat(finite).isGreaterThan(VehicleClass.values().length * Season.values().length * 4);
  }
}
