package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The shipped {@code data/baltic} layers at 1 km cells (the road graph does not depend on it). */
class RealRegionTest {
  static final Path DATA = Path.of("..", "data", "baltic");

  @TempDir static Path dir;
  static Region region;

  @BeforeAll
  static void build() {
    Path pack = dir.resolve("pack");
    RegionBuilder.build(new RegionBuildOptions(DATA, pack, 1000, 25, "LT"), Progress.NONE);
    region = Region.load(pack);
  }

  private static int cell(double lon, double lat) {
    Coordinate c = Crs.lks94().toMetric(lon, lat, new Coordinate());
    return region.grid().cellAt(c.x, c.y);
  }

  @Test
  void vilniusIsBuiltUpInLithuania() {
    int c = cell(25.28, 54.687);
    assertThat(region.country()[c]).isEqualTo(Country.LT.code());
    assertThat(region.landCover()[c]).isIn(LandCover.BUILT_UP.code(), LandCover.WATER.code());
  }

  @Test
  void nemunasAndNerisAreRiverCells() throws IOException {
    for (Set<String> names :
        Set.of(Set.of("Nemunas", "Nemunas / Немунас", "Неман / Nemunas"), Set.of("Neris"))) {
      Set<Integer> cells = new HashSet<>();
      Path file = DATA.resolve("waterways.geojson.gz");
      GeoJsonReader.read(
          file,
          f -> {
            if (f.string("name") != null && names.contains(f.string("name"))) {
              Geometry m = Crs.lks94().toMetric(f.geometry());
              for (Coordinate c : m.getCoordinates()) {
                int id = region.grid().cellAt(c.x, c.y);
                if (id >= 0) {
                  cells.add(id);
                }
              }
            }
          },
          null);
      long river =
          cells.stream().filter(c -> region.landCover()[c] == LandCover.RIVER.code()).count();
      long water =
          cells.stream().filter(c -> region.landCover()[c] == LandCover.WATER.code()).count();
      assertThat(river).as(names + " river cells").isGreaterThan(10);
      assertThat(river + water)
          .as(names.toString())
          .isGreaterThanOrEqualTo(cells.size() * 95 / 100);
    }
  }

  @Test
  void roadGraphIsMostlyOneComponentWithBridges() {
    RoadGraph g = region.roads();
    assertThat(g.nodeCount()).isGreaterThan(50_000);
    int[] comp = new int[g.nodeCount()];
    java.util.Arrays.fill(comp, -1);
    int[] stack = new int[g.nodeCount()];
    int largest = 0;
    for (int s = 0; s < g.nodeCount(); s++) {
      if (comp[s] >= 0) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = s;
      comp[s] = s;
      while (top > 0) {
        int n = stack[--top];
        size++;
        for (int i = g.adjacencyStart(n); i < g.adjacencyEnd(n); i++) {
          int m = g.otherNode(g.adjacentEdge(i), n);
          if (comp[m] < 0) {
            comp[m] = s;
            stack[top++] = m;
          }
        }
      }
      largest = Math.max(largest, size);
    }
    assertThat((double) largest / g.nodeCount()).isGreaterThan(0.9);
    assertThat(g.countFlagged(RoadGraph.BRIDGE)).isGreaterThan(1000);
    assertThat(g.countFlagged(RoadGraph.TUNNEL)).isPositive();
  }

  @Test
  void ltByBorderIsAbout680Km() {
    assertThat(region.borders().get("LT-BY").getLength() / 1000).isBetween(670.0, 690.0);
    assertThat(region.borders()).containsKeys("LT-LV", "LT-PL", "LT-RU");
  }

  @Test
  void settlementsAndAreasAreThere() throws IOException {
    assertThat(region.settlements())
        .anySatisfy(s -> assertThat(s.name()).isEqualTo("Vilnius"))
        .hasSizeGreaterThan(20_000);
    assertThat(region.protectedAreas()).hasSizeGreaterThan(100);
    assertThat(region.residentialAreas()).hasSizeGreaterThan(5_000);
    assertThat(region.countryPolygon(Country.LT).getArea() / 1e6)
        .isBetween(62_000.0, 65_000.0); // land, without the lagoon
    assertThat(Files.size(dir.resolve("pack/issues.geojson"))).isPositive();
  }
}
