package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken layers and packs give one clear problem naming the file; no pack is left behind. */
class RegionBadInputTest {
  @TempDir Path dir;

  private RegionBuildOptions opts(Path layers) {
    return new RegionBuildOptions(layers, dir.resolve("p"), 200, 1, RegionBuilderTest.testRegion());
  }

  @Test
  void hostileBorderNotInTheData() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    RegionBuildOptions lithuania =
        new RegionBuildOptions(l, dir.resolve("p"), 200, 1, RegionDefinition.lithuania());
    assertThatThrownBy(() -> RegionBuilder.build(lithuania, Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("borders.geojson")
        .hasMessageContaining(
            "hostile border LT-RU of region lithuania is not in the borders layer");
    assertThat(Files.exists(dir.resolve("p"))).isFalse();
  }

  private static RegionDefinition withExtent(double... box) {
    RegionDefinition t = RegionBuilderTest.testRegion(3035);
    return new RegionDefinition(
        t.id(),
        t.name(),
        t.home(),
        t.epsg(),
        t.hostileBorders(),
        t.objectives(),
        t.friendlyRoutes(),
        new RegionDefinition.Extent(box[0], box[1], box[2], box[3]));
  }

  @Test
  void anExtentClipsTheGridAndOneMissingHomeIsRefused() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    RegionBuilder.build(
        new RegionBuildOptions(l, dir.resolve("p"), 200, 1, withExtent(24.95, 54.5, 25.3, 54.7)),
        Progress.NONE);
    Region clipped = Region.load(dir.resolve("p"));
    RegionBuilder.build(
        new RegionBuildOptions(l, dir.resolve("whole"), 200, 1, RegionBuilderTest.testRegion(3035)),
        Progress.NONE);
    Region whole = Region.load(dir.resolve("whole"));
    assertThat(clipped.grid().epsg()).isEqualTo(3035);
    // cut in the west at 24.95 E (home from 24.9 E, less the 1 km margin); east and north and
    // south as the home with its margin (the extent reaches further)
    assertThat(whole.grid().width() - clipped.grid().width()).isBetween(14, 25);
    assertThat(clipped.grid().maxX()).isEqualTo(whole.grid().maxX());
    assertThat(clipped.grid().height()).isEqualTo(whole.grid().height());
    RegionBuildOptions far =
        new RegionBuildOptions(l, dir.resolve("q"), 200, 1, withExtent(21.0, 55.5, 21.5, 56.0));
    assertThatThrownBy(() -> RegionBuilder.build(far, Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("region test")
        .hasMessageContaining("extent: the extent misses the home countries (LT)");
    assertThat(Files.exists(dir.resolve("q"))).isFalse();
  }

  @Test
  void overlappingHomeCountriesAreRefusedWithWhere() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    // BY's square moved 0.05° west over LT's: ~35 km² claimed by both
    Files.writeString(
        l.resolve("countries.geojson"),
        RegionBuilderTest.COUNTRIES.replace(
            "[[[25.1,54.55],[25.2,54.55],[25.2,54.65],[25.1,54.65],[25.1,54.55]]]",
            "[[[25.05,54.55],[25.2,54.55],[25.2,54.65],[25.05,54.65],[25.05,54.55]]]"));
    RegionDefinition t = RegionBuilderTest.testRegion();
    RegionDefinition both =
        new RegionDefinition(
            t.id(),
            t.name(),
            List.of("LT", "BY"),
            t.epsg(),
            List.of("BY-RU"),
            t.objectives(),
            t.friendlyRoutes(),
            null);
    assertThatThrownBy(
            () ->
                RegionBuilder.build(
                    new RegionBuildOptions(l, dir.resolve("p"), 200, 1, both), Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("countries.geojson")
        .hasMessageContaining("home countries LT and BY of region test overlap by 3")
        .hasMessageContaining("around 25.07");
    assertThat(Files.exists(dir.resolve("p"))).isFalse();
  }

  @Test
  void packWithoutItsDefinition() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    RegionBuilder.build(opts(l), Progress.NONE);
    assertThat(Region.load(dir.resolve("p")).definition())
        .isEqualTo(RegionBuilderTest.testRegion());
    Files.delete(dir.resolve("p").resolve(Region.DEFINITION_FILE));
    assertThatThrownBy(() -> Region.load(dir.resolve("p")))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining(Region.DEFINITION_FILE)
        .hasMessageContaining("skydas region build");
  }

  @Test
  void missingRequiredLayer() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Files.delete(l.resolve("borders.geojson"));
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("borders.geojson")
        .hasMessageContaining("missing");
    assertThat(Files.exists(dir.resolve("p"))).isFalse();
  }

  @Test
  void missingLayersFolder() {
    assertThatThrownBy(() -> RegionBuilder.build(opts(dir.resolve("nope")), Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not found");
  }

  @Test
  void truncatedLayer() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Files.writeString(
        l.resolve("landcover_forest.geojson"), RegionBuilderTest.FOREST.substring(0, 300));
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("landcover_forest.geojson")
        .hasMessageContaining("truncated");
    assertThat(Files.exists(dir.resolve("p"))).isFalse();
  }

  @Test
  void truncatedGzipLayer() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Files.delete(l.resolve("roads_main.geojson"));
    byte[] gz;
    try (var bytes = new java.io.ByteArrayOutputStream();
        OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(RegionBuilderTest.ROADS.getBytes(StandardCharsets.UTF_8));
      out.close();
      gz = bytes.toByteArray();
    }
    Files.write(l.resolve("roads_main.geojson.gz"), Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("roads_main.geojson.gz")
        .hasMessageContaining("truncated");
  }

  @Test
  void wrongCrsDeclared() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Files.writeString(
        l.resolve("water_areas.geojson"),
        RegionBuilderTest.WATER.replace(
            "{\"type\":\"FeatureCollection\",",
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3346\"}},"));
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("water_areas.geojson")
        .hasMessageContaining("WGS84")
        .hasMessageContaining("3346");
  }

  @Test
  void noHomeCountry() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Files.writeString(
        l.resolve("countries.geojson"), RegionBuilderTest.COUNTRIES.replace("\"LT\"", "\"EE\""));
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("countries.geojson")
        .hasMessageContaining("home country \"LT\"");
  }

  @Test
  void failedRebuildKeepsThePreviousPack() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    RegionBuilder.build(opts(l), Progress.NONE);
    Files.writeString(l.resolve("settlements.geojson"), "{\"type\":\"FeatureCollection\",");
    assertThatThrownBy(() -> RegionBuilder.build(opts(l), Progress.NONE))
        .hasMessageContaining("settlements.geojson");
    assertThat(Region.load(dir.resolve("p")).roads().edgeCount()).isPositive();
  }

  @Test
  void packErrorsSayWhatToDo() throws IOException {
    assertThatThrownBy(() -> Region.load(dir.resolve("none")))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("skydas region build");
    Path pack = dir.resolve("p");
    RegionBuilder.build(opts(RegionBuilderTest.writeLayers(dir)), Progress.NONE);
    Path meta = pack.resolve("region.json");
    String json = Files.readString(meta);
    String current = "\"format_version\" : " + RegionBuilder.FORMAT_VERSION;
    assertThat(json).contains(current);
    Files.writeString(meta, json.replace(current, "\"format_version\" : 1"));
    assertThatThrownBy(() -> Region.load(pack))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("region.json")
        .hasMessageContaining("format 1")
        .hasMessageContaining("skydas region build");
    Files.writeString(meta, json);

    byte[] roads = Files.readAllBytes(pack.resolve("roads.bin"));
    Files.write(pack.resolve("roads.bin"), Arrays.copyOf(roads, roads.length / 2));
    assertThatThrownBy(() -> Region.load(pack))
        .hasMessageContaining("roads.bin")
        .hasMessageContaining("truncated")
        .hasMessageContaining("skydas region build");
    Files.write(pack.resolve("roads.bin"), roads);

    byte[] tif = Files.readAllBytes(pack.resolve("landcover.tif"));
    Files.write(pack.resolve("landcover.tif"), Arrays.copyOf(tif, tif.length / 2));
    assertThatThrownBy(() -> Region.load(pack))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("landcover.tif")
        .hasMessageContaining("skydas region build");
    Files.write(pack.resolve("landcover.tif"), tif);

    Files.delete(pack.resolve("settlements.geojson"));
    assertThatThrownBy(() -> Region.load(pack))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("settlements.geojson")
        .hasMessageContaining("skydas region build");
  }
}
