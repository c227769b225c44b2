package lt.skydas.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.core.geo.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems of OGC API – Features – Part 2: features are stored in CRS84
 * (WGS 84 lon/lat) and served, on {@code crs=}, in EPSG:4326 (lat/lon) or a home country's grid
 * (LKS-94 EPSG:3346, LKS-92 3059, Poland CS92 2180, Estonia 3301, Finland 3067) or ETRS89-LAEA
 * 3035, in each CRS's own axis order as its EPSG definition gives it: northing first, except
 * TM35FIN (easting, northing). A {@code bbox-crs} or {@code filter-crs} in one of them is
 * transformed to CRS84 (the envelope of the box's densified edges). Stateless.
 */
public final class OgcCrs {
  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

  /** EPSG code → whether its first axis is northing (latitude for 4326). */
  private static final Map<Integer, Boolean> NORTH_FIRST =
      new TreeMap<>(
          Map.of(
              4326, true, 3346, true, 3059, true, 2180, true, 3301, true, 3067, false, 3035, true));

  /** One CRS: {@code epsg} 0 for CRS84. */
  public record Ref(String uri, int epsg) {
    boolean crs84() {
      return epsg == 0;
    }

    boolean northFirst() {
      return epsg != 0 && NORTH_FIRST.get(epsg);
    }
  }

  public static final Ref DEFAULT = new Ref(CRS84, 0);

  private OgcCrs() {}

  /** The URIs a collection offers, CRS84 first. */
  public static List<String> uris() {
    List<String> out = new ArrayList<>();
    out.add(CRS84);
    for (int code : NORTH_FIRST.keySet()) {
      out.add(EPSG + code);
    }
    return out;
  }

  /**
   * The CRS a URI names ({@code http://www.opengis.net/def/crs/EPSG/0/3346}, also {@code
   * [EPSG:3346]} and {@code EPSG:3346}); null when it is not one we serve.
   */
  public static Ref parse(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.equals(CRS84) || t.equalsIgnoreCase("OGC:CRS84")) {
      return DEFAULT;
    }
    String code = null;
    if (t.startsWith(EPSG)) {
      code = t.substring(EPSG.length());
    } else if (t.regionMatches(true, 0, "EPSG:", 0, 5)) {
      code = t.substring(5);
    }
    if (code == null) {
      return null;
    }
    try {
      int c = Integer.parseInt(code);
      return NORTH_FIRST.containsKey(c) ? new Ref(EPSG + c, c) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A CRS84 geometry in {@code to} (a copy; CRS84 itself unchanged). */
  public static Geometry fromCrs84(Geometry g, Ref to) {
    if (to.crs84()) {
      return g;
    }
    Geometry out = to.epsg() == 4326 ? g : Crs.of(to.epsg()).toMetric(g);
    return to.northFirst() ? swap(out) : out;
  }

  /** A box given in {@code from} as CRS84 (the envelope of its edges, densified). */
  public static Envelope toCrs84(Envelope box, Ref from) {
    if (from.crs84()) {
      return box;
    }
    double x0 = box.getMinX(), x1 = box.getMaxX(), y0 = box.getMinY(), y1 = box.getMaxY();
    Envelope out = new Envelope();
    int n = 16;
    for (int k = 0; k <= n; k++) {
      double fx = x0 + (x1 - x0) * k / n, fy = y0 + (y1 - y0) * k / n;
      for (double[] p : new double[][] {{fx, y0}, {fx, y1}, {x0, fy}, {x1, fy}}) {
        // the axis order of the CRS: the first value is northing (latitude) where it says so
        double a = from.northFirst() ? p[1] : p[0], b = from.northFirst() ? p[0] : p[1];
        if (from.epsg() == 4326) {
          out.expandToInclude(a, b);
        } else {
          Coordinate c = Crs.of(from.epsg()).toWgs84(a, b, new Coordinate());
          out.expandToInclude(c.x, c.y);
        }
      }
    }
    return out;
  }

  /** A geometry literal given in {@code from} (a filter's) as CRS84. */
  public static Geometry toCrs84(Geometry g, Ref from) {
    if (from.crs84()) {
      return g;
    }
    Geometry out = from.northFirst() ? swap(g) : g;
    return from.epsg() == 4326 ? out : Crs.of(from.epsg()).toWgs84(out);
  }

  /** A copy with x and y exchanged. */
  private static Geometry swap(Geometry g) {
    return XyMap.map(
        g,
        (x, y, out) -> {
          out[0] = y;
          out[1] = x;
        });
  }
}
