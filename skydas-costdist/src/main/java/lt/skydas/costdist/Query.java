package lt.skydas.costdist;

import java.util.Objects;

/**
 * Parameters of one search: sources with optional initial costs, an optional cost cutoff, optional
 * target nodes for early termination and the queue strategy. Immutable value object; the arrays
 * passed in are copied.
 *
 * <pre>{@code
 * Query q = Query.from(src).withCutoff(3600).withTargets(a, b);
 * }</pre>
 */
public final class Query {
  private final int[] sources;
  private final double[] initialCosts;
  private final double cutoff;
  private final int[] targets;
  private final boolean firstTarget;
  private final int[][] groups;
  private final QueueStrategy strategy;
  private final boolean paths;

  private Query(
      int[] sources,
      double[] initialCosts,
      double cutoff,
      int[] targets,
      QueueStrategy strategy,
      boolean firstTarget,
      int[][] groups,
      boolean paths) {
    this.paths = paths;
    this.groups = groups;
    this.firstTarget = firstTarget;
    this.sources = sources;
    this.initialCosts = initialCosts;
    this.cutoff = cutoff;
    this.targets = targets;
    this.strategy = strategy;
  }

  /** Sources with initial cost 0, no cutoff, no targets, {@link QueueStrategy#AUTO}. */
  public static Query from(int... sources) {
    return new Query(
        sources.clone(),
        null,
        Double.POSITIVE_INFINITY,
        null,
        QueueStrategy.AUTO,
        false,
        null,
        true);
  }

  /**
   * Sets per-source initial costs (same length as the sources; each finite and &ge; 0, or +Inf to
   * ignore that source). If a node appears several times the smallest initial cost wins.
   */
  public Query withInitialCosts(double... costs) {
    Objects.requireNonNull(costs, "costs");
    if (costs.length != sources.length) {
      throw new IllegalArgumentException(
          "initial costs length " + costs.length + " != sources " + sources.length);
    }
    for (double c : costs) {
      if (!(c >= 0)) {
        throw new IllegalArgumentException("initial cost must be >= 0: " + c);
      }
    }
    return new Query(sources, costs.clone(), cutoff, targets, strategy, firstTarget, groups, paths);
  }

  /**
   * Sets the cost cutoff: the search stops before settling any node whose cost exceeds it; such
   * nodes report +Inf. Default +Inf (no cutoff).
   */
  public Query withCutoff(double cutoff) {
    if (Double.isNaN(cutoff)) {
      throw new IllegalArgumentException("cutoff is NaN");
    }
    return new Query(sources, initialCosts, cutoff, targets, strategy, firstTarget, groups, paths);
  }

  /**
   * Sets target nodes: the search stops as soon as all of them are settled (their costs are then
   * final; other nodes may or may not be settled). Unreachable targets make the search run to
   * completion; an empty list means no early termination. Duplicates are allowed.
   */
  public Query withTargets(int... targets) {
    return new Query(sources, initialCosts, cutoff, targets.clone(), strategy, false, null, paths);
  }

  /**
   * Sets target nodes of which one suffices: the search stops as soon as the first of them is
   * settled, which is then the cheapest of them (the others may be unsettled). Use it for "time to
   * reach an area": unreachable cells in the area no longer make the search run to completion.
   */
  public Query withFirstOfTargets(int... targets) {
    return new Query(sources, initialCosts, cutoff, targets.clone(), strategy, true, null, paths);
  }

  /**
   * Sets groups of target nodes: the search stops as soon as one node of every group is settled
   * (the first settled of a group is its cheapest, so the least cost over each group is then
   * final). Use it for "time to reach each of these areas": a group's unreachable cells no longer
   * make the search run to completion, only a group none of whose nodes can be reached does. Empty
   * groups are ignored; no groups (or only empty ones) means no early termination. Replaces targets
   * set before; the arrays are copied.
   */
  public Query withTargetGroups(int[][] groups) {
    int[][] g = new int[groups.length][];
    for (int i = 0; i < g.length; i++) {
      g[i] = groups[i].clone();
    }
    return new Query(sources, initialCosts, cutoff, null, strategy, false, g, paths);
  }

  int[][] groups() {
    return groups;
  }

  boolean stopsAtFirstTarget() {
    return firstTarget;
  }

  /** Sets the queue strategy (default {@link QueueStrategy#AUTO}). */
  public Query withStrategy(QueueStrategy strategy) {
    return new Query(
        sources,
        initialCosts,
        cutoff,
        targets,
        Objects.requireNonNull(strategy, "strategy"),
        firstTarget,
        groups,
        paths);
  }

  /**
   * Keeps no predecessors: the search then skips their writes (a few per cent of a large search)
   * and {@link CostDistanceSearch#predecessor}, {@link CostDistanceSearch#path} and {@link
   * CostDistanceSearch#copyPredecessors} refuse to answer. For searches that need costs only.
   */
  public Query withoutPaths() {
    return new Query(sources, initialCosts, cutoff, targets, strategy, firstTarget, groups, false);
  }

  /** False after {@link #withoutPaths}. */
  boolean keepsPaths() {
    return paths;
  }

  int[] sources() {
    return sources;
  }

  double initialCost(int i) {
    return initialCosts == null ? 0.0 : initialCosts[i];
  }

  double cutoff() {
    return cutoff;
  }

  int[] targets() {
    return targets;
  }

  /** The requested strategy. */
  public QueueStrategy strategy() {
    return strategy;
  }
}
