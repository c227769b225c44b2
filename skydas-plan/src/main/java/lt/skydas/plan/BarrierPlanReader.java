package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleType.GeometryKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a barrier plan from GeoJSON (RFC 7946, lon/lat). Each feature is one obstacle with
 * properties {@code type} (a catalog id, required), {@code id} (or the feature id; unique), {@code
 * name} and {@code year} (optional). The collection may carry foreign members {@code name} and
 * {@code policy: {ap_mines_enabled, civilian_buffer_m}}.
 *
 * <p>Any fault (unknown type, wrong geometry kind, invalid or out-of-region geometry, duplicate id,
 * bad value) throws a {@link SkydasProblem} naming file, feature and problem. Nothing partial is
 * returned.
 */
public final class BarrierPlanReader {
  private static final int MAX_TEXT = 200;

  private final ObstacleCatalog catalog;
  private final Envelope regionExtent_lks94;

  /**
   * @param regionExtent_lks94 obstacles must lie inside it; null to skip the check
   */
  public BarrierPlanReader(ObstacleCatalog catalog, Envelope regionExtent_lks94) {
    this.catalog = catalog;
    this.regionExtent_lks94 = regionExtent_lks94;
  }

  public BarrierPlan read(Path file) {
    String name = file.toString();
    Map<String, JsonNode> members = new LinkedHashMap<>();
    List<Obstacle> obstacles = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    GeoJsonReader.read(file, f -> obstacles.add(toObstacle(name, f, ids)), null, members);
    PlanPolicy policy = policy(name, members.get("policy"));
    String planName = text(name, "collection", "name", members.get("name"));
    return new BarrierPlan(
        name, planName == null ? file.getFileName().toString() : planName, policy, obstacles);
  }

  private Obstacle toObstacle(String file, Feature f, Set<String> ids) {
    String where = f.label();
    Object typeValue = f.properties().get("type");
    if (!(typeValue instanceof String typeId) || typeId.isBlank()) {
      throw SkydasProblem.badInput(
          file, where, "property \"type\" (an obstacle type id) is missing");
    }
    ObstacleType type =
        catalog
            .findType(typeId)
            .orElseThrow(
                () ->
                    SkydasProblem.badInput(
                        file,
                        where,
                        "unknown obstacle type \""
                            + clip(typeId)
                            + "\" (known: "
                            + String.join(
                                ", ", catalog.listTypes().stream().map(ObstacleType::id).toList())
                            + ")"));
    String id = text(file, where, "id", jsonOf(f.properties().get("id")));
    if (id == null) {
      id = f.id() != null ? f.id() : "obstacle-" + (f.index() + 1);
    }
    checkText(file, where, "id", id);
    if (!ids.add(id)) {
      throw SkydasProblem.badInput(file, where, "duplicate obstacle id \"" + clip(id) + "\"");
    }
    String nm = text(file, where, "name", jsonOf(f.properties().get("name")));
    int year = 0;
    Object y = f.properties().get("year");
    if (y != null) {
      if (!(y instanceof Long l) || l < 0 || l > 100) {
        throw SkydasProblem.badInput(file, where, "year must be a whole number 0..100, not " + y);
      }
      year = l.intValue();
    }
    Geometry g = f.geometry();
    checkKind(file, where, type, g);
    IsValidOp valid = new IsValidOp(g);
    if (!valid.isValid()) {
      TopologyValidationError err = valid.getValidationError();
      Coordinate c = err.getCoordinate();
      throw SkydasProblem.badInput(
          file,
          where,
          "invalid geometry: "
              + err.getMessage()
              + (c == null ? "" : " at [" + c.x + ", " + c.y + "]"));
    }
    Geometry metric = Crs.lks94().toMetric(g);
    if (regionExtent_lks94 != null) {
      for (Coordinate c : metric.getCoordinates()) {
        if (!regionExtent_lks94.contains(c)) {
          Coordinate ll = Crs.lks94().toWgs84(c.x, c.y, new Coordinate());
          throw SkydasProblem.badInput(
              file,
              where,
              String.format(
                  java.util.Locale.ROOT,
                  "position [%.5f, %.5f] lies outside the region model",
                  ll.x,
                  ll.y));
        }
      }
    }
    if (type.geometry() == GeometryKind.LINE && metric.getLength() < 1) {
      throw SkydasProblem.badInput(file, where, "line obstacle is shorter than 1 m");
    }
    if (type.geometry() == GeometryKind.AREA && metric.getArea() < 1) {
      throw SkydasProblem.badInput(file, where, "area obstacle is smaller than 1 m2");
    }
    return new Obstacle(id, nm == null ? type.name() : nm, type, g, metric, year);
  }

  private static void checkKind(String file, String where, ObstacleType type, Geometry g) {
    boolean ok =
        switch (type.geometry()) {
          case LINE -> g instanceof Lineal;
          case AREA -> g instanceof Polygonal;
          case POINT -> g instanceof Puntal;
        };
    if (!ok) {
      throw SkydasProblem.badInput(
          file,
          where,
          type.id()
              + " needs "
              + switch (type.geometry()) {
                case LINE -> "a LineString or MultiLineString";
                case AREA -> "a Polygon or MultiPolygon";
                case POINT -> "a Point or MultiPoint";
              }
              + " geometry, not "
              + g.getGeometryType());
    }
  }

  private static PlanPolicy policy(String file, JsonNode n) {
    PlanPolicy p = PlanPolicy.DEFAULT;
    if (n == null || n.isNull()) {
      return p;
    }
    if (!n.isObject()) {
      throw SkydasProblem.badInput(file, "policy", "must be an object");
    }
    JsonNode ap = n.get("ap_mines_enabled");
    if (ap != null) {
      if (!ap.isBoolean()) {
        throw SkydasProblem.badInput(file, "policy", "ap_mines_enabled must be true or false");
      }
      p = p.withApMinesEnabled(ap.asBoolean());
    }
    JsonNode buf = n.get("civilian_buffer_m");
    if (buf != null) {
      double b = buf.asDouble(Double.NaN);
      if (!buf.isNumber() || !Double.isFinite(b) || b < 0 || b > 50_000) {
        throw SkydasProblem.badInput(
            file, "policy", "civilian_buffer_m must be a number within 0..50000, not " + buf);
      }
      p = p.withCivilianBuffer_m(b);
    }
    return p;
  }

  private static JsonNode jsonOf(Object v) {
    if (v == null) {
      return null;
    }
    return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(v);
  }

  private static String text(String file, String where, String field, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw SkydasProblem.badInput(file, where, field + " must be a string");
    }
    String s = v.asText();
    checkText(file, where, field, s);
    return s;
  }

  private static void checkText(String file, String where, String field, String s) {
    if (s.isBlank() || s.length() > MAX_TEXT) {
      throw SkydasProblem.badInput(
          file, where, field + " must be 1.." + MAX_TEXT + " characters, has " + s.length());
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        throw SkydasProblem.badInput(file, where, field + " contains a control character");
      }
    }
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
