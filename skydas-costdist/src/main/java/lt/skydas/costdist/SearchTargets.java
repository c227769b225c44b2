package lt.skydas.costdist;

/**
 * The targets of a running query ({@link Query#withTargets}, {@link Query#withTargetGroups}) by
 * internal id ({@link TileLayout}): one bit per node, how many targets or groups are left, the
 * groups. Not thread safe (one search's state).
 */
final class SearchTargets {
  private final TileLayout lay;
  private final int n;
  private final int size;

  /** One bit per internal id: a target or a group member (null until a query has any). */
  long[] bits;

  /** Targets (or non-empty groups) not reached yet; the search stops when it falls to 0. */
  int remaining;

  // target groups of the running query, or null
  private TargetGroups groups;

  /**
   * @param n external node count
   * @param size internal node count
   */
  SearchTargets(TileLayout lay, int n, int size) {
    this.lay = lay;
    this.n = n;
    this.size = size;
  }

  /** Marks the query's targets and groups. */
  void mark(Query q) {
    markTargets(q.targets(), true);
    if (q.stopsAtFirstTarget() && remaining > 1) {
      remaining = 1;
    }
    markGroups(q.groups());
  }

  /** Clears what {@link #mark} set. */
  void unmark(Query q) {
    markTargets(q.targets(), false);
    if (groups != null) {
      groups.mark(bits, false);
      groups = null;
    }
  }

  /**
   * A target node {@code u} was settled: counts it off (plain targets) or counts off every group of
   * it not yet reached. True when no target or group is left: the search stops.
   */
  boolean hit(int u) {
    if (groups == null) {
      return --remaining == 0;
    }
    remaining -= groups.hit(u);
    return remaining == 0;
  }

  /** Marks the groups' nodes as targets; {@link #remaining} = the number of non-empty groups. */
  private void markGroups(int[][] g) {
    groups = null;
    if (g == null) {
      return;
    }
    if (bits == null) {
      bits = new long[(size + 63) >>> 6];
    }
    int[][] in = new int[g.length][];
    for (int k = 0; k < g.length; k++) {
      in[k] = new int[g[k].length];
      for (int j = 0; j < g[k].length; j++) {
        int v = g[k][j];
        if (v < 0 || v >= n) {
          throw new IllegalArgumentException("target node " + v + " out of range [0, " + n + ")");
        }
        in[k][j] = lay.in(v);
      }
    }
    groups = new TargetGroups(in, size);
    groups.mark(bits, true);
    remaining = groups.nonEmpty();
  }

  private void markTargets(int[] targets, boolean set) {
    remaining = 0;
    if (targets == null || targets.length == 0) {
      return;
    }
    if (bits == null) {
      bits = new long[(size + 63) >>> 6];
    }
    for (int x : targets) {
      int t = lay.in(x);
      long bit = 1L << t;
      if (set) {
        if ((bits[t >>> 6] & bit) == 0) {
          bits[t >>> 6] |= bit;
          remaining++;
        }
      } else {
        bits[t >>> 6] &= ~bit;
      }
    }
  }
}
