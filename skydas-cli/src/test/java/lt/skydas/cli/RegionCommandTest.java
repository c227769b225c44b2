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
        .contains("built in: lithuania, suwalki-gap, baltic-south");
  }

  @Test
  void theBalticSouthRegionHasThreeHomesAndAttackersBehindLatviasBorderWithBelarus() {
    Path pack = dir.resolve("baltic-south");
    CliRunner.Result r = build("baltic-south", pack, "--cell-size", "1000", "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    Region region = Region.load(pack);
    assertThat(region.definition().home()).containsExactly("LT", "PL", "LV");
    assertThat(region.grid().epsg()).isEqualTo(3035);
    lt.skydas.assess.AssessmentRegion ar = lt.skydas.assess.RegionInputs.from(region, 25_000);
    for (String iso : region.definition().home()) {
      assertThat(ar.homePolygon(iso)).as(iso).isNotNull();
    }
    // start cells behind the LV-BY line, far from LT-BY: the attacker starts beyond Latvia's
    // border with Belarus too, not only Lithuania's
    org.locationtech.jts.geom.Geometry lvBy = region.borders().get("LV-BY");
    org.locationtech.jts.geom.Geometry ltBy = region.borders().get("LT-BY");
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    int behindLatvia = 0;
    for (int c : ar.attackerStartCells()) {
      var g = region.grid();
      var p =
          gf.createPoint(
              new org.locationtech.jts.geom.Coordinate(
                  g.centerX(c % g.width()), g.centerY(c / g.width())));
      if (lvBy.distance(p) < 5_000 && ltBy.distance(p) > 20_000) {
        behindLatvia++;
      }
    }
    assertThat(behindLatvia).isGreaterThan(10);
  }
}
