package lt.skydas.optimize;

import java.util.List;

/**
 * Whether and how {@code skydas optimize} chooses sensors together with the obstacles. Immutable.
 *
 * @param enabled offer sensor candidates (off: the obstacle-only model, every obstacle at its full
 *     delay)
 * @param typeIds sensor catalog types offered at each candidate position
 * @param spacing_m candidate positions: one per square of this side that holds obstacle sites, on
 *     open ground near the mean of those sites
 * @param max_eur the sensor ceiling: at most this on sensors (purchase plus upkeep over the
 *     programme), +Inf for none
 */
public record SensorOptions(
    boolean enabled, List<String> typeIds, double spacing_m, double max_eur) {
  /**
   * The electro-optical/infrared mast: for vehicles it covers about 380 km² (11 km range; a 12 m
   * mast sees a 2.5 m target to about 19 km on flat ground) for EUR 250 000 plus EUR 20 000 a year,
   * where the portable ground surveillance radar (3 m mast, so a horizon of about 13 km despite its
   * 48 km range, below the 20 m forest clutter) costs EUR 600 000 plus EUR 60 000 a year for about
   * 530 km²: about twice the cost per km² watched (sensors.json).
   */
  public static final List<String> DEFAULT_TYPES = List.of("eoir_mast");

  /** Default distance between candidate positions, m (about the EO/IR mast's range). */
  public static final double DEFAULT_SPACING_M = 8000;

  public SensorOptions {
    typeIds = List.copyOf(typeIds);
    if (!(spacing_m > 0) || !(max_eur >= 0)) {
      throw new IllegalArgumentException("sensor spacing must be > 0 and the ceiling >= 0");
    }
  }

  /** Sensors on: the default types and spacing, no ceiling of their own. */
  public static SensorOptions defaults() {
    return new SensorOptions(true, DEFAULT_TYPES, DEFAULT_SPACING_M, Double.POSITIVE_INFINITY);
  }

  /** No sensor candidates: the obstacle-only model. */
  public static SensorOptions none() {
    return new SensorOptions(false, DEFAULT_TYPES, DEFAULT_SPACING_M, Double.POSITIVE_INFINITY);
  }
}
