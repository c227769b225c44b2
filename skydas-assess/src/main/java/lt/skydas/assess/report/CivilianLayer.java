package lt.skydas.assess.report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code civilians.geojson}: the settlements the attacker reaches within 48 h with the plan, for
 * the map (issue 17), WGS84 points. Every settlement the plan cuts off or leaves a way out only
 * through an openable obstacle, and every other one of at least {@link #MIN_PEOPLE} people.
 * Properties: {@code name}, {@code place}, {@code population}, {@code arrival_h} (the attacker,
 * with the plan, earliest over the cases), {@code evacuation_h} (by road to the rear with the
 * plan's closures, the slowest season; null: no way out), {@code warning_needed_h} (the warning
 * they need to get out before the attacker arrives, the slowest season; 0 when none is needed; null
 * when they cannot), {@code cut_off}, {@code unless_opened}, {@code no_road} (no road out in the
 * data even without the plan). Stateless.
 */
final class CivilianLayer {
  /** Smaller settlements are left off the map unless flagged. */
  static final long MIN_PEOPLE = 100;

  private static final GeometryFactory GF = new GeometryFactory();

  private CivilianLayer() {}

  static void write(GeoJsonWriter w, AssessmentResult r, Crs crs) throws IOException {
    Map<String, Map<String, Object>> bySettlement = new LinkedHashMap<>();
    Map<String, Coordinate> at = new LinkedHashMap<>();
    for (Evacuation e : r.evacuations()) {
      for (Evacuation.Row row : e.rows()) {
        boolean flagged = row.cutOff() || row.unlessOpened();
        if (!flagged && row.population() < MIN_PEOPLE) {
          continue;
        }
        String key = row.name() + "@" + Math.round(row.x_m()) + "," + Math.round(row.y_m());
        Map<String, Object> p = bySettlement.get(key);
        double need = row.noRoad() ? Double.NaN : Math.max(0, row.evac_h() - row.arrival_h());
        if (p == null) {
          p = new LinkedHashMap<>();
          p.put("name", row.name());
          p.put("place", row.place());
          p.put("population", row.population());
          p.put("arrival_h", round(row.arrival_h()));
          p.put("evacuation_h", round(row.evac_h()));
          p.put("warning_needed_h", round(need));
          p.put("cut_off", row.cutOff());
          p.put("unless_opened", row.unlessOpened());
          p.put("no_road", row.noRoad());
          bySettlement.put(key, p);
          at.put(key, crs.toWgs84(row.x_m(), row.y_m(), new Coordinate()));
        } else {
          p.put("evacuation_h", worse(p.get("evacuation_h"), round(row.evac_h())));
          p.put("warning_needed_h", worse(p.get("warning_needed_h"), round(need)));
          p.put("cut_off", (Boolean) p.get("cut_off") || row.cutOff());
          p.put("unless_opened", (Boolean) p.get("unless_opened") || row.unlessOpened());
        }
      }
    }
    for (var e : bySettlement.entrySet()) {
      w.feature(null, GF.createPoint(at.get(e.getKey())), e.getValue());
    }
  }

  /** Hours to 3 places; null for +Inf or NaN (no way out). */
  private static Double round(double h) {
    return Double.isFinite(h) ? Math.round(h * 1000) / 1000.0 : null;
  }

  /** The slower of two hours, null (no way out) slowest. */
  private static Double worse(Object a, Double b) {
    if (a == null || b == null) {
      return null;
    }
    return Math.max((Double) a, b);
  }
}
