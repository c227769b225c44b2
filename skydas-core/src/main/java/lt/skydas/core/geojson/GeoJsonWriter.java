package lt.skydas.core.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams a GeoJSON FeatureCollection. Geometries must already be lon/lat (RFC 7946); coordinates
 * are rounded to {@code decimals} places (6 ≈ 0.1 m). Not thread-safe.
 */
public final class GeoJsonWriter implements Closeable {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final JsonGenerator g;
  private final int decimals;

  public GeoJsonWriter(OutputStream out, int decimals) throws IOException {
    this(out, decimals, Map.of());
  }

  /**
   * A collection with foreign members (strings, numbers, booleans, or lists and maps of them)
   * written before the features, e.g. a plan's {@code name} and {@code policy}.
   */
  public GeoJsonWriter(OutputStream out, int decimals, Map<String, ?> members) throws IOException {
    this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    this.decimals = decimals;
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    for (Map.Entry<String, ?> e : members.entrySet()) {
      g.writeFieldName(e.getKey());
      value(e.getValue());
    }
    g.writeArrayFieldStart("features");
  }

  private void value(Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof java.util.List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        value(x);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v == null) {
      g.writeNull();
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  /** Writes one feature; {@code id} may be null. */
  public void feature(String id, Geometry geom, Map<String, ?> props) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    if (id != null) {
      g.writeStringField("id", id);
    }
    g.writeFieldName("properties");
    writeValue(props);
    g.writeFieldName("geometry");
    geometry(geom);
    g.writeEndObject();
  }

  private void writeValue(Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object o : c) {
        writeValue(o);
      }
      g.writeEndArray();
    } else if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (v instanceof Float f) {
      writeValue(f.doubleValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(v.toString());
    }
  }

  private void geometry(Geometry geom) throws IOException {
    g.writeStartObject();
    if (geom instanceof Point p) {
      g.writeStringField("type", "Point");
      g.writeFieldName("coordinates");
      pos(p.getCoordinate());
    } else if (geom instanceof LineString l) {
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      positions(l.getCoordinates());
    } else if (geom instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(p);
    } else if (geom instanceof MultiPoint mp) {
      g.writeStringField("type", "MultiPoint");
      g.writeFieldName("coordinates");
      positions(mp.getCoordinates());
    } else if (geom instanceof MultiLineString ml) {
      g.writeStringField("type", "MultiLineString");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < ml.getNumGeometries(); i++) {
        positions(ml.getGeometryN(i).getCoordinates());
      }
      g.writeEndArray();
    } else if (geom instanceof MultiPolygon mp) {
      g.writeStringField("type", "MultiPolygon");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        polygon((Polygon) mp.getGeometryN(i));
      }
      g.writeEndArray();
    } else if (geom instanceof GeometryCollection gc) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        geometry(gc.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      throw new IllegalStateException("unsupported geometry " + geom.getGeometryType());
    }
    g.writeEndObject();
  }

  private void polygon(Polygon p) throws IOException {
    g.writeStartArray();
    positions(p.getExteriorRing().getCoordinates());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      positions(p.getInteriorRingN(i).getCoordinates());
    }
    g.writeEndArray();
  }

  private void positions(Coordinate[] cs) throws IOException {
    g.writeStartArray();
    for (Coordinate c : cs) {
      pos(c);
    }
    g.writeEndArray();
  }

  private void pos(Coordinate c) throws IOException {
    g.writeStartArray();
    g.writeNumber(round(c.x));
    g.writeNumber(round(c.y));
    g.writeEndArray();
  }

  private BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  @Override
  public void close() throws IOException {
    g.writeEndArray();
    g.writeEndObject();
    g.close();
  }
}
