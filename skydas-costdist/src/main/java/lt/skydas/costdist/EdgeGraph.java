package lt.skydas.costdist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Explicit directed edges over the dense node ids {@code 0..nodeCount-1} (grid cells first, then
 * extra nodes such as road points), stored in compressed sparse row (CSR) form: the out-edges of
 * node {@code u} are the edge indices {@code firstEdge[u] .. firstEdge[u+1]-1}, each with a target
 * node and a {@code double} cost (kept in double so that no precision is lost).
 *
 * <p>Build with {@link #builder(int)}, {@link Builder#addEdge(int, int, double)} and {@link
 * Builder#freeze()}. The topology is immutable; {@link #withCosts(double[])} returns a graph that
 * shares the topology with a new cost vector (e.g. another vehicle class or season), in O(edges)
 * without rebuilding. Costs are indexed by <em>insertion order</em> (the value returned by {@code
 * addEdge}). A cost of +Inf makes an edge unusable. An edge leading into a grid cell also pays the
 * cell's entry penalty (see {@link CostGrid}); edges into or out of impassable cells are never
 * used.
 *
 * <p>Instances are immutable and thread safe.
 */
public final class EdgeGraph {
  private final int nodeCount;
  private final int[] firstEdge;
  private final int[] target;

  /** CSR position of the edge with a given insertion index. */
  private final int[] csrOfInsertion;

  private final double[] cost;
  private final double minCost;
  private final double maxFiniteCost;

  private EdgeGraph(
      int nodeCount, int[] firstEdge, int[] target, int[] csrOfInsertion, double[] cost) {
    this.nodeCount = nodeCount;
    this.firstEdge = firstEdge;
    this.target = target;
    this.csrOfInsertion = csrOfInsertion;
    this.cost = cost;
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double c : cost) {
      if (c != Double.POSITIVE_INFINITY) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
    }
    this.minCost = lo;
    this.maxFiniteCost = hi;
  }

  /** Starts building a graph over {@code nodeCount} nodes. */
  public static Builder builder(int nodeCount) {
    return new Builder(nodeCount);
  }

  /**
   * Returns a graph with the same topology and new costs.
   *
   * @param costsByInsertion one cost per edge, indexed by insertion order; each finite &ge; 0 or
   *     +Inf
   * @throws IllegalArgumentException on wrong length or an invalid cost
   */
  public EdgeGraph withCosts(double[] costsByInsertion) {
    Objects.requireNonNull(costsByInsertion, "costsByInsertion");
    if (costsByInsertion.length != target.length) {
      throw new IllegalArgumentException(
          "expected " + target.length + " costs, got " + costsByInsertion.length);
    }
    double[] c = new double[target.length];
    for (int i = 0; i < costsByInsertion.length; i++) {
      c[csrOfInsertion[i]] = checkCost(costsByInsertion[i]);
    }
    return new EdgeGraph(nodeCount, firstEdge, target, csrOfInsertion, c);
  }

  static double checkCost(double c) {
    if (!(c >= 0)) {
      throw new IllegalArgumentException("edge cost must be >= 0 or +Inf: " + c);
    }
    return c;
  }

  /** Number of nodes (grid cells plus extra nodes). */
  public int nodeCount() {
    return nodeCount;
  }

  /** Number of edges. */
  public int edgeCount() {
    return target.length;
  }

  /** First CSR edge index of node {@code u}; its edges end at {@code firstEdge(u + 1)}. */
  public int firstEdge(int u) {
    return firstEdge[u];
  }

  /** Target node of CSR edge {@code e}. */
  public int target(int e) {
    return target[e];
  }

  /** Cost of CSR edge {@code e}. */
  public double cost(int e) {
    return cost[e];
  }

  /** CSR edge index of the edge added {@code insertion}-th (the id returned by addEdge). */
  public int edgeOfInsertion(int insertion) {
    return csrOfInsertion[insertion];
  }

  int[] firstEdgeArray() {
    return firstEdge;
  }

  int[] targetArray() {
    return target;
  }

  double[] costArray() {
    return cost;
  }

  /** Smallest finite edge cost, +Inf if none. */
  double minCost() {
    return minCost;
  }

  /** Largest finite edge cost, 0 if none. */
  double maxFiniteCost() {
    return maxFiniteCost;
  }

  /** Collects edges; not thread safe; single use. */
  public static final class Builder {
    private final int nodeCount;
    private int[] from = new int[16];
    private int[] to = new int[16];
    private double[] cost = new double[16];
    private int size;
    private boolean frozen;

    private Builder(int nodeCount) {
      if (nodeCount < 0) {
        throw new IllegalArgumentException("nodeCount < 0: " + nodeCount);
      }
      this.nodeCount = nodeCount;
    }

    /**
     * Adds a directed edge.
     *
     * @param from source node id
     * @param to target node id
     * @param cost finite &ge; 0, or +Inf for an unusable edge
     * @return the insertion index of the edge (for {@link EdgeGraph#withCosts(double[])})
     */
    public int addEdge(int from, int to, double cost) {
      if (frozen) {
        throw new IllegalStateException("builder already frozen");
      }
      Objects.checkIndex(from, nodeCount);
      Objects.checkIndex(to, nodeCount);
      checkCost(cost);
      if (size == this.from.length) {
        int n = size * 2;
        this.from = Arrays.copyOf(this.from, n);
        this.to = Arrays.copyOf(this.to, n);
        this.cost = Arrays.copyOf(this.cost, n);
      }
      this.from[size] = from;
      this.to[size] = to;
      this.cost[size] = cost;
      return size++;
    }

    /** Adds {@code a->b} and {@code b->a} with the same cost; returns the first insertion index. */
    public int addUndirected(int a, int b, double cost) {
      int id = addEdge(a, b, cost);
      addEdge(b, a, cost);
      return id;
    }

    /** Builds the CSR graph (stable counting sort by source node, O(nodes + edges)). */
    public EdgeGraph freeze() {
      frozen = true;
      int[] first = new int[nodeCount + 1];
      for (int i = 0; i < size; i++) {
        first[from[i] + 1]++;
      }
      for (int u = 0; u < nodeCount; u++) {
        first[u + 1] += first[u];
      }
      int[] next = Arrays.copyOf(first, nodeCount);
      int[] tgt = new int[size];
      double[] c = new double[size];
      int[] csr = new int[size];
      for (int i = 0; i < size; i++) {
        int e = next[from[i]]++;
        tgt[e] = to[i];
        c[e] = cost[i];
        csr[i] = e;
      }
      return new EdgeGraph(nodeCount, first, tgt, csr, c);
    }
  }
}
