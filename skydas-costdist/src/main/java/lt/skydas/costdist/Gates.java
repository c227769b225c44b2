package lt.skydas.costdist;

import java.util.Arrays;

/**
 * Delays that act only if the search reaches them late enough: obstacles laid in a race against the
 * mover (issue 15). Gate {@code g} adds {@code cellDelay_s} to every move into one of its cells and
 * {@code edgeDelay_s} to every traversal of one of its edges — if it is <i>active</i>; it is active
 * iff its <i>reach</i> is at least its {@code threshold}.
 *
 * <p><b>Reach.</b> The earliest time the mover gets to the gate, before any gated delay there: for
 * an edge, the arrival at its source; for a cell, the arrival at the cell with every delay on the
 * way counted but none of the gated delays of that cell (the cell's ungated penalty counts). The
 * reach is the minimum over the gate's cells and edges.
 *
 * <p><b>Semantics.</b> {@link CostDistanceSearch#run} with gates computes the earliest arrival at
 * every node when each gate acts as decided by its own reach in that same result, and among the
 * self-consistent answers the least one: it equals the least fixed point of "the active set is the
 * gates whose reach, with exactly the active set acting, is at least their threshold", reached by
 * iterating from the empty set. One search instead of one per round: a gate's reach never depends
 * on its own delay, and a node's arrival through a gate grows with the arrival at the gate (delays
 * are non-negative, a later arrival is never pushed earlier), so Dijkstra's order decides each gate
 * at its reach, before any node whose cost depends on it is settled.
 *
 * <p>Immutable; build with {@link #builder}. Thread safe.
 */
public final class Gates {
  final int cellCount;
  final int edgeCount;
  final double[] threshold;
  final double[] cellDelay;
  final double[] edgeDelay;
  final int[][] cells;
  final int[][] edges;

  /**
   * One bit per edge: some gate has it (the search keeps the gated cells' bits in its own layout,
   * {@link GateRun}).
   */
  final long[] edgeBits;

  /** Sorted gated cells and, per position, the gates there ({@code cellGates[cellStart[i]..]}). */
  final int[] gatedCells;

  final int[] cellStart;
  final int[] cellGates;
  final int[] gatedEdges;
  final int[] edgeStart;
  final int[] edgeGates;

  /** The most the gates can add to one move: the largest sum over one edge plus over one cell. */
  final double maxMoveDelay;

  private Gates(Builder b) {
    this.cellCount = b.cellCount;
    this.edgeCount = b.edgeCount;
    int n = b.size;
    this.threshold = Arrays.copyOf(b.threshold, n);
    this.cellDelay = Arrays.copyOf(b.cellDelay, n);
    this.edgeDelay = Arrays.copyOf(b.edgeDelay, n);
    this.cells = Arrays.copyOf(b.cells, n);
    this.edges = Arrays.copyOf(b.edges, n);
    this.edgeBits = new long[(edgeCount + 63) >>> 6];
    int[][] c = index(cells, null);
    this.gatedCells = c[0];
    this.cellStart = c[1];
    this.cellGates = c[2];
    int[][] e = index(edges, edgeBits);
    this.gatedEdges = e[0];
    this.edgeStart = e[1];
    this.edgeGates = e[2];
    this.maxMoveDelay =
        maxSum(cellStart, cellGates, cellDelay) + maxSum(edgeStart, edgeGates, edgeDelay);
  }

  private static double maxSum(int[] start, int[] gates, double[] delay) {
    double max = 0;
    for (int i = 0; i + 1 < start.length; i++) {
      double sum = 0;
      for (int j = start[i]; j < start[i + 1]; j++) {
        sum += delay[gates[j]];
      }
      max = Math.max(max, sum);
    }
    return max;
  }

  /** Sorted distinct ids, CSR starts, gate lists; sets the bits (if not null). */
  private static int[][] index(int[][] perGate, long[] bits) {
    int total = 0;
    for (int[] ids : perGate) {
      total += ids.length;
    }
    long[] pairs = new long[total];
    int k = 0;
    for (int g = 0; g < perGate.length; g++) {
      for (int id : perGate[g]) {
        pairs[k++] = ((long) id << 32) | g;
      }
    }
    Arrays.sort(pairs);
    int[] ids = new int[total];
    int[] start = new int[total + 1];
    int[] gates = new int[total];
    int m = 0;
    int prev = -1;
    for (int i = 0; i < total; i++) {
      int id = (int) (pairs[i] >>> 32);
      int g = (int) pairs[i];
      if (id != prev) {
        start[m] = i;
        ids[m++] = id;
        prev = id;
        if (bits != null) {
          bits[id >>> 6] |= 1L << id;
        }
      }
      gates[i] = g;
    }
    start[m] = total;
    return new int[][] {Arrays.copyOf(ids, m), Arrays.copyOf(start, m + 1), gates};
  }

  /**
   * A builder for gates over a grid of {@code cellCount} cells and a graph of {@code edgeCount}
   * edges (0 without one).
   */
  public static Builder builder(int cellCount, int edgeCount) {
    return new Builder(cellCount, edgeCount);
  }

  /** Number of gates. */
  public int count() {
    return threshold.length;
  }

  /** Accumulates gates; not thread safe. */
  public static final class Builder {
    private final int cellCount;
    private final int edgeCount;
    private int size;
    private double[] threshold = new double[8];
    private double[] cellDelay = new double[8];
    private double[] edgeDelay = new double[8];
    private int[][] cells = new int[8][];
    private int[][] edges = new int[8][];

    private Builder(int cellCount, int edgeCount) {
      if (cellCount < 0 || edgeCount < 0) {
        throw new IllegalArgumentException("negative count");
      }
      this.cellCount = cellCount;
      this.edgeCount = edgeCount;
    }

    /**
     * Adds a gate; returns its index (0, 1, … in order of addition).
     *
     * @param threshold the gate acts iff its reach is at least this (any value; -Inf: always, NaN
     *     or +Inf: never)
     * @param cells grid cells it delays moves into (ids {@code 0..cellCount-1}, copied)
     * @param cellDelay_s delay added to each such move when active, finite and ≥ 0
     * @param edges edges whose traversal it delays (ids {@code 0..edgeCount-1}, copied)
     * @param edgeDelay_s delay added to each such traversal when active, finite and ≥ 0
     * @throws IllegalArgumentException on an id out of range or a bad delay
     */
    public int add(
        double threshold, int[] cells, double cellDelay_s, int[] edges, double edgeDelay_s) {
      if (!(cellDelay_s >= 0)
          || !(edgeDelay_s >= 0)
          || Double.isInfinite(cellDelay_s)
          || Double.isInfinite(edgeDelay_s)) {
        throw new IllegalArgumentException("gate delays must be finite and >= 0");
      }
      int[] c = distinct(cells, cellCount, "cell");
      int[] e = distinct(edges, edgeCount, "edge");
      if (size == this.threshold.length) {
        int cap = size * 2;
        this.threshold = Arrays.copyOf(this.threshold, cap);
        this.cellDelay = Arrays.copyOf(this.cellDelay, cap);
        this.edgeDelay = Arrays.copyOf(this.edgeDelay, cap);
        this.cells = Arrays.copyOf(this.cells, cap);
        this.edges = Arrays.copyOf(this.edges, cap);
      }
      this.threshold[size] = threshold;
      this.cellDelay[size] = cellDelay_s;
      this.edgeDelay[size] = edgeDelay_s;
      this.cells[size] = c;
      this.edges[size] = e;
      return size++;
    }

    private static int[] distinct(int[] ids, int bound, String what) {
      int[] s = ids.clone();
      Arrays.sort(s);
      int m = 0;
      for (int i = 0; i < s.length; i++) {
        if (s[i] < 0 || s[i] >= bound) {
          throw new IllegalArgumentException(what + " " + s[i] + " out of 0.." + (bound - 1));
        }
        if (i == 0 || s[i] != s[i - 1]) {
          s[m++] = s[i];
        }
      }
      return Arrays.copyOf(s, m);
    }

    public Gates build() {
      return new Gates(this);
    }
  }
}
