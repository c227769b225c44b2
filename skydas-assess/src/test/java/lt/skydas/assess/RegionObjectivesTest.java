package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lt.skydas.core.geo.Crs;
import lt.skydas.region.RegionDefinition;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * Lithuania's objectives and friendly routes come from its region file, and are the places that
 * were fixed in code before it (issue 16: "a region file for Lithuania reproduces today's
 * results"): compared as WKT in LKS-94 with the coordinates the code held.
 */
class RegionObjectivesTest {
  static final GeometryFactory GF = new GeometryFactory();

  static Geometry point(double lon, double lat) {
    return GF.createPoint(Crs.lks94().toMetric(lon, lat, new Coordinate()));
  }

  static String wkt(Geometry g) {
    return new WKTWriter().write(g);
  }

  @Test
  void lithuaniasRoutesRunBetweenThePlacesTheCodeHeld() {
    List<ReinforcementRoute> routes = ReinforcementRoute.of(RegionDefinition.lithuania());
    assertThat(routes)
        .extracting(ReinforcementRoute::id)
        .containsExactly("pl-kaunas", "pl-vilnius");
    assertThat(routes)
        .extracting(ReinforcementRoute::name)
        .containsExactly("LT–PL crossings → Kaunas", "LT–PL crossings → Vilnius");
    Geometry crossings =
        GF.createMultiPointFromCoords(
            new Coordinate[] {
              Crs.lks94().toMetric(23.11997, 54.30864, new Coordinate()),
              Crs.lks94().toMetric(23.47534, 54.16346, new Coordinate())
            });
    for (ReinforcementRoute r : routes) {
      assertThat(wkt(r.from().geometry_lks94())).isEqualTo(wkt(crossings));
      assertThat(r.from().radius_m()).isEqualTo(1000);
      assertThat(r.to().radius_m()).isEqualTo(3000);
    }
    assertThat(wkt(routes.get(0).to().geometry_lks94()))
        .isEqualTo(wkt(point(23.904469, 54.898218)));
    assertThat(wkt(routes.get(1).to().geometry_lks94())).isEqualTo(wkt(point(25.28291, 54.687055)));
    assertThat(ReinforcementRoute.defaults()).isEqualTo(routes);
  }

  @Test
  void lithuaniasObjectivesAreItsCitiesAndTheCorridor() {
    List<Objective> o = ObjectivesReader.of(RegionDefinition.lithuania());
    assertThat(o)
        .extracting(Objective::id)
        .containsExactly(
            "vilnius",
            "kaunas",
            "klaipeda",
            "siauliai",
            "panevezys",
            "alytus",
            "marijampole",
            "suwalki-corridor");
    assertThat(wkt(o.get(2).geometry_lks94())).isEqualTo(wkt(point(21.135035, 55.712764)));
    assertThat(o.get(2).radius_m()).isEqualTo(3000);
    assertThat(ObjectivesReader.defaults()).isEqualTo(o);
  }
}
