package lt.skydas.mobility.network;

import lt.skydas.core.geo.GridSpec;

/**
 * The combined off-road + on-road movement network, independent of vehicle class and season.
 *
 * <p>Nodes are dense ints: {@code [0, cellCount)} grid cells (id = row × width + col), then {@code
 * junctionCount} road junctions, then {@code accessCount} road access points. Every road is split
 * where it crosses a cell boundary; each piece has an access point at its middle, linked along the
 * road to its neighbours and, unless the piece is a bridge or tunnel, to the cell it lies in by a
 * connector edge in both directions. So a mover can join or leave a road in every cell the road
 * passes through, and off-road and on-road movement are one search.
 *
 * <p>Explicit edges are stored in CSR order by source node ({@link #firstEdge}). Edge attributes
 * are parallel arrays. Immutable after construction; the arrays are exposed for speed and must not
 * be modified. Thread-safe.
 */
public final class MobilityNetwork {
  /** Edge kind: along a road, between junctions and access points. */
  public static final byte ROAD = 0;

  /** Edge kind: between an access point and its cell (either direction). */
  public static final byte CONNECTOR = 1;

  final GridSpec grid;
  final int junctionCount;
  final int accessCount;
  final double[] accessX;
  final double[] accessY;
  final int[] accessCell;
  final int[] firstEdge;
  final int[] edgeTarget;
  final byte[] edgeKind;
  final float[] edgeLength_m;
  final int[] edgeRoad;
  final float[] edgeAlongFrom_m;
  final float[] edgeAlongTo_m;
  final int[] roadFirstChain;
  final int[] roadChain;
  final String[] roadClass;
  final byte[] roadFlags;

  /** Road flag bits. */
  public static final byte BRIDGE = 1;

  public static final byte FORD = 2;
  public static final byte TUNNEL = 4;

  MobilityNetwork(
      GridSpec grid,
      int junctionCount,
      int accessCount,
      double[] accessX,
      double[] accessY,
      int[] accessCell,
      int[] firstEdge,
      int[] edgeTarget,
      byte[] edgeKind,
      float[] edgeLength_m,
      int[] edgeRoad,
      float[] edgeAlongFrom_m,
      float[] edgeAlongTo_m,
      int[] roadFirstChain,
      int[] roadChain,
      String[] roadClass,
      byte[] roadFlags) {
    this.grid = grid;
    this.junctionCount = junctionCount;
    this.accessCount = accessCount;
    this.accessX = accessX;
    this.accessY = accessY;
    this.accessCell = accessCell;
    this.firstEdge = firstEdge;
    this.edgeTarget = edgeTarget;
    this.edgeKind = edgeKind;
    this.edgeLength_m = edgeLength_m;
    this.edgeRoad = edgeRoad;
    this.edgeAlongFrom_m = edgeAlongFrom_m;
    this.edgeAlongTo_m = edgeAlongTo_m;
    this.roadFirstChain = roadFirstChain;
    this.roadChain = roadChain;
    this.roadClass = roadClass;
    this.roadFlags = roadFlags;
  }

  public GridSpec grid() {
    return grid;
  }

  public int cellCount() {
    return grid.cellCount();
  }

  public int junctionCount() {
    return junctionCount;
  }

  public int accessCount() {
    return accessCount;
  }

  /** All nodes: cells + junctions + access points. */
  public int nodeCount() {
    return grid.cellCount() + junctionCount + accessCount;
  }

  public int edgeCount() {
    return edgeTarget.length;
  }

  /** CSR offsets by source node, length {@code nodeCount() + 1}. */
  public int[] firstEdge() {
    return firstEdge;
  }

  /** Target node per edge. */
  public int[] edgeTarget() {
    return edgeTarget;
  }

  /** {@link #ROAD} or {@link #CONNECTOR} per edge. */
  public byte[] edgeKind() {
    return edgeKind;
  }

  /** Length in metres per edge (for connectors: cell centre to access point, at least ¼ cell). */
  public float[] edgeLength_m() {
    return edgeLength_m;
  }

  /** Region road edge id per edge ({@code -1} for connectors). */
  public int[] edgeRoad() {
    return edgeRoad;
  }

  /** Road class name of region road {@code road}. */
  public String roadClass(int road) {
    return roadClass[road];
  }

  /** Flag bits ({@link #BRIDGE}, {@link #FORD}, {@link #TUNNEL}) of region road {@code road}. */
  public byte roadFlags(int road) {
    return roadFlags[road];
  }

  public int roadCount() {
    return roadClass.length;
  }

  /**
   * The network edges (both directions) that carry region road {@code road} across the point at
   * {@code along_m} metres from its start; writes them to {@code dst} and returns how many (0..2).
   */
  public int edgesAt(int road, double along_m, int[] dst) {
    int n = 0;
    for (int i = roadFirstChain[road]; i < roadFirstChain[road + 1] && n < dst.length; i++) {
      int e = roadChain[i];
      double a = Math.min(edgeAlongFrom_m[e], edgeAlongTo_m[e]);
      double b = Math.max(edgeAlongFrom_m[e], edgeAlongTo_m[e]);
      if (along_m >= a && along_m <= b) {
        dst[n++] = e;
      }
    }
    return n;
  }

  /**
   * The cell of node {@code node}: itself for cells, the containing cell for access points, else
   * -1.
   */
  public int cellOf(int node) {
    int c = grid.cellCount();
    if (node < c) {
      return node;
    }
    int a = node - c - junctionCount;
    return a >= 0 ? accessCell[a] : -1;
  }

  /** X (LKS-94 m) of any node; junction coordinates come from {@code junctionX}. */
  public double nodeX(int node, RoadInput roads) {
    int c = grid.cellCount();
    if (node < c) {
      return grid.centerX(node % grid.width());
    }
    int j = node - c;
    return j < junctionCount ? roads.nodeX(j) : accessX[j - junctionCount];
  }

  /** Y (LKS-94 m) of any node. */
  public double nodeY(int node, RoadInput roads) {
    int c = grid.cellCount();
    if (node < c) {
      return grid.centerY(node / grid.width());
    }
    int j = node - c;
    return j < junctionCount ? roads.nodeY(j) : accessY[j - junctionCount];
  }

  /** True when {@code node} is a road junction or access point. */
  public boolean isRoadNode(int node) {
    return node >= grid.cellCount();
  }
}
