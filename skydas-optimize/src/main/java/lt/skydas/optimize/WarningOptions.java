package lt.skydas.optimize;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The optional objective term "minimum warning time per objective": on every case's fastest
 * verified avenue toward an objective, a sensor of the plan must see the attacker at least this
 * many hours before he arrives. {@link WarningStep} buys the least-cost surveillance and early
 * warning sensors that achieve it with the money the barrier left. Immutable.
 *
 * @param all_h the minimum for every objective, hours; 0 for none
 * @param byObjective_h the minimum for named objectives (objective id → hours), over {@code all_h}
 * @param typeIds sensor catalog types offered (surveillance or early warning, all-round)
 * @param spacing_m candidate positions along an avenue about this far apart
 * @param placeable per cell of the full model's grid: a sensor may stand there (the home country);
 *     null for every cell
 */
public record WarningOptions(
    double all_h,
    Map<String, Double> byObjective_h,
    List<String> typeIds,
    double spacing_m,
    IntPredicate placeable) {
  /**
   * The EO/IR mast (EUR 450 000 over 10 years, vehicles to 11 km, people to 5 km), the portable
   * ground surveillance radar (EUR 1.2 m; 48/12 km but a 3 m mast), the tethered-drone radar (EUR
   * 1.05 m; 15/5 km from 100 m) and the aerostat radar (EUR 11 m; 30/10 km from 500 m, into the
   * neighbour's depth): the solver takes the cheapest mix that sees every avenue early enough.
   */
  public static final List<String> DEFAULT_TYPES =
      List.of("eoir_mast", "gsr_portable", "tethered_drone_radar", "aerostat_radar");

  /** Default distance between candidate positions along an avenue, m. */
  public static final double DEFAULT_SPACING_M = 2000;

  /** Largest minimum warning time a user may ask for, hours. */
  public static final double MAX_H = 48;

  public WarningOptions {
    byObjective_h = Map.copyOf(byObjective_h);
    typeIds = List.copyOf(typeIds);
    Objects.requireNonNull(typeIds, "typeIds");
    if (!(all_h >= 0 && all_h <= MAX_H) || !(spacing_m > 0)) {
      throw new IllegalArgumentException("minimum warning within 0..48 h and spacing > 0");
    }
    for (double h : byObjective_h.values()) {
      if (!(h >= 0 && h <= MAX_H)) {
        throw new IllegalArgumentException("minimum warning within 0..48 h");
      }
    }
  }

  /** No minimum. */
  public static WarningOptions none() {
    return new WarningOptions(0, Map.of(), DEFAULT_TYPES, DEFAULT_SPACING_M, null);
  }

  /** True when some objective has a minimum. */
  public boolean enabled() {
    return all_h > 0 || byObjective_h.values().stream().anyMatch(h -> h > 0);
  }

  /** The minimum toward {@code objectiveId}, hours (0: none). */
  public double required_h(String objectiveId) {
    return byObjective_h.getOrDefault(objectiveId, all_h);
  }

  /** Whether a sensor may stand in {@code cell}. */
  boolean canStand(int cell) {
    return placeable == null || placeable.test(cell);
  }
}
