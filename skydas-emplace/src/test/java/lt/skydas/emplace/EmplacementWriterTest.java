package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile names in a plan and a forces file reach the CSV, JSON and HTML outputs harmlessly. */
class EmplacementWriterTest {
  @TempDir Path dir;

  @Test
  void hostileNamesAreQuotedInCsvAndEscapedInHtml() throws Exception {
    RiverRegion river = new RiverRegion(dir);
    var r = river.r;
    String evilId = "=HYPERLINK(\\\"x\\\"),\\\"<b>";
    var plan =
        r.plan(
            dir,
            river.region,
            r.feature(evilId, "bridge_demolition", "Point", 20.5, 10.5),
            r.feature("mines", "at_minefield", "LineString", 30.2, 0.000001, 30.2, 19.999999));
    double[] home = r.lonLat(36.5, 10.5);
    String forcesJson =
        String.format(
            Locale.ROOT,
            "{\"depots\":[{\"id\":\"d1\",\"name\":\"<script>alert(1)</script>\",\"lon\":%.9f,"
                + "\"lat\":%.9f,\"stock\":{\"at_mines\":5000,\"demolition_charges\":1}}],"
                + "\"units\":[{\"id\":\"eng\",\"name\":\"Eng, \\\"A\\\"\",\"lon\":%.9f,"
                + "\"lat\":%.9f,\"readiness_h\":1,\"teams\":{\"engineer_section\":2}}]}",
            home[0],
            home[1],
            home[0],
            home[1]);
    Forces forces =
        new ForcesReader(Set.of("engineer_section"), (x, y) -> true)
            .read(Files.writeString(dir.resolve("forces.json"), forcesJson));
    AssessmentOptions a =
        AssessmentOptions.defaults()
            .withCases(List.of(VehicleClass.TRACKED), List.of(Season.DRY))
            .withThreads(1);
    EmplaceOptions o = new EmplaceOptions(a, SchedulerOptions.defaults(), new double[] {0, 24});
    try (EmplacementPlanner p =
        new EmplacementPlanner(river.assessor, plan, forces, o, Progress.NONE)) {
      EmplacementResult at = p.at(6, Progress.NONE);
      Path out = dir.resolve("out");
      EmplacementWriter.write(out, plan, forces, at, p.curve(Progress.NONE));
      String id = plan.obstacles().get(0).id();
      assertThat(id).startsWith("=HYPERLINK");
      String csv = Files.readString(out.resolve("timeline.csv"));
      assertThat(csv)
          .as("formula neutralised and the field quoted")
          .contains("\"'=HYPERLINK(\"\"x\"\"),\"\"<b>\"");
      assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()))
          .allSatisfy(l -> assertThat(l).doesNotStartWith("="));
      String html = Files.readString(out.resolve("emplacement.html"));
      assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
      assertThat(html).doesNotContain("<b>\"");
      var json = new ObjectMapper().readTree(out.resolve("emplacement.json").toFile());
      assertThat(
              json.path("result")
                  .path("cases")
                  .get(0)
                  .path("obstacles")
                  .get(0)
                  .path("obstacle")
                  .asText())
          .isEqualTo(id);
    }
  }
}
