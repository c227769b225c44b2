package lt.skydas.optimize.solve;

import java.util.List;

/**
 * A build schedule for a plan over years {@code 1..Y}; year 0 holds the options that already stand.
 * Arrays indexed by year have {@code Y + 1} entries. Arrays are copied on construction; do not
 * modify the arrays the accessors return.
 *
 * @param yearOf per option: its year (0 = existing, 1..Y), {@link #NOT_IN_PLAN} or {@link
 *     #UNSCHEDULED}
 * @param order options in build order (existing first)
 * @param spent_eur per year: euros spent (option costs)
 * @param effort_h per year: build hours used
 * @param objective per year: objective at the end of the year (what is built by then)
 * @param length_s per year, per scenario: attacker time at the end of the year
 * @param baselineObjective objective of the empty plan
 * @param unscheduled options of the plan that fit in no year (cost or effort above every remaining
 *     ceiling), in option order; they are in no year's objective
 */
public record Phasing(
    int[] yearOf,
    int[] order,
    long[] spent_eur,
    double[] effort_h,
    double[] objective,
    double[][] length_s,
    double baselineObjective,
    List<Integer> unscheduled) {
  /** {@link #yearOf} value of an option that is not in the plan. */
  public static final int NOT_IN_PLAN = -1;

  /** {@link #yearOf} value of a plan option that fits in no year. */
  public static final int UNSCHEDULED = Integer.MAX_VALUE;

  public Phasing {
    yearOf = yearOf.clone();
    order = order.clone();
    spent_eur = spent_eur.clone();
    effort_h = effort_h.clone();
    objective = objective.clone();
    double[][] l = new double[length_s.length][];
    for (int y = 0; y < l.length; y++) {
      l[y] = length_s[y].clone();
    }
    length_s = l;
    unscheduled = List.copyOf(unscheduled);
  }

  /** Number of years (without year 0). */
  public int years() {
    return objective.length - 1;
  }

  /** Objective gained over the empty plan by the end of year {@code y}. */
  public double gain(int y) {
    return objective[y] - baselineObjective;
  }
}
