package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skydas works} with the shipped illustrative corridor programme on the 1 km Lithuania pack:
 * every project lies on the pack's roads, the timeline steps at each end date, and the convoys'
 * transit never gets longer as projects complete (each one only opens bridges or speeds roads).
 */
class WorksCommandTest {
  @TempDir Path dir;

  @Test
  void theShippedProgrammeRunsAndTransitOnlyImproves() throws Exception {
    Path out = dir.resolve("works");
    CliRunner.Result r =
        CliRunner.run(
            "works",
            "--region",
            TestPacks.oneKm().toString(),
            "--works",
            TestPacks.ROOT.resolve("examples/suwalki-corridor-works.json").toString(),
            "--as-of",
            "2025-01-01",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("29 projects").contains("(illustrative)").contains("Transit ");
    JsonNode w = new ObjectMapper().readTree(out.resolve("works.json").toFile());
    assertThat(w.path("projects")).hasSize(29);
    double km = 0;
    for (JsonNode p : w.path("projects")) {
      km += p.path("length_km").asDouble(0);
    }
    assertThat(km).as("road km, as the public figure").isBetween(105.0, 120.0);
    JsonNode steps = w.path("timeline");
    assertThat(steps.get(0).path("day").asText()).isEqualTo("2025-01-01");
    assertThat(steps.size()).isGreaterThan(3);
    for (String route : new String[] {"pl-kaunas", "pl-vilnius"}) {
      double last = Double.POSITIVE_INFINITY;
      for (JsonNode s : steps) {
        JsonNode t = s.path("transit_h").path(route);
        double h = t.isNull() ? Double.POSITIVE_INFINITY : t.asDouble();
        assertThat(h).as(route + " on " + s.path("day").asText()).isLessThanOrEqualTo(last);
        last = h;
      }
      assertThat(last).as(route + " when all is done").isFinite();
    }
    assertThat(steps.get(steps.size() - 1).path("in_effect")).hasSize(29);
    assertThat(Files.readString(out.resolve("works.html"))).contains("Illustrative");
  }

  @Test
  void aBadWorksFileIsOneLineNamingTheProject() throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(
        f,
        "{\"format\": \"skydas-works/1\", \"projects\": [{\"id\": \"p1\", \"kind\": \"road\","
            + " \"start\": \"2026-13-01\", \"end\": \"2027-01-01\"}]}");
    CliRunner.Result r =
        CliRunner.run(
            "works",
            "--region",
            TestPacks.oneKm().toString(),
            "--works",
            f.toString(),
            "--out",
            dir.resolve("x").toString(),
            "--quiet");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("bad.json")
        .contains("projects[0] (p1).start")
        .contains("\"2026-13-01\" is not a date");
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void theProgrammeIsTrackedInTheRegistryAndTimedFromIt() throws Exception {
    String db = dir.resolve("reg.gpkg").toString();
    String countries = TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz").toString();
    assertThat(CliRunner.run("registry", "init", "--db", db, "--countries", countries).exit())
        .isZero();
    String file = TestPacks.ROOT.resolve("examples/suwalki-corridor-works.json").toString();
    CliRunner.Result planner =
        CliRunner.run(
            "registry",
            "works",
            "import",
            file,
            "--role",
            "planner",
            "--db",
            db,
            "--countries",
            countries);
    assertThat(planner.exit()).isEqualTo(8); // some projects are past planned: admins enter them
    assertThat(planner.err()).contains("may not enter works already");
    CliRunner.Result imp =
        CliRunner.run(
            "registry",
            "works",
            "import",
            file,
            "--role",
            "admin",
            "--db",
            db,
            "--countries",
            countries);
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Entered 29 works projects", "illustrative");
    CliRunner.Result done =
        CliRunner.run(
            "registry",
            "works",
            "transition",
            "road-131-1",
            "complete",
            "--version",
            "1",
            "--role",
            "engineer",
            "--db",
            db,
            "--countries",
            countries);
    assertThat(done.exit()).as(done.err()).isZero();
    assertThat(done.out()).contains("road-131-1: completed, 100 % done, version 2");
    CliRunner.Result stale =
        CliRunner.run(
            "registry",
            "works",
            "transition",
            "road-131-2",
            "start",
            "--version",
            "3",
            "--role",
            "engineer",
            "--db",
            db,
            "--countries",
            countries);
    assertThat(stale.exit()).isEqualTo(7);
    assertThat(
            CliRunner.run("registry", "works", "list", "--db", db, "--countries", countries).out())
        .contains("29 works project(s)")
        .containsPattern("road-131-1 +road +completed +100 %");
    assertThat(CliRunner.run("registry", "verify", "--db", db, "--countries", countries).out())
        .contains("Audit chain intact: 30 events");
    // skydas works reads the registry's projects: road-131-1 is now in effect from the start
    Path out = dir.resolve("from-registry");
    CliRunner.Result r =
        CliRunner.run(
            "works",
            "--region",
            TestPacks.oneKm().toString(),
            "--registry",
            db,
            "--as-of",
            "2025-01-01",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode w = new ObjectMapper().readTree(out.resolve("works.json").toFile());
    assertThat(w.path("projects")).hasSize(29);
    java.util.List<String> first = new java.util.ArrayList<>();
    w.path("timeline").get(0).path("in_effect").forEach(x -> first.add(x.asText()));
    assertThat(first).contains("road-131-1");
  }
}
