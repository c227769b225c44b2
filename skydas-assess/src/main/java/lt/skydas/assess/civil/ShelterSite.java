package lt.skydas.assess.civil;

import java.util.Objects;

/**
 * A shelter, standing or a candidate site, in the region's map CRS (issue 17). Immutable.
 *
 * @param id its id (the registry's, or the candidate layer's)
 * @param name a human name, may be null
 * @param x_m map easting
 * @param y_m map northing
 * @param capacity people it takes ({@code >= 0})
 * @param cost_eur what building or adapting it costs (0 for a standing shelter)
 */
public record ShelterSite(
    String id, String name, double x_m, double y_m, int capacity, double cost_eur) {
  public ShelterSite {
    Objects.requireNonNull(id, "id");
    if (capacity < 0) {
      throw new IllegalArgumentException("shelter " + id + ": capacity " + capacity + " < 0");
    }
    if (!(cost_eur >= 0) || Double.isInfinite(cost_eur)) {
      throw new IllegalArgumentException("shelter " + id + ": cost " + cost_eur);
    }
  }
}
