package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Whether an obstacle is watched: the share of it that a {@link CoverageGrid} observes (of a line's
 * length, of the cells whose centres an area covers, or of a point's one cell) and the mean number
 * of sensors watching it. Doctrine: an obstacle not observed is breached at leisure.
 *
 * @param observedShare 0..1
 * @param meanSensors mean number of sensors over the obstacle (by length or by cell)
 */
public record ObstacleWatch(String id, String type, double observedShare, double meanSensors) {
  private static final GeometryFactory GF = new GeometryFactory();

  /** Watched at all: some part of it is observed. */
  public boolean observed() {
    return observedShare > 0;
  }

  /** The watch of each obstacle, in the given order. */
  public static List<ObstacleWatch> of(CoverageGrid grid, List<Obstacle> obstacles) {
    List<ObstacleWatch> out = new ArrayList<>();
    for (Obstacle o : obstacles) {
      out.add(of(grid, o.id(), o.type().id(), o.geometry_lks94()));
    }
    return out;
  }

  static ObstacleWatch of(CoverageGrid grid, String id, String type, Geometry g) {
    if (g instanceof Lineal) {
      LineCoverage lc = LineCoverage.of(grid, g, grid.grid().cellSize() / 2);
      return new ObstacleWatch(id, type, lc.observedShare(), lc.meanSensors());
    }
    if (g instanceof Polygonal) {
      return area(grid, id, type, g);
    }
    Coordinate c = g.getCoordinate();
    int n = grid.countAt(c.x, c.y);
    return new ObstacleWatch(id, type, n > 0 ? 1 : 0, n);
  }

  /** Over the cells whose centres the area covers; its centroid's cell if it covers none. */
  private static ObstacleWatch area(CoverageGrid grid, String id, String type, Geometry g) {
    GridSpec s = grid.grid();
    PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
    var e = g.getEnvelopeInternal();
    int cells = 0;
    int observed = 0;
    long sensors = 0;
    for (int r = Math.max(0, s.row(e.getMaxY()));
        r <= Math.min(s.height() - 1, s.row(e.getMinY()));
        r++) {
      for (int c = Math.max(0, s.col(e.getMinX()));
          c <= Math.min(s.width() - 1, s.col(e.getMaxX()));
          c++) {
        if (pg.contains(GF.createPoint(new Coordinate(s.centerX(c), s.centerY(r))))) {
          int n = grid.count()[r * s.width() + c];
          cells++;
          sensors += n;
          if (n > 0) {
            observed++;
          }
        }
      }
    }
    if (cells == 0) {
      Coordinate c = g.getCentroid().getCoordinate();
      int n = grid.countAt(c.x, c.y);
      return new ObstacleWatch(id, type, n > 0 ? 1 : 0, n);
    }
    return new ObstacleWatch(id, type, (double) observed / cells, (double) sensors / cells);
  }
}
