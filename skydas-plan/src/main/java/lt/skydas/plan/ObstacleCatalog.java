package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.plan.ObstacleType.GeometryKind;
import lt.skydas.plan.ObstacleType.MineKind;

/**
 * The editable catalog of obstacle types (JSON). Every figure needs a source or an estimate note;
 * loading validates ranges and completeness and names the type and field at fault. Immutable.
 */
public final class ObstacleCatalog {
  private final Map<String, ObstacleType> types;
  private final String origin;

  private ObstacleCatalog(Map<String, ObstacleType> types, String origin) {
    this.types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    this.origin = origin;
  }

  /** The catalog shipped with Skydas. */
  public static ObstacleCatalog defaults() {
    return parse(CatalogJson.readResource("catalog.json"), "built-in catalog.json");
  }

  /** Reads a user's catalog file. */
  public static ObstacleCatalog load(Path file) {
    return parse(CatalogJson.readFile(file), file.toString());
  }

  static ObstacleCatalog parse(JsonNode root, String name) {
    JsonNode arr = root.get("types");
    if (arr == null || !arr.isArray() || arr.isEmpty()) {
      throw SkydasProblem.badInput(name, null, "no \"types\" array");
    }
    Map<String, ObstacleType> out = new LinkedHashMap<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode n = arr.get(i);
      String id = n.path("id").asText("");
      String where = id.isEmpty() ? "types[" + i + "]" : "type \"" + id + "\"";
      if (!id.matches("[a-z][a-z0-9_]{0,63}")) {
        throw SkydasProblem.badInput(name, where, "id must be lower_snake_case, 1-64 chars");
      }
      GeometryKind geom = enumOf(GeometryKind.class, n, "geometry", name, where);
      MineKind mines =
          n.hasNonNull("mines") ? enumOf(MineKind.class, n, "mines", name, where) : MineKind.NONE;
      String unit = text(n, "unit", name, where);
      String expectedUnit =
          switch (geom) {
            case LINE -> "km";
            case AREA -> "ha";
            case POINT -> "each";
          };
      if (!unit.equals(expectedUnit)) {
        throw SkydasProblem.badInput(
            name,
            where,
            "unit must be " + expectedUnit + " for " + geom + " obstacles, not " + unit);
      }
      Double width = optNumber(n, "width_m", name, where);
      Double radius = optNumber(n, "radius_m", name, where);
      if (geom == GeometryKind.POINT && (radius == null || radius <= 0)) {
        throw SkydasProblem.badInput(name, where, "point obstacles need radius_m > 0");
      }
      Map<String, String> sources = new LinkedHashMap<>();
      JsonNode src = n.path("sources");
      for (String k : List.of("delay", "cost", "build", "clearance", "watch")) {
        String s = src.path(k).asText("");
        if (s.isBlank()) {
          throw SkydasProblem.badInput(
              name, where, "sources." + k + " is missing: give a reference or \"estimate: how\"");
        }
        sources.put(k, s);
      }
      Emplacement emplacement = CatalogEmplacement.parse(n, name, where, sources);
      ObstacleType t =
          new ObstacleType(
              id,
              text(n, "name", name, where),
              n.hasNonNull("category") ? text(n, "category", name, where) : "other",
              geom,
              unit,
              mines,
              n.path("openable").asBoolean(false),
              perClass(n, "crossing_delay_s", name, where),
              perClass(n, "road_delay_s", name, where),
              number(n, "cost_eur_per_unit", name, where),
              number(n, "build_effort_h_per_unit", name, where),
              number(n, "clearance_effort_h_per_unit", name, where),
              number(n, "clearance_cost_eur_per_unit", name, where),
              width,
              radius,
              n.path("blocks_roads").asBoolean(false),
              unobservedFactor(n, name, where),
              n.path("notes").asText(""),
              sources,
              emplacement);
      CatalogEmplacement.checkCosts(t, name, where);
      if (t.openable() && t.mines().isMine()) {
        throw SkydasProblem.badInput(name, where, "a minefield cannot be openable");
      }
      if (out.put(id, t) != null) {
        throw SkydasProblem.badInput(name, where, "duplicate type id");
      }
    }
    return new ObstacleCatalog(out, name);
  }

  private static double unobservedFactor(JsonNode n, String name, String where) {
    double f = number(n, "unobserved_delay_factor", name, where);
    if (!(f >= 0 && f <= 1)) {
      throw SkydasProblem.badInput(
          name, where, "unobserved_delay_factor must be within 0..1, not " + f);
    }
    return f;
  }

  private static Map<VehicleClass, Double> perClass(
      JsonNode n, String field, String name, String where) {
    JsonNode o = n.get(field);
    if (o == null || !o.isObject()) {
      throw SkydasProblem.badInput(name, where, field + " must be an object per vehicle class");
    }
    Map<VehicleClass, Double> m = new EnumMap<>(VehicleClass.class);
    for (VehicleClass v : VehicleClass.values()) {
      m.put(v, number(o, v.id(), name, where + ", " + field));
    }
    return m;
  }

  private static <E extends Enum<E>> E enumOf(
      Class<E> cls, JsonNode n, String field, String name, String where) {
    String s = text(n, field, name, where).toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(cls, s);
    } catch (IllegalArgumentException e) {
      throw SkydasProblem.badInput(
          name,
          where,
          field
              + " \""
              + s.toLowerCase(Locale.ROOT)
              + "\" is not one of "
              + java.util.Arrays.toString(cls.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  private static String text(JsonNode n, String field, String name, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw SkydasProblem.badInput(name, where, field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static double number(JsonNode n, String field, String name, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw SkydasProblem.badInput(name, where, field + " must be a number");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d) || d < 0) {
      throw SkydasProblem.badInput(name, where, field + " must be finite and >= 0, not " + v);
    }
    return d;
  }

  private static Double optNumber(JsonNode n, String field, String name, String where) {
    return n.hasNonNull(field) ? number(n, field, name, where) : null;
  }

  /** The type with this id, if any. */
  public Optional<ObstacleType> findType(String id) {
    return Optional.ofNullable(types.get(id));
  }

  /** All types in file order. */
  public List<ObstacleType> listTypes() {
    return List.copyOf(types.values());
  }

  /** Where the catalog came from. */
  public String origin() {
    return origin;
  }
}
