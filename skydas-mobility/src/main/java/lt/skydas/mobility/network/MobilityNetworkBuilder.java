package lt.skydas.mobility.network;

import java.util.Arrays;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;

/** Builds a {@link MobilityNetwork} from a grid and a road graph. Not thread-safe; use once. */
public final class MobilityNetworkBuilder {
  private final GridSpec grid;
  private final RoadInput roads;

  // growable edge lists (source, target, kind, length, road, along from/to)
  private int edgeCount;
  private int[] src = new int[1 << 16];
  private int[] dst = new int[1 << 16];
  private byte[] kind = new byte[1 << 16];
  private float[] len = new float[1 << 16];
  private int[] road = new int[1 << 16];
  private float[] alongFrom = new float[1 << 16];
  private float[] alongTo = new float[1 << 16];

  private int accessCount;
  private double[] ax = new double[1 << 14];
  private double[] ay = new double[1 << 14];
  private int[] acell = new int[1 << 14];

  public MobilityNetworkBuilder(GridSpec grid, RoadInput roads) {
    this.grid = grid;
    this.roads = roads;
  }

  /** Builds the network; reports progress per road. */
  public MobilityNetwork build(Progress progress) {
    int cells = grid.cellCount();
    int junctions = roads.nodeCount();
    int roadCount = roads.edgeCount();
    String[] classes = new String[roadCount];
    byte[] flags = new byte[roadCount];
    progress.begin("mobility network", roadCount);
    for (int e = 0; e < roadCount; e++) {
      classes[e] = roads.edgeClass(e);
      flags[e] = roadFlags(e);
      boolean connect = (flags[e] & (MobilityNetwork.BRIDGE | MobilityNetwork.TUNNEL)) == 0;
      splitRoad(e, cells, cells + junctions, connect);
      if ((e & 1023) == 0) {
        progress.advance(e);
      }
    }
    progress.end();
    int nodes = cells + junctions + accessCount;
    int[] first = new int[nodes + 1];
    int[] perm = sortBySource(nodes, first);
    int[] t = new int[edgeCount];
    byte[] k = new byte[edgeCount];
    float[] l = new float[edgeCount];
    int[] r = new int[edgeCount];
    float[] af = new float[edgeCount];
    float[] at = new float[edgeCount];
    for (int j = 0; j < edgeCount; j++) {
      int i = perm[j];
      t[j] = dst[i];
      k[j] = kind[i];
      l[j] = len[i];
      r[j] = road[i];
      af[j] = alongFrom[i];
      at[j] = alongTo[i];
    }
    int[] roadFirstChain = new int[roadCount + 1];
    int[] chain = chainIndex(r, roadFirstChain);
    return new MobilityNetwork(
        grid,
        junctions,
        accessCount,
        Arrays.copyOf(ax, accessCount),
        Arrays.copyOf(ay, accessCount),
        Arrays.copyOf(acell, accessCount),
        first,
        t,
        k,
        l,
        r,
        af,
        at,
        roadFirstChain,
        chain,
        classes,
        flags);
  }

  /** The bridge, ford and tunnel flags of region road {@code e}. */
  private byte roadFlags(int e) {
    byte f = 0;
    if (roads.isBridge(e)) {
      f |= MobilityNetwork.BRIDGE;
    }
    if (roads.isFord(e)) {
      f |= MobilityNetwork.FORD;
    }
    if (roads.isTunnel(e)) {
      f |= MobilityNetwork.TUNNEL;
    }
    return f;
  }

  private double[] pts = new double[64];

  /**
   * Splits region road {@code e} at cell boundaries: one access point per piece (at its middle),
   * road edges along the chain from the road's start junction to its end junction and, when {@code
   * connect}, a connector between each access point and its cell (at least a quarter cell long).
   *
   * @param cells node id of the first junction (cells come first)
   * @param accessBase node id of the first access point
   */
  private void splitRoad(int e, int cells, int accessBase, boolean connect) {
    double minConnector = grid.cellSize() / 4;
    int n = roads.pointCount(e);
    if (pts.length < 2 * n) {
      pts = new double[Math.max(2 * n, pts.length * 2)];
    }
    double[] p = roads.points(e, pts);
    double total = 0;
    for (int i = 0; i + 1 < n; i++) {
      total += Math.hypot(p[2 * i + 2] - p[2 * i], p[2 * i + 3] - p[2 * i + 1]);
    }
    final int[] prev = {cells + roads.edgeFrom(e)};
    final double[] prevAlong = {0};
    cursorSeg = 0;
    cursorAcc = 0;
    CellWalk.walk(
        grid,
        p,
        0,
        n,
        (cell, from, to) -> {
          double mid = (from + to) / 2;
          int a = addAccess(p, n, mid, cell);
          int node = accessBase + a;
          addBoth(prev[0], node, MobilityNetwork.ROAD, mid - prevAlong[0], e, prevAlong[0], mid);
          if (connect) {
            double d =
                Math.max(
                    minConnector,
                    Math.hypot(
                        ax[a] - grid.centerX(cell % grid.width()),
                        ay[a] - grid.centerY(cell / grid.width())));
            addBoth(cell, node, MobilityNetwork.CONNECTOR, d, -1, 0, 0);
          }
          prev[0] = node;
          prevAlong[0] = mid;
        });
    addBoth(
        prev[0],
        cells + roads.edgeTo(e),
        MobilityNetwork.ROAD,
        total - prevAlong[0],
        e,
        prevAlong[0],
        total);
  }

  /**
   * CSR offsets by source node into {@code first} (length nodes + 1) and the permutation that
   * orders the edge lists by source (stable: edges of one source keep their insertion order).
   */
  private int[] sortBySource(int nodes, int[] first) {
    for (int i = 0; i < edgeCount; i++) {
      first[src[i] + 1]++;
    }
    for (int i = 0; i < nodes; i++) {
      first[i + 1] += first[i];
    }
    int[] pos = Arrays.copyOf(first, nodes);
    int[] perm = new int[edgeCount];
    for (int i = 0; i < edgeCount; i++) {
      perm[pos[src[i]]++] = i;
    }
    return perm;
  }

  /**
   * The network edges of each region road ({@code road[j]}, -1 for connectors), as a CSR index:
   * fills {@code roadFirstChain} (length roads + 1) and returns the edge ids in network order.
   */
  private static int[] chainIndex(int[] road, int[] roadFirstChain) {
    int roadCount = roadFirstChain.length - 1;
    for (int r : road) {
      if (r >= 0) {
        roadFirstChain[r + 1]++;
      }
    }
    for (int e = 0; e < roadCount; e++) {
      roadFirstChain[e + 1] += roadFirstChain[e];
    }
    int[] chain = new int[roadFirstChain[roadCount]];
    int[] cpos = Arrays.copyOf(roadFirstChain, roadCount);
    for (int j = 0; j < road.length; j++) {
      if (road[j] >= 0) {
        chain[cpos[road[j]]++] = j;
      }
    }
    return chain;
  }

  // polyline cursor: along positions of successive pieces only grow, so interpolation resumes
  private int cursorSeg;
  private double cursorAcc;

  private int addAccess(double[] p, int n, double along, int cell) {
    double x = p[2 * (n - 1)];
    double y = p[2 * (n - 1) + 1];
    for (int i = cursorSeg; i + 1 < n; i++) {
      double x0 = p[2 * i];
      double y0 = p[2 * i + 1];
      double x1 = p[2 * i + 2];
      double y1 = p[2 * i + 3];
      double seg = Math.hypot(x1 - x0, y1 - y0);
      if (cursorAcc + seg >= along && seg > 0) {
        double f = (along - cursorAcc) / seg;
        x = x0 + f * (x1 - x0);
        y = y0 + f * (y1 - y0);
        break;
      }
      cursorAcc += seg;
      cursorSeg = i + 1;
    }
    if (accessCount == ax.length) {
      int cap = ax.length * 2;
      ax = Arrays.copyOf(ax, cap);
      ay = Arrays.copyOf(ay, cap);
      acell = Arrays.copyOf(acell, cap);
    }
    ax[accessCount] = x;
    ay[accessCount] = y;
    acell[accessCount] = cell;
    return accessCount++;
  }

  /**
   * Road pieces shorter than this count as this long, so no move is (nearly) free and the engine's
   * bucket queue applies; the error is at most this per piece where a road grazes a cell corner.
   */
  static final double MIN_ROAD_EDGE_M = 1.0;

  private void addBoth(int a, int b, byte k, double length, int roadId, double from, double to) {
    double l = k == MobilityNetwork.ROAD ? Math.max(MIN_ROAD_EDGE_M, length) : length;
    add(a, b, k, l, roadId, from, to);
    add(b, a, k, l, roadId, to, from);
  }

  private void add(int a, int b, byte k, double length, int roadId, double from, double to) {
    if (edgeCount == src.length) {
      int cap = src.length * 2;
      src = Arrays.copyOf(src, cap);
      dst = Arrays.copyOf(dst, cap);
      kind = Arrays.copyOf(kind, cap);
      len = Arrays.copyOf(len, cap);
      road = Arrays.copyOf(road, cap);
      alongFrom = Arrays.copyOf(alongFrom, cap);
      alongTo = Arrays.copyOf(alongTo, cap);
    }
    src[edgeCount] = a;
    dst[edgeCount] = b;
    kind[edgeCount] = k;
    len[edgeCount] = (float) Math.max(0, length);
    road[edgeCount] = roadId;
    alongFrom[edgeCount] = (float) from;
    alongTo[edgeCount] = (float) to;
    edgeCount++;
  }
}
