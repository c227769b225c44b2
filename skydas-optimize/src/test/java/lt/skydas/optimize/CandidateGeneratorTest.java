package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.region.LandCover;
import lt.skydas.region.NamedArea;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.Settlement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;

/** Candidates on the shipped Lithuania data (250 m pack). */
class CandidateGeneratorTest {
  @TempDir static Path tmp;
  static Region region;
  static List<Candidate> candidates;

  @BeforeAll
  static void generate() {
    Path pack = tmp.resolve("pack");
    RegionBuilder.build(
        new RegionBuildOptions(
            Path.of("..").resolve("data/baltic").toAbsolutePath(), pack, 250, 25, "LT"),
        Progress.NONE);
    region = Region.load(pack);
    AssessmentRegion ar = RegionInputs.from(region, 1000);
    CandidateGenerator gen =
        new CandidateGenerator(
            region,
            ObstacleCatalog.defaults(),
            SpeedTable.defaults(),
            new HumanitarianCheck(ar.civilians()));
    candidates = gen.generate(CandidateOptions.defaults(), Progress.NONE);
  }

  private static List<Candidate> of(Candidate.Kind k) {
    return candidates.stream().filter(c -> c.kind() == k).toList();
  }

  @Test
  void everyBeltHasCorridorsAndRoadCrossingsAndBridgesExist() {
    for (double d : CandidateOptions.defaults().beltDepths_m()) {
      assertThat(of(Candidate.Kind.CORRIDOR).stream().filter(c -> c.belt_m() == d))
          .as("corridors at %s m", d)
          .hasSizeGreaterThan(20);
      assertThat(of(Candidate.Kind.ROAD).stream().filter(c -> c.belt_m() == d))
          .as("roads at %s m", d)
          .hasSizeGreaterThan(20);
    }
    assertThat(of(Candidate.Kind.BRIDGE)).hasSizeGreaterThan(10);
    assertThat(candidates).extracting(Candidate::id).doesNotHaveDuplicates();
  }

  @Test
  void beltsLieAtTheirDepthFromTheHostileBorder() {
    GeometryFactory gf = new GeometryFactory();
    List<Geometry> hostile = new ArrayList<>();
    for (String p : region.definition().hostileBorders()) {
      hostile.add(region.borders().get(p));
    }
    Geometry border = gf.buildGeometry(hostile);
    List<Double> errors = new ArrayList<>();
    for (Candidate c : of(Candidate.Kind.CORRIDOR)) {
      errors.add(Math.abs(border.distance(c.geometry_lks94().getCentroid()) - c.belt_m()));
    }
    errors.sort(Double::compare);
    assertThat(errors.get(errors.size() / 2)).as("median distance error, m").isLessThan(50);
  }

  @Test
  void roadCandidatesLieOnRoads() {
    GeometryFactory gf = new GeometryFactory();
    var roads = region.roads();
    for (Candidate c : of(Candidate.Kind.ROAD).subList(0, 30)) {
      double best = Double.POSITIVE_INFINITY;
      for (int e = 0; e < roads.edgeCount(); e++) {
        best = Math.min(best, roads.geometry(e, gf).distance(c.geometry_lks94()));
      }
      assertThat(best).as(c.id()).isLessThan(1.0);
    }
  }

  @Test
  void hardConstraintsHoldAtEverySite() {
    List<Coordinate> villages = new ArrayList<>();
    for (Settlement s : region.settlements()) {
      villages.add(new Coordinate(s.x_m(), s.y_m()));
    }
    GeometryFactory gf = new GeometryFactory();
    int mineSites = 0;
    int inParks = 0;
    for (Candidate c : candidates) {
      assertThat(c.types())
          .as(c.id())
          .isNotEmpty()
          .doesNotContain("ap_minefield", "mixed_minefield");
      for (NamedArea p : region.protectedAreas()) {
        if (p.geometry_lks94().intersects(c.geometry_lks94())) {
          inParks++;
          // only a road or bridge site, with kinds the policy allows in a protected area
          assertThat(c.kind())
              .as("%s in %s", c.id(), p.name())
              .isIn(Candidate.Kind.ROAD, Candidate.Kind.BRIDGE);
          for (String t : c.types()) {
            assertThat(
                    PlanPolicy.DEFAULT.allowedInProtectedArea(
                        ObstacleCatalog.defaults().findType(t).orElseThrow()))
                .as("%s (%s) in %s", c.id(), t, p.name())
                .isTrue();
          }
        }
      }
      if (c.types().contains("at_minefield")) {
        mineSites++;
        for (Coordinate v : villages) {
          assertThat(c.geometry_lks94().distance(gf.createPoint(v)))
              .as("%s near a settlement", c.id())
              .isGreaterThanOrEqualTo(1000);
        }
      }
    }
    assertThat(mineSites).isPositive();
    // road control points on the roads through the national parks are offered (the policy's rule
    // per kind), no corridor is
    assertThat(inParks).isPositive();
  }

  @Test
  void beltsHaveNoGapOnGroundSomeClassPasses() {
    GeometryFactory gf = new GeometryFactory();
    SpeedTable speeds = SpeedTable.defaults();
    boolean[] passable = new boolean[256];
    for (LandCover c : LandCover.values()) {
      for (VehicleClass v : List.of(VehicleClass.TRACKED, VehicleClass.WHEELED)) {
        for (Season s : Season.values()) {
          passable[c.code()] |= speeds.terrainSpeed_kmh(c.name(), v, s) > 0;
        }
      }
    }
    CandidateGenerator gen =
        new CandidateGenerator(
            region,
            ObstacleCatalog.defaults(),
            speeds,
            new HumanitarianCheck(RegionInputs.from(region, 1000).civilians()));
    STRtree lines = new STRtree();
    for (Candidate c : candidates) {
      if (c.geometry_lks94() instanceof LineString) {
        lines.insert(c.geometry_lks94().getEnvelopeInternal(), c.geometry_lks94());
      }
    }
    double cell = region.grid().cellSize();
    int sampled = 0;
    List<String> gaps = new ArrayList<>();
    Geometry belt = gen.belts(List.of(8_000.0), CandidateOptions.DEFAULT_FLANK_REACH_M).get(0);
    for (int i = 0; i < belt.getNumGeometries(); i++) {
      LineString part = (LineString) belt.getGeometryN(i);
      LengthIndexedLine lil = new LengthIndexedLine(part);
      for (double a = cell; a < part.getLength() - cell; a += cell) {
        Coordinate p = lil.extractPoint(a);
        int k = region.grid().cellAt(p.x, p.y);
        if (k < 0 || !passable[region.landCover()[k] & 0xff] || inProtectedArea(gf, p)) {
          continue;
        }
        sampled++;
        Envelope e = new Envelope(p);
        e.expandBy(cell);
        boolean covered = false;
        for (Object o : lines.query(e)) {
          covered |= ((Geometry) o).distance(gf.createPoint(p)) <= cell;
        }
        if (!covered) {
          gaps.add(
              String.format(
                  java.util.Locale.ROOT,
                  "(%.0f, %.0f) %s",
                  p.x,
                  p.y,
                  LandCover.fromCode(region.landCover()[k])));
        }
      }
    }
    assertThat(sampled).isGreaterThan(1000);
    assertThat(gaps.size())
        .as("belt points on passable ground with no line candidate within a cell: %s", gaps)
        .isLessThanOrEqualTo(sampled / 200);
  }

  private static boolean inProtectedArea(GeometryFactory gf, Coordinate p) {
    for (NamedArea a : region.protectedAreas()) {
      if (a.geometry_lks94().getEnvelopeInternal().contains(p)
          && a.geometry_lks94().intersects(gf.createPoint(p).buffer(region.grid().cellSize()))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void builtUpSitesOfferBlocksOnly() {
    List<Candidate> built = of(Candidate.Kind.BUILT_UP);
    assertThat(built).isNotEmpty();
    for (Candidate c : built) {
      assertThat(c.types()).as(c.id()).containsExactly("dragons_teeth");
      assertThat(c.id()).matches("b\\d+-u\\d+");
    }
  }

  @Test
  void eachBeltHasAMinedStripInFrontOfferingMinefieldsOnly() {
    CandidateOptions d = CandidateOptions.defaults();
    for (double depth : d.beltDepths_m()) {
      List<Candidate> strip =
          candidates.stream()
              .filter(c -> c.belt_m() == depth - CandidateOptions.DEFAULT_MINE_STRIP_M)
              .toList();
      assertThat(strip).as("strip of the belt at %s m", depth).hasSizeGreaterThan(5);
      for (Candidate c : strip) {
        assertThat(c.id()).matches("m" + Math.round(depth / 1000) + "-[ct]\\d+");
        assertThat(c.kind()).isIn(Candidate.Kind.CORRIDOR, Candidate.Kind.TIE_IN);
        assertThat(CandidateGenerator.MINE_STRIP_TYPES).containsAll(c.types());
      }
    }
    // the belts keep their own sites; a strip must lie at least 100 m from the border
    assertThat(candidates.stream().filter(c -> c.id().startsWith("b")).count())
        .isGreaterThan(candidates.stream().filter(c -> c.id().startsWith("m")).count());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new CandidateOptions(
                    List.of(200.0), 3000, 20_000, d.policy(), true, true, 60_000, 300))
        .hasMessageContaining("less than 100 m from the border");
  }
}
