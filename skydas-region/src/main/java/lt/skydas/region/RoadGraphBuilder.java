package lt.skydas.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.progress.Progress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Builds a {@link RoadGraph} from road polylines (LKS-94 metres): nodes where roads meet, edges
 * between them, bridge/ford/tunnel spans split out and flagged.
 *
 * <p>Noding: a vertex shared by two roads is a junction; a road end within {@link #SNAP_M} of
 * another road (the source lines are simplified by a few metres, so T-junction ends miss the road
 * they join) is snapped onto it and splits it there. Roads that cross without a shared vertex are
 * not joined: in OpenStreetMap that is an overpass. Structures (bridges, fords, tunnels) are
 * matched to the nearest road within {@link #STRUCTURE_M} of their middle, and the road is split at
 * the projections of their ends. Not thread-safe; use once.
 */
public final class RoadGraphBuilder {
  /** A road end this close to another road joins it. */
  public static final double SNAP_M = 15;

  /** A structure joins the nearest road within this distance of its middle. */
  public static final double STRUCTURE_M = 6;

  private static final double VERTEX_MERGE_M = 0.5;

  private final List<double[]> lines = new ArrayList<>();
  private final List<RoadClass> classes = new ArrayList<>();
  private final List<double[]> structures = new ArrayList<>();
  private final List<Byte> structureFlags = new ArrayList<>();
  private final List<RoadClass> structureClasses = new ArrayList<>();

  /** Adds a road polyline (x, y pairs in metres, ≥ 2 points). */
  public void addRoad(double[] xy, RoadClass cls) {
    if (xy.length >= 4) {
      lines.add(xy);
      classes.add(cls);
    }
  }

  /** Adds a bridge, ford or tunnel span ({@link RoadGraph#BRIDGE} …) of a road of class cls. */
  public void addStructure(double[] xy, byte flag, RoadClass cls) {
    if (xy.length >= 4) {
      structures.add(xy);
      structureFlags.add(flag);
      structureClasses.add(cls);
    }
  }

  private record Insert(double along, double x, double y) {}

  private record Interval(double a0, double a1, byte flag) {}

  static long key(double x, double y) {
    return Math.round(x * 10) * 200_000_000L + Math.round(y * 10);
  }

  public RoadGraph build(Progress progress) {
    int n = lines.size();
    progress.begin("road graph: noding " + n + " roads", n);
    // 1. how many distinct roads touch each vertex
    Map<Long, Integer> count = new HashMap<>(lines.size() * 8);
    Map<Long, Integer> last = new HashMap<>(lines.size() * 8);
    for (int l = 0; l < n; l++) {
      double[] xy = lines.get(l);
      for (int i = 0; i < xy.length; i += 2) {
        long k = key(xy[i], xy[i + 1]);
        Integer prev = last.put(k, l);
        if (prev == null || prev != l) {
          count.merge(k, 1, Integer::sum);
        }
      }
    }
    // 2. snap dangling ends onto nearby roads
    STRtree segs = new STRtree();
    for (int l = 0; l < n; l++) {
      double[] xy = lines.get(l);
      for (int i = 0; i + 3 < xy.length; i += 2) {
        Envelope e = new Envelope(xy[i], xy[i + 2], xy[i + 1], xy[i + 3]);
        segs.insert(e, new long[] {l, i / 2});
      }
    }
    segs.build();
    List<List<Insert>> inserts = new ArrayList<>(n);
    double[][] along = new double[n][];
    for (int l = 0; l < n; l++) {
      inserts.add(new ArrayList<>());
      along[l] = alongs(lines.get(l));
    }
    LineSegment seg = new LineSegment();
    Coordinate p = new Coordinate();
    for (int l = 0; l < n; l++) {
      double[] xy = lines.get(l);
      for (int end = 0; end < 2; end++) {
        int i = end == 0 ? 0 : xy.length - 2;
        double ex = xy[i];
        double ey = xy[i + 1];
        if (count.getOrDefault(key(ex, ey), 0) >= 2) {
          continue;
        }
        Envelope q = new Envelope(ex - SNAP_M, ex + SNAP_M, ey - SNAP_M, ey + SNAP_M);
        double best = SNAP_M;
        int bestLine = -1;
        int bestSeg = -1;
        double bx = 0;
        double by = 0;
        p.x = ex;
        p.y = ey;
        for (Object o : segs.query(q)) {
          long[] ls = (long[]) o;
          int m = (int) ls[0];
          if (m == l) {
            continue;
          }
          double[] mx = lines.get(m);
          int s = (int) ls[1];
          seg.p0.x = mx[2 * s];
          seg.p0.y = mx[2 * s + 1];
          seg.p1.x = mx[2 * s + 2];
          seg.p1.y = mx[2 * s + 3];
          Coordinate c = seg.closestPoint(p);
          double d = c.distance(p);
          if (d < best) {
            best = d;
            bestLine = m;
            bestSeg = s;
            bx = c.x;
            by = c.y;
          }
        }
        if (bestLine < 0) {
          continue;
        }
        double[] mx = lines.get(bestLine);
        // snap to an existing vertex when one is this close
        double[] verts = {
          mx[2 * bestSeg], mx[2 * bestSeg + 1], mx[2 * bestSeg + 2], mx[2 * bestSeg + 3]
        };
        boolean atVertex = false;
        for (int v = 0; v < 2; v++) {
          if (Math.hypot(verts[2 * v] - bx, verts[2 * v + 1] - by) <= VERTEX_MERGE_M) {
            bx = verts[2 * v];
            by = verts[2 * v + 1];
            atVertex = true;
          }
        }
        xy[i] = bx;
        xy[i + 1] = by;
        if (!atVertex) {
          double a =
              along[bestLine][bestSeg] + Math.hypot(bx - mx[2 * bestSeg], by - mx[2 * bestSeg + 1]);
          inserts.get(bestLine).add(new Insert(a, bx, by));
        }
        count.merge(key(bx, by), atVertex ? 1 : 2, Integer::sum);
      }
      if ((l & 1023) == 0) {
        progress.advance(l);
      }
    }
    progress.end();
    // 3. structures: split the nearest road at the structure's ends
    List<List<Interval>> intervals = new ArrayList<>(n);
    for (int l = 0; l < n; l++) {
      intervals.add(new ArrayList<>());
      along[l] = alongs(lines.get(l));
    }
    progress.begin("road graph: bridges, fords, tunnels", structures.size());
    for (int s = 0; s < structures.size(); s++) {
      double[] sx = structures.get(s);
      double mx = (sx[0] + sx[sx.length - 2]) / 2;
      double my = (sx[1] + sx[sx.length - 1]) / 2;
      Envelope q =
          new Envelope(mx - STRUCTURE_M, mx + STRUCTURE_M, my - STRUCTURE_M, my + STRUCTURE_M);
      double best = STRUCTURE_M;
      int bestLine = -1;
      p.x = mx;
      p.y = my;
      for (Object o : segs.query(q)) {
        long[] ls = (long[]) o;
        int m = (int) ls[0];
        double[] lx = lines.get(m);
        int si = (int) ls[1];
        seg.p0.x = lx[2 * si];
        seg.p0.y = lx[2 * si + 1];
        seg.p1.x = lx[2 * si + 2];
        seg.p1.y = lx[2 * si + 3];
        double d = seg.distance(p);
        // prefer a road of the structure's own class
        if (classes.get(m) != structureClasses.get(s)) {
          d += STRUCTURE_M / 2;
        }
        if (d < best) {
          best = d;
          bestLine = m;
        }
      }
      if (bestLine >= 0) {
        double a0 =
            project(lines.get(bestLine), along[bestLine], sx[0], sx[1], inserts.get(bestLine));
        double a1 =
            project(
                lines.get(bestLine),
                along[bestLine],
                sx[sx.length - 2],
                sx[sx.length - 1],
                inserts.get(bestLine));
        intervals
            .get(bestLine)
            .add(new Interval(Math.min(a0, a1), Math.max(a0, a1), structureFlags.get(s)));
      }
      if ((s & 1023) == 0) {
        progress.advance(s);
      }
    }
    progress.end();
    for (int l = 0; l < n; l++) {
      along[l] = alongs(lines.get(l));
    }
    return split(count, inserts, intervals, along);
  }

  /** Projects (x, y) onto line l, records the projection as a cut, returns its along position. */
  private static double project(double[] xy, double[] along, double x, double y, List<Insert> ins) {
    double best = Double.POSITIVE_INFINITY;
    double bestAlong = 0;
    double bx = xy[0];
    double by = xy[1];
    for (int i = 0; i + 3 < xy.length; i += 2) {
      double x0 = xy[i];
      double y0 = xy[i + 1];
      double dx = xy[i + 2] - x0;
      double dy = xy[i + 3] - y0;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
      double px = x0 + t * dx;
      double py = y0 + t * dy;
      double d = Math.hypot(px - x, py - y);
      if (d < best) {
        best = d;
        bestAlong = along[i / 2] + t * Math.sqrt(len2);
        bx = px;
        by = py;
      }
    }
    ins.add(new Insert(bestAlong, bx, by));
    return bestAlong;
  }

  private static double alongOf(double[] xy, double[] along, double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    double bestAlong = 0;
    for (int i = 0; i + 3 < xy.length; i += 2) {
      double x0 = xy[i];
      double y0 = xy[i + 1];
      double dx = xy[i + 2] - x0;
      double dy = xy[i + 3] - y0;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
      double d = Math.hypot(x0 + t * dx - x, y0 + t * dy - y);
      if (d < best) {
        best = d;
        bestAlong = along[i / 2] + t * Math.sqrt(len2);
      }
    }
    return bestAlong;
  }

  private static double[] alongs(double[] xy) {
    double[] a = new double[xy.length / 2];
    for (int i = 1; i < a.length; i++) {
      a[i] = a[i - 1] + Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    }
    return a;
  }

  private RoadGraph split(
      Map<Long, Integer> count,
      List<List<Insert>> inserts,
      List<List<Interval>> intervals,
      double[][] along) {
    Map<Long, Integer> nodeIds = new HashMap<>();
    double[] nx = new double[1024];
    double[] ny = new double[1024];
    int nodes = 0;
    int cap = 1024;
    int[] from = new int[cap];
    int[] to = new int[cap];
    byte[] cls = new byte[cap];
    byte[] fl = new byte[cap];
    float[] len = new float[cap];
    int[] off = new int[cap + 1];
    double[] xyAll = new double[1 << 16];
    int points = 0;
    int edges = 0;
    double[] buf = new double[256];
    for (int l = 0; l < lines.size(); l++) {
      double[] xy = lines.get(l);
      int nv = xy.length / 2;
      List<Insert> ins = new ArrayList<>();
      for (Insert in : inserts.get(l)) {
        // ends snapped after the insert was recorded may have moved the line: re-project
        ins.add(new Insert(alongOf(xy, along[l], in.x, in.y), in.x, in.y));
      }
      ins.sort((a, b) -> Double.compare(a.along, b.along));
      // merged walk over vertices and inserted cut points, ordered by along position
      int vi = 0;
      int ii = 0;
      int bn = 0;
      double startAlong = 0;
      double curAlong = 0;
      while (vi < nv || ii < ins.size()) {
        boolean takeInsert = ii < ins.size() && (vi >= nv || ins.get(ii).along < along[l][vi]);
        double x;
        double y;
        boolean cut;
        if (takeInsert) {
          Insert in = ins.get(ii++);
          x = in.x;
          y = in.y;
          curAlong = in.along;
          cut = true;
        } else {
          x = xy[2 * vi];
          y = xy[2 * vi + 1];
          curAlong = along[l][vi];
          cut = vi == 0 || vi == nv - 1 || count.getOrDefault(key(x, y), 0) >= 2;
          vi++;
        }
        if (bn > 0 && Math.hypot(x - buf[2 * bn - 2], y - buf[2 * bn - 1]) < 0.01) {
          if (!cut) {
            continue;
          }
          bn--; // same point: replace it by the cut
        }
        if (2 * bn + 2 > buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[2 * bn] = x;
        buf[2 * bn + 1] = y;
        bn++;
        if (cut && bn >= 2) {
          // close an edge from buf[0] to buf[bn-1]
          if (edges == cap) {
            cap *= 2;
            from = Arrays.copyOf(from, cap);
            to = Arrays.copyOf(to, cap);
            cls = Arrays.copyOf(cls, cap);
            fl = Arrays.copyOf(fl, cap);
            len = Arrays.copyOf(len, cap);
            off = Arrays.copyOf(off, cap + 1);
          }
          int a = nodeId(nodeIds, buf[0], buf[1], nodes);
          if (a == nodes) {
            if (nodes == nx.length) {
              nx = Arrays.copyOf(nx, nodes * 2);
              ny = Arrays.copyOf(ny, nodes * 2);
            }
            nx[nodes] = buf[0];
            ny[nodes] = buf[1];
            nodes++;
          }
          int b = nodeId(nodeIds, buf[2 * bn - 2], buf[2 * bn - 1], nodes);
          if (b == nodes) {
            if (nodes == nx.length) {
              nx = Arrays.copyOf(nx, nodes * 2);
              ny = Arrays.copyOf(ny, nodes * 2);
            }
            nx[nodes] = buf[2 * bn - 2];
            ny[nodes] = buf[2 * bn - 1];
            nodes++;
          }
          double length = 0;
          for (int k = 1; k < bn; k++) {
            length += Math.hypot(buf[2 * k] - buf[2 * k - 2], buf[2 * k + 1] - buf[2 * k - 1]);
          }
          if (points + bn > xyAll.length / 2) {
            xyAll = Arrays.copyOf(xyAll, Math.max(xyAll.length * 2, 2 * (points + bn)));
          }
          System.arraycopy(buf, 0, xyAll, 2 * points, 2 * bn);
          points += bn;
          from[edges] = a;
          to[edges] = b;
          cls[edges] = (byte) classes.get(l).ordinal();
          double mid = (startAlong + curAlong) / 2;
          byte f = 0;
          for (Interval iv : intervals.get(l)) {
            if (mid >= iv.a0 - 0.5 && mid <= iv.a1 + 0.5 && iv.a1 - iv.a0 > 0.5) {
              f |= iv.flag;
            }
          }
          fl[edges] = f;
          len[edges] = (float) length;
          off[edges + 1] = points;
          edges++;
          // next edge starts at this cut point
          buf[0] = x;
          buf[1] = y;
          bn = 1;
          startAlong = curAlong;
        }
      }
    }
    return new RoadGraph(
        Arrays.copyOf(nx, nodes),
        Arrays.copyOf(ny, nodes),
        Arrays.copyOf(from, edges),
        Arrays.copyOf(to, edges),
        Arrays.copyOf(cls, edges),
        Arrays.copyOf(fl, edges),
        Arrays.copyOf(len, edges),
        Arrays.copyOf(off, edges + 1),
        Arrays.copyOf(xyAll, 2 * points));
  }

  private static int nodeId(Map<Long, Integer> ids, double x, double y, int next) {
    return ids.computeIfAbsent(key(x, y), k -> next);
  }
}
