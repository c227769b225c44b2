package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class JammingConflictsTest {
  static final SensorCatalog CATALOG = SensorCatalog.defaults();
  static final GeometryFactory GF = new GeometryFactory();

  static SensorSite site(String id, String type, double x, double y) {
    SensorType t = CATALOG.findType(type).orElseThrow();
    var p = GF.createPoint(new Coordinate(x, y));
    return new SensorSite(id, id, t, p, p, t.height_m(), Double.NaN, 0);
  }

  @Test
  void aDroneLinkJammerDeniesTheOwnDroneDetectorInItsRadiusButNotBeyond() {
    double radius =
        CATALOG.findType("uas_link_jammer").orElseThrow().findJamming().orElseThrow().radius_m();
    List<SensorSite> plan =
        List.of(
            site("j1", "uas_link_jammer", 500_000, 6_100_000),
            site("near", "rf_drone_detector", 500_000 + radius - 100, 6_100_000),
            site("far", "rf_drone_detector", 500_000 + radius + 100, 6_100_000),
            site("cam", "eoir_mast", 500_100, 6_100_000));
    List<JammingConflicts.Conflict> c = JammingConflicts.conflicts(plan);
    assertThat(c).extracting(JammingConflicts.Conflict::siteId).containsExactly("near");
    assertThat(c.get(0).describe())
        .isEqualTo(
            "jammer j1 (uas_link_jammer) would deny near (rf_drone_detector) 4.9 km away, within"
                + " its 5 km radius");
    assertThat(JammingConflicts.blankets(plan))
        .singleElement()
        .satisfies(b -> assertThat(b.systems()).containsExactly("uas_link"));
  }

  @Test
  void aPlanWithoutJammersHasNoConflicts() {
    List<SensorSite> plan =
        List.of(site("a", "gsr_portable", 0, 0), site("b", "uas_patrol_orbit", 10, 0));
    assertThat(JammingConflicts.conflicts(plan)).isEmpty();
    assertThat(JammingConflicts.blankets(plan)).isEmpty();
  }
}
