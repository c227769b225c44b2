package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Objective;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Why an objective gains no delay, on the shipped region: an approach through Poland, one along the
 * Curonian Spit (a national park), and one across a belt site that is empty, weakly or strongly
 * built.
 */
class LimitsFinderTest {
  @TempDir static Path tmp;
  static Region region;
  static List<Candidate> candidates;
  static LimitsFinder finder;
  static final List<Double> DEPTHS = List.of(3_000.0, 8_000.0, 15_000.0);
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  static final GeometryFactory GF = new GeometryFactory();

  @BeforeAll
  static void build() {
    Path pack = tmp.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(
            Path.of("..").resolve("data/baltic").toAbsolutePath(), pack, 500, 25, "LT"),
        Progress.NONE);
    region = Region.load(pack);
    CandidateGenerator gen =
        new CandidateGenerator(
            region,
            CATALOG,
            SpeedTable.defaults(),
            new HumanitarianCheck(RegionInputs.from(region, 1000).civilians()));
    candidates = gen.generate(CandidateOptions.defaults(), Progress.NONE);
    finder =
        new LimitsFinder(
            region,
            DEPTHS,
            gen.belts(DEPTHS, CandidateOptions.DEFAULT_FLANK_REACH_M),
            candidates,
            CATALOG,
            SpeedTable.defaults());
  }

  @Test
  void anApproachThroughPolandIsOutsideTheHomeCountry() {
    // Gołdap (RU–PL border) to the Budzisko crossing, south of the LT–PL border all the way
    List<Coordinate> path =
        wgs(22.7913, 54.3635, 22.9427, 54.3325, 23.0600, 54.3080, 23.1065, 54.3034);
    Limits.ObjectiveLimit l = only(finder.onAvenues(result(path, 0), plan()));
    assertThat(l.reason()).isEqualTo(Limits.Reason.OUTSIDE_HOME);
    assertThat(l.text()).contains("through Poland").contains("crosses none of Lithuania's belts");
    assertThat(l.cases()).containsExactly("tracked/dry");
  }

  /**
   * The road along the Curonian Spit crosses the belts only inside the national park: the policy
   * lets a road control point stand there (a rule per obstacle kind), so the approach meets road
   * sites the empty plan left empty, not ground where nothing may be built.
   */
  @Test
  void anApproachAlongTheCuronianSpitMeetsRoadSitesInTheNationalPark() {
    List<Coordinate> path =
        wgs(
            20.962682, 55.278822, 21.001429, 55.331018, 21.041697, 55.383223, 21.070753, 55.431568,
            21.082939, 55.463314, 21.114562, 55.516198, 21.125362, 55.548806, 21.131527, 55.611906);
    Limits.ObjectiveLimit l = only(finder.onAvenues(result(path, 0), plan()));
    assertThat(l.reason()).as(l.text()).isEqualTo(Limits.Reason.LEFT_EMPTY);
    assertThat(
            candidates.stream()
                .filter(c -> c.kind() == Candidate.Kind.ROAD)
                .filter(c -> l.text().contains(c.id()))
                .findFirst())
        .as(l.text())
        .hasValueSatisfying(c -> assertThat(c.types()).containsExactly("road_control_point"));
  }

  @Test
  void aBeltSiteIsNamedEmptyWeakOrStrongestByWhatStandsThere() {
    Candidate site =
        candidates.stream()
            .filter(c -> c.kind() == Candidate.Kind.CORRIDOR && c.belt_m() == 3_000)
            .filter(c -> c.types().contains("at_ditch") && c.types().contains("drainage_ditch"))
            .filter(c -> c.geometry_lks94().getLength() > 1_500)
            .findFirst()
            .orElseThrow();
    List<Coordinate> path = across((LineString) site.geometry_lks94());

    Limits.ObjectiveLimit empty = only(finder.onAvenues(result(path, 10), plan()));
    assertThat(empty.reason()).isEqualTo(Limits.Reason.LEFT_EMPTY);
    assertThat(empty.text()).contains(site.id());

    Limits.ObjectiveLimit weak =
        only(finder.onAvenues(result(path, 10), plan(obstacle(site, "drainage_ditch"))));
    assertThat(weak.reason()).isEqualTo(Limits.Reason.LEFT_EMPTY);
    assertThat(weak.text()).contains(site.id() + " drainage_ditch");

    String strongest =
        site.types().stream()
            .max(
                java.util.Comparator.comparingDouble(
                    t -> CATALOG.findType(t).orElseThrow().crossingDelay_s(VehicleClass.TRACKED)))
            .orElseThrow();
    LimitsFinder.OnAvenues strong =
        finder.onAvenues(result(path, 10), plan(obstacle(site, strongest)));
    assertThat(only(strong).reason()).isEqualTo(Limits.Reason.STRONGEST);
    assertThat(strong.crossings())
        .extracting(Limits.CrossingCount::what, Limits.CrossingCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("strongest", 1));
  }

  @Test
  void theBeltsGapsInProtectedAreasAreMeasuredAndNamed() {
    String line = finder.gapLine(true);
    assertThat(line)
        .contains("of the 3 km belt")
        .contains("national park")
        .contains("--allow-protected-areas");
    assertThat(finder.gapLine(false)).isEmpty();
  }

  @Test
  void anObjectiveThePlanDelaysNeedsNoReason() {
    List<Coordinate> path = wgs(22.7913, 54.3635, 23.1065, 54.3034);
    assertThat(finder.onAvenues(result(path, 0, 600), plan()).objectives()).isEmpty();
  }

  /** A 2 km avenue at right angles through the middle of a line site (hostile side first). */
  private static List<Coordinate> across(LineString site) {
    Coordinate a = site.getCoordinateN(0);
    Coordinate b = site.getCoordinateN(site.getNumPoints() - 1);
    Coordinate mid =
        new org.locationtech.jts.linearref.LengthIndexedLine(site)
            .extractPoint(site.getLength() / 2);
    double dx = b.x - a.x;
    double dy = b.y - a.y;
    double len = Math.hypot(dx, dy);
    double nx = -dy / len * 1_000;
    double ny = dx / len * 1_000;
    return List.of(new Coordinate(mid.x - nx, mid.y - ny), new Coordinate(mid.x + nx, mid.y + ny));
  }

  private static Limits.ObjectiveLimit only(LimitsFinder.OnAvenues found) {
    assertThat(found.objectives()).hasSize(1);
    return found.objectives().get(0);
  }

  private static List<Coordinate> wgs(double... lonLat) {
    Crs crs = Crs.lks94();
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i < lonLat.length; i += 2) {
      out.add(crs.toMetric(lonLat[i], lonLat[i + 1], new Coordinate()));
    }
    return out;
  }

  private static AssessmentResult result(List<Coordinate> path, double delay_s) {
    return result(path, delay_s, 0);
  }

  private static AssessmentResult result(List<Coordinate> path, double ignored, double delay_s) {
    Coordinate end = path.get(path.size() - 1);
    Objective obj = new Objective("o", "Objective", GF.createPoint(end), 1_000);
    double length = GF.createLineString(path.toArray(new Coordinate[0])).getLength();
    AssessmentResult.Avenue avenue =
        new AssessmentResult.Avenue(
            "o",
            VehicleClass.TRACKED,
            Season.DRY,
            AssessmentResult.Scenario.PLAN,
            1,
            3_600,
            length,
            0.9,
            path,
            List.of());
    AssessmentResult.Case c =
        new AssessmentResult.Case(
            VehicleClass.TRACKED,
            Season.DRY,
            List.of(new AssessmentResult.ObjectiveTime("o", 3_600, 3_600 + delay_s)),
            List.of(avenue),
            null,
            Map.of(),
            0);
    return new AssessmentResult("test", plan(), List.of(obj), List.of(c), List.of(), List.of(), 0);
  }

  private static Obstacle obstacle(Candidate site, String type) {
    ObstacleType t = CATALOG.findType(type).orElseThrow();
    return new Obstacle(site.id(), t.name(), t, null, site.geometry_lks94(), 1);
  }

  private static BarrierPlan plan(Obstacle... obstacles) {
    return new BarrierPlan("test", "test", PlanPolicy.DEFAULT, List.of(obstacles));
  }
}
