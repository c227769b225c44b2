package lt.skydas.optimize.interdiction;

import java.util.Arrays;

/**
 * A shortest-path interdiction instance: a digraph with arc lengths c, interdiction delays d and an
 * interdictable flag, a source and a sink. Arcs are stored in CSR order by tail. Immutable and
 * thread-safe; arrays are exposed for speed and must not be modified.
 */
public final class InterdictionNetwork {
  final int nodes;
  final int source;
  final int sink;
  final int[] first;
  final int[] tail;
  final int[] head;
  final double[] length;
  final double[] delay;
  final boolean[] interdictable;

  private InterdictionNetwork(
      int nodes,
      int source,
      int sink,
      int[] first,
      int[] tail,
      int[] head,
      double[] length,
      double[] delay,
      boolean[] interdictable) {
    this.nodes = nodes;
    this.source = source;
    this.sink = sink;
    this.first = first;
    this.tail = tail;
    this.head = head;
    this.length = length;
    this.delay = delay;
    this.interdictable = interdictable;
  }

  public int nodeCount() {
    return nodes;
  }

  public int arcCount() {
    return head.length;
  }

  public int source() {
    return source;
  }

  public int sink() {
    return sink;
  }

  public int tail(int a) {
    return tail[a];
  }

  public int head(int a) {
    return head[a];
  }

  public double length(int a) {
    return length[a];
  }

  public double delay(int a) {
    return delay[a];
  }

  public boolean interdictable(int a) {
    return interdictable[a];
  }

  /** Collects arcs in any order; {@link #build} sorts them by tail (stable). */
  public static final class Builder {
    private final int nodes;
    private int n;
    private int[] tail = new int[64];
    private int[] head = new int[64];
    private double[] length = new double[64];
    private double[] delay = new double[64];
    private boolean[] interdictable = new boolean[64];

    public Builder(int nodes) {
      if (nodes < 2) {
        throw new IllegalArgumentException("need at least 2 nodes");
      }
      this.nodes = nodes;
    }

    /** Adds an arc; delay must be ≥ 0, length ≥ 0 and finite. */
    public Builder arc(int from, int to, double c, double d, boolean canInterdict) {
      if (from < 0 || from >= nodes || to < 0 || to >= nodes) {
        throw new IllegalArgumentException(
            "arc " + from + "->" + to + " outside 0.." + (nodes - 1));
      }
      if (!(c >= 0) || !Double.isFinite(c) || !(d >= 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("length and delay must be finite and >= 0");
      }
      if (n == tail.length) {
        int cap = n * 2;
        tail = Arrays.copyOf(tail, cap);
        head = Arrays.copyOf(head, cap);
        length = Arrays.copyOf(length, cap);
        delay = Arrays.copyOf(delay, cap);
        interdictable = Arrays.copyOf(interdictable, cap);
      }
      tail[n] = from;
      head[n] = to;
      length[n] = c;
      delay[n] = d;
      interdictable[n] = canInterdict;
      n++;
      return this;
    }

    public InterdictionNetwork build(int source, int sink) {
      int[] first = new int[nodes + 1];
      for (int i = 0; i < n; i++) {
        first[tail[i] + 1]++;
      }
      for (int v = 0; v < nodes; v++) {
        first[v + 1] += first[v];
      }
      int[] pos = Arrays.copyOf(first, nodes);
      int[] t = new int[n];
      int[] h = new int[n];
      double[] c = new double[n];
      double[] d = new double[n];
      boolean[] x = new boolean[n];
      for (int i = 0; i < n; i++) {
        int j = pos[tail[i]]++;
        t[j] = tail[i];
        h[j] = head[i];
        c[j] = length[i];
        d[j] = delay[i];
        x[j] = interdictable[i];
      }
      return new InterdictionNetwork(nodes, source, sink, first, t, h, c, d, x);
    }
  }
}
