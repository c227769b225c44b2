package lt.skydas.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.region.LandCover;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Sensor candidates on a hand-made 30 × 30 km region of open ground with a 3 km wide forest block:
 * a ditch in the open is covered in full, a ditch inside the forest (a vehicle there is concealed;
 * no open ground within reach of its square) is not, a manned control point needs no watch.
 */
class SensorCandidatesTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final ObstacleCatalog CATALOG = ObstacleCatalog.defaults();
  static final ObstacleType DITCH = CATALOG.findType("at_ditch").orElseThrow();
  static final ObstacleType POST = CATALOG.findType("road_control_point").orElseThrow();

  static AssessmentRegion region() {
    GridSpec g = new GridSpec(500_000, 6_100_000, 100, 300, 300, 3346);
    byte[] lc = new byte[g.cellCount()];
    Arrays.fill(lc, LandCover.OPEN.code());
    for (int row = 0; row < g.height(); row++) {
      for (int col = 0; col < g.width(); col++) {
        double x = g.centerX(col);
        double y = g.centerY(row);
        if (x > 520_000 && x < 523_000 && y > 6_078_000 && y < 6_092_000) {
          lc[row * g.width() + col] = LandCover.FOREST.code();
        }
      }
    }
    return new AssessmentRegion("test", g, lc, null, null, new int[0], List.of(), null, null);
  }

  static List<SiteTypes> sites() {
    return List.of(
        new SiteTypes("open", line(505_000, 507_000, 6_085_000), List.of(DITCH)),
        new SiteTypes("forest", line(521_000, 522_000, 6_085_000), List.of(DITCH)),
        new SiteTypes("post", GF.createPoint(new Coordinate(506_000, 6_086_000)), List.of(POST)));
  }

  static org.locationtech.jts.geom.LineString line(double x0, double x1, double y) {
    return GF.createLineString(new Coordinate[] {new Coordinate(x0, y), new Coordinate(x1, y)});
  }

  @Test
  void aDitchInTheOpenIsCoveredAndOneInTheForestIsNot() {
    AssessmentRegion r = region();
    List<SensorCandidate> cs =
        SensorCandidates.generate(
            r, sites(), SensorOptions.defaults(), SensorCatalog.defaults(), 10, 1);
    assertThat(cs).hasSize(1);
    SensorCandidate c = cs.get(0);
    assertThat(c.type().id()).isEqualTo("eoir_mast");
    assertThat(c.sites()).containsExactly(0);
    assertThat(c.share()[0]).isCloseTo(1.0, within(1e-9));
    assertThat(c.cost_eur()).isEqualTo(250_000 + 10 * 20_000);
    int cell = r.grid().cellAt(c.point_lks94().getX(), c.point_lks94().getY());
    assertThat(r.landCover()[cell]).isEqualTo(LandCover.OPEN.code());
    assertThat(c.point_lks94().distance(sites().get(0).geometry_lks94())).isLessThan(2_000);
    assertThat(SensorCandidates.reach_m(c.type())).isEqualTo(11_000);

    // the same for two threads, and nothing when sensors are off
    List<SensorCandidate> two =
        SensorCandidates.generate(
            r, sites(), SensorOptions.defaults(), SensorCatalog.defaults(), 10, 2);
    assertThat(two).hasSize(1);
    assertThat(two.get(0).id()).isEqualTo(c.id());
    assertThat(two.get(0).share()).containsExactly(c.share());
    assertThat(
            SensorCandidates.generate(
                r, sites(), SensorOptions.none(), SensorCatalog.defaults(), 10, 1))
        .isEmpty();
  }
}
