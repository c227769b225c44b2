package lt.skydas.server.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Mapbox Vector Tile 2.1 encoding of one layer: the protobuf wire format of {@code
 * vector_tile.proto} (Tile.layers = 3; Layer.name = 1, features = 2, keys = 3, values = 4, extent =
 * 5, version = 15; Feature.id = 1, tags = 2, type = 3, geometry = 4), geometries as MoveTo / LineTo
 * / ClosePath commands with zig-zag deltas in tile coordinates (0 to {@link #EXTENT}, y down),
 * exterior rings clockwise and holes anticlockwise in that space as the specification asks. Written
 * here rather than with a protobuf library: the schema is five small messages, and the project's
 * classpath pins protobuf-java 4 for OR-Tools, which the Java MVT libraries' 3.x generated code
 * does not promise to run on. Scalar properties only (strings, numbers, booleans); a feature whose
 * geometry becomes empty or degenerate at the tile's resolution is left out. Not thread-safe: one
 * per tile.
 */
final class MvtEncoder {
  static final int EXTENT = 4096;

  private final ByteArrayOutputStream features = new ByteArrayOutputStream();
  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final Map<Object, Integer> values = new LinkedHashMap<>();
  private int count;

  /** Adds a feature whose geometry is already in tile coordinates (integers after rounding). */
  void add(long id, Geometry g, Map<String, Object> properties) {
    cx = 0; // every feature's commands start at the origin (spec 4.3.1)
    cy = 0;
    int type;
    List<Integer> cmds = new ArrayList<>();
    if (g instanceof Puntal) {
      type = 1;
      points(g, cmds);
    } else if (g instanceof Polygonal) {
      type = 3;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Polygon p = (Polygon) g.getGeometryN(i);
        ring(p.getExteriorRing(), true, cmds);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          ring(p.getInteriorRingN(h), false, cmds);
        }
      }
    } else {
      type = 2;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) instanceof LineString l) {
          line(l.getCoordinates(), cmds);
        }
      }
    }
    if (cmds.isEmpty()) {
      return;
    }
    List<Integer> tags = new ArrayList<>();
    for (var e : properties.entrySet()) {
      Object v = e.getValue();
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        tags.add(keys.computeIfAbsent(e.getKey(), k -> keys.size()));
        Object key =
            v instanceof Number n && !(v instanceof Double || v instanceof Float)
                ? (Object) n.longValue()
                : v;
        tags.add(values.computeIfAbsent(key, k -> values.size()));
      }
    }
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    varintField(f, 1, id);
    packed(f, 2, tags);
    varintField(f, 3, type);
    packed(f, 4, cmds);
    bytesField(features, 2, f.toByteArray());
    count++;
  }

  int count() {
    return count;
  }

  /** The tile: one layer named {@code name}. */
  byte[] tile(String name) {
    ByteArrayOutputStream layer = new ByteArrayOutputStream();
    varintField(layer, 15, 2);
    bytesField(layer, 1, name.getBytes(StandardCharsets.UTF_8));
    layer.writeBytes(features.toByteArray());
    for (String k : keys.keySet()) {
      bytesField(layer, 3, k.getBytes(StandardCharsets.UTF_8));
    }
    for (Object v : values.keySet()) {
      ByteArrayOutputStream val = new ByteArrayOutputStream();
      if (v instanceof String s) {
        bytesField(val, 1, s.getBytes(StandardCharsets.UTF_8));
      } else if (v instanceof Boolean b) {
        varintField(val, 7, b ? 1 : 0);
      } else if (v instanceof Long l) {
        varintField(val, 6, zigzag(l));
      } else {
        tag(val, 3, 1); // double, fixed64
        long bits = Double.doubleToLongBits(((Number) v).doubleValue());
        for (int i = 0; i < 8; i++) {
          val.write((int) (bits >>> (8 * i)) & 0xFF);
        }
      }
      bytesField(layer, 4, val.toByteArray());
    }
    varintField(layer, 5, EXTENT);
    ByteArrayOutputStream tile = new ByteArrayOutputStream();
    bytesField(tile, 3, layer.toByteArray());
    return tile.toByteArray();
  }

  // ---- geometry commands ----

  private int cx;
  private int cy;

  private void points(Geometry g, List<Integer> cmds) {
    List<int[]> pts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Coordinate c = ((Point) g.getGeometryN(i)).getCoordinate();
      pts.add(new int[] {(int) Math.round(c.x), (int) Math.round(c.y)});
    }
    cmds.add(command(1, pts.size()));
    for (int[] p : pts) {
      move(p[0], p[1], cmds);
    }
  }

  private void line(Coordinate[] cs, List<Integer> cmds) {
    List<int[]> pts = dedupe(cs, false);
    if (pts.size() >= 2) {
      path(pts, cmds);
    }
  }

  /** MoveTo the first point, LineTo the others. */
  private void path(List<int[]> pts, List<Integer> cmds) {
    cmds.add(command(1, 1));
    move(pts.get(0)[0], pts.get(0)[1], cmds);
    cmds.add(command(2, pts.size() - 1));
    for (int i = 1; i < pts.size(); i++) {
      move(pts.get(i)[0], pts.get(i)[1], cmds);
    }
  }

  /**
   * A ring: the exterior clockwise and holes anticlockwise as seen with y down, i.e. the reverse of
   * their orientation with y up; the closing point left to ClosePath.
   */
  private void ring(LinearRing r, boolean exterior, List<Integer> cmds) {
    Coordinate[] cs = r.getCoordinates();
    // tile y points down: a ring counter-clockwise in (x, y) data coordinates is clockwise on
    // screen
    boolean ccw = Orientation.isCCW(cs);
    if (ccw != exterior) {
      cs = reversed(cs);
    }
    List<int[]> pts = dedupe(cs, true);
    if (pts.size() < 3) {
      return;
    }
    path(pts, cmds);
    cmds.add(command(7, 1));
  }

  private static Coordinate[] reversed(Coordinate[] cs) {
    Coordinate[] r = new Coordinate[cs.length];
    for (int i = 0; i < cs.length; i++) {
      r[i] = cs[cs.length - 1 - i];
    }
    return r;
  }

  /** Rounded points without repeats (a ring also without its closing point). */
  private static List<int[]> dedupe(Coordinate[] cs, boolean ring) {
    List<int[]> out = new ArrayList<>();
    int n = ring ? cs.length - 1 : cs.length;
    for (int i = 0; i < n; i++) {
      int x = (int) Math.round(cs[i].x), y = (int) Math.round(cs[i].y);
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null || last[0] != x || last[1] != y) {
        out.add(new int[] {x, y});
      }
    }
    if (ring && out.size() > 1) {
      int[] a = out.get(0), b = out.get(out.size() - 1);
      if (a[0] == b[0] && a[1] == b[1]) {
        out.remove(out.size() - 1);
      }
    }
    return out;
  }

  private void move(int x, int y, List<Integer> cmds) {
    cmds.add(zigzag(x - cx));
    cmds.add(zigzag(y - cy));
    cx = x;
    cy = y;
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  private static int zigzag(int v) {
    return (v << 1) ^ (v >> 31);
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  // ---- protobuf wire format ----

  private static void tag(ByteArrayOutputStream o, int field, int wire) {
    varint(o, ((long) field << 3) | wire);
  }

  private static void varintField(ByteArrayOutputStream o, int field, long v) {
    tag(o, field, 0);
    varint(o, v);
  }

  private static void bytesField(ByteArrayOutputStream o, int field, byte[] b) {
    tag(o, field, 2);
    varint(o, b.length);
    o.writeBytes(b);
  }

  private static void packed(ByteArrayOutputStream o, int field, List<Integer> vs) {
    if (vs.isEmpty()) {
      return;
    }
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    for (int v : vs) {
      varint(p, Integer.toUnsignedLong(v));
    }
    bytesField(o, field, p.toByteArray());
  }

  private static void varint(ByteArrayOutputStream o, long v) {
    while ((v & ~0x7FL) != 0) {
      o.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    o.write((int) v);
  }
}
