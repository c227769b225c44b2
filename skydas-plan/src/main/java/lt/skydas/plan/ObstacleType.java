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
 * @param sources where each figure comes from: keys delay, cost, build, clearance
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
    String notes,
    Map<String, String> sources) {

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
  }

  public double crossingDelay_s(VehicleClass v) {
    return crossingDelay_s.get(v);
  }

  public double roadDelay_s(VehicleClass v) {
    return roadDelay_s.get(v);
  }
}
