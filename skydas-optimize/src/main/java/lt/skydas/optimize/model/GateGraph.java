package lt.skydas.optimize.model;

import java.util.Arrays;

/**
 * One scenario's aggregated corridor graph: a digraph in CSR order by tail with arc lengths in
 * seconds, a source (the attacker's start line) and a sink (any objective). Some arcs are
 * <em>gates</em>: crossing a candidate site, through its cells ({@link #CELL_GATE}) or along its
 * road edges ({@link #ROAD_GATE}); an option built at the site adds its delay for that gate kind to
 * the arc. Immutable; arrays are shared, callers must not modify them.
 */
public final class GateGraph {
  /** Gate kind: entering the site's cells (line and area obstacles). */
  public static final byte CELL_GATE = 0;

  /** Gate kind: driving along a road edge the site cuts. */
  public static final byte ROAD_GATE = 1;

  final int nodes;
  final int source;
  final int sink;
  final int[] first;
  final int[] tail;
  final int[] head;
  final double[] length_s;
  final int[] site;
  final byte[] kind;

  private GateGraph(
      int nodes,
      int source,
      int sink,
      int[] first,
      int[] tail,
      int[] head,
      double[] length_s,
      int[] site,
      byte[] kind) {
    this.nodes = nodes;
    this.source = source;
    this.sink = sink;
    this.first = first;
    this.tail = tail;
    this.head = head;
    this.length_s = length_s;
    this.site = site;
    this.kind = kind;
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

  /** Arcs leaving {@code u} are {@code firstArc(u) .. firstArc(u + 1) - 1}. */
  public int firstArc(int u) {
    return first[u];
  }

  public int tail(int a) {
    return tail[a];
  }

  public int head(int a) {
    return head[a];
  }

  public double length_s(int a) {
    return length_s[a];
  }

  /** The candidate site arc {@code a} crosses, or -1 for a plain arc. */
  public int site(int a) {
    return site[a];
  }

  /** {@link #CELL_GATE} or {@link #ROAD_GATE}; meaningless when {@link #site} is -1. */
  public byte kind(int a) {
    return kind[a];
  }

  /** Collects arcs in any order; {@link #build} sorts them by tail (stable). */
  public static final class Builder {
    private final int nodes;
    private int n;
    private int[] tail = new int[64];
    private int[] head = new int[64];
    private double[] length = new double[64];
    private int[] site = new int[64];
    private byte[] kind = new byte[64];

    public Builder(int nodes) {
      if (nodes < 2) {
        throw new IllegalArgumentException("need at least 2 nodes");
      }
      this.nodes = nodes;
    }

    private Builder(Builder other, int extra) {
      this.nodes = other.nodes;
      this.n = other.n;
      int cap = Math.max(64, other.n + Math.max(0, extra));
      tail = Arrays.copyOf(other.tail, cap);
      head = Arrays.copyOf(other.head, cap);
      length = Arrays.copyOf(other.length, cap);
      site = Arrays.copyOf(other.site, cap);
      kind = Arrays.copyOf(other.kind, cap);
    }

    /**
     * A new builder holding the arcs collected so far, with room for {@code extra} more: graphs
     * that share most of their arcs are built from one common builder.
     */
    public Builder copy(int extra) {
      return new Builder(this, extra);
    }

    /** Arcs collected so far. */
    public int arcCount() {
      return n;
    }

    /** A plain arc. */
    public Builder arc(int from, int to, double length_s) {
      return gate(from, to, length_s, -1, CELL_GATE);
    }

    /** A gate arc through {@code site} (≥ 0) of the given kind, or a plain arc if site is -1. */
    public Builder gate(int from, int to, double length_s, int gateSite, byte gateKind) {
      if (from < 0 || from >= nodes || to < 0 || to >= nodes) {
        throw new IllegalArgumentException(
            "arc " + from + "->" + to + " outside 0.." + (nodes - 1));
      }
      if (!(length_s >= 0) || !Double.isFinite(length_s)) {
        throw new IllegalArgumentException("arc length must be finite and >= 0: " + length_s);
      }
      if (gateKind != CELL_GATE && gateKind != ROAD_GATE) {
        throw new IllegalArgumentException("unknown gate kind " + gateKind);
      }
      if (n == tail.length) {
        int cap = n * 2;
        tail = Arrays.copyOf(tail, cap);
        head = Arrays.copyOf(head, cap);
        length = Arrays.copyOf(length, cap);
        site = Arrays.copyOf(site, cap);
        kind = Arrays.copyOf(kind, cap);
      }
      tail[n] = from;
      head[n] = to;
      length[n] = length_s;
      site[n] = gateSite < 0 ? -1 : gateSite;
      kind[n] = gateKind;
      n++;
      return this;
    }

    public GateGraph build(int source, int sink) {
      if (source < 0 || source >= nodes || sink < 0 || sink >= nodes || source == sink) {
        throw new IllegalArgumentException("bad source/sink " + source + "/" + sink);
      }
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
      int[] s = new int[n];
      byte[] k = new byte[n];
      for (int i = 0; i < n; i++) {
        int j = pos[tail[i]]++;
        t[j] = tail[i];
        h[j] = head[i];
        c[j] = length[i];
        s[j] = site[i];
        k[j] = kind[i];
      }
      return new GateGraph(nodes, source, sink, first, t, h, c, s, k);
    }
  }
}
