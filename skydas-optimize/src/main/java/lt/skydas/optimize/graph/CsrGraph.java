package lt.skydas.optimize.graph;

import java.util.Arrays;

/**
 * A directed graph in compressed sparse row (CSR) form, frozen after build: the topology every
 * optimiser search runs on ({@code model.GateGraph}, {@code interdiction.InterdictionNetwork} and
 * the solver's per-scenario arrays).
 *
 * <p><b>Nodes and arcs.</b> Nodes are dense ids {@code 0..nodeCount()-1}; arcs are dense ids {@code
 * 0..arcCount()-1} sorted by tail, so the arcs leaving {@code u} are {@code firstArc(u) ..
 * endArc(u) - 1}. Arcs with the same tail keep the order in which they were added (a stable sort),
 * and {@link #inputArc} maps an arc back to its insertion index; owners keep their arc attributes
 * (lengths, delays, sites) in parallel arrays, collected in insertion order and put in CSR order
 * with {@link #gather(double[])} and its siblings.
 *
 * <pre>{@code
 * CsrGraph.Builder b = new CsrGraph.Builder(3);
 * double[] length = new double[b.capacity()];
 * int i = b.add(0, 1);
 * length = b.fit(length);
 * length[i] = 4.5;
 * CsrGraph g = b.build();
 * double[] csrLength = g.gather(length);   // csrLength[a] is the length of CSR arc a
 * }</pre>
 *
 * <p><b>Complexity.</b> {@link Builder#add} is amortised O(1); {@link Builder#build} and {@link
 * #reverse} are O(N + E) counting sorts; every accessor is O(1) and allocates nothing, so hot loops
 * iterate {@code for (int a = g.firstArc(u), e = g.endArc(u); a < e; a++)}. Memory: {@code 4(N + 1)
 * + 12 E} bytes.
 *
 * <p><b>Thread safety.</b> Immutable and safe to share between threads; builders are not thread
 * safe.
 */
public final class CsrGraph {
  private final int nodes;
  private final int[] first;
  private final int[] tail;
  private final int[] head;

  /** Insertion index of each CSR arc; null when the arcs were given in CSR order (identity). */
  private final int[] inputArc;

  private CsrGraph(int nodes, int[] first, int[] tail, int[] head, int[] inputArc) {
    this.nodes = nodes;
    this.first = first;
    this.tail = tail;
    this.head = head;
    this.inputArc = inputArc;
  }

  /**
   * A graph over arrays already in CSR order ({@code first} of length N + 1, ascending, {@code
   * first[N] == tail.length}; {@code tail[a]} the node whose range holds {@code a}). The arrays are
   * adopted, not copied: callers must not modify them afterwards. Input arcs are the CSR arcs.
   */
  public static CsrGraph ofSorted(int[] first, int[] tail, int[] head) {
    int n = first.length - 1;
    if (n < 0 || tail.length != head.length || first[n] != head.length || first[0] != 0) {
      throw new IllegalArgumentException("not a CSR layout");
    }
    assert isSortedByTail(first, tail);
    return new CsrGraph(n, first, tail, head, null);
  }

  private static boolean isSortedByTail(int[] first, int[] tail) {
    for (int u = 0; u + 1 < first.length; u++) {
      for (int a = first[u]; a < first[u + 1]; a++) {
        if (tail[a] != u) {
          return false;
        }
      }
    }
    return true;
  }

  public int nodeCount() {
    return nodes;
  }

  public int arcCount() {
    return head.length;
  }

  /** First arc leaving {@code u}. */
  public int firstArc(int u) {
    return first[u];
  }

  /** One past the last arc leaving {@code u} ({@code firstArc(u + 1)}). */
  public int endArc(int u) {
    return first[u + 1];
  }

  public int tail(int a) {
    return tail[a];
  }

  public int head(int a) {
    return head[a];
  }

  /** The index under which arc {@code a} was added (for a {@link #reverse}d graph: the arc). */
  public int inputArc(int a) {
    return inputArc == null ? a : inputArc[a];
  }

  /**
   * The arcs of the path ending at {@code target}, first to last, following a search's predecessor
   * arcs ({@code predArc[v]}: the arc into {@code v}, -1 at the path's start). O(path length); the
   * one allocation is the result.
   */
  public int[] pathTo(int[] predArc, int target) {
    int n = 0;
    for (int v = target; predArc[v] >= 0; v = tail[predArc[v]]) {
      n++;
    }
    int[] p = new int[n];
    for (int v = target; predArc[v] >= 0; v = tail[predArc[v]]) {
      p[--n] = predArc[v];
    }
    return p;
  }

  /**
   * The reverse graph: arc {@code j} runs {@code head(a) → tail(a)} for {@code a = r.inputArc(j)},
   * sorted by its new tail (stable in {@code a}). For searches towards a node, e.g. distances to a
   * sink.
   */
  public CsrGraph reverse() {
    int m = head.length;
    int[] order = sortedBy(head, m, nodes);
    int[] rTail = new int[m];
    int[] rHead = new int[m];
    for (int j = 0; j < m; j++) {
      rTail[j] = head[order[j]];
      rHead[j] = tail[order[j]];
    }
    return new CsrGraph(nodes, offsets(head, m, nodes), rTail, rHead, order);
  }

  /** Values per input arc, put in CSR order (a new array of length {@link #arcCount}). */
  public double[] gather(double[] byInput) {
    double[] out = new double[head.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = byInput[inputArc(a)];
    }
    return out;
  }

  /** Values per input arc, put in CSR order (a new array of length {@link #arcCount}). */
  public int[] gather(int[] byInput) {
    int[] out = new int[head.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = byInput[inputArc(a)];
    }
    return out;
  }

  /** Values per input arc, put in CSR order (a new array of length {@link #arcCount}). */
  public byte[] gather(byte[] byInput) {
    byte[] out = new byte[head.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = byInput[inputArc(a)];
    }
    return out;
  }

  /** Values per input arc, put in CSR order (a new array of length {@link #arcCount}). */
  public boolean[] gather(boolean[] byInput) {
    boolean[] out = new boolean[head.length];
    for (int a = 0; a < out.length; a++) {
      out[a] = byInput[inputArc(a)];
    }
    return out;
  }

  /** {@code first} offsets of the first {@code m} entries of {@code key} counted per node. */
  private static int[] offsets(int[] key, int m, int nodes) {
    int[] first = new int[nodes + 1];
    for (int i = 0; i < m; i++) {
      first[key[i] + 1]++;
    }
    for (int v = 0; v < nodes; v++) {
      first[v + 1] += first[v];
    }
    return first;
  }

  /** Indexes {@code 0..m-1} stably sorted by {@code key} (a counting sort). */
  private static int[] sortedBy(int[] key, int m, int nodes) {
    int[] pos = Arrays.copyOf(offsets(key, m, nodes), nodes);
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[pos[key[i]]++] = i;
    }
    return order;
  }

  /**
   * Collects arcs in any order; {@link #build} sorts them by tail (stable). Owners keep their arc
   * attributes in arrays indexed by the value {@link #add} returns, sized with {@link #fit}. Not
   * thread safe.
   */
  public static final class Builder {
    private final int nodes;
    private int n;
    private int[] tail;
    private int[] head;

    /** A builder for a graph of {@code nodes} (≥ 1) nodes. */
    public Builder(int nodes) {
      if (nodes < 1) {
        throw new IllegalArgumentException("need at least 1 node");
      }
      this.nodes = nodes;
      this.tail = new int[64];
      this.head = new int[64];
    }

    private Builder(Builder other, int extra) {
      this.nodes = other.nodes;
      this.n = other.n;
      int cap = Math.max(64, other.n + Math.max(0, extra));
      this.tail = Arrays.copyOf(other.tail, cap);
      this.head = Arrays.copyOf(other.head, cap);
    }

    /** A new builder holding the arcs added so far, with room for {@code extra} more. */
    public Builder copy(int extra) {
      return new Builder(this, extra);
    }

    public int nodeCount() {
      return nodes;
    }

    /** Arcs added so far. */
    public int arcCount() {
      return n;
    }

    /** Arcs the builder holds without growing; attribute arrays should have this length. */
    public int capacity() {
      return tail.length;
    }

    /**
     * Adds the arc {@code from → to} and returns its insertion index ({@code arcCount() - 1} after
     * the call).
     *
     * @throws IllegalArgumentException when a node is outside {@code 0..nodeCount()-1}
     */
    public int add(int from, int to) {
      if (from < 0 || from >= nodes || to < 0 || to >= nodes) {
        throw new IllegalArgumentException(
            "arc " + from + "->" + to + " outside 0.." + (nodes - 1));
      }
      if (n == tail.length) {
        tail = Arrays.copyOf(tail, n * 2);
        head = Arrays.copyOf(head, n * 2);
      }
      tail[n] = from;
      head[n] = to;
      return n++;
    }

    /** {@code column}, or a copy grown to {@link #capacity} when it is shorter. */
    public double[] fit(double[] column) {
      return column.length >= tail.length ? column : Arrays.copyOf(column, tail.length);
    }

    /** {@code column}, or a copy grown to {@link #capacity} when it is shorter. */
    public int[] fit(int[] column) {
      return column.length >= tail.length ? column : Arrays.copyOf(column, tail.length);
    }

    /** {@code column}, or a copy grown to {@link #capacity} when it is shorter. */
    public byte[] fit(byte[] column) {
      return column.length >= tail.length ? column : Arrays.copyOf(column, tail.length);
    }

    /** {@code column}, or a copy grown to {@link #capacity} when it is shorter. */
    public boolean[] fit(boolean[] column) {
      return column.length >= tail.length ? column : Arrays.copyOf(column, tail.length);
    }

    /** The frozen graph: arcs sorted by tail, ties in insertion order. The builder stays usable. */
    public CsrGraph build() {
      int[] order = sortedBy(tail, n, nodes);
      int[] t = new int[n];
      int[] h = new int[n];
      for (int j = 0; j < n; j++) {
        t[j] = tail[order[j]];
        h[j] = head[order[j]];
      }
      return new CsrGraph(nodes, offsets(tail, n, nodes), t, h, order);
    }
  }
}
