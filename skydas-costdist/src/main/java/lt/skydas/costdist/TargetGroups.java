package lt.skydas.costdist;

import java.util.Arrays;

/**
 * The target groups of one query ({@link Query#withTargetGroups}): the distinct member nodes in
 * ascending order, per node the groups it belongs to (CSR), and which groups a settled node has
 * reached. A settled member finds its entry through an open-addressing table (linear probing, at
 * most half full): one or two cache misses, where a binary search over the ~3·10^4 members of a
 * race on the real region (objective nodes, obstacle cells) took about fifteen. Not thread safe
 * (one search's state).
 */
final class TargetGroups {
  private final int[] nodes;
  private final int[] start;
  private final int[] groupOf;
  private final boolean[] done;
  private final int nonEmpty;

  /** Open addressing: slot → node index + 1 (0: empty); {@code mask + 1} slots, a power of two. */
  private final int[] table;

  private final int mask;

  private final int shift;

  /**
   * @param groups node lists, each may be empty or repeat nodes of others
   * @param n the search's node count
   * @throws IllegalArgumentException for a node outside {@code [0, n)}
   */
  TargetGroups(int[][] groups, int n) {
    int total = 0;
    int ne = 0;
    for (int[] g : groups) {
      total += g.length;
      ne += g.length > 0 ? 1 : 0;
    }
    long[] pairs = new long[total];
    int k = 0;
    for (int g = 0; g < groups.length; g++) {
      for (int v : groups[g]) {
        if (v < 0 || v >= n) {
          throw new IllegalArgumentException("target node " + v + " out of range [0, " + n + ")");
        }
        pairs[k++] = ((long) v << 32) | g;
      }
    }
    Arrays.sort(pairs);
    int[] ns = new int[total];
    int[] st = new int[total + 1];
    int[] of = new int[total];
    int distinct = 0;
    for (int i = 0; i < total; i++) {
      int v = (int) (pairs[i] >>> 32);
      if (distinct == 0 || ns[distinct - 1] != v) {
        ns[distinct] = v;
        st[distinct++] = i;
      }
      of[i] = (int) pairs[i];
    }
    st[distinct] = total;
    this.nodes = Arrays.copyOf(ns, distinct);
    this.start = Arrays.copyOf(st, distinct + 1);
    this.groupOf = of;
    this.done = new boolean[groups.length];
    this.nonEmpty = ne;
    int slots = Integer.highestOneBit(Math.max(2, distinct * 2 - 1)) << 1;
    this.table = new int[slots];
    this.mask = slots - 1;
    this.shift = 32 - Integer.numberOfTrailingZeros(slots);
    for (int i = 0; i < distinct; i++) {
      int h = slot(nodes[i]);
      while (table[h] != 0) {
        h = (h + 1) & mask;
      }
      table[h] = i + 1;
    }
  }

  private int slot(int node) {
    return (node * 0x9E3779B9) >>> shift; // Fibonacci hashing: the product's top bits
  }

  /** Index of member node {@code u} in {@link #nodes}. */
  private int indexOf(int u) {
    int h = slot(u);
    while (true) {
      int i = table[h] - 1;
      if (i < 0) {
        throw new IllegalStateException("node " + u + " is not a target");
      }
      if (nodes[i] == u) {
        return i;
      }
      h = (h + 1) & mask;
    }
  }

  /** The number of groups with at least one node. */
  int nonEmpty() {
    return nonEmpty;
  }

  /** Sets or clears the member nodes' bits in {@code bits}. */
  void mark(long[] bits, boolean set) {
    for (int v : nodes) {
      if (set) {
        bits[v >>> 6] |= 1L << v;
      } else {
        bits[v >>> 6] &= ~(1L << v);
      }
    }
  }

  /** Member node {@code u} was settled: the number of its groups it reaches first. */
  int hit(int u) {
    int i = indexOf(u);
    int reached = 0;
    for (int k = start[i]; k < start[i + 1]; k++) {
      int g = groupOf[k];
      if (!done[g]) {
        done[g] = true;
        reached++;
      }
    }
    return reached;
  }
}
