package lt.skydas.plan;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;

/**
 * One planned or existing obstacle. Immutable.
 *
 * @param id unique within its plan
 * @param type its catalog type
 * @param geometry_wgs84 lon/lat, as in the plan file
 * @param geometry_lks94 the same in LKS-94 metres, for computation
 * @param year programme year it is built in (1-based), or 0 when not phased
 */
public record Obstacle(
    String id,
    String name,
    ObstacleType type,
    Geometry geometry_wgs84,
    Geometry geometry_lks94,
    int year) {

  /** Length in km for lines, area in ha for areas, 1 for points: the unit cost is per this. */
  public double quantity() {
    Geometry g = geometry_lks94;
    if (g instanceof Lineal) {
      return g.getLength() / 1000.0;
    }
    if (g instanceof Polygonal) {
      return g.getArea() / 10_000.0;
    }
    return g.getNumGeometries();
  }

  /** Construction cost in EUR. */
  public double cost_eur() {
    return quantity() * type.costEur_perUnit();
  }

  /** Build effort in hours. */
  public double buildEffort_h() {
    return quantity() * type.buildEffort_h_perUnit();
  }

  /** Clearance effort in hours (liability to clear it one day). */
  public double clearanceEffort_h() {
    return quantity() * type.clearanceEffort_h_perUnit();
  }

  /** Clearance cost in EUR. */
  public double clearanceCost_eur() {
    return quantity() * type.clearanceCostEur_perUnit();
  }
}
