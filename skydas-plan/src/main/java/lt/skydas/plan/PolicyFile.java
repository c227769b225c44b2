package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.geojson.GeometryParser;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The humanitarian policy as JSON (docs/policy.md): read strictly from a policy file, a plan's
 * request, the registry or the API, and written back the same way.
 *
 * <pre>{@code
 * {"ap_mines_enabled": false,
 *  "ap_mine_zones": [{"type": "Polygon", "coordinates": [...]}],
 *  "civilian_buffer_m": 1000,
 *  "buffer_override_reason": "…",            // required below 500 m
 *  "protected_areas": {"mines": "forbidden", "bridge_demolition": "allowed"}}
 * }</pre>
 *
 * Every member is optional (the built-in default fills it); an unknown member, an obstacle kind
 * that is neither a category nor a type of the catalog, a rule other than allowed/forbidden, a zone
 * that is not a valid polygon in lon/lat, or a buffer below the floor without a reason is refused
 * naming the file and the member.
 */
public final class PolicyFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MEMBERS =
      Set.of(
          "ap_mines_enabled",
          "ap_mine_zones",
          "civilian_buffer_m",
          "buffer_override_reason",
          "protected_areas",
          "version",
          "source");

  private PolicyFile() {}

  /** Reads a policy file; the policy's source is "file NAME". */
  public static PlanPolicy read(Path file, ObstacleCatalog catalog) {
    String name = file.getFileName().toString();
    JsonNode n;
    try {
      n = JSON.readTree(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new SkydasProblem(
          lt.skydas.core.problem.ProblemCode.NOT_FOUND,
          file + ": policy file not found",
          Map.of("file", file.toString()));
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "not a JSON policy (" + firstLine(e) + ")");
    }
    return parse(n, name, catalog, "file " + name);
  }

  /**
   * A policy from JSON.
   *
   * @param where the file or request, for messages
   * @param source what {@link PlanPolicy#source()} says
   * @throws SkydasProblem BAD_INPUT naming {@code where} and the member
   */
  public static PlanPolicy parse(JsonNode n, String where, ObstacleCatalog catalog, String source) {
    if (n == null || !n.isObject()) {
      throw SkydasProblem.badInput(where, null, "a policy is a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!MEMBERS.contains(k)) {
        throw SkydasProblem.badInput(
            where,
            k,
            "unknown policy member (known: " + String.join(", ", new TreeSet<>(MEMBERS)) + ")");
      }
    }
    PlanPolicy d = PlanPolicy.DEFAULT;
    boolean ap = d.apMinesEnabled();
    JsonNode apn = n.get("ap_mines_enabled");
    if (apn != null) {
      if (!apn.isBoolean()) {
        throw SkydasProblem.badInput(where, "ap_mines_enabled", "must be true or false");
      }
      ap = apn.asBoolean();
    }
    double buffer = d.civilianBuffer_m();
    JsonNode bn = n.get("civilian_buffer_m");
    if (bn != null) {
      double b = bn.asDouble(Double.NaN);
      if (!bn.isNumber() || !Double.isFinite(b) || b < 0 || b > PlanPolicy.MAX_CIVILIAN_BUFFER_M) {
        throw SkydasProblem.badInput(
            where, "civilian_buffer_m", "must be a number within 0..50000, not " + bn);
      }
      buffer = b;
    }
    String reason = null;
    JsonNode rn = n.get("buffer_override_reason");
    if (rn != null && !rn.isNull()) {
      if (!rn.isTextual()) {
        throw SkydasProblem.badInput(where, "buffer_override_reason", "must be text");
      }
      reason = rn.asText().strip();
      if (reason.length() > 500) {
        throw SkydasProblem.badInput(where, "buffer_override_reason", "is over 500 characters");
      }
    }
    if (buffer < PlanPolicy.BUFFER_FLOOR_M && (reason == null || reason.isBlank())) {
      throw SkydasProblem.badInput(where, "civilian_buffer_m", PlanPolicy.belowFloor(buffer));
    }
    if (buffer >= PlanPolicy.BUFFER_FLOOR_M) {
      reason = null;
    }
    List<Geometry> zones = zones(n.get("ap_mine_zones"), where);
    if (!zones.isEmpty() && !ap) {
      throw SkydasProblem.badInput(
          where, "ap_mine_zones", "zones for AP mines need ap_mines_enabled: true");
    }
    Map<String, Boolean> rules = rules(n.get("protected_areas"), where, catalog);
    return new PlanPolicy(ap, buffer, zones, rules, reason, source);
  }

  private static List<Geometry> zones(JsonNode n, String where) {
    List<Geometry> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw SkydasProblem.badInput(
          where, "ap_mine_zones", "must be an array of GeoJSON Polygon or MultiPolygon geometries");
    }
    GeometryFactory gf = new GeometryFactory();
    for (int i = 0; i < n.size(); i++) {
      String at = "ap_mine_zones[" + i + "]";
      Geometry g;
      try {
        g = GeometryParser.parse(gf, n.get(i));
      } catch (GeometryParser.BadGeometry e) {
        throw SkydasProblem.badInput(where, at, e.getMessage());
      }
      if (!(g instanceof Polygonal)) {
        throw SkydasProblem.badInput(
            where, at, "must be a Polygon or MultiPolygon, not " + g.getGeometryType());
      }
      IsValidOp v = new IsValidOp(g);
      if (!v.isValid()) {
        throw SkydasProblem.badInput(
            where, at, "invalid polygon: " + v.getValidationError().getMessage());
      }
      var e = g.getEnvelopeInternal();
      if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
        throw SkydasProblem.badInput(where, at, "coordinates must be lon/lat (WGS84)");
      }
      out.add(g);
    }
    return out;
  }

  private static Map<String, Boolean> rules(JsonNode n, String where, ObstacleCatalog catalog) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw SkydasProblem.badInput(
          where, "protected_areas", "must be an object of obstacle kind → allowed/forbidden");
    }
    Set<String> kinds = kinds(catalog);
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      String at = "protected_areas." + k;
      if (!kinds.contains(k)) {
        throw SkydasProblem.badInput(
            where,
            at,
            "unknown obstacle kind (a catalog category or type: " + String.join(", ", kinds) + ")");
      }
      JsonNode v = e.getValue();
      String s =
          v.isTextual()
              ? v.asText()
              : v.isBoolean() ? (v.asBoolean() ? "allowed" : "forbidden") : "";
      switch (s) {
        case "allowed" -> out.put(k, true);
        case "forbidden" -> out.put(k, false);
        default ->
            throw SkydasProblem.badInput(
                where, at, "must be \"allowed\" or \"forbidden\", not " + v);
      }
    }
    return out;
  }

  /** Every category and type id of the catalog, sorted. */
  public static Set<String> kinds(ObstacleCatalog catalog) {
    Set<String> out = new TreeSet<>(PlanPolicy.DEFAULT_PROTECTED_AREA_RULES.keySet());
    for (ObstacleType t : catalog.listTypes()) {
      out.add(t.category());
      out.add(t.id());
    }
    return out;
  }

  /** The policy as JSON, the defaults spelled out (what the registry stores and the API shows). */
  public static ObjectNode toJson(PlanPolicy p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("ap_mines_enabled", p.apMinesEnabled());
    ArrayNode zones = o.putArray("ap_mine_zones");
    if (!p.apZones_wgs84().isEmpty()) {
      // the project's one GeoJSON writer, features in memory; their geometries are the zones
      java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
      try (GeoJsonWriter w = new GeoJsonWriter(buf, 7)) {
        for (Geometry g : p.apZones_wgs84()) {
          w.feature(null, g, Map.of());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      try {
        for (JsonNode f : JSON.readTree(buf.toByteArray()).path("features")) {
          zones.add(f.get("geometry"));
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    o.put("civilian_buffer_m", p.civilianBuffer_m());
    if (p.bufferOverride() != null) {
      o.put("buffer_override_reason", p.bufferOverride());
    }
    ObjectNode rules = o.putObject("protected_areas");
    p.effectiveProtectedAreaRules().forEach((k, v) -> rules.put(k, v ? "allowed" : "forbidden"));
    o.put("source", p.source());
    return o;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
