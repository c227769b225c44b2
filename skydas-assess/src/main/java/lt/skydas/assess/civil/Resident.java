package lt.skydas.assess.civil;

import java.util.Locale;
import java.util.Map;

/**
 * A settlement of a home country and the people who live there, in the region's map CRS.
 *
 * @param name its name (or "(unnamed)")
 * @param place the OSM place class (city, town, village, hamlet …)
 * @param country ISO code
 * @param x_m map easting
 * @param y_m map northing
 * @param population inhabitants: the data's, or the {@linkplain #FALLBACK fallback} of its place
 * @param estimated true when the population is the fallback
 */
public record Resident(
    String name,
    String place,
    String country,
    double x_m,
    double y_m,
    long population,
    boolean estimated) {

  /**
   * People per settlement when the data gives none, by place class: the mean of the known
   * populations of Lithuania's settlements of that class in the shipped data (villages 54, hamlets
   * 15, towns 2,709), rounded; cities 100,000 (all five known). Suburbs count 0: their people are
   * in their city's figure. Any other class: 20. Documented in docs/civilians.md.
   */
  public static final Map<String, Long> FALLBACK =
      Map.of(
          "city", 100_000L,
          "town", 2_700L,
          "village", 54L,
          "hamlet", 15L,
          "isolated_dwelling", 4L,
          "suburb", 0L);

  /** The fallback population of a place class. */
  public static long fallback(String place) {
    if (place == null) {
      return 20;
    }
    return FALLBACK.getOrDefault(
        place.toLowerCase(Locale.ROOT), place.startsWith("suburb") ? 0 : 20L);
  }

  /** A resident of the data's population, or of the fallback when it gives none (or ≤ 0). */
  public static Resident of(
      String name, String place, String country, double x_m, double y_m, Long population) {
    boolean known = population != null && population > 0;
    boolean suburb = place != null && place.equalsIgnoreCase("suburb");
    return new Resident(
        name == null || name.isBlank() ? "(unnamed)" : name,
        place,
        country,
        x_m,
        y_m,
        suburb ? 0 : known ? population : fallback(place),
        !known && !suburb);
  }
}
