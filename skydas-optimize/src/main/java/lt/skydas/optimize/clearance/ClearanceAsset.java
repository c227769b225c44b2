package lt.skydas.optimize.clearance;

import java.util.Map;
import java.util.Set;

/**
 * A kind of mine-action asset in the clearance catalog ({@link ClearanceAssets}). Immutable.
 *
 * @param id short id ({@code manual_team})
 * @param name what it is
 * @param kind {@code clearance}, or {@code non_technical_survey} / {@code technical_survey} (they
 *     clear nothing: they release a share of a suspected area by cancelling or reducing it)
 * @param productivity_m2PerDay area cleared per working day by vegetation ({@code open}, {@code
 *     scrub}, {@code forest}, {@code wetland}); 0 or absent where it cannot work
 * @param cost_eurPerDay cost of a working day, crew and equipment
 * @param clears what it may clear: {@code AP}, {@code AT}, {@code UXO}
 * @param depth_cm the depth it clears to
 * @param months the months (1 to 12) it works in
 * @param mobilisation_days days to move to and set up on an area, besides the road travel
 * @param sources where each figure comes from
 * @param releaseShare for a survey kind, the expected share of the area it surveys that it releases
 *     (cancels or reduces); 0 for clearance
 */
public record ClearanceAsset(
    String id,
    String name,
    String kind,
    Map<String, Double> productivity_m2PerDay,
    double cost_eurPerDay,
    Set<String> clears,
    double depth_cm,
    Set<Integer> months,
    double mobilisation_days,
    Map<String, String> sources,
    double releaseShare) {
  public static final String CLEARANCE = "clearance";
  public static final String NTS = "non_technical_survey";
  public static final String TS = "technical_survey";

  /** A clearance asset. */
  public ClearanceAsset(
      String id,
      String name,
      Map<String, Double> productivity_m2PerDay,
      double cost_eurPerDay,
      Set<String> clears,
      double depth_cm,
      Set<Integer> months,
      double mobilisation_days,
      Map<String, String> sources) {
    this(
        id,
        name,
        CLEARANCE,
        productivity_m2PerDay,
        cost_eurPerDay,
        clears,
        depth_cm,
        months,
        mobilisation_days,
        sources,
        0);
  }

  public ClearanceAsset {
    productivity_m2PerDay = Map.copyOf(productivity_m2PerDay);
    clears = Set.copyOf(clears);
    months = Set.copyOf(months);
    sources = Map.copyOf(sources);
  }

  /** Area cleared a working day in {@code vegetation}: 0 where it cannot work. */
  public double productivity_m2PerDay(String vegetation) {
    return productivity_m2PerDay.getOrDefault(vegetation, 0.0);
  }

  /** Whether it may clear an area holding {@code categories} in {@code vegetation}. */
  public boolean suits(HazardArea a) {
    return CLEARANCE.equals(kind)
        && clears.containsAll(a.categories())
        && productivity_m2PerDay(a.vegetation()) > 0;
  }

  /** Working days to clear {@code a} (its area over the day's productivity), without moving. */
  public double workDays(HazardArea a) {
    return a.area_m2() / productivity_m2PerDay(a.vegetation());
  }
}
