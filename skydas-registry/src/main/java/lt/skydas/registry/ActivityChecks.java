package lt.skydas.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/** Field checks for activities, and which record states each may be recorded in. Stateless. */
final class ActivityChecks {
  private ActivityChecks() {}

  static List<FieldError> check(
      ActivityKind kind, Geometry g, Map<String, Object> data, Territory t) {
    List<FieldError> e = new ArrayList<>();
    for (String f : kind.required()) {
      Object v = data.get(f);
      if (v == null || v instanceof String s && s.isBlank()) {
        e.add(new FieldError(f, "missing"));
      }
    }
    String json = RecordCodec.writeValue(data);
    if (json.length() > 1_000_000) {
      e.add(
          new FieldError(
              "data", "too large (" + json.length() + " characters, at most 1,000,000)"));
    }
    strings(e, "", data);
    for (String f : List.of("date", "start_date", "end_date")) {
      Object v = data.get(f);
      if (v instanceof String s && !s.isBlank() && !isDate(s)) {
        e.add(
            new FieldError(
                f,
                "'"
                    + RegistryProblems.shorten(s)
                    + "' is not an ISO 8601 date (2027-05-03) or date-time"));
      }
    }
    if (kind == ActivityKind.SURVEY) {
      survey(e, g, data, t);
    }
    if (kind == ActivityKind.LAND_RELEASE) {
      if (!(g instanceof Polygonal)) {
        e.add(new FieldError("geometry", "a land release needs the released area as a Polygon"));
      } else {
        e.addAll(GeometryChecks.check(g, null, t));
      }
      Object m = data.get("method");
      if (m != null && !List.of("cancelled", "reduced", "cleared").contains(m)) {
        e.add(new FieldError("method", "'" + m + "' is not one of cancelled, reduced, cleared"));
      }
      Object ev = data.get("evidence");
      if (("cancelled".equals(m) || "reduced".equals(m))
          && (ev == null || ev instanceof String s && s.isBlank())) {
        e.add(
            new FieldError(
                "evidence",
                "land "
                    + m
                    + " by survey records what the release rests on (IMAS 07.11: the survey's"
                    + " evidence)"));
      }
      Object depth = data.get("clearance_depth_cm");
      if (depth != null && !(depth instanceof Number n && n.doubleValue() >= 0)) {
        e.add(new FieldError("clearance_depth_cm", "must be a number of centimetres ≥ 0"));
      }
      Object dev = data.get("devices_found");
      if (dev != null && !(dev instanceof List<?>)) {
        e.add(new FieldError("devices_found", "must be a list (empty if none were found)"));
      } else if (dev instanceof List<?> l) {
        for (int i = 0; i < l.size(); i++) {
          devices(e, "devices_found[" + i + "]", l.get(i), g);
        }
      }
    } else if (g != null) {
      e.addAll(GeometryChecks.check(g, null, t));
    }
    return e;
  }

  /** Survey kinds and the outcomes each may reach (IMAS 07.11: NTS cancels, TS reduces). */
  static final Map<String, List<String>> SURVEY_OUTCOMES =
      Map.of(
          "non_technical", List.of("confirmed", "cancelled"),
          "technical", List.of("confirmed", "reduced"));

  private static void survey(
      List<FieldError> e, Geometry g, Map<String, Object> data, Territory t) {
    if (!(g instanceof Polygonal)) {
      e.add(
          new FieldError(
              "geometry",
              "a survey needs the area it confirmed, cancelled or reduced as a Polygon"));
    } else {
      e.addAll(GeometryChecks.check(g, null, t));
    }
    Object kind = data.get("survey");
    Object outcome = data.get("outcome");
    if (kind != null && !SURVEY_OUTCOMES.containsKey(kind.toString())) {
      e.add(new FieldError("survey", "'" + kind + "' is not non_technical or technical"));
    } else if (kind != null
        && outcome != null
        && !SURVEY_OUTCOMES.get(kind.toString()).contains(outcome.toString())) {
      e.add(
          new FieldError(
              "outcome",
              "'"
                  + outcome
                  + "': a "
                  + kind.toString().replace('_', '-')
                  + " survey "
                  + ("technical".equals(kind)
                      ? "confirms or reduces (cancelling is non-technical survey's)"
                      : "confirms or cancels (reducing takes a technical survey)")));
    }
  }

  /** How a device found was disposed of (GICHD MDR, land release). */
  static final List<String> DISPOSAL = List.of("destroyed_in_situ", "removed", "rendered_safe");

  /**
   * A device found (GICHD MDR, land release): its category, its position (lon, lat within about 100
   * m of the released area), its depth, its condition and how it was disposed of.
   */
  private static void devices(List<FieldError> e, String f, Object o, Geometry released) {
    if (!(o instanceof Map<?, ?> d)) {
      e.add(
          new FieldError(
              f,
              "a device found is an object with category, lon, lat, depth_cm,"
                  + " condition and disposal"));
      return;
    }
    if (d.get("category") == null || d.get("category").toString().isBlank()) {
      e.add(new FieldError(f + ".category", "missing"));
    }
    Object lon = d.get("lon"), lat = d.get("lat");
    if (!(lon instanceof Number x) || !(lat instanceof Number y)) {
      e.add(new FieldError(f + ".lon", "the position where it was found (lon and lat) is missing"));
    } else if (released != null && !released.isEmpty()) {
      org.locationtech.jts.geom.Point p =
          released
              .getFactory()
              .createPoint(
                  new org.locationtech.jts.geom.Coordinate(x.doubleValue(), y.doubleValue()));
      if (released.distance(p) > 0.0015) {
        e.add(new FieldError(f + ".lon", "lies outside the released area (more than ~100 m)"));
      }
    }
    Object depth = d.get("depth_cm");
    if (!(depth instanceof Number n) || !(n.doubleValue() >= 0)) {
      e.add(new FieldError(f + ".depth_cm", "the depth found at, in cm (0 or more), is missing"));
    }
    if (d.get("condition") == null || d.get("condition").toString().isBlank()) {
      e.add(new FieldError(f + ".condition", "missing (e.g. intact, damaged, corroded)"));
    }
    Object disp = d.get("disposal");
    if (disp == null || !DISPOSAL.contains(disp.toString())) {
      e.add(
          new FieldError(
              f + ".disposal",
              (disp == null ? "missing" : "'" + disp + "'")
                  + ": one of "
                  + String.join(", ", DISPOSAL)));
    }
  }

  /** Null if {@code kind} may be recorded against a record in {@code s}, else why not. */
  static String statusProblem(ActivityKind kind, Status s) {
    return switch (kind) {
      case INSPECTION, INCIDENT ->
          s == Status.PLANNED || s == Status.APPROVED
              ? "nothing is built yet to "
                  + (kind == ActivityKind.INSPECTION ? "inspect" : "have an incident")
              : null;
      case CLEARANCE_TASK ->
          s.inGround() || s == Status.CLEARED ? null : "there is nothing to clear";
      case SURVEY ->
          s.inGround() || s == Status.CLEARED
              ? null
              : "there is no hazardous area to survey (nothing laid or built)";
      case LAND_RELEASE ->
          s == Status.CLEARANCE_IN_PROGRESS || s == Status.CLEARED
              ? null
              : "land is released during or after clearance";
    };
  }

  private static void strings(List<FieldError> e, String path, Object v) {
    if (v instanceof String s) {
      try {
        Text.clean(s, 10_000, path);
      } catch (lt.skydas.core.problem.SkydasProblem p) {
        e.add(new FieldError(path, p.getMessage().substring(path.length() + 2)));
      }
    } else if (v instanceof Map<?, ?> m) {
      for (var en : m.entrySet()) {
        strings(
            e,
            path.isEmpty() ? String.valueOf(en.getKey()) : path + "." + en.getKey(),
            en.getValue());
      }
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        strings(e, path + "[" + i + "]", l.get(i));
      }
    }
  }

  private static boolean isDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (RuntimeException e) {
      try {
        OffsetDateTime.parse(s);
        return true;
      } catch (RuntimeException e2) {
        return false;
      }
    }
  }
}
