package lt.skydas.optimize.interdiction;

import lt.skydas.optimize.graph.CsrGraph;
import lt.skydas.optimize.graph.StGraph;

/**
 * A shortest-path interdiction instance: a digraph with arc lengths c, interdiction delays d and an
 * interdictable flag, a source and a sink. The topology is a {@link CsrGraph} (arcs in CSR order by
 * tail). Immutable and thread-safe; the attribute arrays are exposed to this package for speed and
 * must not be modified.
 */
public final class InterdictionNetwork extends StGraph {
  final double[] length;
  final double[] delay;
  final boolean[] interdictable;

  private InterdictionNetwork(
      CsrGraph graph,
      int source,
      int sink,
      double[] length,
      double[] delay,
      boolean[] interdictable) {
    super(graph, source, sink);
    this.length = length;
    this.delay = delay;
    this.interdictable = interdictable;
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

  /** Collects arcs in any order; {@link #build} sorts them by tail (stable). Not thread safe. */
  public static final class Builder {
    private final CsrGraph.Builder arcs;
    private double[] length;
    private double[] delay;
    private boolean[] interdictable;

    /** A builder for a network of {@code nodes} (≥ 2) nodes. */
    public Builder(int nodes) {
      if (nodes < 2) {
        throw new IllegalArgumentException("need at least 2 nodes");
      }
      this.arcs = new CsrGraph.Builder(nodes);
      this.length = new double[arcs.capacity()];
      this.delay = new double[arcs.capacity()];
      this.interdictable = new boolean[arcs.capacity()];
    }

    /** Adds an arc; delay must be ≥ 0, length ≥ 0 and finite. */
    public Builder arc(int from, int to, double c, double d, boolean canInterdict) {
      if (!(c >= 0) || !Double.isFinite(c) || !(d >= 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("length and delay must be finite and >= 0");
      }
      int i = arcs.add(from, to);
      length = arcs.fit(length);
      delay = arcs.fit(delay);
      interdictable = arcs.fit(interdictable);
      length[i] = c;
      delay[i] = d;
      interdictable[i] = canInterdict;
      return this;
    }

    /** The frozen network (source and sink are not checked). */
    public InterdictionNetwork build(int source, int sink) {
      CsrGraph g = arcs.build();
      return new InterdictionNetwork(
          g, source, sink, g.gather(length), g.gather(delay), g.gather(interdictable));
    }
  }
}
