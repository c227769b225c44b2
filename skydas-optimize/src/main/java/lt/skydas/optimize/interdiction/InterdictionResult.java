package lt.skydas.optimize.interdiction;

import java.util.Arrays;

/**
 * A plan and its value: the attacker's shortest s–t length with the plan's arcs interdicted.
 *
 * @param arcs interdicted arcs, ascending
 * @param upperBound a proven bound on the optimum (+Inf when none is known)
 * @param method how it was found ("greedy+swap", "brute force" …)
 */
public record InterdictionResult(double value, int[] arcs, double upperBound, String method) {
  public InterdictionResult {
    arcs = arcs.clone();
    Arrays.sort(arcs);
  }

  /** True when the value is proven optimal. */
  public boolean provenOptimal() {
    return upperBound <= value + 1e-9;
  }

  /** Relative gap (upper bound − value) / value; +Inf without a bound. */
  public double gap() {
    return value > 0 ? (upperBound - value) / value : Double.POSITIVE_INFINITY;
  }

  @Override
  public int[] arcs() {
    return arcs.clone();
  }
}
