package lt.skydas.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeedTableTest {
  @TempDir Path dir;

  @Test
  void defaultTableIsCompleteAndEveryValueHasASource() {
    SpeedTable t = SpeedTable.defaults();
    int n = VehicleClass.values().length * Season.values().length;
    assertThat(t.entries())
        .hasSize(n * (SpeedTable.TERRAIN.size() + SpeedTable.ROADS.size()))
        .allSatisfy(e -> assertThat(e.source()).isNotBlank())
        .allSatisfy(e -> assertThat(e.note()).isNotBlank());
  }

  @Test
  void defaultTableEncodesTheDoctrine() {
    SpeedTable t = SpeedTable.defaults();
    for (VehicleClass v : VehicleClass.values()) {
      for (Season s : Season.values()) {
        // roads are never slower than open country for vehicles in the same season
        if (v != VehicleClass.DISMOUNTED) {
          assertThat(t.roadSpeed_kmh("PRIMARY", v, s))
              .isGreaterThan(t.terrainSpeed_kmh("OPEN", v, s));
        }
        // rivers are NO-GO for vehicles in every season
        if (v != VehicleClass.DISMOUNTED) {
          assertThat(t.terrainSpeed_kmh("RIVER", v, s)).isZero();
          assertThat(t.terrainSpeed_kmh("WATER", v, s)).isZero();
        }
      }
    }
    assertThat(t.terrainSpeed_kmh("FOREST", VehicleClass.WHEELED, Season.DRY)).isZero();
    assertThat(t.terrainSpeed_kmh("WETLAND_SOFT", VehicleClass.TRACKED, Season.WET)).isZero();
    assertThat(t.terrainSpeed_kmh("WETLAND_SOFT", VehicleClass.TRACKED, Season.FROZEN))
        .isPositive();
    assertThat(t.terrainSpeed_kmh("OPEN", VehicleClass.WHEELED, Season.WET))
        .isLessThan(t.terrainSpeed_kmh("OPEN", VehicleClass.WHEELED, Season.DRY));
  }

  private static String header() {
    return "kind,surface,vehicle,season,speed_kmh,source,note\n";
  }

  @Test
  void incompleteTableNamesMissingCombinations() {
    String csv = header() + "terrain,OPEN,tracked,dry,30,estimate,a guess\n";
    assertThatThrownBy(() -> SpeedTable.parse(new StringReader(csv), "s.csv"))
        .hasMessageContaining("s.csv")
        .hasMessageContaining("combinations have no speed");
  }

  @Test
  void badValuesAreNamedWithTheirLine() throws IOException {
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(header() + "terrain,OPEN,tracked,dry,-3,x,y\n"), "s.csv"))
        .hasMessageContaining("line")
        .hasMessageContaining("0..300");
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(header() + "terrain,OPEN,tracked,dry,NaN,x,y\n"), "s.csv"))
        .hasMessageContaining("finite");
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(header() + "terrain,LAVA,tracked,dry,3,x,y\n"), "s.csv"))
        .hasMessageContaining("unknown terrain surface LAVA");
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(header() + "terrain,OPEN,hovercraft,dry,3,x,y\n"), "s.csv"))
        .hasMessageContaining("s.csv")
        .hasMessageContaining("hovercraft");
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(header() + "terrain,OPEN,tracked,dry,3,estimate,\n"), "s.csv"))
        .hasMessageContaining("estimate needs a note");
    assertThatThrownBy(
            () ->
                SpeedTable.parse(
                    new StringReader(
                        header()
                            + "terrain,OPEN,tracked,dry,3,x,y\nterrain,OPEN,tracked,dry,4,x,y\n"),
                    "s.csv"))
        .hasMessageContaining("duplicate");
  }

  @Test
  void userTableRoundTripsFromFile() throws IOException {
    Path p = dir.resolve("speeds.csv");
    try (var in = SpeedTable.class.getResourceAsStream("speeds.csv")) {
      Files.write(p, in.readAllBytes());
    }
    SpeedTable t = SpeedTable.load(p);
    assertThat(t.origin()).isEqualTo(p.toString());
    assertThat(t.roadSpeed_kmh("MOTORWAY", VehicleClass.WHEELED, Season.DRY)).isEqualTo(80);
  }
}
