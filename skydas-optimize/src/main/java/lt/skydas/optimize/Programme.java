package lt.skydas.optimize;

import java.util.Arrays;

/**
 * The money and effort a barrier programme may spend. Defaults follow the announced Lithuanian
 * programme (docs/REFERENCES: about EUR 1.1 bn over 10 years, of which about EUR 800 m on mines).
 *
 * @param total_eur total over the programme
 * @param mines_eur at most this on minefields (construction cost)
 * @param yearCeilings_eur spending ceiling per year, one per programme year
 * @param yearCapacity_h build effort engineers can deliver per year (hours), +Inf for unlimited
 * @param countClearance charge each mine's clearance cost against the total when it is planned
 */
public record Programme(
    double total_eur,
    double mines_eur,
    double[] yearCeilings_eur,
    double yearCapacity_h,
    boolean countClearance) {
  /** Most programme years. */
  public static final int MAX_YEARS = 50;

  public Programme {
    yearCeilings_eur = yearCeilings_eur.clone();
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

  /** What the whole programme may spend: the total, or the sum of the yearly ceilings if lower. */
  public double spendable_eur() {
    return Math.min(total_eur, Arrays.stream(yearCeilings_eur).sum());
  }
}
