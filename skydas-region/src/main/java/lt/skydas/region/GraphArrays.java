package lt.skydas.region;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Growable node and edge arrays from which a {@link RoadGraph} is frozen; nodes are identified by
 * their position rounded to 0.1 m ({@link RoadGraphBuilder#key}). Not thread-safe.
 */
final class GraphArrays {
  private final Map<Long, Integer> nodeIds = new HashMap<>();
  double[] nx = new double[1024];
  double[] ny = new double[1024];
  int nodes;
  int[] from = new int[1024];
  int[] to = new int[1024];
  byte[] cls = new byte[1024];
  byte[] fl = new byte[1024];
  float[] len = new float[1024];
  int[] off = new int[1025];
  double[] xy = new double[1 << 16];
  int points;
  int edges;

  int node(double x, double y) {
    int id = nodeIds.computeIfAbsent(RoadGraphBuilder.key(x, y), k -> nodes);
    if (id == nodes) {
      if (nodes == nx.length) {
        nx = Arrays.copyOf(nx, nodes * 2);
        ny = Arrays.copyOf(ny, nodes * 2);
      }
      nx[nodes] = x;
      ny[nodes] = y;
      nodes++;
    }
    return id;
  }

  /** Adds an edge along the first {@code bn} points of {@code buf}; drops zero-length loops. */
  void addEdge(double[] buf, int bn, byte c, byte f) {
    if (RoadGraphBuilder.key(buf[0], buf[1])
        == RoadGraphBuilder.key(buf[2 * bn - 2], buf[2 * bn - 1])) {
      double raw = 0;
      for (int k = 1; k < bn; k++) {
        raw += Math.hypot(buf[2 * k] - buf[2 * k - 2], buf[2 * k + 1] - buf[2 * k - 1]);
      }
      if (raw < 1) {
        return; // a zero-length loop
      }
    }
    int a = node(buf[0], buf[1]);
    int b = node(buf[2 * bn - 2], buf[2 * bn - 1]);
    if (edges == from.length) {
      int cap = edges * 2;
      from = Arrays.copyOf(from, cap);
      to = Arrays.copyOf(to, cap);
      cls = Arrays.copyOf(cls, cap);
      fl = Arrays.copyOf(fl, cap);
      len = Arrays.copyOf(len, cap);
      off = Arrays.copyOf(off, cap + 1);
    }
    if (2 * (points + bn) > xy.length) {
      xy = Arrays.copyOf(xy, Math.max(xy.length * 2, 2 * (points + bn)));
    }
    int o = 2 * points;
    System.arraycopy(buf, 0, xy, o, 2 * bn);
    // the stored end points are the node positions exactly
    xy[o] = nx[a];
    xy[o + 1] = ny[a];
    xy[o + 2 * bn - 2] = nx[b];
    xy[o + 2 * bn - 1] = ny[b];
    double length = 0;
    for (int k = 1; k < bn; k++) {
      length +=
          Math.hypot(xy[o + 2 * k] - xy[o + 2 * k - 2], xy[o + 2 * k + 1] - xy[o + 2 * k - 1]);
    }
    if (length <= 0) {
      length = 1e-3; // two distinct nodes closer than rounding: keep the edge positive
    }
    points += bn;
    from[edges] = a;
    to[edges] = b;
    cls[edges] = c;
    fl[edges] = f;
    len[edges] = (float) length;
    off[edges + 1] = points;
    edges++;
  }

  RoadGraph toGraph() {
    return new RoadGraph(
        Arrays.copyOf(nx, nodes),
        Arrays.copyOf(ny, nodes),
        Arrays.copyOf(from, edges),
        Arrays.copyOf(to, edges),
        Arrays.copyOf(cls, edges),
        Arrays.copyOf(fl, edges),
        Arrays.copyOf(len, edges),
        Arrays.copyOf(off, edges + 1),
        Arrays.copyOf(xy, 2 * points));
  }
}
