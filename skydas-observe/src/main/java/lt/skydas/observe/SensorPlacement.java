package lt.skydas.observe;

import java.util.Objects;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One sensor as coverage sees it, for one target class: where it stands (LKS-94), how high it looks
 * from, how far it detects that target, and in which arc.
 *
 * @param id the sensor site's id, for messages and listings
 * @param geometry_lks94 a Point (masts, radars, cameras, ground sensors) or a LineString (a fence
 *     sensor: it watches a corridor {@code range_m} either side of its line)
 * @param mastHeight_m eye height above the ground, m (≥ 0)
 * @param range_m detection range for the target class, m (0: does not detect it)
 * @param arc_deg coverage arc, degrees in (0, 360]
 * @param azimuth_deg centre of the arc, degrees clockwise from grid north (ignored at 360)
 * @param lineOfSight true if it needs a clear sight line to the target (everything mounted above
 *     the ground); false for ground-coupled sensors (seismic/acoustic, fibre in a fence), which
 *     detect within their range whatever stands between
 */
public record SensorPlacement(
    String id,
    Geometry geometry_lks94,
    double mastHeight_m,
    double range_m,
    double arc_deg,
    double azimuth_deg,
    boolean lineOfSight) {

  public SensorPlacement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometry_lks94, "geometry_lks94");
    if (!(mastHeight_m >= 0) || !Double.isFinite(mastHeight_m)) {
      throw new IllegalArgumentException(id + ": mast height must be finite and >= 0");
    }
    if (!(range_m >= 0) || !Double.isFinite(range_m)) {
      throw new IllegalArgumentException(id + ": range must be finite and >= 0");
    }
    if (!(arc_deg > 0 && arc_deg <= 360)) {
      throw new IllegalArgumentException(id + ": arc must be within (0, 360]");
    }
    if (lineOfSight && !(geometry_lks94 instanceof Point)) {
      throw new IllegalArgumentException(id + ": a line-of-sight sensor stands at a point");
    }
  }

  /** The placement of a plan's sensor site for {@code target}. */
  public static SensorPlacement of(SensorSite site, TargetClass target) {
    return of(
        site.id(),
        site.type(),
        site.geometry_lks94(),
        site.height_m(),
        Double.isNaN(site.azimuth_deg()) ? null : site.azimuth_deg(),
        target);
  }

  /**
   * The placement of a sensor of catalog type {@code t} for {@code target}: ground-coupled when the
   * catalog mounts the type at 0 m, else line of sight.
   *
   * @param height_m the site's mast height, or null for the catalog's
   * @param azimuth_deg the arc's centre, or null (0) for all-round types
   */
  public static SensorPlacement of(
      String id,
      SensorType t,
      Geometry geometry_lks94,
      Double height_m,
      Double azimuth_deg,
      TargetClass target) {
    return new SensorPlacement(
        id,
        geometry_lks94,
        height_m == null ? t.height_m() : height_m,
        t.range_m(target),
        t.arc_deg(),
        azimuth_deg == null ? 0 : azimuth_deg,
        t.height_m() > 0);
  }
}
