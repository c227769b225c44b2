package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.core.progress.Progress;
import lt.skydas.emplace.schedule.Assignment;
import lt.skydas.emplace.schedule.SchedulerOptions;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Hostile names in a plan and a forces file reach the CSV, JSON, HTML and CoT outputs harmlessly;
 * the CoT timeline parses back with one task per assignment and one route per team.
 */
class EmplacementWriterTest {
  @TempDir Path dir;

  private static final String EVIL_ID = "=HYPERLINK(\\\"x\\\"),\\\"<b>";
  private static final Instant WARNING_AT = Instant.parse("2027-06-01T06:00:00Z");

  /** The river region with a hostile obstacle id, depot name and unit name, emplaced at 6 h. */
  private record Fixture(
      BarrierPlan plan, Forces forces, EmplacementResult at, List<EmplacementResult> curve) {}

  private Fixture emplace() throws Exception {
    RiverRegion river = new RiverRegion(dir);
    var r = river.r;
    var plan =
        r.plan(
            dir,
            river.region,
            r.feature(EVIL_ID, "bridge_demolition", "Point", 20.5, 10.5),
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
      return new Fixture(plan, forces, p.at(6, Progress.NONE), p.curve(Progress.NONE));
    }
  }

  @Test
  void hostileNamesAreQuotedInCsvAndEscapedInHtml() throws Exception {
    Fixture f = emplace();
    BarrierPlan plan = f.plan();
    EmplacementResult at = f.at();
    Path out = dir.resolve("out");
    EmplacementWriter.write(out, plan, f.forces(), at, f.curve());
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

  @Test
  void timelineAsCursorOnTargetParsesBackWithTasksRoutesAndHostileNames() throws Exception {
    Fixture f = emplace();
    String evil = f.plan().obstacles().get(0).id();
    assertThat(evil).isEqualTo("=HYPERLINK(\"x\"),\"<b>");
    Path out = dir.resolve("cot");
    EmplacementWriter.write(out, f.plan(), f.forces(), f.at(), f.curve(), WARNING_AT);
    Path file = out.resolve("timeline.cot.xml");
    String raw = Files.readString(file);
    assertThat(raw).doesNotContain("<script>").doesNotContain("<b>");
    Document doc;
    try (var in = Files.newInputStream(file)) {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("events");
    NodeList events = doc.getElementsByTagName("event");
    List<Assignment> jobs = f.at().seasons().get(0).schedule().assignments();
    assertThat(jobs).extracting(Assignment::jobId).contains(evil);
    Map<String, List<Assignment>> byTeam = new TreeMap<>();
    jobs.forEach(a -> byTeam.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a));
    assertThat(events.getLength()).isEqualTo(jobs.size() + byTeam.size());

    for (Assignment a : jobs) {
      Element e = event(events, "skydas-emplace-" + a.jobId());
      assertThat(e.getAttribute("type")).isEqualTo("b-m-p-w");
      assertThat(Instant.parse(e.getAttribute("start")))
          .isEqualTo(WARNING_AT.plusMillis(Math.round(a.start_s() * 1000)));
      assertThat(Instant.parse(e.getAttribute("stale")))
          .isEqualTo(WARNING_AT.plusMillis(Math.round(a.finish_s() * 1000)));
      inLithuania((Element) e.getElementsByTagName("point").item(0), "lat", "lon");
      Element task = (Element) e.getElementsByTagName("skydas_task").item(0);
      assertThat(task.getAttribute("obstacle")).isEqualTo(a.jobId());
      assertThat(task.getAttribute("team")).isEqualTo(a.teamId());
      assertThat(task.getAttribute("unit")).isEqualTo("eng");
      assertThat(Integer.parseInt(task.getAttribute("sequence"))).isEqualTo(a.sequence() + 1);
      assertThat(Double.parseDouble(task.getAttribute("start_h")))
          .isCloseTo(a.start_s() / 3600, within(0.005));
      assertThat(Double.parseDouble(task.getAttribute("finish_h")))
          .isCloseTo(a.finish_s() / 3600, within(0.005));
      long inPlace =
          f.at().cases().stream()
              .flatMap(c -> c.obstacles().stream())
              .filter(o -> o.obstacleId().equals(a.jobId()) && o.inPlace())
              .count();
      assertThat(Long.parseLong(task.getAttribute("in_place_cases"))).isEqualTo(inPlace);
      assertThat(task.getAttribute("cases")).isEqualTo("1");
      String remarks = e.getElementsByTagName("remarks").item(0).getTextContent();
      assertThat(remarks).contains("Eng, \"A\"").contains("team " + a.teamId());
      assertThat(remarks).contains(inPlace == 1 ? "in place" : "NOT in place");
      if (a.jobId().equals(evil)) {
        assertThat(remarks).contains("<script>alert(1)</script> (d1)");
        assertThat(((Element) e.getElementsByTagName("contact").item(0)).getAttribute("callsign"))
            .startsWith(evil);
      }
    }

    for (Map.Entry<String, List<Assignment>> t : byTeam.entrySet()) {
      Element route = event(events, "skydas-emplace-route-" + t.getKey());
      assertThat(route.getAttribute("type")).isEqualTo("b-m-r");
      List<Assignment> order = new ArrayList<>(t.getValue());
      order.sort(java.util.Comparator.comparingInt(Assignment::sequence));
      assertThat(Instant.parse(route.getAttribute("stale")))
          .isEqualTo(WARNING_AT.plusMillis(Math.round(order.getLast().finish_s() * 1000)));
      NodeList links = route.getElementsByTagName("link");
      List<String> sites = new ArrayList<>();
      for (int i = 0; i < links.getLength(); i++) {
        Element l = (Element) links.item(i);
        assertThat(l.getAttribute("type")).isEqualTo("b-m-p-w");
        String[] latLon = l.getAttribute("point").split(",");
        assertThat(Double.parseDouble(latLon[0])).isBetween(53.89, 56.45);
        assertThat(Double.parseDouble(latLon[1])).isBetween(20.93, 26.84);
        if (!l.getAttribute("uid").startsWith("skydas-emplace-route-")) {
          sites.add(l.getAttribute("uid"));
        }
      }
      assertThat(((Element) links.item(0)).getAttribute("uid"))
          .isEqualTo("skydas-emplace-route-" + t.getKey() + "-home");
      assertThat(sites)
          .as("the team's sites in its order, bound to the tasks' uids")
          .containsExactlyElementsOf(
              order.stream().map(a -> "skydas-emplace-" + a.jobId()).toList());
      assertThat(route.getElementsByTagName("link_attr").getLength()).isEqualTo(1);
    }

    Path again = dir.resolve("cot2");
    EmplacementWriter.write(again, f.plan(), f.forces(), f.at(), f.curve(), WARNING_AT);
    assertThat(uids(again.resolve("timeline.cot.xml"))).isEqualTo(uids(file));
  }

  private static Element event(NodeList events, String uid) {
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      if (e.getAttribute("uid").equals(uid)) {
        return e;
      }
    }
    throw new AssertionError("no event " + uid);
  }

  private static void inLithuania(Element point, String lat, String lon) {
    assertThat(Double.parseDouble(point.getAttribute(lat))).isBetween(53.89, 56.45);
    assertThat(Double.parseDouble(point.getAttribute(lon))).isBetween(20.93, 26.84);
  }

  private static List<String> uids(Path file) throws Exception {
    Document d;
    try (var in = Files.newInputStream(file)) {
      d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    NodeList events = d.getElementsByTagName("event");
    List<String> u = new ArrayList<>();
    for (int i = 0; i < events.getLength(); i++) {
      u.add(((Element) events.item(i)).getAttribute("uid"));
    }
    return u;
  }
}
