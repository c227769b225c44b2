package lt.skydas.optimize.clearance;

import java.util.Set;

/**
 * An area to clear: a recorded minefield (the registry) or a planned one (a plan's clearance
 * liability). Immutable.
 *
 * @param id the record or obstacle id
 * @param area_m2 the area to clear
 * @param categories what it holds: {@code AP}, {@code AT} (and {@code UXO})
 * @param vegetation {@code open}, {@code scrub}, {@code forest} or {@code wetland}
 * @param priority weight of releasing it early (1: ordinary; more near settlements, roads,
 *     farmland)
 * @param x_m easting of its centre in the region's metric CRS (for travel between areas)
 * @param y_m northing
 * @param suspected a suspected hazardous area (SHA): surveyed before it is cleared
 * @param soil {@code mineral}, {@code sandy}, {@code clay}, {@code stony} or {@code peat} ({@link
 *     ClearanceAssets#SOILS})
 */
public record HazardArea(
    String id,
    double area_m2,
    Set<String> categories,
    String vegetation,
    double priority,
    double x_m,
    double y_m,
    boolean suspected,
    String soil) {
  /** An area on mineral soil, the common case where nothing says otherwise. */
  public HazardArea(
      String id,
      double area_m2,
      Set<String> categories,
      String vegetation,
      double priority,
      double x_m,
      double y_m,
      boolean suspected) {
    this(id, area_m2, categories, vegetation, priority, x_m, y_m, suspected, "mineral");
  }

  /** A confirmed hazardous area. */
  public HazardArea(
      String id,
      double area_m2,
      Set<String> categories,
      String vegetation,
      double priority,
      double x_m,
      double y_m) {
    this(id, area_m2, categories, vegetation, priority, x_m, y_m, false);
  }

  public HazardArea {
    categories = Set.copyOf(categories);
    if (!ClearanceAssets.SOILS.contains(soil)) {
      throw new IllegalArgumentException(
          id
              + ": soil '"
              + soil
              + "' is not one of "
              + new java.util.TreeSet<>(ClearanceAssets.SOILS));
    }
    if (!(area_m2 > 0) || !Double.isFinite(area_m2)) {
      throw new IllegalArgumentException(id + ": area must be positive (is " + area_m2 + " m2)");
    }
    if (!(priority > 0)) {
      throw new IllegalArgumentException(id + ": priority must be positive (is " + priority + ")");
    }
  }
}
