package lt.skydas.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /**
   * Lon 23.5, lat 54.5 (near the Suwałki Gap) in every supported CRS, against GDAL 3.6's
   * gdaltransform (PROJ 9): {@code echo "23.5 54.5" | gdaltransform -s_srs "+proj=longlat
   * +datum=WGS84" -t_srs EPSG:<code>}; the LAEA row also has the EPSG guidance note 7-2 example.
   */
  @ParameterizedTest(name = "EPSG:{0}")
  @CsvSource({
    "3346, 23.5, 54.5, 467612.889392743, 6040477.58882297",
    "3059, 23.5, 54.5, 467619.368110608, 39269.2516377736",
    "2180, 23.5, 54.5, 791241.859307389, 746660.873786816",
    "3301, 23.5, 54.5, 467526.166505186, 6038774.36341109",
    "3067, 23.5, 54.5, 273380.50941156, 6044792.23333009",
    "3035, 23.5, 54.5, 5189969.64311732, 3569732.2909765",
    "3035, 5.0, 50.0, 3962799.45, 2999718.85"
  })
  void everySupportedCrsMatchesGdal(int epsg, double lon, double lat, double x, double y) {
    Crs crs = Crs.of(epsg);
    Coordinate m = crs.toMetric(lon, lat, new Coordinate());
    assertThat(m.x).as("easting EPSG:%d", epsg).isCloseTo(x, within(0.01));
    assertThat(m.y).as("northing EPSG:%d", epsg).isCloseTo(y, within(0.01));
    Coordinate back = crs.toWgs84(m.x, m.y, new Coordinate());
    assertThat(back.x).isCloseTo(lon, within(1e-8));
    assertThat(back.y).isCloseTo(lat, within(1e-8));
    assertThat(crs.epsg()).isEqualTo(epsg);
    assertThat(crs.proj4()).startsWith("+proj=");
  }

  @Test
  void unsupportedCodesAreRefusedByName() {
    assertThatThrownBy(() -> Crs.of(4326))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EPSG:4326 is not a supported metric CRS")
        .hasMessageContaining("EPSG:3035");
  }

  @Test
  void eachThreadAndCodeHasItsOwnInstance() throws Exception {
    assertThat(Crs.of(3035)).isSameAs(Crs.of(3035)).isNotSameAs(Crs.of(3346));
    Crs[] other = new Crs[1];
    Thread t = new Thread(() -> other[0] = Crs.of(3035));
    t.start();
    t.join();
    assertThat(other[0]).isNotSameAs(Crs.of(3035));
  }
}
