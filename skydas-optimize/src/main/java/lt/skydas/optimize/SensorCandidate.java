package lt.skydas.optimize;

import java.util.Objects;
import lt.skydas.plan.SensorType;
import org.locationtech.jts.geom.Point;

/**
 * A place a sensor could stand and the obstacle sites it would watch. Immutable (arrays are not
 * copied; do not modify them).
 *
 * @param id unique among the candidates ({@code eoir_mast-12})
 * @param type the sensor catalog type
 * @param point_lks94 where it stands
 * @param sites site numbers it covers (observed share at least {@link SensorCandidates#COVER_SHARE}
 *     for vehicles), ascending
 * @param share per covered site: the share of the site it observes (0..1)
 * @param cost_eur what it costs against the budget: purchase plus upkeep over the programme years
 */
public record SensorCandidate(
    String id, SensorType type, Point point_lks94, int[] sites, double[] share, long cost_eur) {
  public SensorCandidate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(point_lks94, "point_lks94");
    if (sites.length != share.length || cost_eur < 0) {
      throw new IllegalArgumentException(id + ": one share per site and a cost >= 0");
    }
  }
}
