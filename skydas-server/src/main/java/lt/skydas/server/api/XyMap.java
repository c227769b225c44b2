package lt.skydas.server.api;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A copy of a geometry with every coordinate's x and y mapped by a function. Stateless. */
final class XyMap {
  private XyMap() {}

  /** Maps one point: writes the new x and y into {@code out[0]} and {@code out[1]}. */
  @FunctionalInterface
  interface Fn {
    void apply(double x, double y, double[] out);
  }

  static Geometry map(Geometry g, Fn f) {
    Geometry c = g.copy();
    double[] out = new double[2];
    c.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence s, int i) {
            f.apply(s.getX(i), s.getY(i), out);
            s.setOrdinate(i, 0, out[0]);
            s.setOrdinate(i, 1, out[1]);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    c.geometryChanged();
    return c;
  }
}
