package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A hand-made region near 54.6 N 25.0 E: an LT square (24.9–25.1 E, 54.55–54.65 N) and a BY square
 * east of it, with forest, wetlands, built-up and industrial land, a lake on a river, a stream, a
 * sea strip in the west, and roads with a crossing, a T-junction 5 m short and a bridge.
 */
@ParameterizedClass(name = "EPSG:{0}")
@ValueSource(ints = {3346, 3035})
class RegionBuilderTest {
  @TempDir Path dir;

  /** The grid's CRS: every assertion holds in LKS-94 and in ETRS89-LAEA alike. */
  @Parameter int epsg;

  private Crs crs() {
    return Crs.of(epsg);
  }

  /** The region of the synthetic layers: Lithuania at home, the LT-BY border hostile. */
  static RegionDefinition testRegion() {
    return testRegion(Crs.LKS94);
  }

  /** As {@link #testRegion()}, its grid in {@code epsg}. */
  static RegionDefinition testRegion(int epsg) {
    try {
      return RegionDefinition.parse(
          "test region",
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(
                  """
                  {"format": "skydas-region/1", "id": "test", "name": "Test", "home": ["LT"],
                   "crs": "EPSG:%d", "hostile_borders": ["LT-BY"],
                   "objectives": {"type": "FeatureCollection", "features": [
                     {"type": "Feature", "id": "town", "properties": {"name": "Town"},
                      "geometry": {"type": "Point", "coordinates": [25.0, 54.6]}}]}}
                  """
                      .formatted(epsg)),
          name -> {
            throw new AssertionError(name);
          });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final String COUNTRIES =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"iso_a2":"LT"},"geometry":{"type":"Polygon","coordinates":[[[24.9,54.55],[25.1,54.55],[25.1,54.65],[24.9,54.65],[24.9,54.55]]]}},
       {"type":"Feature","properties":{"iso_a2":"BY"},"geometry":{"type":"Polygon","coordinates":[[[25.1,54.55],[25.2,54.55],[25.2,54.65],[25.1,54.65],[25.1,54.55]]]}}]}
      """;
  static final String BORDERS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"pair":"LT-BY"},"geometry":{"type":"LineString","coordinates":[[25.1,54.55],[25.1,54.65]]}}]}
      """;
  static final String ROADS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"primary","ref":"A1"},"geometry":{"type":"LineString","coordinates":[[24.92,54.60],[25.08,54.60]]}},
       {"type":"Feature","properties":{"class":"tertiary_link"},"geometry":{"type":"LineString","coordinates":[[25.05,54.62],[25.05,54.600045]]}},
       {"type":"Feature","properties":{"class":"secondary"},"geometry":{"type":"LineString","coordinates":[[24.97,54.58],[24.97,54.62]]}},
       {"type":"Feature","id":"x","properties":{"class":"spaceway"},"geometry":{"type":"LineString","coordinates":[[24.95,54.58],[24.96,54.58]]}}]}
      """;
  static final String MINOR =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"minor"},"geometry":{"type":"LineString","coordinates":[[25.09,54.63],[25.19,54.63]]}}]}
      """;
  static final String BRIDGES =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"type":"bridge","class":"primary","carries":"road"},"geometry":{"type":"LineString","coordinates":[[25.0297,54.6],[25.0303,54.6]]}},
       {"type":"Feature","properties":{"type":"bridge","class":"rail","carries":"rail"},"geometry":{"type":"LineString","coordinates":[[24.93,54.6],[24.931,54.6]]}}]}
      """;
  static final String FOREST =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"wood"},"geometry":{"type":"Polygon","coordinates":[[[24.92,54.56],[24.98,54.56],[24.98,54.59],[24.92,54.59],[24.92,54.56]]]}},
       {"type":"Feature","id":"bow","properties":{"class":"wood"},"geometry":{"type":"Polygon","coordinates":[[[25.0,54.61],[25.05,54.64],[25.05,54.61],[25.0,54.64],[25.0,54.61]]]}},
       {"type":"Feature","id":"far","properties":{"class":"wood"},"geometry":{"type":"Polygon","coordinates":[[[30.0,60.0],[30.1,60.0],[30.1,60.1],[30.0,60.0]]]}},
       {"type":"Feature","id":"by","properties":{"class":"wood"},"geometry":{"type":"Polygon","coordinates":[[[25.15,54.6],[25.18,54.6],[25.18,54.62],[25.15,54.6]]]}}]}
      """;
  static final String WETLAND =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"subclass":"marsh"},"geometry":{"type":"Polygon","coordinates":[[[24.99,54.56],[25.02,54.56],[25.02,54.58],[24.99,54.58],[24.99,54.56]]]}},
       {"type":"Feature","properties":{"subclass":"bog"},"geometry":{"type":"Polygon","coordinates":[[[25.0,54.56],[25.02,54.56],[25.02,54.57],[25.0,54.57],[25.0,54.56]]]}},
       {"type":"Feature","id":"w3","properties":{"subclass":"peat_bog"},"geometry":{"type":"Polygon","coordinates":[[[25.07,54.555],[25.08,54.555],[25.08,54.565],[25.07,54.565],[25.07,54.555]]]}}]}
      """;
  static final String RESIDENTIAL =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"residential"},"geometry":{"type":"Polygon","coordinates":[[[24.985,54.575],[25.015,54.575],[25.015,54.585],[24.985,54.585],[24.985,54.575]]]}},
       {"type":"Feature","properties":{"class":"residential"},"geometry":{"type":"Polygon","coordinates":[[[25.05,54.62],[25.07,54.62],[25.07,54.63],[25.05,54.63],[25.05,54.62]]]}}]}
      """;
  static final String LANDUSE =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"industrial"},"geometry":{"type":"Polygon","coordinates":[[[25.01,54.58],[25.025,54.58],[25.025,54.59],[25.01,54.59],[25.01,54.58]]]}},
       {"type":"Feature","properties":{"class":"cemetery"},"geometry":{"type":"Polygon","coordinates":[[[24.93,54.63],[24.94,54.63],[24.94,54.64],[24.93,54.63]]]}},
       {"type":"Feature","id":"z1","properties":{"class":"zoo"},"geometry":{"type":"Polygon","coordinates":[[[24.95,54.63],[24.96,54.63],[24.96,54.64],[24.95,54.63]]]}}]}
      """;
  static final String WATER =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"lake"},"geometry":{"type":"Polygon","coordinates":[[[24.94,54.565],[24.96,54.565],[24.96,54.575],[24.94,54.575],[24.94,54.565]]]}},
       {"type":"Feature","properties":{"class":"lake"},"geometry":{"type":"Polygon","coordinates":[[[25.025,54.635],[25.035,54.635],[25.035,54.645],[25.025,54.645],[25.025,54.635]]]}},
       {"type":"Feature","properties":{"class":"sea"},"geometry":{"type":"Polygon","coordinates":[[[24.85,54.55],[24.9,54.55],[24.9,54.65],[24.85,54.65],[24.85,54.55]]]}}]}
      """;
  static final String RIVERS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"river","intermittent":0},"geometry":{"type":"LineString","coordinates":[[25.03,54.55],[25.03,54.65]]}}]}
      """;
  static final String STREAMS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"stream"},"geometry":{"type":"LineString","coordinates":[[25.06,54.56],[25.06,54.64]]}}]}
      """;
  static final String SETTLEMENTS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"name":"Kaimas","name_ascii":"Kaimas","place":"village","population":120,"country":"LT"},"geometry":{"type":"Point","coordinates":[25.0,54.6]}},
       {"type":"Feature","properties":{"name":"Вёска","place":"hamlet","population":null,"country":"BY"},"geometry":{"type":"Point","coordinates":[25.105,54.6]}}]}
      """;

  static Path writeLayers(Path root) throws IOException {
    Path l = Files.createDirectories(root.resolve("layers"));
    Files.writeString(l.resolve("countries.geojson"), COUNTRIES);
    Files.writeString(l.resolve("borders.geojson"), BORDERS);
    Files.writeString(l.resolve("roads_main.geojson"), ROADS);
    Files.writeString(l.resolve("roads_minor_border_zone.geojson"), MINOR);
    Files.writeString(l.resolve("bridges.geojson"), BRIDGES);
    Files.writeString(l.resolve("landcover_forest.geojson"), FOREST);
    Files.writeString(l.resolve("landcover_wetland.geojson"), WETLAND);
    Files.writeString(l.resolve("residential_areas.geojson"), RESIDENTIAL);
    Files.writeString(l.resolve("landuse.geojson"), LANDUSE);
    Files.writeString(l.resolve("water_areas.geojson"), WATER);
    Files.writeString(l.resolve("waterways.geojson"), RIVERS);
    Files.writeString(l.resolve("streams_border_zone.geojson"), STREAMS);
    Files.writeString(l.resolve("settlements.geojson"), SETTLEMENTS);
    return l;
  }

  private record Built(GridSpec grid, byte[] lc, byte[] country, RoadGraph roads) {}

  private Built built;
  private Region region;
  private RegionBuildReport report;

  @BeforeEach
  void build() throws IOException {
    Path pack = dir.resolve("pack");
    report =
        RegionBuilder.build(
            new RegionBuildOptions(writeLayers(dir), pack, 100, 1, testRegion(epsg)),
            Progress.NONE,
            (g, lc, c, r) -> built = new Built(g, lc.clone(), c.clone(), r));
    region = Region.load(pack);
  }

  private LandCover at(double lon, double lat) {
    Coordinate c = crs().toMetric(lon, lat, new Coordinate());
    return LandCover.fromCode(region.landCover()[region.grid().cellAt(c.x, c.y)]);
  }

  private Country countryAt(double lon, double lat) {
    Coordinate c = crs().toMetric(lon, lat, new Coordinate());
    return Country.fromCode(region.country()[region.grid().cellAt(c.x, c.y)]);
  }

  @Test
  void landCoverClassesAtExpectedCells() {
    assertThat(at(25.07, 54.59)).isEqualTo(LandCover.OPEN);
    assertThat(at(24.93, 54.585)).isEqualTo(LandCover.FOREST);
    assertThat(at(25.01, 54.625)).as("bow-tie forest, fixed").isEqualTo(LandCover.FOREST);
    assertThat(at(24.995, 54.565)).isEqualTo(LandCover.WETLAND_FIRM);
    assertThat(at(25.075, 54.56)).as("unknown subclass → soft").isEqualTo(LandCover.WETLAND_SOFT);
    assertThat(at(24.95, 54.57)).isEqualTo(LandCover.WATER);
    assertThat(at(24.893, 54.6)).as("sea").isEqualTo(LandCover.WATER);
    assertThat(at(25.03, 54.59)).isEqualTo(LandCover.RIVER);
    assertThat(at(25.06, 54.59)).isEqualTo(LandCover.STREAM);
    assertThat(at(24.99, 54.583)).isEqualTo(LandCover.BUILT_UP);
    assertThat(at(25.02, 54.588)).isEqualTo(LandCover.INDUSTRIAL);
    assertThat(at(24.938, 54.632)).as("cemetery is not a class").isEqualTo(LandCover.OPEN);
    assertThat(at(24.895, 54.658)).as("outside countries, not sea").isEqualTo(LandCover.NODATA);
  }

  @Test
  void precedenceDecidesOverlaps() {
    assertThat(at(25.01, 54.565)).as("bog over marsh").isEqualTo(LandCover.WETLAND_SOFT);
    assertThat(at(25.0, 54.577)).as("built-up over marsh").isEqualTo(LandCover.BUILT_UP);
    assertThat(at(25.012, 54.582)).as("built-up over industrial").isEqualTo(LandCover.BUILT_UP);
    assertThat(at(25.06, 54.625)).as("stream over built-up").isEqualTo(LandCover.STREAM);
    assertThat(at(25.03, 54.64)).as("lake over river").isEqualTo(LandCover.WATER);
    assertThat(at(24.95, 54.57)).as("lake over forest").isEqualTo(LandCover.WATER);
    // the river is a 4-connected chain of RIVER (or WATER) cells across LT
    GridSpec g = region.grid();
    Coordinate top = crs().toMetric(25.03, 54.634, new Coordinate());
    Coordinate bottom = crs().toMetric(25.03, 54.551, new Coordinate());
    for (int row = g.row(top.y); row <= g.row(bottom.y); row++) {
      boolean found = false;
      for (int col = 0; col < g.width(); col++) {
        byte v = region.landCover()[row * g.width() + col];
        found |= v == LandCover.RIVER.code() || v == LandCover.WATER.code();
      }
      assertThat(found).as("river in row " + row).isTrue();
    }
  }

  @Test
  void countryRasterByCellCentre() {
    assertThat(countryAt(25.0, 54.6)).isEqualTo(Country.LT);
    assertThat(countryAt(25.105, 54.6)).isEqualTo(Country.BY);
    assertThat(countryAt(24.893, 54.6)).isEqualTo(Country.NONE);
    assertThat(region.countryPolygon(Country.LT).getArea()).isCloseTo(143.6e6, within(2e6));
    assertThat(region.countryPolygon(Country.PL)).isNull();
  }

  @Test
  void roadGraphHasJunctionsCrossingAndBridgeSpan() {
    RoadGraph g = region.roads();
    // primary: 24.97 crossing, 25.0297/25.0303 bridge ends, 25.05 T-junction → 5 edges;
    // secondary split at the crossing → 2; tertiary link → 1; minor clipped at the grid edge → 1
    assertThat(g.edgeCount()).isEqualTo(9);
    assertThat(g.nodeCount()).isEqualTo(11);
    int[] degrees = new int[5];
    for (int n = 0; n < g.nodeCount(); n++) {
      degrees[g.degree(n)]++;
    }
    assertThat(degrees).containsExactly(0, 7, 2, 1, 1); // ends, bridge ends, T, crossing
    GeometryFactory gf = new GeometryFactory();
    int bridges = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if ((g.flags(e) & RoadGraph.BRIDGE) != 0) {
        bridges++;
        assertThat(g.roadClass(e)).isEqualTo(RoadClass.PRIMARY);
        assertThat(g.length_m(e)).isCloseTo(38.7f, within(0.5f));
      }
      if (g.roadClass(e) == RoadClass.MINOR) {
        assertThat(g.edgeGeometry(e, gf).getEnvelopeInternal().getMaxX())
            .isLessThanOrEqualTo(region.grid().maxX() + 1e-6);
      }
    }
    assertThat(bridges).isEqualTo(1);
    assertThat(region.metadata().path("roads").path("bridge_edges").asInt()).isEqualTo(1);
  }

  @Test
  void packLoadsBackWhatWasBuilt() {
    assertThat(region.grid()).isEqualTo(built.grid());
    assertThat(region.grid().epsg()).isEqualTo(epsg);
    assertThat(region.crs().epsg()).isEqualTo(epsg);
    assertThat(region.definition().epsg()).isEqualTo(epsg);
    assertThat(region.landCover()).isEqualTo(built.lc());
    assertThat(region.country()).isEqualTo(built.country());
    assertThat(region.roads()).isEqualTo(built.roads());
    assertThat(region.settlements())
        .extracting(Settlement::name, Settlement::population, Settlement::country)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Kaimas", 120L, "LT"),
            org.assertj.core.groups.Tuple.tuple("Вёска", null, "BY"));
    Settlement k = region.settlements().get(0);
    Coordinate m = crs().toMetric(25.0, 54.6, new Coordinate());
    assertThat(k.x_m()).isCloseTo(m.x, within(0.5));
    assertThat(k.lat()).isEqualTo(54.6);
    assertThat(region.borders().get("LT-BY").getLength()).isBetween(11_000.0, 11_300.0);
    assertThat(region.residentialAreas()).hasSize(2);
    assertThat(region.metadata().path("format_version").asInt())
        .isEqualTo(RegionBuilder.FORMAT_VERSION);
    assertThat(region.metadata().path("cells_by_land_cover").path("RIVER").asLong()).isPositive();
    assertThat(
            region
                .metadata()
                .path("sources")
                .path("landcover_forest.geojson")
                .path("features")
                .asInt())
        .isEqualTo(4);
  }

  @Test
  void issuesListInvalidGeometryUnknownClassesAndFarFeatures() throws IOException {
    List<Feature> issues = GeoJsonReader.readAll(dir.resolve("pack/issues.geojson"));
    assertThat(issues)
        .anySatisfy(
            f -> {
              assertThat(f.string("file")).isEqualTo("roads_main.geojson");
              assertThat(f.string("feature")).isEqualTo("feature 3 (id \"x\")");
              assertThat(f.string("reason")).isEqualTo("unknown road class \"spaceway\"");
              assertThat(f.string("action")).isEqualTo("skipped");
              assertThat(f.geometry().getCoordinate().x).isEqualTo(24.95);
            })
        .anySatisfy(
            f -> {
              assertThat(f.string("feature")).contains("\"bow\"");
              assertThat(f.string("reason")).contains("invalid geometry").contains("Self-inter");
              assertThat(f.string("action")).isEqualTo("fixed");
            })
        .anySatisfy(
            f -> {
              assertThat(f.string("feature")).contains("\"z1\"");
              assertThat(f.string("reason")).isEqualTo("unknown landuse class \"zoo\"");
            })
        .anySatisfy(
            f -> {
              assertThat(f.string("feature")).contains("\"w3\"");
              assertThat(f.string("action")).contains("WETLAND_SOFT");
            })
        .anySatisfy(
            f -> {
              assertThat(f.string("feature")).contains("\"far\"");
              assertThat(f.string("reason")).contains("outside the region");
            })
        .anySatisfy(
            f -> {
              assertThat(f.string("file")).contains("tracks_border_zone");
              assertThat(f.string("reason")).isEqualTo("optional layer is missing");
            })
        .noneSatisfy(f -> assertThat(f.string("feature")).contains("\"by\""));
    assertThat(report.issues()).isEqualTo(issues.size());
    assertThat(report.issueSummary()).containsKey("skipped: unknown road class \"…\"");
  }
}
