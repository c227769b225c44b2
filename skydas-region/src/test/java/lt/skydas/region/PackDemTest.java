package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;

/** Holes of a stored DEM: filled from the neighbours up to 1 % of the land, refused beyond. */
class PackDemTest {
  private static final byte LAND = LandCover.OPEN.code();
  private static final byte SEA = LandCover.NODATA.code();

  @Test
  void aHoleTakesTheMeanOfItsKnownNeighboursLayerByLayer() {
    // 5 x 1 strip: 10, NaN, NaN, NaN, 30 -> the outer holes first (10 and 30), then the middle
    float[] z = {10, Float.NaN, Float.NaN, Float.NaN, 30};
    byte[] lc = new byte[5];
    Arrays.fill(lc, LAND);
    assertThat(PackDem.fill(z, lc, 5, 1)).isEqualTo(3);
    assertThat(z).containsExactly(10f, 10f, 20f, 30f, 30f);
  }

  @Test
  void cellsOutsideTheLandCoverStayNodata() {
    float[] z = {10, Float.NaN, Float.NaN};
    byte[] lc = {LAND, SEA, LAND};
    assertThat(PackDem.fill(z, lc, 3, 1)).isZero(); // the land hole is reached only over the sea
    assertThat(z[1]).isNaN();
    assertThat(z[2]).isNaN();
  }

  @Test
  void moreThanOnePercentOfTheLandWithoutElevationIsRefused() {
    GridSpec g = new GridSpec(500_000, 6_100_000, 100, 20, 10, 3346);
    float[] z = new float[200];
    byte[] lc = new byte[200];
    Arrays.fill(lc, LAND);
    z[0] = Float.NaN;
    z[1] = Float.NaN; // 2 of 200 land cells: 1 %, filled
    assertThat(PackDem.check(z.clone(), lc, g, "dem.tif").filled()).isEqualTo(2);
    z[2] = Float.NaN; // 1.5 %
    assertThatThrownBy(() -> PackDem.check(z, lc, g, "dem.tif"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("dem.tif")
        .hasMessageContaining("1.5 % of the region's land cells (3 of 200");
  }
}
