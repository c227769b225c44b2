package lt.skydas.core.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometry object → JTS geometry, with the checks RFC 7946 implies: known type, correctly
 * nested arrays, finite numbers, lon in [-180, 180], lat in [-90, 90], at least 2 points per line,
 * closed rings of at least 4 positions. Topological validity (self-intersection) is not checked
 * here: callers that need it use {@link org.locationtech.jts.operation.valid.IsValidOp}.
 */
public final class GeometryParser {
  private GeometryParser() {}

  /** A geometry that cannot be read, with a reason fit for a user. */
  public static final class BadGeometry extends Exception {
    private static final long serialVersionUID = 1L;

    BadGeometry(String msg) {
      super(msg, null, false, false);
    }
  }

  public static Geometry parse(GeometryFactory gf, JsonNode g) throws BadGeometry {
    if (!g.isObject()) {
      throw new BadGeometry("geometry must be an object");
    }
    String type = g.path("type").asText("");
    if (type.equals("GeometryCollection")) {
      JsonNode gs = g.get("geometries");
      if (gs == null || !gs.isArray()) {
        throw new BadGeometry("GeometryCollection without \"geometries\" array");
      }
      Geometry[] parts = new Geometry[gs.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = parse(gf, gs.get(i));
      }
      return gf.createGeometryCollection(parts);
    }
    JsonNode c = g.get("coordinates");
    if (c == null || !c.isArray()) {
      throw new BadGeometry(
          type.isEmpty() ? "geometry has no \"type\"" : type + " has no \"coordinates\" array");
    }
    return switch (type) {
      case "Point" -> gf.createPoint(position(c));
      case "MultiPoint" -> {
        Point[] ps = new Point[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = gf.createPoint(position(c.get(i)));
        }
        yield gf.createMultiPoint(ps);
      }
      case "LineString" -> line(gf, c);
      case "MultiLineString" -> {
        LineString[] ls = new LineString[c.size()];
        for (int i = 0; i < ls.length; i++) {
          ls[i] = line(gf, c.get(i));
        }
        yield gf.createMultiLineString(ls);
      }
      case "Polygon" -> polygon(gf, c);
      case "MultiPolygon" -> {
        Polygon[] ps = new Polygon[c.size()];
        for (int i = 0; i < ps.length; i++) {
          ps[i] = polygon(gf, c.get(i));
        }
        yield gf.createMultiPolygon(ps);
      }
      default -> throw new BadGeometry("unknown geometry type \"" + type + "\"");
    };
  }

  private static LineString line(GeometryFactory gf, JsonNode c) throws BadGeometry {
    Coordinate[] cs = positions(c);
    if (cs.length < 2) {
      throw new BadGeometry("LineString needs at least 2 positions, has " + cs.length);
    }
    return gf.createLineString(cs);
  }

  private static Polygon polygon(GeometryFactory gf, JsonNode c) throws BadGeometry {
    if (!c.isArray() || c.isEmpty()) {
      throw new BadGeometry("Polygon needs at least one ring");
    }
    LinearRing shell = ring(gf, c.get(0));
    LinearRing[] holes = new LinearRing[c.size() - 1];
    for (int i = 1; i < c.size(); i++) {
      holes[i - 1] = ring(gf, c.get(i));
    }
    return gf.createPolygon(shell, holes);
  }

  private static LinearRing ring(GeometryFactory gf, JsonNode c) throws BadGeometry {
    Coordinate[] cs = positions(c);
    if (cs.length < 4) {
      throw new BadGeometry("polygon ring needs at least 4 positions, has " + cs.length);
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw new BadGeometry(
          "polygon ring is not closed (first "
              + fmt(cs[0])
              + ", last "
              + fmt(cs[cs.length - 1])
              + ")");
    }
    return gf.createLinearRing(cs);
  }

  private static Coordinate[] positions(JsonNode c) throws BadGeometry {
    if (!c.isArray()) {
      throw new BadGeometry("expected an array of positions");
    }
    Coordinate[] cs = new Coordinate[c.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = position(c.get(i));
    }
    return cs;
  }

  private static Coordinate position(JsonNode p) throws BadGeometry {
    if (p == null || !p.isArray() || p.size() < 2) {
      throw new BadGeometry("a position must be an array [lon, lat]");
    }
    JsonNode a = p.get(0);
    JsonNode b = p.get(1);
    if (!a.isNumber() || !b.isNumber()) {
      throw new BadGeometry("position " + p + " has a non-numeric coordinate");
    }
    double lon = a.asDouble();
    double lat = b.asDouble();
    if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
      throw new BadGeometry("position " + p + " is not finite");
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new BadGeometry(
          "position ["
              + lon
              + ", "
              + lat
              + "] is not lon/lat in degrees (wrong CRS? GeoJSON is WGS84)");
    }
    return new Coordinate(lon, lat);
  }

  private static String fmt(Coordinate c) {
    return "[" + c.x + ", " + c.y + "]";
  }
}
