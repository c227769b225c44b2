package lt.skydas.assess.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.SyntheticRegion;
import lt.skydas.assess.report.WarningTimes.Belt;
import lt.skydas.assess.report.WarningTimes.WarningTime;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Warning time on open ground worked out by hand: 40 × 21 cells of 100 m, tracked at 30 km/h (12 s
 * per cell), attackers from column 0 to the objective at column 35 on row 10 (the one fastest
 * avenue, straight along row 10: the cell of column c is reached at 12 c s, the objective at 420
 * s). The LT–BY border runs north–south at x = column 1.25; belts at 500, 1500 and 3000 m from it
 * are crossed at the first half-cell samples 500, 1500 and 3000 m east of it (x = columns 6.5,
 * 16.5, 31.5: cells 6, 16, 31, reached at 72, 192 and 372 s). A road control point (radius 50 m, no
 * road to close, so it delays nothing) 20 m from the avenue in column 20 sees the attacker at 240
 * s; a fence sensor across the avenue in column 10 sees it at 120 s.
 */
class WarningTimesTest {
  @TempDir Path dir;

  private SyntheticRegion r;
  private AssessmentRegion region;
  private Assessor assessor;

  @BeforeEach
  void setUp() {
    r = new SyntheticRegion(40, 21);
    AssessmentRegion plain = r.build();
    GeometryFactory gf = new GeometryFactory();
    var border =
        gf.createLineString(
            new Coordinate[] {
              new Coordinate(r.x(1.25), r.y(0)), new Coordinate(r.x(1.25), r.y(21))
            });
    region =
        new AssessmentRegion(
            plain.name(),
            plain.grid(),
            plain.landCover(),
            plain.landCoverNames(),
            plain.roads(),
            plain.attackerStartCells(),
            plain.civilians(),
            Map.of("LT-BY", border),
            Map.of());
    assessor =
        new Assessor(
            region,
            List.of(
                new Objective(
                    "target", "Target", gf.createPoint(new Coordinate(r.x(35.5), r.y(10.5))), 0)),
            Progress.NONE);
  }

  private static AssessmentOptions options() {
    return AssessmentOptions.defaults()
        .withCases(List.of(VehicleClass.TRACKED), List.of(Season.DRY))
        .withMarginal(AssessmentOptions.Marginal.NONE)
        .withThreads(1)
        .withAvenues(1)
        .withWatch(
            AssessmentOptions.WatchOptions.defaults()
                .withBeltDepths_m(List.of(500.0, 1500.0, 3000.0)));
  }

  private AssessmentResult assess(String... features) throws IOException {
    return assessor.assess(r.plan(dir, region, features), options(), Progress.NONE);
  }

  private String post() {
    return r.feature("rcp", "road_control_point", "Point", 20.7, 10.5);
  }

  private WarningTime only(AssessmentResult res) {
    List<WarningTime> ws = WatchSection.compute(res, region).warnings();
    assertThat(ws).hasSize(1);
    return ws.get(0);
  }

  private static final double H = 1 / 3600.0;
  private static final double[] BELT_S = {72, 192, 372};
  private static final double ARRIVAL_S = 420;
  private static final double POST_S = 240;
  private static final double FENCE_S = 120;

  /** Belt crossings as worked out, and the warning at each from a detection at {@code seen_s}. */
  private static void assertBelts(List<Belt> belts, double seen_s) {
    assertThat(belts).extracting(Belt::depth_m).containsExactly(500.0, 1500.0, 3000.0);
    for (int b = 0; b < 3; b++) {
      assertThat(belts.get(b).crossing_h()).as("belt %d", b).isCloseTo(BELT_S[b] * H, within(1e-6));
      assertThat(belts.get(b).warning_h())
          .as("belt %d", b)
          .isCloseTo((BELT_S[b] - seen_s) * H, within(1e-6));
    }
  }

  @Test
  void aMannedPostAloneWarnsFromWhereItSeesTheAttacker() throws IOException {
    AssessmentResult res = assess(post());
    WarningTime w = only(res);
    assertThat(w.arrival_h()).isCloseTo(ARRIVAL_S * H, within(1e-6));
    assertThat(w.firstDetectionWithout_h()).isCloseTo(POST_S * H, within(1e-6));
    assertThat(w.warningWithout_h()).isCloseTo((ARRIVAL_S - POST_S) * H, within(1e-6));
    // no sensors: with and without are the same
    assertThat(w.firstDetection_h()).isEqualTo(w.firstDetectionWithout_h());
    // seen 168 and 48 s after crossing the first two belts, 132 s before the third
    assertBelts(w.belts(), POST_S);

    // warning.geojson: the point where the post first sees the attacker, the first half-cell
    // sample within its 50 m: column 20.5 on row 10 (20.2..21.2 is within 50 m of 20.7)
    Feature f = onlyWarningFeature(res);
    assertAt(f, 20.5, 10.5);
    Map<String, Object> p = f.properties();
    assertThat(p)
        .containsEntry("objective", "target")
        .containsEntry("objective_name", "Target")
        .containsEntry("vehicle", "tracked")
        .containsEntry("season", "dry")
        .containsEntry("with_sensors", false)
        .containsEntry("detected_by", "manned post");
    assertThat(hours(p, "first_detection_h")).isEqualTo(0.067); // 240 s
    assertThat(hours(p, "warning_h")).isEqualTo(0.05); // 420 - 240 s
    assertThat(hours(p, "warning_without_sensors_h")).isEqualTo(0.05);
    assertThat(hours(p, "warning_at_0_5km_h")).isEqualTo(-0.047); // 72 - 240 s
    assertThat(hours(p, "warning_at_1_5km_h")).isEqualTo(-0.013); // 192 - 240 s
    assertThat(hours(p, "warning_at_3km_h")).isEqualTo(0.037); // 372 - 240 s
  }

  /** Writes {@code res} and reads its warning.geojson, which must hold one feature. */
  private Feature onlyWarningFeature(AssessmentResult res) {
    Path out = dir.resolve("layer");
    AssessmentWriter.write(out, res, region);
    List<Feature> fs = GeoJsonReader.readAll(out.resolve("warning.geojson"));
    assertThat(fs).hasSize(1);
    return fs.get(0);
  }

  /** The feature's point, back in EPSG:3346, is at cell coordinates (col, row), within 0.5 m. */
  private void assertAt(Feature f, double col, double row) {
    Coordinate c = Crs.lks94().toMetric(f.geometry()).getCoordinate();
    assertThat(f.geometry().getGeometryType()).isEqualTo("Point");
    assertThat(c.x).isCloseTo(r.x(col), within(0.5));
    assertThat(c.y).isCloseTo(r.y(row), within(0.5));
  }

  private static double hours(Map<String, Object> p, String key) {
    assertThat(p.get(key)).as(key).isInstanceOf(Number.class);
    return ((Number) p.get(key)).doubleValue();
  }

  @Test
  void aSensorBeforeThePostGivesTheEarlierWarning() throws IOException {
    AssessmentResult res =
        assess(
            post(), r.feature("fence", "fibre_fence_sensor", "LineString", 10.5, 9.6, 10.5, 10.4));
    WarningTime w = only(res);
    assertThat(w.firstDetection_h()).isCloseTo(FENCE_S * H, within(1e-6));
    assertThat(w.warning_h()).isCloseTo((ARRIVAL_S - FENCE_S) * H, within(1e-6));
    assertThat(w.firstDetectionWithout_h()).isCloseTo(POST_S * H, within(1e-6));
    assertBelts(w.belts(), FENCE_S);
    assertThat(w.belts().get(2).warningWithout_h())
        .isCloseTo((BELT_S[2] - POST_S) * H, within(1e-6));

    Path out = dir.resolve("out");
    String html = Files.readString(AssessmentWriter.write(out, res, region));
    JsonNode x =
        new ObjectMapper()
            .readTree(out.resolve("summary.json").toFile())
            .path("watch")
            .path("warning")
            .get(0);
    assertThat(x.path("without_sensors").path("warning_h").asDouble()).isEqualTo(0.05);
    assertThat(x.path("belts").get(0).path("warning_h").asDouble()).isEqualTo(-0.013);
    assertThat(x.path("belts").get(1).path("warning_without_sensors_h").asDouble())
        .isEqualTo(-0.013);
    assertThat(html).contains("Warning before each belt (h)").contains("0.07 (0.04)");

    // warning.geojson: the fence's point, its first sample in column 10 on row 10 (x = 10.0,
    // on the cell edge, or 10.5)
    List<Feature> fs = GeoJsonReader.readAll(out.resolve("warning.geojson"));
    assertThat(fs).hasSize(1);
    Map<String, Object> p = fs.get(0).properties();
    assertThat(p).containsEntry("with_sensors", true).containsEntry("detected_by", "sensor");
    assertThat(hours(p, "first_detection_h")).isEqualTo(0.033); // 120 s
    assertThat(hours(p, "warning_h")).isEqualTo(0.083); // 420 - 120 s
    assertThat(hours(p, "warning_without_sensors_h")).isEqualTo(0.05); // the post's
    assertThat(hours(p, "warning_at_3km_h")).isEqualTo(0.07); // 372 - 120 s
    Coordinate c = Crs.lks94().toMetric(fs.get(0).geometry()).getCoordinate();
    assertThat(c.x).isBetween(r.x(10) - 0.5, r.x(10.5) + 0.5);
    assertThat(c.y).isCloseTo(r.y(10.5), within(0.5));
  }

  @Test
  void nobodyWatchingMeansNoWarning() throws IOException {
    // a ditch far north of the avenue: an obstacle, but no post and no sensor
    AssessmentResult res = assess(r.feature("d", "at_ditch", "LineString", 30.5, 0.1, 30.5, 2));
    WarningTime w = only(res);
    assertThat(w.firstDetection_h()).isNaN();
    assertThat(w.warning_h()).isZero();
    assertThat(w.belts()).allSatisfy(b -> assertThat(b.warning_h()).isNaN());
    // never seen: no point in warning.geojson (summary.json lists it with a null detection)
    Path out = dir.resolve("out");
    AssessmentWriter.write(out, res, region);
    assertThat(GeoJsonReader.readAll(out.resolve("warning.geojson"))).isEmpty();
  }
}
