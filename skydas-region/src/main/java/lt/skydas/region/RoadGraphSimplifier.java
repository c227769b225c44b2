package lt.skydas.region;

import java.util.Arrays;

/**
 * Merges away nodes that join exactly two distinct edges of the same road class and flags: such a
 * node only marks where one source line ended and the next began. Nodes where the class or the
 * bridge/ford/tunnel flags change, junctions (degree ≥ 3) and dead ends are kept, so routing on the
 * merged graph gives the same distances. A closed ring of mergeable nodes keeps one of them.
 * Stateless and thread-safe.
 */
final class RoadGraphSimplifier {
  private RoadGraphSimplifier() {}

  static RoadGraph mergeDegreeTwo(RoadGraph g) {
    int n = g.nodeCount();
    int m = g.edgeCount();
    boolean[] mergeable = new boolean[n];
    int merged = 0;
    for (int v = 0; v < n; v++) {
      if (g.degree(v) != 2) {
        continue;
      }
      int a = g.adjacentEdge(g.adjacencyStart(v));
      int b = g.adjacentEdge(g.adjacencyStart(v) + 1);
      if (a != b && g.roadClass(a) == g.roadClass(b) && g.flags(a) == g.flags(b)) {
        mergeable[v] = true;
        merged++;
      }
    }
    if (merged == 0) {
      return g;
    }
    GraphArrays out = new GraphArrays();
    boolean[] done = new boolean[m];
    double[] buf = new double[1024];
    double[] pts = new double[1024];
    // chains start at kept nodes; a second pass handles rings made only of mergeable nodes
    for (int pass = 0; pass < 2; pass++) {
      for (int e = 0; e < m; e++) {
        if (done[e]) {
          continue;
        }
        int start;
        if (!mergeable[g.from(e)]) {
          start = g.from(e);
        } else if (!mergeable[g.to(e)]) {
          start = g.to(e);
        } else if (pass == 1) {
          start = g.from(e);
          mergeable[start] = false; // keep one node of the ring
        } else {
          continue;
        }
        int bn = 0;
        int node = start;
        int edge = e;
        while (true) {
          done[edge] = true;
          int pc = g.pointCount(edge);
          if (pts.length < 2 * pc) {
            pts = new double[2 * pc];
          }
          g.points(edge, pts);
          boolean forward = g.from(edge) == node;
          if (2 * (bn + pc) > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, 2 * (bn + pc)));
          }
          for (int k = bn == 0 ? 0 : 1; k < pc; k++) {
            int src = forward ? k : pc - 1 - k;
            buf[2 * bn] = pts[2 * src];
            buf[2 * bn + 1] = pts[2 * src + 1];
            bn++;
          }
          int next = g.otherNode(edge, node);
          if (!mergeable[next] || next == start) {
            break;
          }
          int i0 = g.adjacencyStart(next);
          int nextEdge = g.adjacentEdge(i0) == edge ? g.adjacentEdge(i0 + 1) : g.adjacentEdge(i0);
          if (done[nextEdge]) {
            break;
          }
          node = next;
          edge = nextEdge;
        }
        out.addEdge(buf, bn, (byte) g.roadClass(e).ordinal(), g.flags(e));
      }
    }
    return out.toGraph();
  }
}
