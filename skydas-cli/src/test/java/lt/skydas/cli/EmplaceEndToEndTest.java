package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `skydas emplace` on the shipped region at 1 km cells, with the shipped forces. */
class EmplaceEndToEndTest {
  @TempDir Path tmp;

  private CliRunner.Result emplace(Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "emplace",
                "--region",
                TestPacks.oneKm().toString(),
                "--plan",
                TestPacks.ROOT.resolve("examples/demo-plan.geojson").toString(),
                "--out",
                out.toString(),
                "--classes",
                "tracked",
                "--seasons",
                "dry",
                "--quiet"));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(new String[0]));
  }

  /** The example plan's reserved and crisis-laid obstacles, counted from the file and catalog. */
  static int onWarningObstacles() throws Exception {
    lt.skydas.plan.ObstacleCatalog cat = lt.skydas.plan.ObstacleCatalog.defaults();
    int n = 0;
    for (JsonNode f :
        new ObjectMapper()
            .readTree(TestPacks.ROOT.resolve("examples/demo-plan.geojson").toFile())
            .path("features")) {
      var t = cat.findType(f.path("properties").path("type").asText());
      if (t.isPresent()
          && t.get().emplacement().employment()
              != lt.skydas.plan.Emplacement.Employment.PERMANENT) {
        n++;
      }
    }
    return n;
  }

  @Test
  void theDemoPlanGetsATimelineAndADelayCurve() throws Exception {
    Path out = tmp.resolve("emplace");
    CliRunner.Result r =
        emplace(
            out,
            "--warning-h",
            "12",
            "--curve-h",
            "0,12,72",
            "--warning-at",
            "2027-06-01T09:00+03:00");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Report: ");
    List<String> timeline = Files.readAllLines(out.resolve("timeline.csv"));
    assertThat(timeline.get(0)).startsWith("season,team,unit,team_type,sequence,obstacle");
    // every AT minefield, bridge demolition and road control point (the gates where the plan's
    // ditches cross roads among them) is laid or executed on warning: one task each
    int onWarning = onWarningObstacles();
    assertThat(onWarning).isGreaterThan(60);
    assertThat(timeline).hasSize(1 + onWarning);
    assertThat(String.join("\n", timeline))
        .contains("vitkus-engineer-battalion")
        .contains("bridge_demolition")
        .contains("crisis_laid");
    JsonNode j = new ObjectMapper().readTree(out.resolve("emplacement.json").toFile());
    assertThat(j.path("warning_h").asDouble()).isEqualTo(12.0);
    assertThat(j.path("delay_curve")).hasSize(3);
    JsonNode c0 = j.path("delay_curve").get(0).path("cases").get(0);
    JsonNode c2 = j.path("delay_curve").get(2).path("cases").get(0);
    assertThat(c2.path("in_place").asInt()).isGreaterThanOrEqualTo(c0.path("in_place").asInt());
    for (int i = 0; i < c0.path("objectives").size(); i++) {
      assertThat(c2.path("objectives").get(i).path("plan_h").asDouble(0))
          .isGreaterThanOrEqualTo(c0.path("objectives").get(i).path("plan_h").asDouble(0));
    }
    assertThat(j.path("result").path("stock").path("at_mines").path("needed").asDouble())
        .isPositive();
    assertThat(Files.readString(out.resolve("emplacement.html")))
        .contains("Delay against warning time")
        .contains("<svg");
    assertThat(Files.readAllLines(out.resolve("delay-curve.csv"))).hasSizeGreaterThan(3);
    JsonNode map = new ObjectMapper().readTree(out.resolve("emplacement.geojson").toFile());
    assertThat(map.path("features"))
        .as("every obstacle laid or executed on warning")
        .hasSize(onWarning);
    for (JsonNode f : map.path("features")) {
      assertThat(f.path("properties").path("employment").asText()).isIn("reserved", "crisis_laid");
      assertThat(f.path("geometry").path("type").asText()).isIn("Point", "LineString");
    }
    cursorOnTarget(out.resolve("timeline.cot.xml"), timeline);
  }

  /** One TAK task per timeline row, timed from the warning moment, and a route per team. */
  private static void cursorOnTarget(Path file, List<String> timeline) throws Exception {
    org.w3c.dom.Document doc;
    try (var in = Files.newInputStream(file)) {
      doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    org.w3c.dom.NodeList events = doc.getElementsByTagName("event");
    java.util.Set<String> teams = new java.util.HashSet<>();
    int tasks = 0;
    for (String row : timeline.subList(1, timeline.size())) {
      String[] f = row.split(",");
      teams.add(f[1]);
      for (int i = 0; i < events.getLength(); i++) {
        var e = (org.w3c.dom.Element) events.item(i);
        if (e.getAttribute("uid").equals("skydas-emplace-" + f[5])) {
          tasks++;
          java.time.Instant warned = java.time.Instant.parse("2027-06-01T06:00:00Z");
          double startH =
              java.time.Duration.between(warned, java.time.Instant.parse(e.getAttribute("start")))
                      .toMillis()
                  / 3_600_000.0;
          assertThat(startH).as(row).isCloseTo(Double.parseDouble(f[12]), within(0.001));
          var point = (org.w3c.dom.Element) e.getElementsByTagName("point").item(0);
          assertThat(Double.parseDouble(point.getAttribute("lat"))).isBetween(53.89, 56.45);
          assertThat(Double.parseDouble(point.getAttribute("lon"))).isBetween(20.93, 26.84);
        }
      }
    }
    assertThat(tasks).isEqualTo(timeline.size() - 1);
    assertThat(events.getLength()).isEqualTo(tasks + teams.size());
  }

  @Test
  void badWarningTimesAndForcesFailWithOneLineAndLeaveOutputAlone() throws Exception {
    Path out = tmp.resolve("kept");
    Files.createDirectories(out);
    Files.writeString(out.resolve("marker"), "earlier");
    CliRunner.Result neg = emplace(out, "--warning-h", "-1");
    assertThat(neg.exit()).isEqualTo(2);
    assertThat(neg.err()).contains("--warning-h").contains("within 0..720");
    CliRunner.Result when = emplace(out, "--warning-h", "1", "--warning-at", "tomorrow");
    assertThat(when.exit()).isEqualTo(2);
    assertThat(when.err()).contains("--warning-at").contains("ISO-8601");
    CliRunner.Result falling = emplace(out, "--warning-h", "1", "--curve-h", "6,3");
    assertThat(falling.exit()).isEqualTo(2);
    assertThat(falling.err()).contains("--curve-h").contains("must rise");
    Path forces = Files.writeString(tmp.resolve("forces.json"), "{\"units\": [}");
    CliRunner.Result bad = emplace(out, "--warning-h", "1", "--forces", forces.toString());
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err()).contains("forces.json").contains("not valid JSON");
    CliRunner.Result missing =
        emplace(out, "--warning-h", "1", "--forces", tmp.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(4);
    CliRunner.Result unknown = emplace(out, "--warning-h", "1", "--in-place", "no-such-id");
    assertThat(unknown.exit()).isEqualTo(3);
    assertThat(unknown.err()).contains("\"no-such-id\"").contains("not in the plan");
    assertThat(Files.readString(out.resolve("marker"))).isEqualTo("earlier");
  }

  @Test
  void aPlanThatBreaksAHumanitarianRuleIsNotEmplaced() throws Exception {
    Path plan =
        Files.writeString(
            tmp.resolve("ap.geojson"),
            "{\"type\":\"FeatureCollection\",\"policy\":{\"ap_mines_enabled\":false},"
                + "\"features\":[{\"type\":\"Feature\",\"id\":\"ap-1\",\"properties\":"
                + "{\"type\":\"ap_minefield\"},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[25.60,54.50],[25.62,54.50]]}}]}");
    Path out = tmp.resolve("refused");
    CliRunner.Result r =
        CliRunner.run(
            "emplace",
            "--region",
            TestPacks.oneKm().toString(),
            "--plan",
            plan.toString(),
            "--out",
            out.toString(),
            "--warning-h",
            "12",
            "--no-curve",
            "--quiet");
    assertThat(r.exit()).isEqualTo(6);
    assertThat(r.err())
        .contains("humanitarian rule")
        .contains("ap-1")
        .contains("nothing is emplaced");
    assertThat(out).doesNotExist();
  }

  private static String depot(String id, String status, double lon, double lat, double atMines) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{\"id\":\""
        + id
        + "\",\"kind\":\"depot\",\"type\":\"depot\",\"name\":\"Depot "
        + id
        + "\",\"status\":\""
        + status
        + "\",\"depot\":{\"stock\":{\"at_mines\":"
        + atMines
        + ",\"demolition_charges\":2}}},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
        + lon
        + ","
        + lat
        + "]}}";
  }

  @Test
  void registryDepotsInServiceReplaceTheShippedOnesAndBadOnesAreNamed() throws Exception {
    // as `skydas registry export --kind depot` writes them: one stocked depot, one only planned
    // (holds nothing: passed over) and a sensor record (not a depot)
    Path depots =
        Files.writeString(
            tmp.resolve("depots.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":["
                + depot("depot-kaunas", "stocked", 23.96, 54.87, 20)
                + ","
                + depot("depot-new", "planned", 25.0, 55.0, 99999)
                + ",{\"type\":\"Feature\",\"id\":\"s1\",\"properties\":{\"kind\":\"sensor\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[25,55]}}]}");
    Path out = tmp.resolve("registry-depots");
    CliRunner.Result r =
        emplace(out, "--warning-h", "12", "--no-curve", "--depots", depots.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.resolve("emplacement.json").toFile());
    assertThat(j.path("forces").asText()).contains("depots from").contains("depots.geojson");
    JsonNode at = j.path("result").path("stock").path("at_mines");
    assertThat(at.path("available").asDouble()).isEqualTo(20.0);
    assertThat(at.path("needed").asDouble()).isGreaterThan(20.0);
    // a depot abroad, and a file with no depot in service: one line naming what is wrong
    Path abroad =
        Files.writeString(
            tmp.resolve("abroad.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":["
                + depot("depot-minsk", "stocked", 27.56, 53.90, 10)
                + "]}");
    CliRunner.Result bad =
        emplace(tmp.resolve("x"), "--warning-h", "12", "--no-curve", "--depots", abroad.toString());
    assertThat(bad.exit()).isEqualTo(3);
    assertThat(bad.err()).contains("depot-minsk").contains("outside the friendly territory");
    Path planned =
        Files.writeString(
            tmp.resolve("planned.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":["
                + depot("depot-new", "planned", 25.0, 55.0, 10)
                + "]}");
    CliRunner.Result none =
        emplace(
            tmp.resolve("y"), "--warning-h", "12", "--no-curve", "--depots", planned.toString());
    assertThat(none.exit()).isEqualTo(3);
    assertThat(none.err()).contains("planned.geojson").contains("none in service");
  }
}
