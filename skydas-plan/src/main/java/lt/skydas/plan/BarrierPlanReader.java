package lt.skydas.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a barrier plan from GeoJSON (RFC 7946, lon/lat). Each feature is one obstacle or one sensor
 * site, told apart by its property {@code type}: an id of the obstacle catalog makes an {@link
 * Obstacle}, an id of the sensor catalog a {@link SensorSite}. Both have {@code id} (or the feature
 * id; unique across the plan), {@code name} and {@code year} (optional); a sensor site may also
 * have {@code height_m} (0..3000, overrides the type's height) and {@code azimuth_deg} (0..360, the
 * centre of the coverage arc; required when the type's arc is under 360°). A sensor site of a point
 * type is a Point, of a line type (a fence sensor) a LineString or MultiLineString. The collection
 * may carry foreign members {@code name} and {@code policy} ({@link PolicyFile}): a policy the plan
 * <em>asks</em> for. It is read and checked like a policy file, but a run holds the plan to the
 * registry's policy or an explicit policy file, never to this request (docs/policy.md).
 *
 * <p>Any fault (a type of neither catalog, wrong geometry kind, invalid or out-of-region geometry,
 * duplicate id, bad value) throws a {@link SkydasProblem} naming file, feature and problem; an
 * unknown type lists the near matches. Nothing partial is returned. Immutable once built, and
 * thread-safe: {@link #read} keeps its state on the stack.
 */
public final class BarrierPlanReader {
  private static final int MAX_TEXT = 200;

  private final ObstacleCatalog catalog;
  private final SensorCatalog sensorCatalog;
  private final Envelope regionExtent_lks94;
  private final int epsg;

  /** The built-in sensor catalog, parsed once. */
  private static final class DefaultSensors {
    static final SensorCatalog CATALOG = SensorCatalog.defaults();
  }

  /**
   * A reader with the built-in sensor catalog, for a region in LKS-94.
   *
   * @param regionExtent_lks94 obstacles and sensor sites must lie inside it; null to skip the check
   */
  public BarrierPlanReader(ObstacleCatalog catalog, Envelope regionExtent_lks94) {
    this(catalog, DefaultSensors.CATALOG, regionExtent_lks94);
  }

  /**
   * A reader for a region in LKS-94 ({@link #BarrierPlanReader(ObstacleCatalog, SensorCatalog,
   * Envelope, int)}).
   */
  public BarrierPlanReader(
      ObstacleCatalog catalog, SensorCatalog sensorCatalog, Envelope regionExtent_lks94) {
    this(catalog, sensorCatalog, regionExtent_lks94, Crs.LKS94);
  }

  /** A reader with the built-in sensor catalog for a region in map CRS {@code epsg}. */
  public static BarrierPlanReader forRegion(
      ObstacleCatalog catalog, Envelope regionExtent, int epsg) {
    return new BarrierPlanReader(catalog, DefaultSensors.CATALOG, regionExtent, epsg);
  }

  /**
   * @param sensorCatalog the sensor types plans may name; none may share an id with an obstacle
   *     type
   * @param regionExtent_lks94 obstacles and sensor sites must lie inside it (map CRS); null to skip
   *     the check
   * @param epsg the region's map CRS, geometry is read into (one of {@link Crs#METRIC})
   * @throws SkydasProblem BAD_INPUT naming the sensor catalog when a type id is in both catalogs
   */
  public BarrierPlanReader(
      ObstacleCatalog catalog, SensorCatalog sensorCatalog, Envelope regionExtent_lks94, int epsg) {
    this.epsg = epsg;
    this.catalog = catalog;
    this.sensorCatalog = sensorCatalog;
    this.regionExtent_lks94 = regionExtent_lks94;
    for (SensorType t : sensorCatalog.listTypes()) {
      if (catalog.findType(t.id()).isPresent()) {
        throw SkydasProblem.badInput(
            sensorCatalog.origin(),
            "type \"" + t.id() + "\"",
            "the id is also an obstacle type of " + catalog.origin() + "; ids must differ");
      }
    }
  }

  public BarrierPlan read(Path file) {
    String name = file.toString();
    Map<String, JsonNode> members = new LinkedHashMap<>();
    List<Obstacle> obstacles = new ArrayList<>();
    List<SensorSite> sensors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    GeoJsonReader.read(
        file,
        f -> {
          String where = where(f);
          String typeId = typeId(name, where, f);
          Optional<ObstacleType> obstacleType = catalog.findType(typeId);
          if (obstacleType.isPresent()) {
            obstacles.add(toObstacle(name, where, f, obstacleType.get(), ids));
          } else {
            sensors.add(toSensor(name, where, f, sensorType(name, where, typeId), ids));
          }
        },
        null,
        members);
    JsonNode asked = members.get("policy");
    PlanPolicy policy =
        asked == null || asked.isNull()
            ? PlanPolicy.DEFAULT
            : PolicyFile.parse(asked, name + ": policy", catalog, "requested by plan " + name);
    String planName = text(name, "collection", "name", members.get("name"));
    return new BarrierPlan(
        name,
        planName == null ? file.getFileName().toString() : planName,
        policy,
        obstacles,
        sensors);
  }

  /** The feature's label with its index and, from the feature or its properties, its id. */
  private static String where(Feature f) {
    Object id = f.properties().get("id");
    if (f.id() == null
        && (id instanceof String || id instanceof Number)
        && id.toString().chars().noneMatch(Character::isISOControl)) {
      return Feature.label(f.index(), clip(id.toString()));
    }
    return f.label();
  }

  private static String typeId(String file, String where, Feature f) {
    Object typeValue = f.properties().get("type");
    if (!(typeValue instanceof String typeId) || typeId.isBlank()) {
      throw SkydasProblem.badInput(
          file, where, "property \"type\" (an obstacle or sensor type id) is missing");
    }
    return typeId;
  }

  private SensorType sensorType(String file, String where, String typeId) {
    return sensorCatalog
        .findType(typeId)
        .orElseThrow(() -> SkydasProblem.badInput(file, where, unknownType(typeId)));
  }

  private String unknownType(String typeId) {
    List<String> obstacleIds = catalog.listTypes().stream().map(ObstacleType::id).toList();
    List<String> sensorIds = sensorCatalog.listTypes().stream().map(SensorType::id).toList();
    List<String> all = new ArrayList<>(obstacleIds);
    all.addAll(sensorIds);
    List<String> near = NearMatches.of(clip(typeId), all);
    return "unknown obstacle type \""
        + clip(typeId)
        + "\", nor a sensor type ("
        + (near.isEmpty() ? "no near match" : "near matches: " + String.join(", ", near))
        + "; obstacle types: "
        + String.join(", ", obstacleIds)
        + "; sensor types: "
        + String.join(", ", sensorIds)
        + ")";
  }

  private Obstacle toObstacle(
      String file, String where, Feature f, ObstacleType type, Set<String> ids) {
    String id = uniqueId(file, where, f, ids, "obstacle");
    String nm = text(file, where, "name", jsonOf(f.properties().get("name")));
    int year = year(file, where, f);
    Geometry g = f.geometry();
    checkKind(file, where, type, g);
    Geometry metric = validInRegion(file, where, g);
    if (type.geometry() == GeometryKind.LINE && metric.getLength() < 1) {
      throw SkydasProblem.badInput(file, where, "line obstacle is shorter than 1 m");
    }
    if (type.geometry() == GeometryKind.AREA && metric.getArea() < 1) {
      throw SkydasProblem.badInput(file, where, "area obstacle is smaller than 1 m2");
    }
    return new Obstacle(id, nm == null ? type.name() : nm, type, g, metric, year);
  }

  private SensorSite toSensor(
      String file, String where, Feature f, SensorType type, Set<String> ids) {
    String id = uniqueId(file, where, f, ids, "sensor");
    String nm = text(file, where, "name", jsonOf(f.properties().get("name")));
    int year = year(file, where, f);
    double height_m = number(file, where, f, "height_m");
    if (!Double.isNaN(height_m) && !(height_m >= 0 && height_m <= SensorSite.MAX_HEIGHT_M)) {
      throw SkydasProblem.badInput(
          file, where, "height_m must be within 0..3000 m, not " + f.properties().get("height_m"));
    }
    double azimuth_deg = azimuth(file, where, f, type);
    Geometry g = f.geometry();
    checkSensorKind(file, where, type, g);
    Geometry metric = validInRegion(file, where, g);
    if (type.geometry() == GeometryKind.LINE && metric.getLength() < 1) {
      throw SkydasProblem.badInput(file, where, "line sensor is shorter than 1 m");
    }
    return SensorSite.builder()
        .withId(id)
        .withName(nm)
        .withType(type)
        .withGeometry(g, metric)
        .withHeight_m(height_m)
        .withAzimuth_deg(azimuth_deg)
        .withYear(year)
        .build();
  }

  /** The site's azimuth, NaN when not given; required when the type's arc is under 360°. */
  private static double azimuth(String file, String where, Feature f, SensorType type) {
    double azimuth_deg = number(file, where, f, "azimuth_deg");
    if (Double.isNaN(azimuth_deg)) {
      if (!SensorSite.isOmnidirectional(type)) {
        throw SkydasProblem.badInput(
            file,
            where,
            String.format(
                java.util.Locale.ROOT,
                "%s covers a %.0f° arc: azimuth_deg (the centre of the arc, degrees clockwise"
                    + " from north, 0..360) is required",
                type.id(),
                type.arc_deg()));
      }
      return Double.NaN;
    }
    if (!SensorSite.isAzimuth(azimuth_deg)) {
      throw SkydasProblem.badInput(
          file,
          where,
          "azimuth_deg must be within 0..360 degrees, not " + f.properties().get("azimuth_deg"));
    }
    return azimuth_deg;
  }

  /** The id from properties or feature, or {@code <kind>-<n>}; unique across the plan. */
  private static String uniqueId(
      String file, String where, Feature f, Set<String> ids, String kind) {
    String id = text(file, where, "id", jsonOf(f.properties().get("id")));
    if (id == null) {
      id = f.id() != null ? f.id() : kind + "-" + (f.index() + 1);
    }
    checkText(file, where, "id", id);
    if (!ids.add(id)) {
      throw SkydasProblem.badInput(file, where, "duplicate " + kind + " id \"" + clip(id) + "\"");
    }
    return id;
  }

  private static int year(String file, String where, Feature f) {
    Object y = f.properties().get("year");
    if (y == null) {
      return 0;
    }
    if (!(y instanceof Long l) || l < 0 || l > 100) {
      throw SkydasProblem.badInput(file, where, "year must be a whole number 0..100, not " + y);
    }
    return l.intValue();
  }

  /** A numeric property, NaN when absent or null. */
  private static double number(String file, String where, Feature f, String key) {
    Object v = f.properties().get(key);
    if (v == null) {
      return Double.NaN;
    }
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw SkydasProblem.badInput(file, where, key + " must be a number, not " + clipped(v));
    }
    return n.doubleValue();
  }

  /** Checks {@code g} is valid and inside the region; returns it in the map CRS. */
  private Geometry validInRegion(String file, String where, Geometry g) {
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
    Crs crs = Crs.of(epsg);
    Geometry metric = crs.toMetric(g);
    if (regionExtent_lks94 != null) {
      for (Coordinate c : metric.getCoordinates()) {
        if (!regionExtent_lks94.contains(c)) {
          Coordinate ll = crs.toWgs84(c.x, c.y, new Coordinate());
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
    return metric;
  }

  private static void checkSensorKind(String file, String where, SensorType type, Geometry g) {
    boolean line = type.geometry() == GeometryKind.LINE;
    boolean ok = line ? g instanceof Lineal : g instanceof Point;
    if (!ok) {
      throw SkydasProblem.badInput(
          file,
          where,
          type.id()
              + " is a sensor "
              + (line ? "line and needs a LineString or MultiLineString" : "site and needs a Point")
              + " geometry, not "
              + g.getGeometryType());
    }
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

  private static String clipped(Object v) {
    return clip(String.valueOf(v));
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
