package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The humanitarian policy through the command line's doors: the registry owns it (set by an admin
 * with a reason, refused changes keep the old one), a registry import and a transition meet it, a
 * plan file may only ask for one, every run says which it used, and the old per-run flags are gone.
 * Minefields lie at 23.69–23.71 E, 55.09 N: 2 km from any settlement, residential area or building
 * of the shipped data, so only the policy decides.
 */
class PolicyDoorsTest {
  @TempDir Path dir;

  private static final String AP_FIELD =
      "{\"type\": \"Feature\", \"id\": \"ap1\", \"properties\": {\"type\": \"ap_minefield\","
          + " \"year\": 1}, \"geometry\": {\"type\": \"LineString\", \"coordinates\":"
          + " [[23.69, 55.09], [23.71, 55.095]]}}";

  private CliRunner.Result reg(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = dir.resolve("r.gpkg").toString();
    all[args.length + 2] = "--countries";
    all[args.length + 3] = TestPacks.ROOT.resolve("data/baltic/countries.geojson.gz").toString();
    return CliRunner.run(all);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void theRegistryOwnsThePolicyAndItsWritesMeetIt() throws Exception {
    assertThat(reg("registry", "init").exit()).isZero();
    assertThat(reg("registry", "policy", "show").out())
        .contains("AP mines off, 1000 m civilian buffer", "built-in default");
    Path apOn = write("ap-on.json", "{\"ap_mines_enabled\": true}");
    CliRunner.Result planner =
        reg("registry", "policy", "set", apOn.toString(), "--reason", "x", "--role", "planner");
    assertThat(planner.exit()).isEqualTo(8);
    assertThat(planner.err()).contains("may not set the humanitarian policy (admin)");
    Path low = write("low.json", "{\"civilian_buffer_m\": 100}");
    CliRunner.Result below =
        reg("registry", "policy", "set", low.toString(), "--reason", "x", "--role", "admin");
    assertThat(below.exit()).isEqualTo(3);
    assertThat(below.err())
        .contains("low.json: civilian_buffer_m: a civilian buffer of 100 m is below the floor");
    assertThat(reg("registry", "policy", "show").out()).contains("built-in default");

    Path plan =
        write(
            "plan.geojson", "{\"type\": \"FeatureCollection\", \"features\": [" + AP_FIELD + "]}");
    CliRunner.Result refused = reg("registry", "import", plan.toString(), "--role", "planner");
    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.err())
        .contains("ap1", "ap_mines_not_enabled", "does not enable", "nothing imported");

    CliRunner.Result set =
        reg(
            "registry",
            "policy",
            "set",
            apOn.toString(),
            "--reason",
            "ministry order 1",
            "--role",
            "admin");
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("Policy version 1 in force", "AP mines on");
    assertThat(reg("registry", "import", plan.toString(), "--role", "planner").exit()).isZero();
    Path apOff = write("ap-off.json", "{\"ap_mines_enabled\": false}");
    assertThat(
            reg(
                    "registry",
                    "policy",
                    "set",
                    apOff.toString(),
                    "--reason",
                    "ministry order 2",
                    "--role",
                    "admin")
                .exit())
        .isZero();
    CliRunner.Result approve =
        reg("registry", "transition", "ap1", "approve", "--role", "admin", "--version", "1");
    assertThat(approve.exit()).isEqualTo(3);
    assertThat(approve.err()).contains("record ap1 cannot be approved: ap_mines_not_enabled");
    assertThat(reg("registry", "policy", "history").out())
        .contains("v1", "ministry order 1", "v2", "ministry order 2");
    assertThat(reg("registry", "verify").exit()).isZero();
  }

  @Test
  void aPlanAsksButTheRunIsHeldToTheRegistrysOrAnExplicitPolicy() throws Exception {
    Path pack = TestPacks.oneKm();
    Path db = dir.resolve("r.gpkg");
    assertThat(reg("registry", "init").exit()).isZero();
    Path plan =
        write(
            "plan.geojson",
            "{\"type\": \"FeatureCollection\", \"policy\": {\"ap_mines_enabled\": true},"
                + " \"features\": ["
                + AP_FIELD
                + "]}");
    CliRunner.Result held =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            plan.toString(),
            "--registry",
            db.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--out",
            dir.resolve("a").toString(),
            "--quiet");
    assertThat(held.exit()).as(held.err()).isZero();
    assertThat(held.err())
        .contains(
            "the plan asks for AP mines on", "it is held to AP mines off", "built-in default");
    JsonNode s = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile());
    assertThat(s.path("violations").asInt()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("a/violations.geojson")))
        .contains("ap_mines_not_enabled");
    assertThat(s.path("plan").path("policy").path("ap_mines_enabled").asBoolean()).isFalse();
    assertThat(s.path("plan").path("policy").path("source").asText())
        .contains("built-in default (the registry has none set)");

    Path apOn = write("ap-on.json", "{\"ap_mines_enabled\": true}");
    CliRunner.Result explicit =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            plan.toString(),
            "--policy",
            apOn.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--out",
            dir.resolve("b").toString(),
            "--quiet");
    assertThat(explicit.exit()).as(explicit.err()).isZero();
    JsonNode e = new ObjectMapper().readTree(dir.resolve("b/summary.json").toFile());
    assertThat(e.path("violations").asInt()).isZero();
    assertThat(e.path("plan").path("policy").path("source").asText()).isEqualTo("file ap-on.json");

    // the registry's policy, set by an admin: the run names its version everywhere it reports
    CliRunner.Result set =
        reg(
            "registry",
            "policy",
            "set",
            apOn.toString(),
            "--reason",
            "ministry order 1",
            "--role",
            "admin");
    assertThat(set.exit()).as(set.err()).isZero();
    CliRunner.Result versioned =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            plan.toString(),
            "--registry",
            db.toString(),
            "--classes",
            "wheeled",
            "--seasons",
            "dry",
            "--out",
            dir.resolve("v").toString());
    assertThat(versioned.exit()).as(versioned.err()).isZero();
    assertThat(versioned.out())
        .contains("Humanitarian check: 0 violations under the policy AP mines on")
        .contains("(registry version 1)");
    JsonNode v = new ObjectMapper().readTree(dir.resolve("v/summary.json").toFile());
    assertThat(v.path("plan").path("policy").path("version").asInt()).isEqualTo(1);
    JsonNode check = v.path("civilians").path("humanitarian_check");
    assertThat(check.path("version").asInt()).isEqualTo(1);
    assertThat(check.path("source").asText()).isEqualTo("registry version 1");
    assertThat(check.path("violations").asInt()).isZero();
    assertThat(Files.readString(dir.resolve("v/report.html")))
        .contains("Humanitarian check: 0 violations under the policy AP mines on");
    assertThat(e.path("plan").path("policy").path("version").isNull()).isTrue();

    CliRunner.Result gone =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--plan",
            plan.toString(),
            "--ap-mines-enabled",
            "--out",
            dir.resolve("c").toString());
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err()).contains("--ap-mines-enabled and --civilian-buffer-m are gone");
    CliRunner.Result noRegistry =
        CliRunner.run(
            "assess",
            "--region",
            pack.toString(),
            "--registry",
            dir.resolve("none.gpkg").toString(),
            "--out",
            dir.resolve("d").toString());
    assertThat(noRegistry.exit()).isEqualTo(4);
    assertThat(noRegistry.err()).contains("none.gpkg: no registry there");
    assertThat(Files.exists(dir.resolve("d"))).isFalse();
  }
}
