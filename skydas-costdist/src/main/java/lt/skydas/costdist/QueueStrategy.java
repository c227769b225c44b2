package lt.skydas.costdist;

/**
 * Priority-queue strategy used by {@link CostDistanceSearch}. All strategies give identical costs.
 */
public enum QueueStrategy {
  /**
   * Use {@link #BUCKET} when it is applicable and practical (minimum possible move cost is positive
   * and the ratio of maximum to minimum move cost is at most about one million), else {@link
   * #HEAP}.
   */
  AUTO,
  /**
   * Dinitz's generalised bucket queue (Dial's algorithm with bucket width slightly below the
   * minimum move cost). If it is not applicable to the inputs (zero-cost moves, extreme cost
   * ratios) or the floating-point safety check trips, the search transparently falls back to {@link
   * #HEAP}; {@link CostDistanceSearch#lastStrategy()} tells which one produced the result.
   */
  BUCKET,
  /** Lazy-deletion 4-ary binary heap keyed by arrival cost; always applicable. */
  HEAP
}
