package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
