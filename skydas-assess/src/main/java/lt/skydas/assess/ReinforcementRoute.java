package lt.skydas.assess;

import java.util.List;
import lt.skydas.core.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A friendly reinforcement route: from where allied forces enter to where they must get to. The
 * default routes run from the LT–PL road crossings of the Suwałki corridor (Kalvarija–Budzisko,
 * Lazdijai–Ogrodniki) to Kaunas and to Vilnius.
 */
public record ReinforcementRoute(String id, String name, Objective from, Objective to) {

  /** Largest acceptable increase of friendly travel time, percent of the unobstructed time. */
  public static final double DEFAULT_LIMIT_PCT = 10;

  public static List<ReinforcementRoute> defaults() {
    GeometryFactory gf = new GeometryFactory();
    Crs crs = Crs.lks94();
    Objective crossings =
        new Objective(
            "lt-pl-crossings",
            "LT–PL crossings",
            gf.createMultiPointFromCoords(
                new Coordinate[] {
                  crs.toMetric(23.11997, 54.30864, new Coordinate()),
                  crs.toMetric(23.47534, 54.16346, new Coordinate())
                }),
            1000);
    Objective kaunas =
        new Objective(
            "kaunas",
            "Kaunas",
            gf.createPoint(crs.toMetric(23.904469, 54.898218, new Coordinate())),
            3000);
    Objective vilnius =
        new Objective(
            "vilnius",
            "Vilnius",
            gf.createPoint(crs.toMetric(25.28291, 54.687055, new Coordinate())),
            3000);
    return List.of(
        new ReinforcementRoute("pl-kaunas", "LT–PL crossings → Kaunas", crossings, kaunas),
        new ReinforcementRoute("pl-vilnius", "LT–PL crossings → Vilnius", crossings, vilnius));
  }
}
