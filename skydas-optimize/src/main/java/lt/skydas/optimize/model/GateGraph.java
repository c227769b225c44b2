package lt.skydas.optimize.model;

import java.util.Arrays;
import lt.skydas.optimize.graph.CsrGraph;
import lt.skydas.optimize.graph.StGraph;

/**
 * One scenario's aggregated corridor graph: a digraph in CSR order by tail with arc lengths in
 * seconds, a source (the attacker's start line) and a sink (any objective). Some arcs are
 * <em>gates</em>: crossing a candidate site, through its cells ({@link #CELL_GATE}) or along its
 * road edges ({@link #ROAD_GATE}); an option built at the site adds its delay for that gate kind to
 * the arc. Immutable and thread-safe; the topology is a {@link CsrGraph}.
 */
public final class GateGraph extends StGraph {
  /** Gate kind: entering the site's cells (line and area obstacles). */
  public static final byte CELL_GATE = 0;

  /** Gate kind: driving along a road edge the site cuts. */
  public static final byte ROAD_GATE = 1;

  private final double[] length_s;
  private final int[] site;
  private final byte[] kind;

  private GateGraph(
      CsrGraph graph, int source, int sink, double[] length_s, int[] site, byte[] kind) {
    super(graph, source, sink);
    this.length_s = length_s;
    this.site = site;
    this.kind = kind;
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

  /** Collects arcs in any order; {@link #build} sorts them by tail (stable). Not thread safe. */
  public static final class Builder {
    private final CsrGraph.Builder arcs;
    private double[] length;
    private int[] site;
    private byte[] kind;

    /** A builder for a graph of {@code nodes} (≥ 2) nodes. */
    public Builder(int nodes) {
      if (nodes < 2) {
        throw new IllegalArgumentException("need at least 2 nodes");
      }
      this.arcs = new CsrGraph.Builder(nodes);
      this.length = new double[arcs.capacity()];
      this.site = new int[arcs.capacity()];
      this.kind = new byte[arcs.capacity()];
    }

    private Builder(Builder other, int extra) {
      this.arcs = other.arcs.copy(extra);
      this.length = Arrays.copyOf(other.length, arcs.capacity());
      this.site = Arrays.copyOf(other.site, arcs.capacity());
      this.kind = Arrays.copyOf(other.kind, arcs.capacity());
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
      return arcs.arcCount();
    }

    /** A plain arc. */
    public Builder arc(int from, int to, double length_s) {
      return gate(from, to, length_s, -1, CELL_GATE);
    }

    /** A gate arc through {@code site} (≥ 0) of the given kind, or a plain arc if site is -1. */
    public Builder gate(int from, int to, double length_s, int gateSite, byte gateKind) {
      if (!(length_s >= 0) || !Double.isFinite(length_s)) {
        throw new IllegalArgumentException("arc length must be finite and >= 0: " + length_s);
      }
      if (gateKind != CELL_GATE && gateKind != ROAD_GATE) {
        throw new IllegalArgumentException("unknown gate kind " + gateKind);
      }
      int i = arcs.add(from, to);
      length = arcs.fit(length);
      site = arcs.fit(site);
      kind = arcs.fit(kind);
      length[i] = length_s;
      site[i] = gateSite < 0 ? -1 : gateSite;
      kind[i] = gateKind;
      return this;
    }

    /**
     * The frozen graph.
     *
     * @throws IllegalArgumentException when source or sink is not a node, or they are equal
     */
    public GateGraph build(int source, int sink) {
      int nodes = arcs.nodeCount();
      if (source < 0 || source >= nodes || sink < 0 || sink >= nodes || source == sink) {
        throw new IllegalArgumentException("bad source/sink " + source + "/" + sink);
      }
      CsrGraph g = arcs.build();
      return new GateGraph(g, source, sink, g.gather(length), g.gather(site), g.gather(kind));
    }
  }
}
