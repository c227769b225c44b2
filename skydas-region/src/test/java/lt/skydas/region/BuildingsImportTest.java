package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A buildings layer goes into the pack whole (points as given, footprints at an interior point with
 * their area) or not at all, naming the file and the feature; the pack keeps what it had.
 */
class BuildingsImportTest {
  @TempDir Path dir;

  private static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String point(String id, double lon, double lat, String area) {
    return "{\"type\":\"Feature\""
        + (id == null ? "" : ",\"id\":\"" + id + "\"")
        + ",\"properties\":{"
        + (area == null ? "" : "\"area_m2\":" + area)
        + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
        + lon
        + ","
        + lat
        + "]}}";
  }

  private Region build(Path layers, Path buildings, String pack) {
    RegionBuilder.build(
        new RegionBuildOptions(layers, dir.resolve(pack), 200, 1, RegionBuilderTest.testRegion())
            .withBuildings(buildings),
        Progress.NONE);
    return Region.load(dir.resolve(pack));
  }

  @Test
  void pointsAndFootprintsLandInTheMapCrsWithTheirArea() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    // the layers folder's own buildings.geojson is found without --buildings
    Files.writeString(
        l.resolve("buildings.geojson"),
        collection(
            point("a", 25.0, 54.6, "120"),
            point(null, 24.95, 54.58, null),
            // a 0.001° square footprint: its area comes from its shape
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[25.05,54.62],[25.051,54.62],[25.051,54.621],"
                + "[25.05,54.621],[25.05,54.62]]]}}",
            // far outside the grid: left out, counted
            point("far", 21.0, 56.0, "50")));
    Region r = build(l, null, "p");
    Buildings b = r.buildings();
    assertThat(b.size()).isEqualTo(3);
    Coordinate c = Crs.of(r.grid().epsg()).toMetric(25.0, 54.6, new Coordinate());
    assertThat(b.x_m(0)).isCloseTo(c.x, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(b.y_m(0)).isCloseTo(c.y, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(b.area_m2(0)).isEqualTo(120f);
    assertThat(b.area_m2(1)).isNaN();
    // 0.001° lon × 0.001° lat at 54.62 N ≈ 64.5 m × 111.3 m
    assertThat((double) b.area_m2(2)).isBetween(7_000.0, 7_400.0);
    assertThat(r.metadata().path("buildings").asInt()).isEqualTo(3);
    assertThat(r.metadata().path("buildings_outside_grid").asInt()).isEqualTo(1);
    assertThat(r.metadata().path("buildings_source").asText()).isEqualTo("buildings.geojson");
  }

  @Test
  void aPackWithoutBuildingsHasNone() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Region r = build(l, null, "p");
    assertThat(r.buildings().size()).isZero();
    assertThat(r.metadata().path("buildings_source").isNull()).isTrue();
  }

  @Test
  void badLayersAreRefusedNamingTheFeatureAndThePackIsKept() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Path good = dir.resolve("good.geojson");
    Files.writeString(good, collection(point("a", 25.0, 54.6, "120")));
    build(l, good, "p");
    byte[] before = Files.readAllBytes(dir.resolve("p").resolve(Buildings.FILE));

    String[][] cases = {
      {
        collection(point("a", 25.0, 54.6, "1"), point("a", 25.01, 54.6, "2")),
        "feature 1 (id \"a\"): duplicate id \"a\""
      },
      {collection(point("a", 25.0, 54.6, "-5")), "area_m2 is negative (-5)"},
      {collection(point("a", 25.0, 54.6, "\"big\"")), "area_m2 must be a number"},
      // in Belarus, ~380 m past the border: beyond the tolerance, inside the grid
      {collection(point("by", 25.106, 54.6, "80")), "lies in no home country of the region (LT)"},
      {
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
            + "{\"name\":\"urn:ogc:def:crs:EPSG::3346\"}},\"features\":[]}",
        "EPSG::3346"
      },
      {
        collection(
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[25.0,54.6],[25.01,54.6]]}}"),
        "a building is a Point or a footprint Polygon, not a LineString"
      },
      {
        "{\"type\":\"FeatureCollection\",\"features\":[" + point("a", 25.0, 54.6, "1"),
        "bad.geojson"
      }
    };
    for (String[] c : cases) {
      Path bad = dir.resolve("bad.geojson");
      Files.writeString(bad, c[0]);
      assertThatThrownBy(() -> build(l, bad, "p"))
          .as(c[1])
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
          .hasMessageContaining("bad.geojson")
          .hasMessageContaining(c[1]);
      assertThat(Files.readAllBytes(dir.resolve("p").resolve(Buildings.FILE))).isEqualTo(before);
    }
    Path missing = dir.resolve("none.geojson");
    assertThatThrownBy(() -> build(l, missing, "p"))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("none.geojson: buildings layer not found");
  }

  @Test
  void aTruncatedPackFileIsRefused() throws IOException {
    Path l = RegionBuilderTest.writeLayers(dir);
    Path good = dir.resolve("good.geojson");
    Files.writeString(
        good, collection(point("a", 25.0, 54.6, "120"), point("b", 25.0, 54.61, "9")));
    build(l, good, "p");
    Path f = dir.resolve("p").resolve(Buildings.FILE);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 7));
    assertThatThrownBy(() -> Region.load(dir.resolve("p")))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("buildings.bin")
        .hasMessageContaining("truncated buildings file");
  }
}
