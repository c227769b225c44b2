package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.region.LandCover;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code region build --dem}: a GeoTIFF resampled onto the region grid ({@link
 * DemResampler#source}) and stored in the pack; bad DEMs refused with one problem naming the file,
 * the previous pack left as it was.
 */
class RegionDemBuildTest {
  @TempDir Path dir;

  private Path layers;
  private Path pack;
  private String packMetadata;

  /** A small region: Lithuania and Belarus as two boxes, a border, a road; 200 m cells. */
  @BeforeEach
  void layersAndAPreviousPack() throws IOException {
    layers = Files.createDirectories(dir.resolve("layers"));
    Files.writeString(
        layers.resolve("countries.geojson"),
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"iso_a2":"LT"},"geometry":{"type":"Polygon","coordinates":[[[24.9,54.55],[25.1,54.55],[25.1,54.65],[24.9,54.65],[24.9,54.55]]]}},
         {"type":"Feature","properties":{"iso_a2":"BY"},"geometry":{"type":"Polygon","coordinates":[[[25.1,54.55],[25.2,54.55],[25.2,54.65],[25.1,54.65],[25.1,54.55]]]}}]}
        """);
    Files.writeString(
        layers.resolve("borders.geojson"),
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"pair":"LT-BY"},"geometry":{"type":"LineString","coordinates":[[25.1,54.55],[25.1,54.65]]}}]}
        """);
    Files.writeString(
        layers.resolve("roads_main.geojson"),
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"class":"primary"},"geometry":{"type":"LineString","coordinates":[[24.92,54.60],[25.08,54.60]]}}]}
        """);
    pack = dir.resolve("pack");
    RegionBuilder.build(options(), Progress.NONE);
    packMetadata = Files.readString(pack.resolve("region.json"));
  }

  private RegionBuildOptions options() {
    // the synthetic layers have Lithuania and Belarus only: a region with the LT-BY border hostile
    Path region = dir.resolve("region.json");
    try {
      Files.writeString(
          region,
          """
        {"format": "skydas-region/1", "id": "test", "name": "Test", "home": ["LT"],
         "crs": "EPSG:3346", "hostile_borders": ["LT-BY"],
         "objectives": {"type": "FeatureCollection", "features": [
           {"type": "Feature", "id": "town", "properties": {"name": "Town"},
            "geometry": {"type": "Point", "coordinates": [25.0, 54.6]}}]}}
        """);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new RegionBuildOptions(layers, pack, 200, 1, RegionDefinition.read(region));
  }

  /** A DEM in LKS-94 over the whole region and 5 km around it, 50 m cells: a tilted plane. */
  private FloatRaster planeDem() {
    Coordinate sw = Crs.lks94().toMetric(24.85, 54.5, new Coordinate());
    Coordinate ne = Crs.lks94().toMetric(25.25, 54.7, new Coordinate());
    GridSpec g = GridSpec.covering(sw.x, sw.y, ne.x, ne.y, 50, 3346);
    return DemResamplerTest.plane(g);
  }

  private Path write(FloatRaster r) {
    Path f = dir.resolve("dem-" + System.identityHashCode(r) + ".tif");
    GeoTiff.writeFloat32(f, r);
    return f;
  }

  private void assertRefused(Path dem, String... words) throws IOException {
    assertThatThrownBy(
            () -> RegionBuilder.build(options().withDem(DemResampler.source(dem)), Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining(dem.toString())
        .hasMessageContaining(words[0])
        .hasMessageContaining(words.length > 1 ? words[1] : words[0]);
    assertThat(Files.readString(pack.resolve("region.json")))
        .as("the previous pack is untouched")
        .isEqualTo(packMetadata);
    assertThat(pack.resolve("dem.tif")).doesNotExist();
  }

  @Test
  void theDemIsResampledOntoTheRegionGridAndStoredWithThePack() {
    FloatRaster dem = planeDem();
    RegionBuilder.build(options().withDem(DemResampler.source(write(dem))), Progress.NONE);
    Region r = Region.load(pack);
    float[] z = r.findDem().orElseThrow();
    GridSpec g = r.grid();
    GridSpec d = dem.grid();
    for (int row = 0; row < g.height(); row += 9) {
      for (int col = 0; col < g.width(); col += 9) {
        // the plane, evaluated at the region cell's centre (bilinear is exact on a plane)
        double expected =
            100 + 0.01 * (g.centerX(col) - d.minX()) + 0.02 * (g.centerY(row) - d.minY());
        assertThat(z[row * g.width() + col])
            .as("cell %d,%d", col, row)
            .isCloseTo((float) expected, offset(0.05f));
      }
    }
    assertThat(r.metadata().path("dem").path("file").asText()).isEqualTo("dem.tif");
    assertThat(r.metadata().path("dem").path("holes_filled").asInt()).isZero();
  }

  @Test
  void aPackWithoutDemHasNone() {
    assertThat(Region.load(pack).findDem()).isEmpty();
  }

  @Test
  void aFewVoidsAreFilledFromTheirNeighbours() {
    FloatRaster dem = planeDem();
    int w = dem.grid().width();
    int mid = dem.grid().height() / 2 * w + w / 2;
    for (int i = -6; i <= 6; i++) {
      for (int j = -6; j <= 6; j++) {
        dem.data()[mid + i + j * w] = Float.NaN; // 650 m square: a few region cells without data
      }
    }
    RegionBuilder.build(options().withDem(DemResampler.source(write(dem))), Progress.NONE);
    Region r = Region.load(pack);
    float[] z = r.findDem().orElseThrow();
    for (int i = 0; i < z.length; i++) {
      if (r.landCover()[i] != LandCover.NODATA.code()) {
        assertThat(z[i]).as("land cell %d", i).isNotNaN();
      }
    }
    assertThat(r.metadata().path("dem").path("holes_filled").asInt()).isPositive();
  }

  @Test
  void aDemInAGeographicCrsIsRefused() throws IOException {
    assertRefused(
        write(new FloatRaster(new GridSpec(24.8, 54.7, 0.001, 400, 200, 4326), new float[80_000])),
        "geographic CRS");
  }

  @Test
  void aDemOfAnotherRegionIsRefused() throws IOException {
    GridSpec far = new GridSpec(300_000, 6_300_000, 50, 100, 100, 3346);
    assertRefused(write(DemResamplerTest.plane(far)), "not of this region");
  }

  @Test
  void aDemCoveringHalfTheRegionIsRefusedSayingHowMuchIsMissing() throws IOException {
    FloatRaster dem = planeDem();
    int w = dem.grid().width();
    for (int i = 0; i < dem.data().length; i++) {
      if (i % w > w / 2) {
        dem.data()[i] = Float.NaN;
      }
    }
    assertRefused(write(dem), "% of the region's land cells", "at most 1 %");
  }

  @Test
  void absurdElevationsAreRefusedNamingTheCell() throws IOException {
    FloatRaster dem = planeDem();
    dem.data()[1234] = 12_000;
    assertRefused(write(dem), "elevation 12000.0 m is outside -500..9000 m", "cell (col");
  }
}
