package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --rear FILE} (issue 17): evacuees go to the user's assembly points or rear line
 * instead of the towns reached last; a bad rear layer is refused in one line before any search.
 */
class RearOptionTest {
  @TempDir Path dir;

  private CliRunner.Result assess(Path rear, Path out) {
    return CliRunner.run(
        "assess",
        "--region",
        TestPacks.oneKm().toString(),
        "--plan",
        TestPacks.ROOT.resolve("examples/demo-plan.geojson").toString(),
        "--rear",
        rear.toString(),
        "--classes",
        "wheeled",
        "--seasons",
        "dry",
        "--out",
        out.toString(),
        "--quiet");
  }

  @Test
  void aRearLineBecomesAssemblyPointsAlongIt() throws Exception {
    // a line across Lithuania's north-west, Telšiai to Šiauliai (about 75 km)
    Path rear = dir.resolve("rear.geojson");
    Files.writeString(
        rear,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"name\":\"North line\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + "[[22.25,55.98],[23.31,55.93]]}}]}");
    Path out = dir.resolve("out");
    CliRunner.Result r = assess(rear, out);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode ev =
        new ObjectMapper()
            .readTree(out.resolve("summary.json").toFile())
            .path("civilians")
            .path("evacuation")
            .get(0);
    assertThat(ev.path("rear").size()).isGreaterThan(20);
    assertThat(ev.path("rear").get(0).asText()).isEqualTo("North line km 0.0");
    assertThat(ev.path("settlements_in_48h_reach").asInt()).isPositive();
  }

  @Test
  void aRearOutsideTheHomeCountriesOrOfAreasIsRefused() throws Exception {
    Path minsk = dir.resolve("minsk.geojson");
    Files.writeString(
        minsk,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[27.56,53.90]}}]}");
    Path area = dir.resolve("area.geojson");
    Files.writeString(
        area,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[24,55],[24.1,55],[24.1,55.1],"
            + "[24,55]]]}}]}");
    Path out = dir.resolve("out");
    for (Path f : new Path[] {minsk, area}) {
      CliRunner.Result r = assess(f, out);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err())
          .contains(f.getFileName().toString())
          .containsAnyOf("lies in no home country", "not a Polygon");
      assertThat(out).doesNotExist();
    }
  }

  /** The server's assess job takes the rear too ({@code rear}: GeoJSON), with the same checks. */
  @Test
  void theServersAssessJobTakesTheRear() throws Exception {
    RegionOptions region = new RegionOptions();
    region.pack = TestPacks.oneKm();
    AssessJob job =
        new AssessJob(
            region, () -> lt.skydas.plan.PlanPolicy.DEFAULT.withSource("registry version 4"));
    ObjectMapper json = new ObjectMapper();
    String line =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"name\":\"North line\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + "[[22.25,55.98],[23.31,55.93]]}}]}";
    JsonNode params =
        json.readTree("{\"classes\":[\"wheeled\"],\"seasons\":[\"dry\"],\"rear\":" + line + "}");
    job.validate(params);
    Path jobDir = Files.createDirectories(dir.resolve("job"));
    JsonNode result = job.run(params, jobDir, lt.skydas.core.progress.Progress.NONE);
    // the job's result names the registry's policy and its version, for the API and the web panel
    assertThat(result.path("policy").path("version").asInt()).as(result.toString()).isEqualTo(4);
    assertThat(result.path("civilians").get(0).asText())
        .startsWith("Humanitarian check: 0 violations under the policy AP mines off")
        .endsWith("(registry version 4)");
    JsonNode ev =
        json.readTree(jobDir.resolve("summary.json").toFile())
            .path("civilians")
            .path("evacuation")
            .get(0);
    assertThat(ev.path("rear").get(0).asText()).isEqualTo("North line km 0.0");

    // not a FeatureCollection: refused before the job is queued
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> job.validate(json.readTree("{\"rear\": {\"type\": \"Point\"}}")))
        .hasMessageContaining("rear must be a GeoJSON FeatureCollection");
    // a point in Minsk: the job fails naming the file and the feature, as the CLI does
    JsonNode minsk =
        json.readTree(
            "{\"classes\":[\"wheeled\"],\"seasons\":[\"dry\"],\"rear\":{\"type\":"
                + "\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[27.56,53.90]}}]}}");
    Path bad = Files.createDirectories(dir.resolve("bad"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> job.run(minsk, bad, lt.skydas.core.progress.Progress.NONE))
        .hasMessageContaining("rear.geojson")
        .hasMessageContaining("lies in no home country");
    assertThat(bad.resolve("summary.json")).doesNotExist();
  }
}
