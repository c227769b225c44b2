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
 * @param factors how the area's soil and the devices it holds change the day's productivity
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
    double releaseShare,
    Factors factors) {
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

  /**
   * Multipliers of the vegetation's productivity (unitless, 0 where it cannot work, absent: 1): by
   * the area's soil ({@link ClearanceAssets#SOILS}) and by the device categories it holds (the
   * least of its categories' factors: the slowest kind of device sets the pace).
   */
  public record Factors(Map<String, Double> soil, Map<String, Double> category) {
    public static final Factors NONE = new Factors(Map.of(), Map.of());

    public Factors {
      soil = Map.copyOf(soil);
      category = Map.copyOf(category);
    }

    /** The multiplier for an area of {@code soil} holding {@code categories}. */
    public double of(String soil, java.util.Collection<String> categories) {
      double f = this.soil.getOrDefault(soil, 1.0);
      double c = categories.isEmpty() ? 1.0 : Double.POSITIVE_INFINITY;
      for (String k : categories) {
        c = Math.min(c, category.getOrDefault(k, 1.0));
      }
      return f * c;
    }
  }

  /** An asset whose productivity depends on vegetation alone. */
  public ClearanceAsset(
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
    this(
        id,
        name,
        kind,
        productivity_m2PerDay,
        cost_eurPerDay,
        clears,
        depth_cm,
        months,
        mobilisation_days,
        sources,
        releaseShare,
        Factors.NONE);
  }

  public ClearanceAsset {
    productivity_m2PerDay = Map.copyOf(productivity_m2PerDay);
    factors = factors == null ? Factors.NONE : factors;
    clears = Set.copyOf(clears);
    months = Set.copyOf(months);
    sources = Map.copyOf(sources);
  }

  /** Area cleared a working day in {@code vegetation}: 0 where it cannot work. */
  public double productivity_m2PerDay(String vegetation) {
    return productivity_m2PerDay.getOrDefault(vegetation, 0.0);
  }

  /**
   * Area it clears (or surveys) a working day in area {@code a}: its vegetation's figure times the
   * factors of its soil and its devices; 0 where it cannot work.
   */
  public double productivity_m2PerDay(HazardArea a) {
    return productivity_m2PerDay(a.vegetation()) * factors.of(a.soil(), a.categories());
  }

  /** Whether it may clear {@code a}: what it holds, in its vegetation and soil. */
  public boolean suits(HazardArea a) {
    return CLEARANCE.equals(kind)
        && clears.containsAll(a.categories())
        && productivity_m2PerDay(a) > 0;
  }

  /** Working days to clear {@code a} (its area over the day's productivity), without moving. */
  public double workDays(HazardArea a) {
    return a.area_m2() / productivity_m2PerDay(a);
  }
}
