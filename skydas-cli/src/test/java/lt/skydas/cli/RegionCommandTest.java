package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.region.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skydas region build --definition}: a region file of one's own builds a pack that keeps it;
 * a bad one is one clear line and the input exit code, with no pack left behind.
 */
class RegionCommandTest {
  @TempDir Path dir;

  static final String REGION =
      """
      {"format": "skydas-region/1", "id": "lt-east", "name": "Lithuania, eastern border only",
       "home": ["LT"], "crs": "%s", "hostile_borders": ["LT-BY"],
       "objectives": {"type": "FeatureCollection", "features": [
         {"type": "Feature", "id": "vilnius", "properties": {"name": "Vilnius", "radius_m": 3000},
          "geometry": {"type": "Point", "coordinates": [25.28291, 54.687055]}}]}}
      """;

  Path regionFile(String crs) throws IOException {
    Path f = dir.resolve("east.json");
    Files.writeString(f, REGION.formatted(crs));
    return f;
  }

  /** {@code region build} of the shipped layers for {@code definition} into {@code out}. */
  static CliRunner.Result build(String definition, Path out, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "region",
                "build",
                "--layers",
                TestPacks.ROOT.resolve("data/baltic").toString(),
                "--definition",
                definition,
                "--out",
                out.toString()));
    args.addAll(java.util.List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void aRegionFileOfOnesOwnIsBuiltAndKept() throws IOException {
    Path pack = dir.resolve("pack");
    CliRunner.Result r =
        build(regionFile("EPSG:3059").toString(), pack, "--quiet", "--cell-size", "1000");
    assertThat(r.exit()).as(r.err()).isZero();
    Region loaded = Region.load(pack);
    // built in Latvia's LKS-92 as its file asks
    assertThat(loaded.grid().epsg()).isEqualTo(3059);
    assertThat(loaded.definition().id()).isEqualTo("lt-east");
    assertThat(loaded.definition().hostileBorders()).containsExactly("LT-BY");
    assertThat(loaded.metadata().path("region").asText()).isEqualTo("lt-east");
    CliRunner.Result info = CliRunner.run("region", "info", "--region", pack.toString());
    assertThat(info.out()).contains("\"region\" : \"lt-east\"");
  }

  @Test
  void anUnsupportedCrsIsOneLineAndNoPack() throws IOException {
    Path pack = dir.resolve("pack");
    CliRunner.Result r = build(regionFile("EPSG:4326").toString(), pack);
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("east.json")
        .contains("crs: EPSG:4326 is not supported: a region grid is built in a metric CRS");
    assertThat(Files.exists(pack)).isFalse();
  }

  @Test
  void anUnknownBuiltInRegionIsNamed() {
    CliRunner.Result r = build("atlantis", dir.resolve("p"));
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err())
        .contains("no built-in region \"atlantis\"")
        .contains("built in: lithuania, suwalki-gap");
  }
}
