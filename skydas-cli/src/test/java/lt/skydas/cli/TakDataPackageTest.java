package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry export x.zip} writes a TAK data package that a real CoT parser reads (issue 19):
 * node-cot ({@code @tak-ps/node-cot}, installed with the web UI's dev dependencies) parses it
 * strictly, manifest and every event, and sees one event per record with the right shape types and
 * 2525 symbols. The old {@code <events>}-rooted file is refused by the same parser, so this test
 * fails on it. Needs {@code node} and skydas-web's node_modules (built before this module); in CI
 * their absence fails the test.
 */
class TakDataPackageTest {
  @TempDir Path dir;

  private static final Path CHECK = Path.of("../skydas-web/tools/cot-check.mjs");

  @Test
  void takReadsTheExportedDataPackage() throws Exception {
    requireNodeCot();
    String db = dir.resolve("reg.gpkg").toString();
    String countries = "../data/baltic/countries.geojson.gz";
    assertThat(CliRunner.run("registry", "init", "--db", db, "--countries", countries).exit())
        .isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch", "name": "Griovys"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}},
          {"type": "Feature", "id": "b1", "properties": {"type": "bridge_demolition"},
           "geometry": {"type": "Point", "coordinates": [24.25, 55.22]}},
          {"type": "Feature", "id": "r1", "properties": {"type": "road_control_point"},
           "geometry": {"type": "Point", "coordinates": [24.26, 55.23]}},
          {"type": "Feature", "id": "f1", "properties": {"type": "reforestation_belt"},
           "geometry": {"type": "Polygon", "coordinates": [[[24.30, 55.20], [24.32, 55.20],
             [24.32, 55.21], [24.30, 55.20]]]}}]}
        """);
    CliRunner.Result imp =
        CliRunner.run(
            "registry",
            "import",
            plan.toString(),
            "--db",
            db,
            "--countries",
            countries,
            "--role",
            "planner");
    assertThat(imp.exit()).as(imp.err()).isZero();
    Path zip = dir.resolve("skydas-tak.zip");
    CliRunner.Result exp =
        CliRunner.run("registry", "export", zip.toString(), "--db", db, "--countries", countries);
    assertThat(exp.exit()).as(exp.err()).isZero();

    JsonNode got = check(zip);
    assertThat(got.path("version").asText()).isEqualTo("2");
    assertThat(got.path("settings").path("name").asText()).isEqualTo("skydas-tak.zip");
    Map<String, JsonNode> events = new HashMap<>();
    got.path("events").forEach(e -> events.put(e.path("uid").asText(), e));
    assertThat(events).containsOnlyKeys("skydas-d1", "skydas-b1", "skydas-r1", "skydas-f1");

    JsonNode ditch = events.get("skydas-d1");
    assertThat(ditch.path("type").asText()).isEqualTo("u-d-f");
    assertThat(ditch.path("geometry").asText()).isEqualTo("LineString");
    assertThat(ditch.path("milsym").asText()).isEqualTo("GFMAOADC-------");
    assertThat(ditch.path("callsign").asText()).isEqualTo("Griovys");
    // a demolition and a control point are map markers with their graphic, not friendly units
    JsonNode demolition = events.get("skydas-b1");
    assertThat(demolition.path("type").asText()).isEqualTo("b-m-p-s-m");
    assertThat(demolition.path("geometry").asText()).isEqualTo("Point");
    assertThat(demolition.path("milsym").asText()).isEqualTo("GFMAORP--------");
    assertThat(events.get("skydas-r1").path("milsym").asText()).isEqualTo("GFSAPO---------");
    JsonNode belt = events.get("skydas-f1");
    assertThat(belt.path("geometry").asText()).isEqualTo("Polygon");
    assertThat(belt.path("vertices").asInt()).isEqualTo(4);
  }

  @Test
  void theSameParserRefusesEventsUnderAnEventsRoot() throws Exception {
    requireNodeCot();
    Path zip = dir.resolve("old.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("MANIFEST/manifest.xml"));
      z.write(
          ("<MissionPackageManifest version=\"2\"><Configuration>"
                  + "<Parameter name=\"uid\" value=\"u\"/><Parameter name=\"name\" value=\"old\"/>"
                  + "</Configuration><Contents><Content ignore=\"false\" zipEntry=\"a.cot\">"
                  + "<Parameter name=\"uid\" value=\"a\"/></Content></Contents>"
                  + "</MissionPackageManifest>")
              .getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry("a.cot"));
      z.write(
          ("<events><event version=\"2.0\" uid=\"a\" type=\"a-f-G\" how=\"h-e\""
                  + " time=\"2027-01-01T00:00:00Z\" start=\"2027-01-01T00:00:00Z\""
                  + " stale=\"2028-01-01T00:00:00Z\"><point lat=\"55\" lon=\"24\" hae=\"0\""
                  + " ce=\"0\" le=\"0\"/></event></events>")
              .getBytes(StandardCharsets.UTF_8));
    }
    Process p = node(zip);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isNotZero();
  }

  private static JsonNode check(Path zip) throws Exception {
    Process p = node(zip);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    return new ObjectMapper().readTree(json);
  }

  private static Process node(Path zip) throws Exception {
    return new ProcessBuilder("node", CHECK.toString(), zip.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    return path != null
        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
  }

  private static void requireNodeCot() {
    boolean there =
        Files.isRegularFile(CHECK)
            && Files.isDirectory(Path.of("../skydas-web/node_modules/@tak-ps/node-cot"))
            && onPath("node");
    if (System.getenv("CI") != null) {
      assertThat(there).as("node and skydas-web/node_modules/@tak-ps/node-cot (npm ci)").isTrue();
    }
    assumeThat(there).as("node and node-cot").isTrue();
  }
}
