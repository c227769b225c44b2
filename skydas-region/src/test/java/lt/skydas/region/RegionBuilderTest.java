package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A hand-made region near 54.6 N 25.0 E: one country square with forest, a lake, a river and roads.
 */
class RegionBuilderTest {
  @TempDir Path dir;

  private static final String COUNTRIES =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"iso_a2":"LT"},"geometry":{"type":"Polygon","coordinates":[[[24.9,54.55],[25.1,54.55],[25.1,54.65],[24.9,54.65],[24.9,54.55]]]}},
       {"type":"Feature","properties":{"iso_a2":"BY"},"geometry":{"type":"Polygon","coordinates":[[[25.1,54.55],[25.2,54.55],[25.2,54.65],[25.1,54.65],[25.1,54.55]]]}}]}
      """;
  private static final String BORDERS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"pair":"LT-BY"},"geometry":{"type":"LineString","coordinates":[[25.1,54.55],[25.1,54.65]]}}]}
      """;
  private static final String ROADS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"primary","ref":"A1"},"geometry":{"type":"LineString","coordinates":[[24.92,54.60],[25.08,54.60]]}},
       {"type":"Feature","id":"x","properties":{"class":"spaceway"},"geometry":{"type":"LineString","coordinates":[[24.95,54.58],[24.96,54.58]]}}]}
      """;
  private static final String FOREST =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[24.92,54.56],[24.98,54.56],[24.98,54.59],[24.92,54.59],[24.92,54.56]]]}},
       {"type":"Feature","id":"bow","properties":{},"geometry":{"type":"Polygon","coordinates":[[[25.0,54.61],[25.05,54.64],[25.05,54.61],[25.0,54.64],[25.0,54.61]]]}}]}
      """;
  private static final String WATER =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"lake"},"geometry":{"type":"Polygon","coordinates":[[[24.94,54.565],[24.96,54.565],[24.96,54.575],[24.94,54.575],[24.94,54.565]]]}}]}
      """;
  private static final String RIVERS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"class":"river","intermittent":0},"geometry":{"type":"LineString","coordinates":[[25.03,54.55],[25.03,54.65]]}}]}
      """;
  private static final String BRIDGES =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"type":"bridge","class":"primary","carries":"road"},"geometry":{"type":"LineString","coordinates":[[25.0297,54.6],[25.0303,54.6]]}}]}
      """;
  private static final String SETTLEMENTS =
      """
      {"type":"FeatureCollection","features":[
       {"type":"Feature","properties":{"name":"Kaimas","place":"village","population":120,"country":"LT"},"geometry":{"type":"Point","coordinates":[25.0,54.6]}}]}
      """;

  private Path layers() throws IOException {
    Path l = Files.createDirectories(dir.resolve("layers"));
    Files.writeString(l.resolve("countries.geojson"), COUNTRIES);
    Files.writeString(l.resolve("borders.geojson"), BORDERS);
    Files.writeString(l.resolve("roads_main.geojson"), ROADS);
    Files.writeString(l.resolve("landcover_forest.geojson"), FOREST);
    Files.writeString(l.resolve("water_areas.geojson"), WATER);
    Files.writeString(l.resolve("waterways.geojson"), RIVERS);
    Files.writeString(l.resolve("bridges.geojson"), BRIDGES);
    Files.writeString(l.resolve("settlements.geojson"), SETTLEMENTS);
    return l;
  }

  private static int cellAt(Region r, double lon, double lat) {
    Coordinate c = Crs.lks94().toMetric(lon, lat, new Coordinate());
    return r.grid().cellAt(c.x, c.y);
  }

  @Test
  void buildsRastersRoadsAndIssuesThatLoadBack() throws IOException {
    Path pack = dir.resolve("pack");
    RegionBuildReport rep =
        RegionBuilder.build(new RegionBuildOptions(layers(), pack, 100, 1, "LT"), Progress.NONE);
    Region r = Region.load(pack);
    assertThat(r.grid().cellSize()).isEqualTo(100);
    byte[] lc = r.landCover();
    assertThat(lc[cellAt(r, 24.95, 54.585)]).isEqualTo(LandCover.FOREST.code());
    assertThat(lc[cellAt(r, 24.95, 54.57)])
        .isEqualTo(LandCover.WATER.code()); // lake wins over forest
    assertThat(lc[cellAt(r, 25.03, 54.57)]).isEqualTo(LandCover.RIVER.code());
    assertThat(lc[cellAt(r, 25.07, 54.57)]).isEqualTo(LandCover.OPEN.code());
    assertThat(r.country()[cellAt(r, 25.105, 54.6)]).isEqualTo(Country.BY.code());
    assertThat(r.country()[cellAt(r, 25.0, 54.6)]).isEqualTo(Country.LT.code());
    // the bow-tie forest was fixed and still rasterised
    assertThat(lc[cellAt(r, 25.01, 54.625)]).isEqualTo(LandCover.FOREST.code());

    RoadGraph g = r.roads();
    assertThat(g.edgeCount()).isEqualTo(3); // primary split at both bridge ends
    long bridges =
        java.util.stream.IntStream.range(0, g.edgeCount())
            .filter(e -> (g.flags(e) & RoadGraph.BRIDGE) != 0)
            .count();
    assertThat(bridges).isEqualTo(1);
    assertThat(r.settlements()).extracting(Settlement::name).containsExactly("Kaimas");
    assertThat(r.borders()).containsKey("LT-BY");
    assertThat(r.borders().get("LT-BY").getLength()).isBetween(11_000.0, 11_300.0);

    List<Feature> issues = GeoJsonReader.readAll(pack.resolve("issues.geojson"));
    assertThat(issues)
        .anySatisfy(f -> assertThat(f.string("reason")).contains("unknown road class \"spaceway\""))
        .anySatisfy(
            f ->
                assertThat(f.string("reason"))
                    .contains("invalid geometry")
                    .contains("Self-intersection"))
        .anySatisfy(f -> assertThat(f.string("reason")).contains("optional layer is missing"));
    assertThat(rep.issues()).isEqualTo(issues.size());
  }

  @Test
  void missingRequiredLayerAndBrokenLayersAreClearErrors() throws IOException {
    Path l = layers();
    Files.delete(l.resolve("roads_main.geojson"));
    assertThatThrownBy(
            () ->
                RegionBuilder.build(
                    new RegionBuildOptions(l, dir.resolve("p"), 100, 1, "LT"), Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("roads_main.geojson")
        .hasMessageContaining("missing");
    Files.writeString(l.resolve("roads_main.geojson"), ROADS.substring(0, 80));
    assertThatThrownBy(
            () ->
                RegionBuilder.build(
                    new RegionBuildOptions(l, dir.resolve("p"), 100, 1, "LT"), Progress.NONE))
        .hasMessageContaining("roads_main.geojson")
        .hasMessageContaining("truncated");
    Files.writeString(
        l.resolve("roads_main.geojson"),
        ROADS.replace(
            "{\"type\":\"FeatureCollection\",",
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3346\"}},"));
    assertThatThrownBy(
            () ->
                RegionBuilder.build(
                    new RegionBuildOptions(l, dir.resolve("p"), 100, 1, "LT"), Progress.NONE))
        .hasMessageContaining("WGS84");
    assertThat(Files.exists(dir.resolve("p"))).isFalse();
  }

  @Test
  void packErrorsSayWhatToDo() throws IOException {
    assertThatThrownBy(() -> Region.load(dir.resolve("none")))
        .hasMessageContaining("skydas region build");
    Path pack = dir.resolve("pack");
    RegionBuilder.build(new RegionBuildOptions(layers(), pack, 200, 1, "LT"), Progress.NONE);
    Files.writeString(
        pack.resolve("region.json"),
        Files.readString(pack.resolve("region.json"))
            .replace("\"format_version\" : 1", "\"format_version\" : 99"));
    assertThatThrownBy(() -> Region.load(pack))
        .hasMessageContaining("format 99")
        .hasMessageContaining("rebuild");
    Files.writeString(
        pack.resolve("region.json"),
        Files.readString(pack.resolve("region.json"))
            .replace("\"format_version\" : 99", "\"format_version\" : 1"));
    byte[] roads = Files.readAllBytes(pack.resolve("roads.bin"));
    Files.write(pack.resolve("roads.bin"), java.util.Arrays.copyOf(roads, roads.length / 2));
    assertThatThrownBy(() -> Region.load(pack))
        .hasMessageContaining("roads.bin")
        .hasMessageContaining("truncated");
  }
}
