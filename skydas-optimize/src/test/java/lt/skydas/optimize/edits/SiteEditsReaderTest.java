package lt.skydas.optimize.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.optimize.BarrierOptimizer.SiteEdits;
import lt.skydas.optimize.Candidate;
import lt.skydas.plan.CivilianFeature;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The sites file: each action, and each bad input named by file, feature and field. Three synthetic
 * candidates: a corridor far from any settlement, one through a village's civilian buffer (no mines
 * offered there) and a road crossing; a protected area in the south-east.
 */
class SiteEditsReaderTest {
  @TempDir Path dir;
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Crs CRS = Crs.lks94();
  private static final String FAR_LINE = line(25.50, 54.30, 25.52, 54.30);
  private static final String VILLAGE_LINE = line(25.595, 54.40, 25.605, 54.40);

  private final ObstacleCatalog catalog = ObstacleCatalog.defaults();
  private final HumanitarianCheck humanitarian =
      new HumanitarianCheck(
          List.of(new CivilianFeature("Kaimas", "settlement", metric(point(25.60, 54.40)))),
          List.of(
              new lt.skydas.plan.ProtectedArea(
                  "Rezervatas",
                  "nature reserve",
                  metric(
                      GF.createPolygon(
                          new Coordinate[] {
                            new Coordinate(26.0, 54.0),
                            new Coordinate(26.1, 54.0),
                            new Coordinate(26.1, 54.1),
                            new Coordinate(26.0, 54.1),
                            new Coordinate(26.0, 54.0)
                          })))),
          Crs.LKS94);
  private final List<Candidate> generated =
      List.of(
          new Candidate(
              "b3-c1",
              Candidate.Kind.CORRIDOR,
              3000,
              metric(lineGeom(25.50, 54.30, 25.52, 54.30)),
              List.of("drainage_ditch", "at_ditch", "dragons_teeth", "at_minefield")),
          new Candidate(
              "b3-c2",
              Candidate.Kind.CORRIDOR,
              3000,
              metric(lineGeom(25.595, 54.40, 25.605, 54.40)),
              List.of("drainage_ditch", "at_ditch", "dragons_teeth")),
          new Candidate(
              "b3-r1",
              Candidate.Kind.ROAD,
              3000,
              metric(point(25.70, 54.30)),
              List.of("road_control_point")));

  private SiteEdits read(String... features) throws IOException {
    return reader().read(file("", features), generated);
  }

  private SiteEditsReader reader() {
    Coordinate a = CRS.toMetric(20.9, 53.8, new Coordinate());
    Coordinate b = CRS.toMetric(26.9, 56.5, new Coordinate());
    return new SiteEditsReader(
        catalog, new Envelope(a, b), Crs.LKS94, humanitarian, PlanPolicy.DEFAULT);
  }

  private Path file(String extra, String... features) throws IOException {
    Path p = dir.resolve("sites.geojson");
    Files.writeString(
        p,
        "{\"type\":\"FeatureCollection\""
            + extra
            + ",\"features\":["
            + String.join(",", features)
            + "]}");
    return p;
  }

  private static String feature(String props, String geometry) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":" + geometry + "}";
  }

  private static String line(double lon0, double lat0, double lon1, double lat1) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}",
        lon0,
        lat0,
        lon1,
        lat1);
  }

  private static Geometry lineGeom(double lon0, double lat0, double lon1, double lat1) {
    return GF.createLineString(
        new Coordinate[] {new Coordinate(lon0, lat0), new Coordinate(lon1, lat1)});
  }

  private static Geometry point(double lon, double lat) {
    return GF.createPoint(new Coordinate(lon, lat));
  }

  private static Geometry metric(Geometry wgs84) {
    return CRS.toMetric(wgs84);
  }

  /** The problem {@code features} raise, checked to be of {@code code}. */
  private SkydasProblem problem(ProblemCode code, String... features) {
    try {
      read(features);
    } catch (SkydasProblem p) {
      assertThat(p.code()).as(p.getMessage()).isEqualTo(code);
      assertThat(p.getMessage()).doesNotContain("\n");
      return p;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no problem raised");
  }

  // --- each action ---

  @Test
  void addsASiteWithItsTypesCheapestFirst() throws IOException {
    SiteEdits e =
        read(
            feature(
                "\"action\":\"add\",\"id\":\"a1\",\"types\":[\"dragons_teeth\",\"at_ditch\"]",
                line(25.40, 54.35, 25.42, 54.35)));
    Candidate a = e.candidates().get(e.candidates().size() - 1);
    assertThat(e.candidates()).hasSize(4);
    assertThat(a.id()).isEqualTo("a1");
    assertThat(a.kind()).isEqualTo(Candidate.Kind.USER);
    assertThat(a.types()).containsExactlyInAnyOrder("at_ditch", "dragons_teeth");
    assertThat(catalog.findType(a.types().get(0)).orElseThrow().costEur_perUnit())
        .isLessThanOrEqualTo(catalog.findType(a.types().get(1)).orElseThrow().costEur_perUnit());
    assertThat(a.geometry_lks94().getLength()).isBetween(1000.0, 1500.0);
    assertThat(e.pinned()).isEmpty();
    assertThat(e.notes()).anySatisfy(n -> assertThat(n).contains("added site a1"));
  }

  @Test
  void addTakesTheFeatureIdAndATypeList() throws IOException {
    SiteEdits e =
        read(
            "{\"type\":\"Feature\",\"id\":\"fid\",\"properties\":{\"action\":\"add\","
                + "\"types\":\"at_ditch, drainage_ditch\"},\"geometry\":"
                + line(25.40, 54.35, 25.42, 54.35)
                + "}");
    Candidate a = e.candidates().get(3);
    assertThat(a.id()).isEqualTo("fid");
    assertThat(a.types()).containsExactlyInAnyOrder("at_ditch", "drainage_ditch");
  }

  @Test
  void forbidsByCandidateIdAndByArea() throws IOException {
    String box =
        "{\"type\":\"Polygon\",\"coordinates\":[[[25.65,54.25],[25.75,54.25],[25.75,54.35],"
            + "[25.65,54.35],[25.65,54.25]]]}";
    SiteEdits e =
        read(
            "{\"type\":\"Feature\",\"properties\":{\"action\":\"forbid\",\"candidate\":\"b3-c1\"},"
                + "\"geometry\":null}",
            feature("\"action\":\"forbid\"", box));
    assertThat(e.candidates()).extracting(Candidate::id).containsExactly("b3-c2");
    assertThat(e.notes()).contains("forbade 2 candidates: b3-c1, b3-r1");
  }

  @Test
  void aForbiddenAreaThatMeetsNothingIsANote() throws IOException {
    SiteEdits e = read(feature("\"action\":\"forbid\"", line(24.0, 55.0, 24.1, 55.0)));
    assertThat(e.candidates()).hasSize(3);
    assertThat(e.notes()).containsExactly("feature 0 forbids an area that meets no candidate");
  }

  @Test
  void pinsACandidateWithItsType() throws IOException {
    SiteEdits e =
        read(
            "{\"type\":\"Feature\",\"properties\":{\"action\":\"pin\",\"candidate\":\"b3-c1\","
                + "\"type\":\"at_minefield\"},\"geometry\":null}");
    assertThat(e.candidates()).hasSize(3);
    assertThat(e.pinned()).containsExactly(java.util.Map.entry("b3-c1", "at_minefield"));
    assertThat(e.existing()).isEmpty();
    assertThat(e.notes()).containsExactly("pinned b3-c1 as at_minefield");
  }

  @Test
  void pinsAnAddedSiteWhateverTheOrder() throws IOException {
    SiteEdits e =
        read(
            feature("\"action\":\"pin\",\"candidate\":\"a1\",\"type\":\"at_ditch\"", "null"),
            feature(
                "\"action\":\"add\",\"id\":\"a1\",\"type\":\"at_ditch\"",
                line(25.40, 54.35, 25.42, 54.35)));
    assertThat(e.pinned()).containsEntry("a1", "at_ditch");
  }

  @Test
  void existingObstacleIsPinnedAndStands() throws IOException {
    SiteEdits e =
        read(
            feature(
                "\"action\":\"existing\",\"id\":\"e1\",\"type\":\"at_ditch\"",
                line(25.40, 54.35, 25.42, 54.35)));
    assertThat(e.candidates()).extracting(Candidate::id).contains("e1");
    assertThat(e.pinned()).containsEntry("e1", "at_ditch");
    assertThat(e.existing()).containsExactly("e1");
    assertThat(e.notes()).containsExactly("existing at_ditch e1 counts as built");
  }

  @Test
  void anExistingObstacleInAProtectedAreaIsAccepted() throws IOException {
    SiteEdits e =
        read(
            feature(
                "\"action\":\"existing\",\"type\":\"at_ditch\"", line(26.02, 54.05, 26.05, 54.05)));
    assertThat(e.existing()).containsExactly("existing-1");
  }

  // --- bad input ---

  @Test
  void unknownOrMissingAction() {
    assertThat(problem(ProblemCode.BAD_INPUT, feature("\"action\":\"build\"", FAR_LINE)))
        .hasMessageContaining("sites.geojson: feature 0: ")
        .hasMessageContaining("property \"action\" must be one of add, forbid, pin, existing")
        .hasMessageContaining("not \"build\"");
    assertThat(problem(ProblemCode.BAD_INPUT, feature("\"type\":\"at_ditch\"", FAR_LINE)))
        .hasMessageContaining("feature 0")
        .hasMessageContaining("\"action\"")
        .hasMessageContaining("missing");
  }

  @Test
  void unknownCandidateId() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"forbid\",\"candidate\":\"b3-c2\"", "null"),
                "{\"type\":\"Feature\",\"id\":\"p\",\"properties\":{\"action\":\"pin\","
                    + "\"candidate\":\"b9-c9\",\"type\":\"at_ditch\"},\"geometry\":null}"))
        .hasMessageContaining("feature 1 (id \"p\"): pin: property \"candidate\"")
        .hasMessageContaining("unknown candidate \"b9-c9\"")
        .hasMessageContaining("skydas candidates");
  }

  @Test
  void unknownObstacleType() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"moat\"", "null")))
        .hasMessageContaining("feature 0: pin: property \"type\": unknown obstacle type \"moat\"")
        .hasMessageContaining("at_ditch");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"add\",\"types\":[\"at_ditch\",\"moat\"]", FAR_LINE)))
        .hasMessageContaining("feature 0: add: property \"types\": unknown obstacle type");
  }

  @Test
  void aPinOfATypeTheSiteDoesNotOfferSaysWhy() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature(
                    "\"action\":\"pin\",\"candidate\":\"b3-c2\",\"type\":\"at_minefield\"",
                    "null")))
        .hasMessageContaining(
            "feature 0: pin: property \"type\": at_minefield may not stand at b3-c2")
        .hasMessageContaining("inside the 1000 m civilian buffer")
        .hasMessageContaining("offered there: drainage_ditch, at_ditch, dragons_teeth");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature(
                    "\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"ap_minefield\"",
                    "null")))
        .hasMessageContaining("property \"type\"")
        .hasMessageContaining("anti-personnel mines");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature(
                    "\"action\":\"pin\",\"candidate\":\"b3-r1\",\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining("not offered at a road site (offered there: road_control_point)");
  }

  @Test
  void addedOrExistingMinesBreakingTheHumanitarianRulesAreRefused() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"add\",\"type\":\"at_minefield\"", VILLAGE_LINE)))
        .hasMessageContaining("feature 0: add: property \"type\": at_minefield is refused")
        .hasMessageContaining("from settlement Kaimas, inside the 1000 m civilian buffer");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"existing\",\"type\":\"at_minefield\"", VILLAGE_LINE)))
        .hasMessageContaining("existing: property \"type\": at_minefield is refused");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"add\",\"type\":\"ap_minefield\"", FAR_LINE)))
        .hasMessageContaining("ap_minefield is refused")
        .hasMessageContaining("does not enable");
  }

  /**
   * A site added in a protected area is held to the policy per obstacle kind: an anti-tank ditch is
   * refused naming the rule and the area, a road control point (allowed there by default) is taken.
   */
  @Test
  void anAddedSiteInAProtectedAreaMeetsThePolicyPerKind() throws IOException {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature(
                    "\"action\":\"add\",\"type\":\"at_ditch\"", line(26.02, 54.05, 26.05, 54.05))))
        .hasMessageContaining(
            "feature 0: add: property \"type\": at_ditch is refused: protected_area:")
        .hasMessageContaining("nature reserve Rezervatas");
    SiteEdits ok =
        read(
            feature(
                "\"action\":\"add\",\"id\":\"cp-park\",\"type\":\"road_control_point\"",
                "{\"type\":\"Point\",\"coordinates\":[26.05,54.05]}"));
    Candidate cp = ok.candidates().get(ok.candidates().size() - 1);
    assertThat(cp.id()).isEqualTo("cp-park");
    assertThat(cp.types()).containsExactly("road_control_point");
  }

  @Test
  void wrongGeometryKindOrMissingGeometry() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"add\",\"types\":\"at_ditch,bunker\"", FAR_LINE)))
        .hasMessageContaining(
            "property \"types\": bunker needs a Point or MultiPoint geometry, not LineString");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"existing\",\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining("feature 0: existing: geometry: existing needs a geometry");
    assertThat(problem(ProblemCode.BAD_INPUT, feature("\"action\":\"forbid\"", "null")))
        .hasMessageContaining("forbid: property \"candidate\"")
        .hasMessageContaining("a \"candidate\" id or a geometry");
  }

  @Test
  void pinnedAndForbiddenIsAContradictionNamingBothFeatures() {
    String box =
        "{\"type\":\"Polygon\",\"coordinates\":[[[25.45,54.25],[25.55,54.25],[25.55,54.35],"
            + "[25.45,54.35],[25.45,54.25]]]}";
    assertThat(
            problem(
                ProblemCode.INFEASIBLE,
                "{\"type\":\"Feature\",\"id\":\"no-go\",\"properties\":{\"action\":\"forbid\"},"
                    + "\"geometry\":"
                    + box
                    + "}",
                feature(
                    "\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining(
            "sites.geojson: feature 1 pins b3-c1 but feature 0 (id \"no-go\") forbids it");
    assertThat(
            problem(
                ProblemCode.INFEASIBLE,
                feature("\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"at_ditch\"", "null"),
                feature("\"action\":\"forbid\",\"candidate\":\"b3-c1\"", "null")))
        .hasMessageContaining("feature 0 pins b3-c1 but feature 1 forbids it");
  }

  @Test
  void twoTypesPinnedOnOneSiteIsAContradiction() {
    assertThat(
            problem(
                ProblemCode.INFEASIBLE,
                feature("\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"at_ditch\"", "null"),
                feature(
                    "\"action\":\"pin\",\"candidate\":\"b3-c1\",\"type\":\"dragons_teeth\"",
                    "null")))
        .hasMessageContaining("feature 1 pins b3-c1 as dragons_teeth but feature 0 pins it as")
        .hasMessageContaining("one option per site");
  }

  @Test
  void pinningAnExistingObstacleOrForbiddingAnAddedSite() {
    String existing =
        feature(
            "\"action\":\"existing\",\"id\":\"e1\",\"type\":\"at_ditch\"",
            line(25.40, 54.35, 25.42, 54.35));
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                existing,
                feature("\"action\":\"pin\",\"candidate\":\"e1\",\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining("feature 1: pin: property \"candidate\": \"e1\" already stands");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                existing,
                feature("\"action\":\"forbid\",\"candidate\":\"e1\"", "null")))
        .hasMessageContaining("feature 1: forbid: property \"candidate\"")
        .hasMessageContaining("is the site of feature 0");
  }

  @Test
  void duplicateIds() {
    String add = feature("\"action\":\"add\",\"id\":\"a1\",\"type\":\"at_ditch\"", FAR_LINE);
    assertThat(problem(ProblemCode.BAD_INPUT, add, add))
        .hasMessageContaining(
            "feature 1: add: property \"id\": duplicate id \"a1\" (also feature 0)");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature(
                    "\"action\":\"existing\",\"id\":\"b3-c1\",\"type\":\"at_ditch\"", FAR_LINE)))
        .hasMessageContaining("duplicate id \"b3-c1\" (also the id of a generated candidate)");
  }

  @Test
  void geometryOutsideTheRegion() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"add\",\"type\":\"at_ditch\"", line(13.4, 52.5, 13.5, 52.5))))
        .hasMessageContaining(
            "feature 0: add: geometry: position [13.40000, 52.50000] lies outside");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"forbid\"", line(13.4, 52.5, 13.5, 52.5))))
        .hasMessageContaining("forbid: geometry")
        .hasMessageContaining("outside the region");
  }

  @Test
  void malformedTruncatedOrWrongCrs() throws IOException {
    Path p = dir.resolve("broken.geojson");
    Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",");
    assertThatThrownBy(() -> reader().read(p, generated))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("broken.geojson")
        .hasMessageContaining("truncated");
    Files.writeString(p, "{\"type\":\"FeatureCollection\",\"features\":[}");
    assertThatThrownBy(() -> reader().read(p, generated))
        .hasMessageContaining("broken.geojson")
        .hasMessageContaining("not valid JSON");
    Path crs =
        file(
            ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3346\"}}",
            feature("\"action\":\"forbid\",\"candidate\":\"b3-c1\"", "null"));
    assertThatThrownBy(() -> reader().read(crs, generated))
        .hasMessageContaining("sites.geojson: crs")
        .hasMessageContaining("WGS84");
    assertThatThrownBy(() -> reader().read(dir.resolve("none.geojson"), generated))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND));
  }

  @Test
  void missingFieldsAndInvalidGeometry() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT, feature("\"action\":\"pin\",\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining("feature 0: pin: property \"candidate\": pin needs \"candidate\"");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"pin\",\"candidate\":\"b3-c1\"", FAR_LINE)))
        .hasMessageContaining("feature 0: pin: property \"type\": pin needs \"type\"");
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"existing\",\"types\":[\"at_ditch\"]", FAR_LINE)))
        .hasMessageContaining(
            "existing: property \"types\": an existing obstacle has one \"type\"");
    String bowtie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[25.0,54.0],[25.1,54.1],[25.1,54.0],[25.0,54.1],[25.0,54.0]]]}";
    assertThat(problem(ProblemCode.BAD_INPUT, feature("\"action\":\"forbid\"", bowtie)))
        .hasMessageContaining(
            "feature 0: forbid: geometry: invalid: Self-intersection at [25.05, 54.05");
  }

  @Test
  void aPinsOwnGeometryIsIgnored() throws IOException {
    // a candidate feature copied from `skydas candidates` output, with an action added
    SiteEdits e =
        read(
            "{\"type\":\"Feature\",\"id\":\"b3-c1\",\"properties\":{\"kind\":\"corridor\","
                + "\"types\":\"drainage_ditch,at_ditch\",\"action\":\"pin\",\"candidate\":\"b3-c1\","
                + "\"type\":\"at_ditch\"},\"geometry\":"
                + FAR_LINE
                + "}");
    assertThat(e.candidates()).hasSize(3);
    assertThat(e.pinned()).containsExactly(java.util.Map.entry("b3-c1", "at_ditch"));
  }

  @Test
  void nonStringFieldsAndBadFeatures() {
    assertThat(
            problem(
                ProblemCode.BAD_INPUT,
                feature("\"action\":\"pin\",\"candidate\":12,\"type\":\"at_ditch\"", "null")))
        .hasMessageContaining("pin: property \"candidate\": must be a string");
    assertThat(problem(ProblemCode.BAD_INPUT, "{\"type\":\"Thing\"}"))
        .hasMessageContaining("feature 0: \"type\" must be \"Feature\"");
  }
}
