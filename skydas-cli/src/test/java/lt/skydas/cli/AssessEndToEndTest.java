package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.geojson.GeoJsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job on the shipped Lithuania data, at 1 km cells to stay quick. */
class AssessEndToEndTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir static Path tmp;
  static Path pack;

  @BeforeAll
  static void buildPack() {
    pack = tmp.resolve("pack-1km");
    CliRunner.Result r =
        CliRunner.run(
            "region",
            "build",
            "--layers",
            ROOT.resolve("data/baltic").toString(),
            "--cell-size",
            "1000",
            "--out",
            pack.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("road edges").contains("issues.geojson");
  }

  @Test
  void packHasRastersRoadsAndAnIssuesReport() throws Exception {
    JsonNode meta = new ObjectMapper().readTree(pack.resolve("region.json").toFile());
    assertThat(meta.path("cell_size_m").asDouble()).isEqualTo(1000);
    assertThat(meta.path("road_edges").asInt()).isGreaterThan(50_000);
    assertThat(meta.path("cells_by_land_cover").path("FOREST").asLong()).isGreaterThan(10_000);
    assertThat(GeoJsonReader.readAll(pack.resolve("issues.geojson"))).isNotEmpty();
    CliRunner.Result info = CliRunner.run("region", "info", "--region", pack.toString());
    assertThat(info.exit()).isZero();
    assertThat(info.out()).contains("road_edges").contains("format_version");
  }

  @Test
  void demoPlanDelaysTheAttackerAndWritesEveryOutput() throws Exception {
    Path out = tmp.resolve("assess");
    // two school basements: in Šalčininkai and Lazdijai, towns in the attacker's 48 h reach
    Path shelters = tmp.resolve("shelters.csv");
    Files.writeString(
        shelters,
        "id,type,capacity_persons,protection,wkt\n"
            + "s1,shelter,400,basement,POINT (25.3878 54.3094)\n"
            + "s2,shelter,250,basement,POINT (23.5163 54.2330)\n");
    CliRunner.Result r =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            ROOT.resolve("examples/demo-plan.geojson").toString(),
            "--shelters",
            shelters.toString(),
            "--out",
            out.toString(),
            "--classes",
            "tracked,wheeled",
            "--seasons",
            "dry,wet",
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Report: ");
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("cases")).hasSize(4);
    for (JsonNode c : s.path("cases")) {
      JsonNode vilnius = c.path("times").get(0);
      assertThat(vilnius.path("objective").asText()).isEqualTo("vilnius");
      double base = vilnius.path("baseline_s").asDouble();
      double plan = vilnius.path("plan_s").asDouble();
      // Vilnius is ~30 km from the Belarus border: between 10 minutes and a day for vehicles
      assertThat(base).isBetween(600.0, 86_400.0);
      assertThat(plan).isGreaterThanOrEqualTo(base);
    }
    assertThat(s.path("violations").asInt()).isZero();
    // friendly routes from the LT-PL crossings to Kaunas and Vilnius, per season
    assertThat(s.path("reinforcement")).hasSize(4);
    for (JsonNode t : s.path("reinforcement")) {
      assertThat(t.path("baseline_s").asDouble()).isBetween(1800.0, 6 * 3600.0);
      assertThat(t.path("plan_s").asDouble())
          .isGreaterThanOrEqualTo(t.path("baseline_s").asDouble());
    }
    assertThat(GeoJsonReader.readAll(out.resolve("avenues.geojson"))).hasSizeGreaterThan(8);
    assertThat(Files.size(out.resolve("isochrones/tracked-dry.tif"))).isPositive();
    // civilians: both shelters full of people from their towns, and the settlements in reach
    JsonNode places = s.path("civilians").path("shelters");
    assertThat(places.path("places").asLong()).isEqualTo(650);
    assertThat(places.path("covered").asLong()).isEqualTo(650);
    assertThat(places.path("people").asLong()).isGreaterThan(places.path("reachable").asLong());
    var civilians = GeoJsonReader.readAll(out.resolve("civilians.geojson"));
    assertThat(civilians).hasSizeGreaterThan(100);
    assertThat(civilians)
        .allSatisfy(
            f -> {
              assertThat(f.properties()).containsKeys("arrival_h", "warning_needed_h", "cut_off");
              assertThat(((Number) f.properties().get("arrival_h")).doubleValue())
                  .isLessThanOrEqualTo(48);
            });
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report).contains("Vilnius").contains("Klaipėda");
    // the report's civilians section: exposure per case, evacuation against the attacker per
    // settlement, shelter places and the humanitarian check with the policy it used
    String civ = report.substring(report.indexOf("<h2>Civilians</h2>"));
    assertThat(civ)
        .contains("<th>6 h: without → with</th>", "<th>48 h: without → with</th>")
        .contains("<td>tracked-dry</td>")
        .contains("<h3>Evacuation, dry season</h3>", "<th>Warning needed (h)</th>")
        .contains("Humanitarian check: 0 violations under the policy AP mines off")
        .contains("(built-in default");
    JsonNode check = s.path("civilians").path("humanitarian_check");
    assertThat(check.path("violations").asInt()).isZero();
    assertThat(check.path("version").isNull()).isTrue();
  }

  @Test
  void candidateSitesAreWrittenForReview() throws Exception {
    Path out = tmp.resolve("candidates.geojson");
    CliRunner.Result r =
        CliRunner.run(
            "candidates",
            "--region",
            pack.toString(),
            "--belts-km",
            "5,12",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("corridor").contains("road").contains("bridge");
    var features = GeoJsonReader.readAll(out);
    assertThat(features).hasSizeGreaterThan(20);
    assertThat(features)
        .allSatisfy(f -> assertThat(f.string("types")).isNotBlank().doesNotContain("ap_minefield"));
    CliRunner.Result bad =
        CliRunner.run(
            "candidates", "--region", pack.toString(), "--belts-km", "-3", "--out", out.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--belts-km");
  }

  @Test
  void usersObjectivesReplaceTheDefaults() throws Exception {
    Path objectives =
        Files.writeString(
            tmp.resolve("objectives.geojson"),
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"name":"Ukmergė bridge","radius_m":500},
              "geometry":{"type":"Point","coordinates":[24.76,55.25]}},
             {"type":"Feature","id":"trakai","properties":{"name":"Trakai area"},
              "geometry":{"type":"Polygon","coordinates":[[[24.90,54.62],[24.96,54.62],[24.96,54.66],[24.90,54.66],[24.90,54.62]]]}}]}
            """);
    Path out = tmp.resolve("objectives-out");
    CliRunner.Result r =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--objectives",
            objectives.toString(),
            "--out",
            out.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--avenues",
            "2",
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("objectives").findValuesAsText("id"))
        .containsExactly("ukmerge-bridge", "trakai");
    JsonNode times = s.path("cases").get(0).path("times");
    assertThat(times.get(0).path("baseline_s").asDouble())
        .isGreaterThan(times.get(1).path("baseline_s").asDouble());

    Path bad =
        Files.writeString(
            tmp.resolve("bad-objectives.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[]}");
    CliRunner.Result e =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--objectives",
            bad.toString(),
            "--out",
            out.toString());
    assertThat(e.exit()).isEqualTo(3);
    assertThat(e.err()).contains("bad-objectives.geojson").contains("no objectives");
  }

  @Test
  void badPlansFailWithOneLineAndLeaveEarlierOutputIntact() throws Exception {
    Path out = tmp.resolve("kept");
    CliRunner.Result ok =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--out",
            out.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--quiet");
    assertThat(ok.exit()).as(ok.err()).isZero();
    String before = Files.readString(out.resolve("summary.json"));

    String demo = Files.readString(ROOT.resolve("examples/demo-plan.geojson"));
    Path truncated =
        Files.writeString(tmp.resolve("truncated.geojson"), demo.substring(0, demo.length() / 3));
    CliRunner.Result bad =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            truncated.toString(),
            "--out",
            out.toString(),
            "--quiet");
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err().strip())
        .contains("truncated.geojson")
        .contains("truncated")
        .doesNotContain("\n");
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(before);

    Path unknown =
        Files.writeString(tmp.resolve("unknown.geojson"), demo.replace("\"at_ditch\"", "\"moat\""));
    CliRunner.Result u =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            unknown.toString(),
            "--out",
            out.toString());
    assertThat(u.exit()).isEqualTo(3);
    assertThat(u.err()).contains("unknown obstacle type \"moat\"");

    Path far = Files.writeString(tmp.resolve("far.geojson"), demo.replace("25.6", "13.6"));
    CliRunner.Result f =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            far.toString(),
            "--out",
            out.toString());
    assertThat(f.exit()).isEqualTo(3);
    assertThat(f.err()).contains("outside the region");

    Path tall =
        Files.writeString(
            tmp.resolve("tall.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"mast\","
                + "\"properties\":{\"type\":\"eoir_mast\",\"height_m\":5000},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[25.68,54.55]}}]}");
    CliRunner.Result t =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            tall.toString(),
            "--out",
            out.toString(),
            "--quiet");
    assertThat(t.exit()).isEqualTo(3);
    assertThat(t.err().strip())
        .contains("tall.geojson: feature 0 (id \"mast\"): height_m must be within 0..3000 m")
        .doesNotContain("\n");
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(before);

    Path watched =
        Files.writeString(
            tmp.resolve("watched.geojson"), Files.readString(tall).replace("5000", "20"));
    Path sensorsFile = ROOT.resolve("skydas-plan/src/main/resources/lt/skydas/plan/sensors.json");
    CliRunner.Result w =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            watched.toString(),
            "--sensors-file",
            sensorsFile.toString(),
            "--out",
            tmp.resolve("watched").toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--quiet");
    assertThat(w.exit()).as(w.err()).isZero();
    JsonNode sensors =
        new ObjectMapper().readTree(tmp.resolve("watched/summary.json").toFile()).path("sensors");
    assertThat(sensors.path("sites").get(0).path("height_m").asDouble()).isEqualTo(20);
    assertThat(Files.readString(tmp.resolve("watched/report.html")))
        .contains("Sensor, EW and counter-drone sites");

    CliRunner.Result cls =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--out",
            out.toString(),
            "--classes",
            "hovercraft");
    assertThat(cls.exit()).isEqualTo(2);
    assertThat(cls.err()).contains("hovercraft");

    CliRunner.Result noPack =
        CliRunner.run(
            "assess", "--region", tmp.resolve("nothing").toString(), "--out", out.toString());
    assertThat(noPack.exit()).isEqualTo(4);
    assertThat(noPack.err()).contains("skydas region build");
    assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(before);
  }

  /**
   * Issue 19, first run in the browser: {@code serve} takes an assessment written outside it (the
   * demo's out/demo) as a published job, once, so the map shows its avenues and isochrones and the
   * job list its times without running anything; a published run of the server's own then wins.
   */
  @Test
  void serveShowsAnAssessmentMadeOutsideItOnce() throws Exception {
    Path out = tmp.resolve("first-run");
    CliRunner.Result r =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            ROOT.resolve("examples/demo-plan.geojson").toString(),
            "--classes",
            "tracked",
            "--seasons",
            "dry",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    Path work = tmp.resolve("serve-work");
    try (var jobs =
        new lt.skydas.server.jobs.JobManager(
            java.util.Map.of(), work, 1, java.time.Clock.systemUTC())) {
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      var job = FirstRun.adopt(out, jobs, new java.io.PrintStream(log, true));
      assertThat(job).isNotNull();
      var snap = job.snapshot();
      assertThat(snap.published()).isTrue();
      assertThat(snap.type()).isEqualTo("assess");
      JsonNode res = snap.result();
      JsonNode vilnius = res.path("cases").get(0).path("objectives").path("vilnius");
      assertThat(vilnius.path("name").asText()).isEqualTo("Vilnius");
      assertThat(vilnius.path("plan_h").asDouble())
          .isGreaterThanOrEqualTo(vilnius.path("baseline_h").asDouble())
          .isGreaterThan(0.1);
      JsonNode iso = res.path("isochrones").get(0);
      assertThat(iso.path("case").asText()).isEqualTo("tracked-dry");
      assertThat(Files.size(job.dir().resolve(iso.path("file").asText()))).isPositive();
      assertThat(job.dir().resolve("avenues.geojson")).isRegularFile();
      assertThat(job.dir().resolve("report.html")).isRegularFile();
      assertThat(log.toString()).contains("Showing the assessment in " + out);
      // the same output is taken once
      assertThat(FirstRun.adopt(out, jobs, new java.io.PrintStream(log, true))).isNull();
    }
  }
}
