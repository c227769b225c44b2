package lt.skydas.emplace;

import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.linearref.LengthIndexedLine;

/** Where a team goes to lay or execute an obstacle. */
final class Sites {
  private Sites() {}

  /**
   * The point a team drives to (LKS-94 m): a point obstacle's first point, the middle of a line
   * (along its length), an area's interior point. The team works outwards from there; the work rate
   * per unit covers the rest.
   */
  static Coordinate of(Obstacle o) {
    Geometry g = o.geometry_lks94();
    if (g instanceof Lineal && g.getNumGeometries() == 1) {
      LengthIndexedLine line = new LengthIndexedLine(g);
      return line.extractPoint(g.getLength() / 2);
    }
    if (g.getDimension() == 0) {
      return g.getCoordinates()[0];
    }
    return g.getInteriorPoint().getCoordinate();
  }
}
