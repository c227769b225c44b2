package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandTest {
  @TempDir Path dir;

  @Test
  void withoutFlagsListsTheObstacleCatalogAsBefore() {
    CliRunner.Result r = CliRunner.run("catalog");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Obstacle catalog: built-in catalog.json")
        .contains("at_minefield", "dragons_teeth")
        .contains("Delays are the larger of off-road crossing and road-cut delay, in minutes.")
        .doesNotContain("Sensor catalog");
  }

  @Test
  void sensorsListsRangesCostsAndSources() {
    CliRunner.Result r = CliRunner.run("catalog", "--sensors");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Sensor catalog: built-in sensors.json")
        .contains("vehicle", "person", "sm.uas", "height", "arc", "cost EUR", "upkeep/yr", "crew")
        .doesNotContain("at_minefield");
    String gsr =
        r.out().lines().filter(l -> l.startsWith("gsr_portable ")).findFirst().orElseThrow();
    assertThat(gsr.split("\\s+"))
        .containsSubsequence(
            "gsr_portable",
            "surveillance",
            "48.0",
            "km",
            "12.0",
            "km",
            "6.0",
            "km",
            "3.0m",
            "360",
            "600,000",
            "60,000",
            "2.00");
    assertThat(gsr).endsWith(" 1/7 squire_2018,skydas_references");
    String fence =
        r.out().lines().filter(l -> l.startsWith("fibre_fence_sensor ")).findFirst().orElseThrow();
    assertThat(fence.split("\\s+"))
        .containsSubsequence("fibre_fence_sensor", "surveillance", "30", "m", "10", "m", "-");
    String ugs =
        r.out()
            .lines()
            .filter(l -> l.startsWith("ugs_seismic_acoustic "))
            .findFirst()
            .orElseThrow();
    assertThat(ugs).contains("crrel_seismic_2009");
    assertThat(r.out()).contains("    jams within 40.0 km; also denies gnss, uas_link_jammer");
  }

  @Test
  void sensorsWithSourcesPrintsEveryFigureSource() {
    CliRunner.Result r = CliRunner.run("catalog", "--sensors", "--sources");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("    range: [squire_2018] Squire Block 2")
        .contains("    crew: estimate: operator and assistant");
  }

  @Test
  void sensorsFileUsesTheUsersCatalogAndReportsItsMistakesInOneLine() throws IOException {
    Path file = dir.resolve("my-sensors.json");
    Files.writeString(
        file,
        """
        {"types": [{
          "id": "mast_cam", "name": "Camera", "category": "surveillance",
          "geometry": "point", "unit": "each", "sidc": "SFGPES---------",
          "range_m": {"vehicle": 8000, "person": 3000, "small_uas": 0},
          "height_m": 10, "arc_deg": 90, "power_w": 100, "comms": "fibre",
          "cost_eur_per_unit": 50000, "upkeep_eur_per_year": 5000, "crew": 0.25,
          "sources": {"range": "estimate: national trials of 2025",
            "height": "estimate: standard 10 m mast", "arc": "estimate: fixed 90 degree lens",
            "power": "estimate: camera and heater", "cost": "estimate: last tender price",
            "upkeep": "estimate: 10 % of the price a year", "crew": "estimate: one operator per four"}
        }]}
        """);
    CliRunner.Result ok = CliRunner.run("catalog", "--sensors-file", file.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).startsWith("Sensor catalog: " + file).contains("mast_cam");
    assertThat(ok.out().lines().filter(l -> l.startsWith("mast_cam ")).findFirst().orElseThrow())
        .endsWith(" 0/7 estimate");

    Files.writeString(file, Files.readString(file).replace("\"arc_deg\": 90", "\"arc_deg\": 400"));
    CliRunner.Result bad = CliRunner.run("catalog", "--sensors-file", file.toString());
    assertThat(bad.exit()).isEqualTo(ProblemCode.BAD_INPUT.exitCode());
    assertThat(bad.err().strip())
        .contains(file + ": type \"mast_cam\": arc_deg must be > 0 and <= 360 degrees, not 400")
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }
}
