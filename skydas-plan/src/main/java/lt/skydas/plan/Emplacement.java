package lt.skydas.plan;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an obstacle type comes into being (issue 15): built in peacetime ({@link
 * Employment#PERMANENT}), prepared in peacetime and executed on order ({@link Employment#RESERVED}:
 * bridge demolitions, road craters, control-point closures), or stocked in peacetime and laid when
 * warning comes ({@link Employment#CRISIS_LAID}: minefields). For the last two, what stock one unit
 * of the obstacle (km, ha or each, as the type's {@code unit}) needs, what the peacetime cost of
 * one unit splits into, and how many hours one team of each type needs to lay or execute one unit.
 * Immutable.
 *
 * @param stockPerUnit what is drawn from a depot per unit of the obstacle, items by stock kind
 *     ({@code at_mines: 1000}); empty when nothing is (the material waits at the site, e.g. a
 *     control point's barrier sets)
 * @param preparationCostEur_perUnit peacetime work at the site (chambers, survey, marking posts)
 * @param stockCostEur_perUnit the stock bought and stored; preparation + stock = the type's cost
 * @param workH_perUnit hours one team of each type needs per unit, loading at the depot included; a
 *     team type absent here cannot do the work. Empty for permanent obstacles
 * @param storage how the stock is kept (text for the record and the report)
 */
public record Emplacement(
    Employment employment,
    Map<String, Double> stockPerUnit,
    double preparationCostEur_perUnit,
    double stockCostEur_perUnit,
    Map<String, Double> workH_perUnit,
    String storage) {

  /** When an obstacle type is put in place. */
  public enum Employment {
    /** Built in peacetime, in its programme year. */
    PERMANENT,
    /** Prepared in peacetime, executed on order when warning comes. */
    RESERVED,
    /** Stock bought in peacetime, laid when warning comes. */
    CRISIS_LAID;

    /** The id used in catalog and output files ({@code crisis_laid}). */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Emplacement {
    Objects.requireNonNull(employment, "employment");
    workH_perUnit = Map.copyOf(new TreeMap<>(workH_perUnit));
    stockPerUnit = Map.copyOf(new TreeMap<>(stockPerUnit));
    storage = storage == null ? "" : storage;
    if (employment == Employment.PERMANENT) {
      if (!stockPerUnit.isEmpty() || !workH_perUnit.isEmpty()) {
        throw new IllegalArgumentException("a permanent obstacle has no stock and no crisis work");
      }
    } else if (workH_perUnit.isEmpty()) {
      throw new IllegalArgumentException(employment.id() + " obstacle without any team type");
    }
    for (Map.Entry<String, Double> e : stockPerUnit.entrySet()) {
      if (!e.getKey().matches("[a-z][a-z0-9_]{0,63}")) {
        throw new IllegalArgumentException(
            "stock kind must be lower_snake_case, not \"" + e.getKey() + "\"");
      }
      if (!(e.getValue() > 0 && Double.isFinite(e.getValue()))) {
        throw new IllegalArgumentException(
            "stock_per_unit." + e.getKey() + " must be > 0, not " + e.getValue());
      }
    }
    for (Map.Entry<String, Double> e : workH_perUnit.entrySet()) {
      if (!(e.getValue() > 0 && Double.isFinite(e.getValue()))) {
        throw new IllegalArgumentException(
            "work_h_per_unit." + e.getKey() + " must be > 0, not " + e.getValue());
      }
    }
  }

  /** A type built in peacetime. */
  public static Emplacement permanent() {
    return new Emplacement(Employment.PERMANENT, Map.of(), 0, 0, Map.of(), "");
  }

  /** True when a team must draw stock from a depot to put it in place. */
  public boolean needsStock() {
    return !stockPerUnit.isEmpty();
  }

  /** Least work of any job, s: loading, a briefing, the drive off the road. */
  public static final double MIN_WORK_S = 60;

  /**
   * Seconds one team of {@code teamType} needs to lay or execute {@code quantity} units (the type's
   * unit: km, ha or each): hours per unit × quantity, at least {@link #MIN_WORK_S}; +Inf when the
   * team type cannot do it. The one rule for emplacement work (the emplacement timeline and the
   * optimiser both use it).
   */
  public double work_s(String teamType, double quantity) {
    Double h = workH_perUnit.get(teamType);
    return h == null ? Double.POSITIVE_INFINITY : Math.max(MIN_WORK_S, h * quantity * 3600);
  }

  /** True when it is put in place only when warning comes (reserved or crisis-laid). */
  public boolean onWarning() {
    return employment != Employment.PERMANENT;
  }
}
