package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.RegionInputs;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.region.NamedArea;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.Settlement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

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
    for (String p : RegionInputs.HOSTILE_BORDERS) {
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
    for (Candidate c : candidates) {
      assertThat(c.types())
          .as(c.id())
          .isNotEmpty()
          .doesNotContain("ap_minefield", "mixed_minefield");
      for (NamedArea p : region.protectedAreas()) {
        assertThat(p.geometry_lks94().intersects(c.geometry_lks94()))
            .as("%s in %s", c.id(), p.name())
            .isFalse();
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
  }
}
