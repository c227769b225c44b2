package lt.skydas.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class CrsTest {
  @Test
  void centralMeridianMapsToFalseEasting() {
    // LKS-94: transverse Mercator, lon0 = 24 E, k0 = 0.9998, false easting 500 000 m
    Coordinate c = Crs.lks94().toMetric(24.0, 55.0, new Coordinate());
    assertThat(c.x).isCloseTo(500_000.0, within(0.01));
    assertThat(c.y).isCloseTo(6_095_000, within(5_000.0));
  }

  @Test
  void roundTripIsWithinAMillimetre() {
    Coordinate m = Crs.lks94().toMetric(25.2797, 54.6872, new Coordinate());
    Coordinate back = Crs.lks94().toWgs84(m.x, m.y, new Coordinate());
    assertThat(back.x).isCloseTo(25.2797, within(1e-8));
    assertThat(back.y).isCloseTo(54.6872, within(1e-8));
  }

  @Test
  void oneDegreeOfLatitudeIsAbout111Km() {
    Coordinate a = Crs.lks94().toMetric(24.0, 54.0, new Coordinate());
    Coordinate b = Crs.lks94().toMetric(24.0, 55.0, new Coordinate());
    assertThat(b.y - a.y).isCloseTo(111_300, within(300.0));
  }
}
