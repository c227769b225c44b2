package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;
import lt.skydas.region.LandCover;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class SiteProtectionTest {
  static final GeometryFactory GF = new GeometryFactory();
  static final GridSpec G = new GridSpec(500_000, 6_120_000, 100, 200, 200, 3346);

  static Point at(double kmEast, double kmSouth) {
    return GF.createPoint(new Coordinate(500_000 + kmEast * 1000, 6_120_000 - kmSouth * 1000));
  }

  static SensorSite site(String id, String type, Point p) {
    SensorType t = SensorCatalog.defaults().findType(type).orElseThrow();
    return new SensorSite(id, id, t, p, p, t.height_m(), Double.NaN, 0);
  }

  @Test
  void aSiteIsProtectedWhenADroneOverItIsBothDetectedAndWithinAnEffectorsReach() {
    byte[] lc = new byte[G.cellCount()];
    java.util.Arrays.fill(lc, LandCover.OPEN.code());
    Surface s = Surface.of(G, lc, ClutterTable.defaults(), null);
    List<SensorSite> plan =
        List.of(
            site("rf", "rf_drone_detector", at(5, 5)), // detects small UAS within 5 km
            site("gun", "cuas_gun_35mm", at(5, 6)), // defeats them within 4 km
            site("radar", "rf_drone_detector", at(15, 15)));
    List<SiteProtection.NamedPoint> points =
        List.of(
            new SiteProtection.NamedPoint("bridge", "Bridge", at(6, 6)),
            new SiteProtection.NamedPoint("depot", "Depot", at(15, 16)),
            new SiteProtection.NamedPoint("shelter", "Shelter", at(19, 1)));
    List<SiteProtection> p = SiteProtection.of(s, plan, points, 2);
    assertThat(p.get(0).isProtected()).isTrue();
    assertThat(p.get(1))
        .satisfies(
            d -> {
              assertThat(d.detectedBy()).isEqualTo(1);
              assertThat(d.defendedBy()).isZero();
              assertThat(d.isProtected()).isFalse();
            });
    assertThat(p.get(2).detectedBy()).isZero();
    assertThat(SiteProtection.protectedShare(p)).isEqualTo(1 / 3.0);
  }
}
