package lt.skydas.assess.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.report.WarningTimes.Belt;
import lt.skydas.assess.report.WarningTimes.WarningTime;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code warning.geojson}: for each case (class and season) and objective, the point on the fastest
 * avenue with the plan where the attacker is first detected (by the plan's sensors or its manned
 * posts, {@link WarningTimes}), WGS84. Properties: {@code objective}, {@code objective_name},
 * {@code vehicle}, {@code season}, {@code with_sensors} (false for a plan without sensor sites:
 * manned posts alone), {@code detected_by} ({@code sensor} or {@code manned post}), {@code
 * arrival_h}, {@code first_detection_h}, {@code warning_h}, {@code warning_without_sensors_h} (null
 * when the manned posts alone never see the attacker), and per belt depth {@code
 * warning_at_<depth>km_h} (e.g. {@code warning_at_3km_h}, {@code warning_at_0_5km_h}; negative when
 * first seen after the belt, null when the avenue does not cross it); hours rounded to 3 places.
 *
 * <p>An avenue on which the attacker is never seen has no point and so no feature (a null geometry
 * is legal GeoJSON but most GIS drop or mishandle it): such cases are listed in {@code
 * summary.json}'s {@code watch.warning} with {@code first_detection_h} null. Stateless and
 * thread-safe.
 */
final class WarningLayer {
  private static final GeometryFactory GF = new GeometryFactory();

  private WarningLayer() {}

  /** Writes one feature per detected warning of {@code watch} to {@code w}. */
  static void write(GeoJsonWriter w, AssessmentResult r, WatchSection.Watch watch, Crs crs)
      throws IOException {
    Map<String, String> names = AssessmentWriter.objectiveNames(r);
    Map<String, Case> cases = new LinkedHashMap<>();
    for (Case c : r.cases()) {
      cases.put(c.id(), c);
    }
    for (WarningTime x : watch.warnings()) {
      if (x.seenAt_lks94() == null) {
        continue;
      }
      Case c = cases.get(x.caseId());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("objective", x.objectiveId());
      p.put("objective_name", names.get(x.objectiveId()));
      p.put("vehicle", c.vehicle().id());
      p.put("season", c.season().id());
      p.put("with_sensors", watch.hasSensors());
      p.put("detected_by", x.seenBy().label());
      p.put("arrival_h", hours(x.arrival_h()));
      p.put("first_detection_h", hours(x.firstDetection_h()));
      p.put("warning_h", hours(x.warning_h()));
      p.put(
          "warning_without_sensors_h",
          Double.isNaN(x.firstDetectionWithout_h()) ? null : hours(x.warningWithout_h()));
      for (Belt b : x.belts()) {
        p.put(beltKey(b.depth_m()), hours(b.warning_h()));
      }
      w.feature(null, crs.toWgs84(GF.createPoint(x.seenAt_lks94())), p);
    }
  }

  /** {@code warning_at_3km_h} for 3000 m, {@code warning_at_0_5km_h} for 500 m. */
  static String beltKey(double depth_m) {
    String km =
        BigDecimal.valueOf(depth_m / 1000).stripTrailingZeros().toPlainString().replace('.', '_');
    return "warning_at_" + km + "km_h";
  }

  private static Object hours(double h) {
    return AssessmentWriter.num(AssessmentWriter.round(h, 3));
  }
}
