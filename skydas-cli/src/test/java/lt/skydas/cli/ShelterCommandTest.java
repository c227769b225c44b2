package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skydas shelters} on the shipped region (1 km pack): coverage and siting end to end, and
 * every bad shelter layer refused with one line naming the file and the feature, the output
 * directory untouched (issue 17).
 */
class ShelterCommandTest {
  @TempDir Path dir;

  private static final String ALYTUS = "[24.0450,54.3960]";

  private Path layer(String name, String features) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
    return f;
  }

  private static String shelter(String id, String coords, int capacity) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{\"type\":\"shelter\",\"capacity_persons\":"
        + capacity
        + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
        + coords
        + "}}";
  }

  @Test
  void sitingAddsTheSitesThatCoverTheMostPeopleWithinTheBudget() throws Exception {
    Path standing = layer("standing.geojson", shelter("old", ALYTUS, 300));
    StringBuilder c = new StringBuilder();
    double[][] at = {
      {24.03, 54.40}, {24.05, 54.39}, {24.06, 54.40}, {23.97, 54.99}, {25.30, 54.30}
    };
    for (int i = 0; i < at.length; i++) {
      c.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"id\":\"c")
          .append(i)
          .append("\",\"properties\":{\"capacity_persons\":")
          .append(400 + 100 * i)
          .append(",\"cost_eur\":")
          .append(50_000 + 10_000 * i)
          .append("},\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
          .append(at[i][0])
          .append(",")
          .append(at[i][1])
          .append("]}}");
    }
    Path cands = layer("candidates.geojson", c.toString());
    Path out = dir.resolve("out");
    CliRunner.Result r =
        CliRunner.run(
            "shelters",
            "--region",
            TestPacks.oneKm().toString(),
            "--shelters",
            standing.toString(),
            "--candidates",
            cands.toString(),
            "--budget-eur",
            "130000",
            "--gap",
            "0",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.path("before").path("covered").asLong()).isEqualTo(300);
    long after = s.path("coverage").path("covered").asLong();
    assertThat(after).isGreaterThan(300);
    assertThat(s.path("siting").path("cost_eur").asLong()).isLessThanOrEqualTo(130_000);
    assertThat(s.path("siting").path("optimal").asBoolean()).isTrue();
    assertThat(s.path("siting").path("bound_people").asDouble()).isGreaterThanOrEqualTo(after);
    JsonNode fc = new ObjectMapper().readTree(out.resolve("shelters.geojson").toFile());
    assertThat(fc.path("features").size()).isEqualTo(1 + s.path("siting").path("chosen").asInt());
    assertThat(r.out()).contains("Proven: at most");
  }

  @Test
  void badShelterLayersAreRefusedByNameAndNothingIsWritten() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "earlier run");
    String[][] cases = {
      {
        "lks.geojson",
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
            + "\"urn:ogc:def:crs:EPSG::3346\"}},\"features\":["
            + shelter("a", "[500000,6100000]", 10)
            + "]}",
        "lks.geojson"
      },
      {"dup.geojson", null, "duplicate id \"a\""},
      {"neg.geojson", null, "capacity_persons -5 is not from 1 to 100000"},
      {"by.geojson", null, "lies in no home country of the region (LT)"},
      {"line.geojson", null, "a shelter needs a Point, not a LineString"},
    };
    layer("dup.geojson", shelter("a", ALYTUS, 10) + "," + shelter("a", "[24.05,54.40]", 10));
    layer("neg.geojson", shelter("a", ALYTUS, -5));
    layer("by.geojson", shelter("minsk", "[27.56,53.90]", 100));
    layer(
        "line.geojson",
        "{\"type\":\"Feature\",\"id\":\"l\",\"properties\":{\"type\":\"shelter\","
            + "\"capacity_persons\":5},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
            + "[[24.0,54.4],[24.01,54.4]]}}");
    for (String[] c : cases) {
      Path f = dir.resolve(c[0]);
      if (c[1] != null) {
        Files.writeString(f, c[1]);
      }
      CliRunner.Result r =
          CliRunner.run(
              "shelters",
              "--region",
              TestPacks.oneKm().toString(),
              "--shelters",
              f.toString(),
              "--out",
              out.toString(),
              "--quiet");
      assertThat(r.exit()).as(c[0] + ": " + r.err()).isEqualTo(3);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).as(c[0]).contains(c[0]).contains(c[2]);
      assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("earlier run");
    }
  }

  /**
   * The access model: auto takes the straight-line estimate on the 1 km pack and says why; asked
   * for, the network is searched and named in the summary; an unknown model is a usage error.
   */
  @Test
  void theAccessModelIsChosenByThePacksCellsAndNamedInTheSummary() throws Exception {
    Path standing = layer("standing.geojson", shelter("old", ALYTUS, 300));
    Path autoOut = dir.resolve("auto");
    CliRunner.Result auto =
        CliRunner.run(
            "shelters",
            "--region",
            TestPacks.oneKm().toString(),
            "--shelters",
            standing.toString(),
            "--out",
            autoOut.toString());
    assertThat(auto.exit()).as(auto.err()).isZero();
    assertThat(auto.out()).contains("1000 m cells are too coarse for a network search");
    JsonNode a = new ObjectMapper().readTree(autoOut.resolve("summary.json").toFile());
    assertThat(a.path("access").path("model").asText()).isEqualTo("straight");
    assertThat(a.path("access").path("radius_m").asLong()).isEqualTo(769);

    Path netOut = dir.resolve("net");
    CliRunner.Result net =
        CliRunner.run(
            "shelters",
            "--region",
            TestPacks.oneKm().toString(),
            "--shelters",
            standing.toString(),
            "--drive-min",
            "10",
            "--access",
            "network",
            "--out",
            netOut.toString(),
            "--quiet");
    assertThat(net.exit()).as(net.err()).isZero();
    JsonNode n = new ObjectMapper().readTree(netOut.resolve("summary.json").toFile());
    assertThat(n.path("access").path("model").asText()).isEqualTo("network");
    assertThat(n.path("access").path("rule").asText())
        .startsWith("10 min drive over the roads and terrain of the region (1000 m cells)");
    // Alytus has far more people than 300 within a 10 min drive: the shelter is full
    assertThat(n.path("coverage").path("covered").asLong()).isEqualTo(300);

    CliRunner.Result bad =
        CliRunner.run(
            "shelters",
            "--region",
            TestPacks.oneKm().toString(),
            "--access",
            "crow",
            "--out",
            dir.resolve("bad").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--access must be auto, network or straight, not \"crow\"");
    assertThat(dir.resolve("bad")).doesNotExist();
  }
}
