package lt.skydas.server.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Status;

/**
 * The queryables of a collection (OGC API – Features – Part 3): the properties a {@code filter} may
 * name, as a JSON Schema (2020-12) object. The registry's collections have a fixed set from the
 * record's fields; a region or assessment layer has the scalar properties of its features, each
 * typed by its first non-null value. {@value Cql2#GEOMETRY} is the feature's geometry. Stateless.
 */
final class Queryables {
  private Queryables() {}

  /** The registry's queryables: name → JSON Schema. */
  static Map<String, Map<String, Object>> registry() {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    m.put("id", type("string", "record id"));
    Map<String, Object> kind = type("string", "record kind");
    kind.put("enum", Arrays.stream(RecordKind.values()).map(RecordKind::id).toList());
    m.put("kind", kind);
    m.put("type", type("string", "catalog type (at_minefield, bridge_demolition …)"));
    m.put("name", type("string", "name"));
    Map<String, Object> status = type("string", "lifecycle status");
    status.put("enum", Arrays.stream(Status.values()).map(Status::id).toList());
    m.put("status", status);
    m.put("year", type("integer", "programme year (1 = the first)"));
    m.put("notes", type("string", "notes"));
    m.put("marked", type("boolean", "marked (signs, markers)"));
    m.put("fenced", type("boolean", "fenced"));
    m.put("monitored", type("boolean", "monitored"));
    m.put("height_m", type("number", "height, metres"));
    m.put("azimuth_deg", type("number", "azimuth, degrees"));
    m.put("source", type("string", "where the record came from"));
    m.put("version", type("integer", "record version"));
    m.put("created_at", dateTime("created"));
    m.put("updated_at", dateTime("last changed"));
    m.put("sidc", type("string", "MIL-STD-2525C symbol"));
    m.put("sidc_app6d", type("string", "APP-6(D) symbol"));
    m.put(Cql2.GEOMETRY, geometry());
    return m;
  }

  /** A layer's queryables, from its features' scalar properties. */
  static Map<String, Map<String, Object>> of(List<Feature> features) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    int seen = 0;
    for (Feature f : features) {
      for (var e : f.properties().entrySet()) {
        Object v = e.getValue();
        if (v == null || m.containsKey(e.getKey())) {
          continue;
        }
        String t =
            v instanceof Boolean
                ? "boolean"
                : v instanceof Integer || v instanceof Long
                    ? "integer"
                    : v instanceof Number ? "number" : v instanceof String ? "string" : null;
        if (t != null) {
          m.put(e.getKey(), type(t, null));
        }
      }
      if (++seen >= 1000) {
        break;
      }
    }
    m.put(Cql2.GEOMETRY, geometry());
    return m;
  }

  /** The queryables document. */
  static Map<String, Object> document(
      String self, String title, Map<String, Map<String, Object>> props) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    d.put("$id", self);
    d.put("type", "object");
    d.put("title", title);
    d.put("properties", props);
    d.put("additionalProperties", false);
    return d;
  }

  private static Map<String, Object> type(String t, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", t);
    if (title != null) {
      m.put("title", title);
    }
    return m;
  }

  private static Map<String, Object> dateTime(String title) {
    Map<String, Object> m = type("string", title);
    m.put("format", "date-time");
    return m;
  }

  private static Map<String, Object> geometry() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "the feature's geometry (S_INTERSECTS)");
    m.put("format", "geometry-any");
    return m;
  }
}
