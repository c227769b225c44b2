package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: {@code GET /api/records/{id}/sheet} serves a minefield's printable record sheet to any
 * user (HTML, the record's id escaped), says what it lacks, and refuses other records.
 */
class RecordSheetApiTest {
  static TestServer ts;

  @BeforeAll
  static void start() throws Exception {
    ts = new TestServer(TestServer.tempDir(), Map.of());
    Actor planner = new Actor("planner", Role.PLANNER);
    ts.registry.create(
        planner,
        RecordDraft.planned(
                "sheet-m1",
                "at_minefield",
                RecordCodec.geometry(
                    "POLYGON ((23.73 55.09, 23.734 55.09, 23.734 55.094, 23.73 55.094, 23.73 55.09))"))
            .toBuilder()
            .withName("Laukas <b>7</b>")
            .build());
    ts.registry.create(
        planner,
        RecordDraft.planned("sheet-b1", "bunker", RecordCodec.geometry("POINT (24.62 55.62)")));
  }

  @AfterAll
  static void stop() {
    ts.close();
    ts = null; // the server's caches go with it, not kept for the rest of the suite
  }

  @Test
  void aMinefieldsSheetIsServedToAnyUserAndOtherRecordsHaveNone() {
    TestServer.Client viewer = ts.as(Role.VIEWER);
    HttpResponse<String> r = viewer.get("/api/records/sheet-m1/sheet");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body())
        .contains("Minefield record sheet-m1", "Laukas &lt;b&gt;7&lt;/b&gt;", "Incomplete:")
        .contains("minefield.reference_points", "<svg", "class=\"turning\"")
        .doesNotContain("<b>7</b>");
    HttpResponse<String> bunker = viewer.get("/api/records/sheet-b1/sheet");
    assertThat(bunker.statusCode()).isEqualTo(400);
    assertThat(bunker.body()).contains("only a minefield has a record sheet");
    assertThat(viewer.get("/api/records/nope/sheet").statusCode()).isEqualTo(404);
  }

  /**
   * Issue 20: the inspections list holds only minefields in the ground; a bad interval is a 400.
   */
  @Test
  void theInspectionsListWatchesOnlyMinefieldsInTheGround() {
    TestServer.Client viewer = ts.as(Role.VIEWER);
    HttpResponse<String> r = viewer.get("/api/inspections?every_days=14");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"every_days\":14", "\"minefields\":[]");
    HttpResponse<String> bad = viewer.get("/api/inspections?every_days=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("every_days must be a whole number of days");
  }
}
