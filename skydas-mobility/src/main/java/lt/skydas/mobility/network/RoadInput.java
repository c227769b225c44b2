package lt.skydas.mobility.network;

/**
 * The road graph as the mobility network needs it: junction nodes and polyline edges in the grid's
 * map units (LKS-94 metres). Adapts the region's road graph without copying it.
 */
public interface RoadInput {
  int nodeCount();

  double nodeX(int node);

  double nodeY(int node);

  int edgeCount();

  int edgeFrom(int edge);

  int edgeTo(int edge);

  /** Road class name as in the speed table ({@code PRIMARY}, {@code TRACK} …). */
  String edgeClass(int edge);

  boolean isBridge(int edge);

  boolean isFord(int edge);

  boolean isTunnel(int edge);

  /** Number of polyline points of {@code edge} (≥ 2), first = from node, last = to node. */
  int pointCount(int edge);

  /** Copies the polyline of {@code edge} into {@code dst} as x0, y0, x1, y1 …; returns dst. */
  double[] points(int edge, double[] dst);
}
