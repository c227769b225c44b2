package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.geojson.GeoJsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skydas civilians} on the shipped region (1 km pack) with the demo plan: the same civilians
 * as {@code assess} writes under {@code civilians}, the layer of settlements in reach, and a plan
 * that breaks a rule reported with its violation (issue 17).
 */
class CiviliansCommandTest {
  @TempDir Path dir;

  @Test
  void theCiviliansAloneEqualTheAssessmentsAndNameThePolicy() throws Exception {
    String pack = TestPacks.oneKm().toString();
    String plan = TestPacks.ROOT.resolve("examples/demo-plan.geojson").toString();
    Path civ = dir.resolve("civ");
    CliRunner.Result c =
        CliRunner.run(
            "civilians",
            "--region",
            pack,
            "--plan",
            plan,
            "--classes",
            "tracked,wheeled",
            "--seasons",
            "dry",
            "--out",
            civ.toString(),
            "--quiet");
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(c.out())
        .contains("Humanitarian check: 0 violations under the policy AP mines off")
        .contains("Civilians in the attacker's reach")
        .contains("Evacuation (dry")
        .contains("Civilians: ");
    Path full = dir.resolve("full");
    CliRunner.Result a =
        CliRunner.run(
            "assess",
            "--region",
            pack,
            "--plan",
            plan,
            "--classes",
            "tracked,wheeled",
            "--seasons",
            "dry",
            "--out",
            full.toString(),
            "--quiet");
    assertThat(a.exit()).as(a.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode alone = json.readTree(civ.resolve("civilians.json").toFile());
    JsonNode assessed = json.readTree(full.resolve("summary.json").toFile());
    assertThat(alone.path("civilians")).isEqualTo(assessed.path("civilians"));
    assertThat(alone.path("plan").path("policy").path("source").asText())
        .isEqualTo("built-in default");
    assertThat(alone.path("civilians").path("exposure")).hasSize(2);
    assertThat(Files.readString(civ.resolve("civilians.geojson")))
        .isEqualTo(Files.readString(full.resolve("civilians.geojson")));
    assertThat(GeoJsonReader.readAll(civ.resolve("civilians.geojson"))).hasSizeGreaterThan(100);
  }

  @Test
  void aPlanThatBreaksARuleIsReportedAndAMissingPlanIsAUsageError() throws Exception {
    Path plan = dir.resolve("ap.geojson");
    Files.writeString(
        plan,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"ap1\","
            + "\"properties\":{\"type\":\"ap_minefield\"},\"geometry\":{\"type\":\"LineString\","
            + "\"coordinates\":[[23.69,55.09],[23.71,55.095]]}}]}");
    Path out = dir.resolve("ap");
    CliRunner.Result r =
        CliRunner.run(
            "civilians",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Humanitarian check: 1 violation under the policy AP mines off");
    assertThat(Files.readString(out.resolve("violations.geojson")))
        .contains("ap_mines_not_enabled", "ap1");
    CliRunner.Result none =
        CliRunner.run(
            "civilians",
            "--region",
            TestPacks.oneKm().toString(),
            "--out",
            dir.resolve("x").toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("--plan");
    assertThat(dir.resolve("x")).doesNotExist();
    // its help offers what it uses: cases, shelters, the rear; no avenues or marginal values
    CliRunner.Result help = CliRunner.run("civilians", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("--classes", "--seasons", "--shelters", "--rear", "--policy")
        .doesNotContain("--avenues", "--marginal");
  }
}
