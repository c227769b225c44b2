package lt.skydas.plan;

import java.util.EnumMap;
import java.util.Map;
import lt.skydas.mobility.VehicleClass;

/**
 * One catalog entry: an obstacle kind with its effect on each vehicle class and its cost.
 * Immutable.
 *
 * @param id stable id used in plan files ({@code at_minefield})
 * @param category programme category for budgets (mines, barriers, fortifications, vegetation, road
 *     control)
 * @param geometry the geometry a plan gives it: line, area or point
 * @param unit what cost and effort are per: km (lines), ha (areas), each (points)
 * @param mines which mines it contains, {@link MineKind#NONE} for non-mine obstacles
 * @param openable whether friendly traffic can pass it (control points, prepared demolitions)
 * @param crossingDelay_s delay per class for a mover crossing it off-road
 * @param roadDelay_s delay per class on each road it cuts, until breached
 * @param width_m depth of a line obstacle's belt (for areas to clear); null for points and areas
 * @param radius_m reach of a point obstacle (roads within it are cut); null for lines and areas
 * @param blocksRoads whether it cuts the roads it crosses
 * @param unobservedDelayFactor the share of its delays that remains where no sensor watches it
 *     (0..1; doctrine: an obstacle not observed and covered by fire is breached at leisure); see
 *     {@link #watchedFactor(double)}
 * @param sources where each figure comes from: keys delay, cost, build, clearance, watch (and
 *     emplacement for reserved and crisis-laid types)
 * @param emplacement how it is put in place: built in peacetime, or reserved / crisis-laid with its
 *     stock and team work rates (issue 15)
 */
public record ObstacleType(
    String id,
    String name,
    String category,
    GeometryKind geometry,
    String unit,
    MineKind mines,
    boolean openable,
    Map<VehicleClass, Double> crossingDelay_s,
    Map<VehicleClass, Double> roadDelay_s,
    double costEur_perUnit,
    double buildEffort_h_perUnit,
    double clearanceEffort_h_perUnit,
    double clearanceCostEur_perUnit,
    Double width_m,
    Double radius_m,
    boolean blocksRoads,
    double unobservedDelayFactor,
    String notes,
    Map<String, String> sources,
    Emplacement emplacement) {

  /**
   * This type with mine content {@code m} (a registry record whose lots hold anti-personnel mines
   * though its type says none is checked as the AP type it is).
   */
  public ObstacleType withMines(MineKind m) {
    return new ObstacleType(
        id,
        name,
        category,
        geometry,
        unit,
        m,
        openable,
        crossingDelay_s,
        roadDelay_s,
        costEur_perUnit,
        buildEffort_h_perUnit,
        clearanceEffort_h_perUnit,
        clearanceCostEur_perUnit,
        width_m,
        radius_m,
        blocksRoads,
        unobservedDelayFactor,
        notes,
        sources,
        emplacement);
  }

  /** Geometry a plan feature of this type must have. */
  public enum GeometryKind {
    LINE,
    AREA,
    POINT
  }

  /** Mine content of an obstacle type. */
  public enum MineKind {
    NONE,
    AT,
    AP,
    MIXED;

    /** True when the obstacle contains any mines. */
    public boolean isMine() {
      return this != NONE;
    }

    /** True when it contains anti-personnel mines. */
    public boolean hasAp() {
      return this == AP || this == MIXED;
    }
  }

  public ObstacleType {
    crossingDelay_s = Map.copyOf(new EnumMap<>(crossingDelay_s));
    roadDelay_s = Map.copyOf(new EnumMap<>(roadDelay_s));
    sources = Map.copyOf(sources);
    java.util.Objects.requireNonNull(emplacement, "emplacement");
    if (!(unobservedDelayFactor >= 0 && unobservedDelayFactor <= 1)) {
      throw new IllegalArgumentException(
          id + ": unobserved_delay_factor must be within 0..1, not " + unobservedDelayFactor);
    }
  }

  /**
   * The factor on this type's delays for an obstacle of which {@code observedShare} (0..1) is
   * watched by a sensor: {@code f + (1 − f) · observedShare} with {@code f} the {@link
   * #unobservedDelayFactor}. A fully watched obstacle delays in full, an unwatched one by {@code
   * f}; a partly watched line in proportion (the attacker may pick the unwatched stretch, so this
   * is generous to the defender where coverage is patchy).
   *
   * @throws IllegalArgumentException if the share is not within 0..1
   */
  public double watchedFactor(double observedShare) {
    if (!(observedShare >= 0 && observedShare <= 1)) {
      throw new IllegalArgumentException("observed share must be within 0..1: " + observedShare);
    }
    return unobservedDelayFactor + (1 - unobservedDelayFactor) * observedShare;
  }

  public double crossingDelay_s(VehicleClass v) {
    return crossingDelay_s.get(v);
  }

  public double roadDelay_s(VehicleClass v) {
    return roadDelay_s.get(v);
  }
}
