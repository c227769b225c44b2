package lt.skydas.registry.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.DepotData;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.ShelterData;
import lt.skydas.registry.Status;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The flat record fields every format carries ({@code id, type, name, status, year, notes, marked,
 * fenced, monitored, height_m, azimuth_deg, minefield, depot, shelter}) and their conversion from
 * loosely typed values (JSON, CSV text, KML text, SQLite columns) to a {@link RecordDraft}. Every
 * fault is a BAD_INPUT problem naming the file, the place in it and the field. Stateless.
 *
 * <p>A shelter's data may also come flat ({@code capacity_persons}, {@code protection}), and a
 * feature with OpenStreetMap tags and no {@code type} is read as a shelter when its tags say it is
 * one ({@link #osmShelter}): {@code amenity=shelter} with a {@code shelter_type} of protection from
 * attack, or a bunker ({@code bunker_type}, {@code military=bunker}, {@code building=bunker}); its
 * {@code capacity} tag is its capacity and its OSM id its id. An {@code amenity=shelter} against
 * weather (a bus stop, a picnic roof) is refused by name: it would count people as sheltered.
 */
final class Fields {
  /** The longest string accepted in any field (the minefield JSON text excepted). */
  static final int MAX_STRING = 10_000;

  /** The longest minefield JSON text accepted. */
  static final int MAX_MINEFIELD_JSON = 1_000_000;

  /** Flat text fields in export order (geometry and minefield come separately). */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "type",
          "name",
          "status",
          "year",
          "notes",
          "marked",
          "fenced",
          "monitored",
          "height_m",
          "azimuth_deg");

  /** Plan statuses written by {@code skydas optimize}; all import as planned records. */
  static final Set<String> PLAN_STATUSES = Set.of("chosen", "pinned", "existing");

  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private Fields() {}

  /**
   * A draft from loosely typed values keyed by field name; absent keys and nulls are absent fields.
   * {@code minefield} and {@code depot} may be a JSON object (map), a JSON text or a tree.
   */
  static RecordDraft draft(String file, String where, Geometry g, Map<String, ?> v) {
    checkLonLat(file, where, g);
    String notes = text(file, where, v, "notes");
    Status status = null;
    String s = text(file, where, v, "status");
    if (s != null && !s.isBlank()) {
      String key = s.trim().toLowerCase(Locale.ROOT);
      if (PLAN_STATUSES.contains(key)) {
        status = Status.PLANNED;
        if (notes == null) {
          notes = "plan status: " + key;
        }
      } else {
        status = Status.parse(s);
        if (status == null) {
          throw SkydasProblem.badInput(
              file,
              where,
              "status: '"
                  + clip(s)
                  + "' is not a registry status ("
                  + String.join(
                      ", ", java.util.Arrays.stream(Status.values()).map(Status::id).toList())
                  + ") nor a plan status (chosen, pinned, existing)");
        }
      }
    }
    String type = blankToNull(text(file, where, v, "type"));
    String id = blankToNull(text(file, where, v, "id"));
    String osm = type == null ? osmShelter(file, where, v) : null;
    if (osm != null) {
      type = lt.skydas.registry.Catalogs.SHELTER;
      if (id == null || id.contains("/")) {
        String osmId = id != null ? id : blankToNull(text(file, where, v, "@id"));
        id = osmId == null ? null : "osm-" + osmId.replace('/', '-');
      }
    }
    ShelterData shelter =
        lt.skydas.registry.Catalogs.SHELTER.equals(type)
            ? shelter(file, where, v, osm)
            : nested(file, where, "shelter", "shelter", v.get("shelter"), ShelterData.class);
    return RecordDraft.builder()
        .withId(id)
        .withType(type)
        .withName(text(file, where, v, "name"))
        .withStatus(status)
        .withGeometry(g)
        .withProtection(
            bool(file, where, v, "marked"),
            bool(file, where, v, "fenced"),
            bool(file, where, v, "monitored"))
        .withMinefield(minefield(file, where, v.get("minefield")))
        .withSiting(number(file, where, v, "height_m"), number(file, where, v, "azimuth_deg"))
        .withDepot(depot(file, where, v.get("depot")))
        .withShelter(shelter)
        .withYear(integer(file, where, v, "year"))
        .withNotes(notes)
        .withWhere(fileName(file) + " " + where)
        .build();
  }

  /** The flat fields of a record as text (null where absent), in {@link #COLUMNS} order. */
  static Map<String, String> textOf(RegistryRecord r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("type", r.type());
    m.put("name", r.name());
    m.put("status", r.status().id());
    m.put("year", r.year() == null ? null : r.year().toString());
    m.put("notes", r.notes());
    m.put("marked", Boolean.toString(r.marked()));
    m.put("fenced", Boolean.toString(r.fenced()));
    m.put("monitored", Boolean.toString(r.monitored()));
    m.put("height_m", r.height_m() == null ? null : r.height_m().toString());
    m.put("azimuth_deg", r.azimuth_deg() == null ? null : r.azimuth_deg().toString());
    return m;
  }

  /** The minefield record as canonical JSON text, or null. */
  static String minefieldJson(RegistryRecord r) {
    return r.minefield() == null ? null : RecordCodec.writeValue(r.minefield());
  }

  /** The shelter's capacity, protection and access as canonical JSON text, or null. */
  static String shelterJson(RegistryRecord r) {
    return r.shelter() == null ? null : RecordCodec.writeValue(r.shelter());
  }

  /** OSM {@code shelter_type} values of protection from attack. */
  static final Set<String> OSM_PROTECTIVE =
      Set.of("bomb_shelter", "air_raid_shelter", "civil_defence", "civil_protection", "bunker");

  /**
   * The protection of a feature whose OpenStreetMap tags make it a civil-protection shelter ({@code
   * purpose_built} or {@code bunker}), null when its tags say nothing of shelters; refuses an
   * {@code amenity=shelter} against weather, naming its {@code shelter_type}.
   */
  static String osmShelter(String file, String where, Map<String, ?> v) {
    String amenity = lower(text(file, where, v, "amenity"));
    String shelterType = lower(text(file, where, v, "shelter_type"));
    boolean bunker =
        v.get("bunker_type") != null
            || "bunker".equals(lower(text(file, where, v, "military")))
            || "bunker".equals(lower(text(file, where, v, "building")));
    if (bunker) {
      return "bunker";
    }
    if (!"shelter".equals(amenity)) {
      return null;
    }
    if (shelterType != null && OSM_PROTECTIVE.contains(shelterType)) {
      return "bunker".equals(shelterType) ? "bunker" : "purpose_built";
    }
    throw SkydasProblem.badInput(
        file,
        where,
        "amenity=shelter with shelter_type="
            + (shelterType == null ? "(none)" : clip(shelterType))
            + " is a shelter from weather, not from attack (one of "
            + String.join(", ", new java.util.TreeSet<>(OSM_PROTECTIVE))
            + "); leave it out of the file or give it type=shelter and its capacity");
  }

  /**
   * A shelter's data: the nested {@code shelter} object, its missing members filled from the flat
   * {@code capacity_persons} (or the OSM {@code capacity} tag) and {@code protection} (or the
   * protection {@code osm} tags imply).
   */
  private static ShelterData shelter(String file, String where, Map<String, ?> v, String osm) {
    ShelterData n = nested(file, where, "shelter", "shelter", v.get("shelter"), ShelterData.class);
    Integer cap = n == null ? null : n.capacity_persons();
    if (cap == null) {
      cap = integer(file, where, v, "capacity_persons");
    }
    if (cap == null && v.get("capacity") != null) {
      cap = integer(file, where, v, "capacity");
    }
    String protection = n == null ? null : n.protection();
    if (protection == null) {
      protection = blankToNull(text(file, where, v, "protection"));
    }
    if (protection == null) {
      protection = osm;
    }
    String access = n == null ? null : n.access();
    if (cap == null && protection == null && access == null) {
      return null;
    }
    return new ShelterData(cap, protection, access);
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  /** The depot's stock and storage note as canonical JSON text, or null. */
  static String depotJson(RegistryRecord r) {
    return r.depot() == null ? null : RecordCodec.writeValue(r.depot());
  }

  /** Refuses coordinates that are not finite lon/lat degrees (a projected CRS, most likely). */
  static void checkLonLat(String file, String where, Geometry g) {
    if (g == null) {
      throw SkydasProblem.badInput(file, where, "has no geometry");
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        throw SkydasProblem.badInput(file, where, "coordinate is not a finite number");
      }
      if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
        throw SkydasProblem.badInput(
            file,
            where,
            "position ["
                + c.x
                + ", "
                + c.y
                + "] is not WGS84 lon/lat in degrees (projected coordinates, e.g. LKS-94"
                + " EPSG:3346? reproject to EPSG:4326 first)");
      }
    }
  }

  static String text(String file, String where, Map<String, ?> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (o instanceof Map<?, ?> || o instanceof List<?>) {
      throw SkydasProblem.badInput(file, where, key + ": must be text, not a JSON structure");
    }
    if (o instanceof Double d && !Double.isFinite(d)
        || o instanceof Float f && !Float.isFinite(f)) {
      // 1e999 in JSON: Java reads it as Infinity, which is no one's id or name
      throw SkydasProblem.badInput(file, where, key + ": a number beyond any double (" + o + ")");
    }
    return checked(file, where, key, o.toString());
  }

  /**
   * Refuses strings over {@link #MAX_STRING} characters (control characters are the registry's
   * check).
   */
  static String checked(String file, String where, String key, String s) {
    if (s != null && s.length() > MAX_STRING) {
      throw SkydasProblem.badInput(
          file, where, key + ": " + s.length() + " characters, at most " + MAX_STRING + " allowed");
    }
    return s;
  }

  private static Boolean bool(String file, String where, Map<String, ?> v, String key) {
    Object o = v.get(key);
    if (o == null || o instanceof Boolean) {
      return (Boolean) o;
    }
    if (o instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
      return n.longValue() == 1;
    }
    String s = o.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "" -> null;
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default ->
          throw SkydasProblem.badInput(
              file, where, key + ": '" + clip(s) + "' is not true or false");
    };
  }

  private static Integer integer(String file, String where, Map<String, ?> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (o instanceof Long || o instanceof Integer) {
      long l = ((Number) o).longValue();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
        return (int) l;
      }
    }
    String s = o.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      throw SkydasProblem.badInput(file, where, key + ": '" + clip(s) + "' is not a whole number");
    }
  }

  /** A finite decimal number, or null if absent or blank. */
  private static Double number(String file, String where, Map<String, ?> v, String key) {
    Object o = v.get(key);
    if (o == null) {
      return null;
    }
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    String s = o.toString().trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SkydasProblem.badInput(file, where, key + ": '" + clip(s) + "' is not a number");
  }

  private static MinefieldData minefield(String file, String where, Object o) {
    return nested(file, where, "minefield", "minefield record", o, MinefieldData.class);
  }

  private static DepotData depot(String file, String where, Object o) {
    return nested(file, where, "depot", "depot's stock", o, DepotData.class);
  }

  /**
   * A nested record field ({@code minefield}, {@code depot}) given as a JSON object, its text or a
   * tree; null if absent or blank.
   */
  private static <T> T nested(
      String file, String where, String key, String what, Object o, Class<T> type) {
    if (o == null || o instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      JsonNode tree;
      if (o instanceof String s) {
        if (s.length() > MAX_MINEFIELD_JSON) {
          throw SkydasProblem.badInput(
              file, where, key + ": " + s.length() + " characters, at most " + MAX_MINEFIELD_JSON);
        }
        tree = RecordCodec.JSON.readTree(s);
      } else if (o instanceof JsonNode n) {
        tree = n;
      } else {
        tree = RecordCodec.JSON.valueToTree(o);
      }
      if (!tree.isObject()) {
        throw SkydasProblem.badInput(file, where, key + ": must be a JSON object");
      }
      longStrings(file, where, key, tree);
      return RecordCodec.JSON.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw SkydasProblem.badInput(
          file, where, key + ": not a valid " + what + ": " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw SkydasProblem.badInput(
          file, where, key + ": not a valid " + what + ": " + e.getMessage());
    }
  }

  private static void longStrings(String file, String where, String path, JsonNode n) {
    if (n.isTextual()) {
      checked(file, where, path, n.asText());
    } else if (n.isObject()) {
      n.properties().forEach(e -> longStrings(file, where, path + "." + e.getKey(), e.getValue()));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        longStrings(file, where, path + "[" + i + "]", n.get(i));
      }
    }
  }

  /** The last path segment of {@code file}, for draft labels. */
  static String fileName(String file) {
    int i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(i + 1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A value shortened for a message. */
  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
