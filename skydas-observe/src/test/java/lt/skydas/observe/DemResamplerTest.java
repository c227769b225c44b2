package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemResamplerTest {
  @TempDir Path dir;

  /** A tilted plane z = 100 + 0.01 x' + 0.02 y' (x', y' metres from the DEM's corner). */
  static FloatRaster plane(GridSpec g) {
    float[] z = new float[g.cellCount()];
    for (int r = 0; r < g.height(); r++) {
      for (int c = 0; c < g.width(); c++) {
        z[r * g.width() + c] =
            (float) (100 + 0.01 * (g.centerX(c) - g.minX()) + 0.02 * (g.centerY(r) - g.minY()));
      }
    }
    return new FloatRaster(g, z);
  }

  @Test
  void aPlaneOnAFinerGridIsInterpolatedExactlyAtTheRegionsCellCentres() throws Exception {
    GridSpec demGrid = new GridSpec(500_000, 6_110_000, 25, 400, 400, 3346);
    Path f = dir.resolve("dem.tif");
    GeoTiff.writeFloat32(f, plane(demGrid)); // through a real GeoTIFF file
    GridSpec region = new GridSpec(501_000, 6_109_000, 100, 50, 50, 3346);
    float[] z = DemResampler.onto(GeoTiff.readFloat(f), region, f.toString());
    for (int r = 0; r < 50; r += 7) {
      for (int c = 0; c < 50; c += 7) {
        double expected =
            100 + 0.01 * (region.centerX(c) - 500_000) + 0.02 * (region.centerY(r) - 6_100_000);
        assertThat(z[r * 50 + c]).as("cell %d,%d", c, r).isCloseTo((float) expected, offset(0.01f));
      }
    }
  }

  @Test
  void regionCellsOutsideTheDemAndInItsHolesAreNodata() {
    GridSpec demGrid = new GridSpec(0, 1000, 10, 100, 100, 3346);
    FloatRaster dem = plane(demGrid);
    for (int r = 40; r < 60; r++) {
      for (int c = 40; c < 60; c++) {
        dem.data()[r * 100 + c] = Float.NaN;
      }
    }
    GridSpec region = new GridSpec(-500, 1000, 50, 40, 20, 3346); // half of it west of the DEM
    float[] z = DemResampler.onto(dem, region, "dem.tif");
    assertThat(z[5 * 40 + 2]).isNaN(); // x = -375: outside
    assertThat(z[10 * 40 + 20]).isNaN(); // x = 525, y = 475: in the hole
    assertThat(z[2 * 40 + 20]).isNotNaN();
  }

  @Test
  void aDemInAnotherProjectedCrsIsReprojected() {
    // the same plane in UTM 34N (EPSG:32634) around Lithuania's west, sampled on an LKS-94 grid
    GridSpec utm = new GridSpec(600_000, 6_120_000, 50, 400, 400, 32634);
    GridSpec region = new GridSpec(420_000, 6_110_000, 500, 20, 20, 3346);
    float[] z = DemResampler.onto(plane(utm), region, "utm.tif");
    int valid = 0;
    for (float v : z) {
      if (!Float.isNaN(v)) {
        valid++;
        assertThat(v).isBetween(100f, 100f + 0.01f * 20_000 + 0.02f * 20_000);
      }
    }
    assertThat(valid).isGreaterThan(100);
  }

  @Test
  void badDemsAreRefusedNamingTheFileAndTheProblem() {
    GridSpec region = new GridSpec(500_000, 6_110_000, 100, 50, 50, 3346);
    GridSpec geographic = new GridSpec(24, 55, 0.001, 100, 100, 4326);
    assertThatThrownBy(() -> DemResampler.onto(plane(geographic), region, "dem.tif"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageStartingWith("dem.tif: the DEM is in a geographic CRS (EPSG:4326)");
    GridSpec none = new GridSpec(500_000, 6_110_000, 100, 50, 50, 0);
    assertThatThrownBy(() -> DemResampler.onto(plane(none), region, "dem.tif"))
        .hasMessageContaining("has no CRS");
    GridSpec elsewhere = new GridSpec(100_000, 5_000_000, 100, 50, 50, 3346);
    assertThatThrownBy(() -> DemResampler.onto(plane(elsewhere), region, "dem.tif"))
        .hasMessageContaining("it is not of this region");
    FloatRaster absurd = plane(new GridSpec(500_000, 6_110_000, 100, 50, 50, 3346));
    absurd.data()[3 * 50 + 7] = -32768;
    assertThatThrownBy(() -> DemResampler.onto(absurd, region, "dem.tif"))
        .hasMessage(
            "dem.tif: cell (col 7, row 3): elevation -32768.0 m is outside -500..9000 m (wrong"
                + " units, or a nodata value the file does not declare?)");
  }
}
