package lt.skydas.assess.report;

import java.util.Locale;
import lt.skydas.core.geo.GridSpec;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * SVG path data for LKS-94 geometries in a map whose user units are kilometres from the grid's
 * north-west corner (x east, y south), rounded to 10 m.
 */
final class Svg {
  private final GridSpec g;

  Svg(GridSpec g) {
    this.g = g;
  }

  double x(double mx) {
    return (mx - g.minX()) / 1000.0;
  }

  double y(double my) {
    return (g.maxY() - my) / 1000.0;
  }

  double widthKm() {
    return g.width() * g.cellSize() / 1000.0;
  }

  double heightKm() {
    return g.height() * g.cellSize() / 1000.0;
  }

  /** Path data for any geometry, simplified with {@code tolerance_m}; empty for points. */
  String path(Geometry geom, double tolerance_m) {
    Geometry s = tolerance_m > 0 ? DouglasPeuckerSimplifier.simplify(geom, tolerance_m) : geom;
    StringBuilder sb = new StringBuilder();
    append(sb, s);
    return sb.toString();
  }

  private void append(StringBuilder sb, Geometry geom) {
    if (geom instanceof Polygon p) {
      ring(sb, p.getExteriorRing().getCoordinates(), true);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring(sb, p.getInteriorRingN(i).getCoordinates(), true);
      }
    } else if (geom instanceof LineString l) {
      ring(sb, l.getCoordinates(), false);
    } else if (geom instanceof Point) {
      return;
    } else {
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        append(sb, geom.getGeometryN(i));
      }
    }
  }

  void ring(StringBuilder sb, Coordinate[] cs, boolean close) {
    if (cs.length < 2) {
      return;
    }
    for (int i = 0; i < cs.length; i++) {
      sb.append(i == 0 ? 'M' : 'L').append(fmt(x(cs[i].x))).append(' ').append(fmt(y(cs[i].y)));
    }
    if (close) {
      sb.append('Z');
    }
  }

  static String fmt(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    if (s.endsWith(".00")) {
      return s.substring(0, s.length() - 3);
    }
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }
}
