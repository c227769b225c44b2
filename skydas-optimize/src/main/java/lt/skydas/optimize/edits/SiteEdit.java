package lt.skydas.optimize.edits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a sites file as read, with typed access to its properties; every fault is a {@link
 * SkydasProblem} naming file, feature, action and field: {@code sites.geojson: feature 3 (id "x"):
 * pin: property "type": …}.
 *
 * @param file the file's name, for messages
 * @param featureId the feature's {@code id} member, null when it has none
 * @param label {@code feature 3 (id "x")}
 * @param geometry lon/lat, null when the feature has none
 */
record SiteEdit(
    String file,
    int index,
    String featureId,
    String label,
    Action action,
    Geometry geometry,
    Map<String, Object> props) {
  /** What a feature asks for. */
  enum Action {
    ADD,
    FORBID,
    PIN,
    EXISTING;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TEXT = 200;

  static SiteEdit of(String file, Feature f) {
    return new SiteEdit(
        file,
        f.index(),
        f.id(),
        f.label(),
        action(file, f.label(), f.properties()),
        f.geometry(),
        f.properties());
  }

  /**
   * A feature {@code GeoJsonReader} rejected: accepted when only its geometry is null (a pin or a
   * forbid by id needs none), else the reader's reason is the problem.
   */
  static SiteEdit unlocated(String file, int index, String id, String reason, JsonNode raw) {
    String label = Feature.label(index, id);
    JsonNode g = raw == null ? null : raw.get("geometry");
    boolean unlocated =
        raw != null
            && raw.isObject()
            && "Feature".equals(raw.path("type").asText(null))
            && (g == null || g.isNull());
    JsonNode p = unlocated ? raw.get("properties") : null;
    if (!unlocated || (p != null && !p.isNull() && !p.isObject())) {
      throw SkydasProblem.badInput(
          file, label, unlocated ? "\"properties\" must be an object" : reason);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    if (p != null && p.isObject()) {
      p.fields()
          .forEachRemaining(
              e -> props.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class)));
    }
    return new SiteEdit(file, index, id, label, action(file, label, props), null, props);
  }

  private static Action action(String file, String label, Map<String, Object> props) {
    Object a = props.get("action");
    for (Action x : Action.values()) {
      if (x.id().equals(a)) {
        return x;
      }
    }
    throw SkydasProblem.badInput(
        file,
        label,
        "property \"action\" must be one of add, forbid, pin, existing"
            + (a == null ? " (it is missing)" : ", not \"" + clip(String.valueOf(a)) + "\""));
  }

  /** A string property, or null when absent. */
  String text(String field) {
    Object v = props.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw bad(field, "must be a string");
    }
    checkText(field, s);
    return s;
  }

  String requiredText(String field) {
    String s = text(field);
    if (s == null) {
      throw bad(field, action.id() + " needs \"" + field + "\"");
    }
    return s;
  }

  /**
   * The type ids of {@code types} (an array or a comma-separated string), or else of {@code type}.
   */
  List<String> typeIds() {
    List<String> ids = new ArrayList<>();
    Object many = props.get("types");
    if (many instanceof List<?> l) {
      for (Object o : l) {
        ids.add(String.valueOf(o).trim());
      }
    } else if (many instanceof String s) {
      for (String x : s.split(",")) {
        ids.add(x.trim());
      }
    } else if (many != null) {
      throw bad("types", "must be an array of type ids or a comma-separated string");
    } else {
      ids.add(requiredText("type"));
    }
    if (ids.isEmpty()) {
      throw bad("types", "needs at least one obstacle type");
    }
    return ids;
  }

  void checkText(String field, String s) {
    if (s.isBlank() || s.length() > MAX_TEXT) {
      throw bad(field, "must be 1.." + MAX_TEXT + " characters, has " + s.length());
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        throw bad(field, "contains a control character");
      }
    }
  }

  /** A bad-input problem at {@code field} ({@code "geometry"} for the geometry). */
  SkydasProblem bad(String field, String what) {
    String f = field.equals("geometry") ? "geometry" : "property \"" + field + "\"";
    return SkydasProblem.badInput(file, label, action.id() + ": " + f + ": " + what);
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
