package lt.skydas.optimize;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money and effort a barrier programme may spend. Defaults follow the announced Lithuanian
 * programme (docs/REFERENCES: about EUR 1.1 bn over 10 years, of which about EUR 800 m on mines).
 *
 * @param total_eur total over the programme
 * @param mines_eur at most this on minefields (construction cost)
 * @param yearCeilings_eur spending ceiling per year, one per programme year
 * @param yearCapacity_h build effort engineers can deliver per year (hours), +Inf for unlimited
 * @param countClearance charge each mine's clearance cost against the total when it is planned
 * @param ceilings the optional ceilings of the other spending categories
 */
public record Programme(
    double total_eur,
    double mines_eur,
    double[] yearCeilings_eur,
    double yearCapacity_h,
    boolean countClearance,
    Ceilings ceilings) {
  /**
   * Optional ceilings of the categories that share the programme beside mines (issue 14: "the rest
   * shared by barriers, sensors, EW and counter-drone, and clearance capability, each with its own
   * optional ceiling"); +Inf for none. The sensor ceiling is {@link SensorOptions#max_eur}.
   *
   * @param barriers_eur at most this on obstacles that are not minefields (construction)
   * @param ew_eur at most this on EW and counter-drone sites (purchase plus upkeep), chosen to
   *     protect named sites ({@link ProtectOptions})
   * @param clearance_eur at most this reserved for clearing the planned minefields: the clearance
   *     capability the programme must buy for them (each mine option's clearance cost)
   * @param byCountry_eur per home country (ISO code) at most this spent there: everything the plan
   *     buys at a site in that country (obstacles with their clearance liability, sensors, depot
   *     sites, EW and counter-drone sites), for a joint region where each country pays its own line
   *     (issue 16); empty: no country row. Sorted by code.
   */
  public record Ceilings(
      double barriers_eur,
      double ew_eur,
      double clearance_eur,
      java.util.SortedMap<String, Double> byCountry_eur) {
    public Ceilings {
      if (!(barriers_eur >= 0) || !(ew_eur >= 0) || !(clearance_eur >= 0)) {
        throw new IllegalArgumentException("category ceilings must be >= 0");
      }
      for (var e : byCountry_eur.entrySet()) {
        double v = e.getValue();
        if (!(v >= 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "the budget of " + e.getKey() + " must be a finite amount >= 0");
        }
      }
      byCountry_eur = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byCountry_eur));
    }

    /** Category ceilings without country budgets. */
    public Ceilings(double barriers_eur, double ew_eur, double clearance_eur) {
      this(barriers_eur, ew_eur, clearance_eur, new TreeMap<>());
    }

    /** No ceiling of any category. */
    public static Ceilings none() {
      return new Ceilings(
          Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** These ceilings less what is spent per country outside the model (not below 0). */
    Ceilings lessInCountries(Map<String, Double> spent_eur) {
      TreeMap<String, Double> left = new TreeMap<>(byCountry_eur);
      for (var e : spent_eur.entrySet()) {
        left.computeIfPresent(e.getKey(), (k, v) -> Math.max(0, v - e.getValue()));
      }
      return new Ceilings(barriers_eur, ew_eur, clearance_eur, left);
    }
  }

  /** A programme without category ceilings. */
  public Programme(
      double total_eur,
      double mines_eur,
      double[] yearCeilings_eur,
      double yearCapacity_h,
      boolean countClearance) {
    this(total_eur, mines_eur, yearCeilings_eur, yearCapacity_h, countClearance, Ceilings.none());
  }

  /** Most programme years. */
  public static final int MAX_YEARS = 50;

  public Programme {
    yearCeilings_eur = yearCeilings_eur.clone();
    java.util.Objects.requireNonNull(ceilings, "ceilings");
    if (!(total_eur >= 0) || !Double.isFinite(total_eur)) {
      throw new IllegalArgumentException("total budget must be a finite amount >= 0");
    }
    if (!(mines_eur >= 0)) {
      throw new IllegalArgumentException("mine ceiling must be >= 0");
    }
    if (yearCeilings_eur.length < 1 || yearCeilings_eur.length > MAX_YEARS) {
      throw new IllegalArgumentException("a programme has 1..50 years");
    }
    for (double c : yearCeilings_eur) {
      if (!(c >= 0) || !Double.isFinite(c)) {
        throw new IllegalArgumentException("yearly ceilings must be finite amounts >= 0");
      }
    }
    if (!(yearCapacity_h > 0)) {
      throw new IllegalArgumentException("yearly build capacity must be > 0 hours");
    }
  }

  /** EUR 1.1 bn over 10 equal years, at most EUR 800 m on mines, clearance counted. */
  public static Programme defaults() {
    return evenly(1.1e9, 800e6, 10, Double.POSITIVE_INFINITY);
  }

  /** A total spread evenly over {@code years}. */
  public static Programme evenly(double total, double mines, int years, double capacity_h) {
    if (years < 1 || years > MAX_YEARS) {
      throw new IllegalArgumentException("a programme has 1..50 years, not " + years);
    }
    double[] c = new double[years];
    Arrays.fill(c, total / years);
    return new Programme(total, mines, c, capacity_h, true);
  }

  public int years() {
    return yearCeilings_eur.length;
  }

  @Override
  public double[] yearCeilings_eur() {
    return yearCeilings_eur.clone();
  }

  /**
   * This programme less what is spent outside the barrier model (the protection step's EW and
   * counter-drone sites): {@code byYear_eur[y]} off year y's ceiling (not below 0) and their sum
   * off the total (not below 0).
   */
  public Programme less(double[] byYear_eur) {
    return less(byYear_eur, Map.of());
  }

  /**
   * As {@link #less(double[])}, and {@code byCountry_eur} (ISO code → spent there) off the country
   * budgets ({@link Ceilings#byCountry_eur}; a country without a budget is ignored).
   */
  public Programme less(double[] byYear_eur, Map<String, Double> byCountry_eur) {
    double[] c = yearCeilings_eur.clone();
    double sum = 0;
    for (int y = 0; y < Math.min(c.length, byYear_eur.length); y++) {
      c[y] = Math.max(0, c[y] - byYear_eur[y]);
      sum += byYear_eur[y];
    }
    return new Programme(
        Math.max(0, total_eur - sum),
        mines_eur,
        c,
        yearCapacity_h,
        countClearance,
        ceilings.lessInCountries(byCountry_eur));
  }

  /** This programme with other category ceilings. */
  public Programme withCeilings(Ceilings v) {
    return new Programme(total_eur, mines_eur, yearCeilings_eur, yearCapacity_h, countClearance, v);
  }

  /** What the whole programme may spend: the total, or the sum of the yearly ceilings if lower. */
  public double spendable_eur() {
    return Math.min(total_eur, Arrays.stream(yearCeilings_eur).sum());
  }
}
