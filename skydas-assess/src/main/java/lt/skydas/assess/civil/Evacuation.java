package lt.skydas.assess.civil;

import java.util.List;
import lt.skydas.mobility.Season;

/**
 * The evacuation of the settlements in the attacker's 48 h reach (with the plan, any case) to the
 * rear, by road in one season, with the plan's closures in place (docs/civilians.md). Immutable.
 *
 * @param season the season of the road speeds
 * @param rear the assembly points, by name
 * @param rows one per settlement in reach, soonest reached first
 * @param warnings_h the warning times the risk is counted at
 * @param peopleAtRisk per warning time: people who cannot reach the rear before the attacker
 *     reaches their settlement (leaving at warning; cut-off settlements always count)
 * @param peopleWithoutRoad people of settlements with no road to the rear even without the plan (no
 *     road node within 3 km, or a road network piece of their own in the data): not counted at
 *     risk, reported apart
 */
public record Evacuation(
    Season season,
    List<String> rear,
    List<Row> rows,
    double[] warnings_h,
    long[] peopleAtRisk,
    long peopleWithoutRoad) {

  /**
   * An assembly point at the rear given by the user (instead of the towns the attacker reaches
   * last), in the region's map CRS.
   */
  public record Assembly(String name, double x_m, double y_m) {}

  /**
   * Hours from the warning to being on the road (the alert reaching people, gathering family and
   * papers, leaving): counted in every evacuation time (docs/civilians.md).
   */
  public static final double DEPART_H = 1.0;

  /**
   * The fastest an evacuation moves on any road (km/h): the speed table's wheeled speeds, at most
   * this in the traffic of a mass departure (docs/civilians.md).
   */
  public static final double EVACUATION_ROAD_KMH = 40;

  /** Warning times the risk is counted at (h). */
  public static final double[] WARNINGS_H = {0, 6, 12, 24, 48};

  /**
   * One settlement.
   *
   * @param arrival_h the attacker's earliest arrival with the plan over the cases (h)
   * @param evacBaseline_h time from the warning to the nearest assembly point without the plan:
   *     {@link #DEPART_H} to get on the road, then the drive (h; +Inf: no road out, or no road
   *     within reach of the settlement)
   * @param evac_h with the plan's closures (non-openable obstacles that cut roads) in place
   * @param cutOff the plan cuts it off: a way out without the plan, none with it — a violation
   * @param unlessOpened a way out only while the plan's openable obstacles (control points,
   *     prepared demolitions) stay open
   * @param nearestClosure the plan's nearest road-cutting obstacle (id), when cut off
   */
  public record Row(
      String name,
      String place,
      long population,
      double x_m,
      double y_m,
      double arrival_h,
      double evacBaseline_h,
      double evac_h,
      boolean cutOff,
      boolean unlessOpened,
      String nearestClosure,
      double nearestClosure_m) {

    /** No road to the rear even without the plan (the data's road network). */
    public boolean noRoad() {
      return !Double.isFinite(evacBaseline_h);
    }

    /** Hours left between reaching the rear and the attacker's arrival, leaving at warning. */
    public double slack_h(double warning_h) {
      return warning_h + arrival_h - evac_h;
    }
  }

  /** Settlements the plan cuts off. */
  public List<Row> cutOff() {
    return rows.stream().filter(Row::cutOff).toList();
  }

  /** No evacuation (no residents, or no assembly point on the roads). */
  public static Evacuation none(Season s) {
    return new Evacuation(
        s, List.of(), List.of(), WARNINGS_H.clone(), new long[WARNINGS_H.length], 0);
  }
}
