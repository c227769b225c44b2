package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.MobilityNetworkBuilder;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * The shipped objectives on the real region (200 m cells, the shipped layers): Klaipėda is not
 * reached at Smiltynė across the strait, Kaunas is reached on both banks of the Nemunas and the
 * Neris (its bridges lie inside its radius), and no objective counts a water cell.
 */
class ObjectiveShoresRealTest {
  @TempDir static Path tmp;
  static AssessmentRegion region;
  static Map<String, int[]> nodes = new TreeMap<>();

  @BeforeAll
  static void build() {
    Path pack = tmp.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(
            Path.of("..").resolve("data/baltic").toAbsolutePath(), pack, 200, 1, "LT"),
        Progress.NONE);
    region = RegionInputs.from(Region.load(pack), 1000);
    MobilityNetwork net =
        new MobilityNetworkBuilder(region.grid(), region.roads()).build(Progress.NONE);
    for (Objective o : ObjectivesReader.defaults()) {
      nodes.put(o.id(), ObjectiveNodes.of(region.grid(), region.landCover(), net, o));
    }
  }

  static boolean covers(String objective, double lon, double lat) {
    Coordinate c = Crs.lks94().toMetric(lon, lat, new Coordinate());
    int cell = region.grid().cellAt(c.x, c.y);
    return Arrays.binarySearch(nodes.get(objective), cell) >= 0;
  }

  @Test
  void klaipedaIsNotReachedAtSmiltyne() {
    assertThat(covers("klaipeda", 21.1045, 55.7068)).as("Smiltynė, on the spit").isFalse();
    assertThat(covers("klaipeda", 21.1120, 55.6900)).as("the spit further south").isFalse();
    assertThat(covers("klaipeda", 21.1330, 55.7080)).as("the old town").isTrue();
    assertThat(covers("klaipeda", 21.1450, 55.7200)).as("north of the Danė").isTrue();
  }

  @Test
  void kaunasIsReachedOnEveryBank() {
    assertThat(covers("kaunas", 23.9045, 54.8982)).as("the old town").isTrue();
    assertThat(covers("kaunas", 23.9150, 54.8830)).as("Aleksotas, south of the Nemunas").isTrue();
    assertThat(covers("kaunas", 23.8850, 54.9100)).as("Vilijampolė, north of the Neris").isTrue();
  }

  @Test
  void noObjectiveCountsWater() {
    int cells = region.grid().cellCount();
    for (var e : nodes.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isNotEmpty();
      for (int n : e.getValue()) {
        if (n < cells) {
          assertThat(ObjectiveNodes.isLand(region.landCover()[n]))
              .as("%s cell %d", e.getKey(), n)
              .isTrue();
        }
      }
    }
  }
}
