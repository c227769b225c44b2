package lt.skydas.optimize.graph;

/**
 * A directed graph with a source and a sink: the shape every s–t search of the optimiser works on
 * (the corridor model's {@code GateGraph}, the interdiction benchmark's {@code
 * InterdictionNetwork}). The topology is a frozen {@link CsrGraph}; subclasses add their arc
 * attributes as arrays indexed by this graph's arc ids. Immutable and thread-safe when the subclass
 * is.
 */
public abstract class StGraph {
  private final CsrGraph graph;
  private final int source;
  private final int sink;

  /**
   * @param source the source node, {@code 0 .. nodeCount - 1}
   * @param sink the sink node, {@code 0 .. nodeCount - 1}
   */
  protected StGraph(CsrGraph graph, int source, int sink) {
    this.graph = graph;
    this.source = source;
    this.sink = sink;
  }

  /** The topology (CSR by tail); arc ids are this graph's arc ids. */
  public final CsrGraph graph() {
    return graph;
  }

  public final int nodeCount() {
    return graph.nodeCount();
  }

  public final int arcCount() {
    return graph.arcCount();
  }

  public final int source() {
    return source;
  }

  public final int sink() {
    return sink;
  }

  /** Arcs leaving {@code u} are {@code firstArc(u) .. firstArc(u + 1) - 1}. */
  public final int firstArc(int u) {
    return graph.firstArc(u);
  }

  public final int tail(int a) {
    return graph.tail(a);
  }

  public final int head(int a) {
    return graph.head(a);
  }
}
