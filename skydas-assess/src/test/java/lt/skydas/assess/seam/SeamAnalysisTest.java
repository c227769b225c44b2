package lt.skydas.assess.seam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import lt.skydas.assess.seam.SeamAnalysis.Line;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.assess.seam.SeamAnalysis.Status;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/**
 * A synthetic two-country seam: LT east of x = 0, PL west of it, Belarus south of y = 0; the
 * tri-point at the origin. Each country's line runs along the hostile border and stops short of the
 * allied one; the gap between their ends is known exactly.
 */
class SeamAnalysisTest {
  private static final GeometryFactory GF = new GeometryFactory();

  private static Geometry wkt(String s) {
    try {
      return new WKTReader(GF).read(s);
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final Map<String, Geometry> BORDERS =
      Map.of(
          "LT-PL", wkt("LINESTRING (0 0, 0 30000)"),
          "LT-BY", wkt("LINESTRING (0 0, 40000 0)"),
          "PL-BY", wkt("LINESTRING (-40000 0, 0 0)"));

  /** Segments of a line along y = 500 (LT) or 400 (PL), each 1 km, between x0 and x1. */
  private static List<Geometry> segments(double x0, double x1, double y) {
    List<Geometry> out = new ArrayList<>();
    for (double x = x0; x < x1 - 1e-9; x += 1000) {
      out.add(
          GF.createLineString(
              new Coordinate[] {new Coordinate(x, y), new Coordinate(Math.min(x + 1000, x1), y)}));
    }
    return out;
  }

  @Test
  void theGapBetweenTheLinesEndsIsMeasuredExactly() {
    Map<String, Line> lines =
        Map.of(
            "LT", new Line("LT", "lt.geojson", segments(2000, 9000, 500)),
            "PL", new Line("PL", "pl.geojson", segments(-9000, -1500, 400)));
    List<Seam> seams = new SeamAnalysis(20_000).analyse(BORDERS, Set.of("BY"), lines);
    assertThat(seams).hasSize(1);
    Seam s = seams.get(0);
    assertThat(s.allies()).isEqualTo("LT-PL");
    assertThat(s.hostile()).isEqualTo("BY");
    assertThat(s.status()).isEqualTo(Status.GAP);
    assertThat(s.triPoint()).isEqualTo(new Coordinate(0, 0));
    assertThat(s.gap_m()).isCloseTo(Math.hypot(3500, 100), within(1e-9));
    assertThat(GF.createPoint(s.endA()).toText()).isEqualTo("POINT (2000 500)");
    assertThat(GF.createPoint(s.endB()).toText()).isEqualTo("POINT (-1500 400)");
    // on the allied border, level with the gap's middle
    assertThat(GF.createPoint(s.meeting()).toText()).isEqualTo("POINT (0 450)");
    assertThat(s.fromTriA_m()).isCloseTo(Math.hypot(2000, 500), within(1e-9));
    assertThat(s.fromTriB_m()).isCloseTo(Math.hypot(1500, 400), within(1e-9));
    assertThat(s.nearA()).isEqualTo(7);
    assertThat(s.nearB()).isEqualTo(8);
  }

  @Test
  void eachSidesBestCandidateIsTheOneLeavingTheSmallestGap() {
    List<Geometry> lt = segments(2000, 9000, 500);
    List<Geometry> pl = segments(-9000, -1500, 400);
    Seam s =
        new SeamAnalysis(20_000)
            .analyse(
                BORDERS,
                Set.of("BY"),
                Map.of("LT", new Line("LT", "a", lt), "PL", new Line("PL", "b", pl)))
            .get(0);
    List<SeamClosers.Site> ltSites =
        List.of(
            new SeamClosers.Site("c1", wkt("LINESTRING (500 500, 1900 500)"), 10),
            new SeamClosers.Site("c2", wkt("LINESTRING (1000 450, 1900 450)"), 5),
            new SeamClosers.Site("far", wkt("LINESTRING (30000 500, 31000 500)"), 1));
    List<SeamClosers.Site> plSites =
        List.of(
            new SeamClosers.Site("p1", wkt("LINESTRING (-1400 400, -100 400)"), 7),
            new SeamClosers.Site("p2", wkt("LINESTRING (-9000 3000, -8000 3000)"), 1));
    List<SeamClosers.Closer> best =
        SeamClosers.best(s, 20_000, "LT", lt, ltSites, "PL", pl, plSites);
    assertThat(best).extracting(c -> c.site().id()).containsExactly("c1", "p1");
    assertThat(best.get(0).gapAfter_m()).isCloseTo(Math.hypot(2000, 100), within(1e-9));
    assertThat(best.get(1).gapAfter_m()).isCloseTo(Math.hypot(2100, 100), within(1e-9));
  }

  @Test
  void linesThatMeetAreJoinedAndAMissingLineLeavesTheSeamOpen() {
    Map<String, Line> joined =
        Map.of(
            "LT", new Line("LT", "a", segments(0, 9000, 500)),
            "PL", new Line("PL", "b", segments(-9000, 0, 500)));
    assertThat(new SeamAnalysis(20_000).analyse(BORDERS, Set.of("BY"), joined).get(0).status())
        .isEqualTo(Status.JOINED);
    Map<String, Line> far =
        Map.of(
            "LT", new Line("LT", "a", segments(2000, 9000, 500)),
            "PL", new Line("PL", "b", segments(-40000, -25000, 500)));
    Seam open = new SeamAnalysis(20_000).analyse(BORDERS, Set.of("BY"), far).get(0);
    assertThat(open.status()).isEqualTo(Status.OPEN);
    assertThat(open.gap_m()).isInfinite();
    assertThat(open.nearB()).isZero();
    assertThat(open.fromTriB_m()).isInfinite();
  }

  @Test
  void noSeamWithoutBothLinesOrAwayFromTheHostileCountry() {
    Map<String, Line> one = Map.of("LT", new Line("LT", "a", segments(2000, 9000, 500)));
    assertThat(new SeamAnalysis(20_000).analyse(BORDERS, Set.of("BY"), one)).isEmpty();
    // the allied border ends 5 km short of Belarus: no tri-point
    Map<String, Geometry> apart =
        Map.of(
            "LT-PL", wkt("LINESTRING (0 5000, 0 30000)"),
            "LT-BY", wkt("LINESTRING (0 0, 40000 0)"),
            "PL-BY", wkt("LINESTRING (-40000 0, 0 0)"));
    Map<String, Line> two =
        Map.of(
            "LT", new Line("LT", "a", segments(2000, 9000, 500)),
            "PL", new Line("PL", "b", segments(-9000, -1500, 400)));
    assertThat(new SeamAnalysis(20_000).analyse(apart, Set.of("BY"), two)).isEmpty();
  }

  /** Against a plain reference: the minimum over all pairs of features of their distance. */
  @Test
  void theGapIsTheClosestPairOfFeaturesNearTheTriPoint() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      List<Geometry> a = new ArrayList<>();
      List<Geometry> b = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        a.add(randomSegment(rnd, 1));
        b.add(randomSegment(rnd, -1));
      }
      Seam s =
          new SeamAnalysis(15_000)
              .analyse(
                  BORDERS,
                  Set.of("BY"),
                  Map.of("LT", new Line("LT", "a", a), "PL", new Line("PL", "b", b)))
              .get(0);
      var tri = GF.createPoint(new Coordinate(0, 0));
      double best = Double.POSITIVE_INFINITY;
      for (Geometry x : a) {
        for (Geometry y : b) {
          if (x.distance(tri) <= 15_000 && y.distance(tri) <= 15_000) {
            best = Math.min(best, x.distance(y));
          }
        }
      }
      assertThat(s.gap_m()).as("seed %d", seed).isCloseTo(best, within(1e-6));
    }
  }

  private static Geometry randomSegment(Random rnd, int side) {
    double x = side * (200 + rnd.nextDouble() * 20_000);
    double y = rnd.nextDouble() * 20_000;
    return GF.createLineString(
        new Coordinate[] {
          new Coordinate(x, y),
          new Coordinate(x + side * rnd.nextDouble() * 800, y + rnd.nextDouble() * 800)
        });
  }
}
