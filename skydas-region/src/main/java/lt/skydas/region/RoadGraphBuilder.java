package lt.skydas.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.progress.Progress;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * Builds a {@link RoadGraph} from road polylines in LKS-94 metres: nodes where roads meet, edges
 * between them, bridge/ford/tunnel spans split out and flagged.
 *
 * <p>Noding, in this order:
 *
 * <ol>
 *   <li>A vertex shared by two roads (to 0.1 m) is a junction.
 *   <li>A road end that meets no other road and lies within {@link #SNAP_M} of another road is
 *       moved onto the nearest point of that road, which is split there (the source lines were
 *       simplified by a few metres, so T-junction ends miss the road they join).
 *   <li>Bridges, fords and tunnels are matched to the road they run along: every structure vertex
 *       within {@link #STRUCTURE_M} of it, a road of the structure's own class preferred. The road
 *       is split at the projections of the structure's ends and the span gets the flag.
 *   <li>Roads that cross are noded at the crossing (JTS {@link MCIndexNoder} with a robust line
 *       intersector), unless the crossing lies inside a bridge or tunnel span of either road: that
 *       is an overpass.
 *   <li>Nodes joining exactly two edges of the same class and flags are merged away ({@link
 *       RoadGraphSimplifier}), so bridge/ford/tunnel and class boundaries stay nodes.
 * </ol>
 *
 * Not thread-safe; use one builder once.
 */
public final class RoadGraphBuilder {
  /** A road end this close (metres) to another road joins it. */
  public static final double SNAP_M = 15;

  /** Every vertex of a structure must lie this close (metres) to the road it belongs to. */
  public static final double STRUCTURE_M = 8;

  /** Crossings this far (metres) inside a bridge or tunnel span are not junctions. */
  private static final double SPAN_INSIDE_M = 1;

  private static final double VERTEX_MERGE_M = 0.5;

  private final List<double[]> lines = new ArrayList<>();
  private final List<RoadClass> classes = new ArrayList<>();
  private final List<double[]> structures = new ArrayList<>();
  private final List<Byte> structureFlags = new ArrayList<>();
  private final List<RoadClass> structureClasses = new ArrayList<>();
  private final Stats stats = new Stats();

  /** Counts of what the noding did, for the build report. */
  public static final class Stats {
    int snappedEnds;
    int crossingsNoded;
    int overpasses;
    int structuresMatched;
    int structuresUnmatched;
    int mainRoadStructuresUnmatched;

    /** Dangling road ends snapped onto another road. */
    public int snappedEnds() {
      return snappedEnds;
    }

    /** Crossings without a shared vertex that became junctions. */
    public int crossingsNoded() {
      return crossingsNoded;
    }

    /** Crossings left unconnected because one road is on a bridge or in a tunnel there. */
    public int overpasses() {
      return overpasses;
    }

    /** Bridges, fords and tunnels matched to a road. */
    public int structuresMatched() {
      return structuresMatched;
    }

    /** Structures with no road of the graph along them (e.g. footbridges outside the zone). */
    public int structuresUnmatched() {
      return structuresUnmatched;
    }

    /** Unmatched structures of motorway … tertiary class (those roads are everywhere). */
    public int mainRoadStructuresUnmatched() {
      return mainRoadStructuresUnmatched;
    }
  }

  /** Adds a road polyline (x, y pairs in LKS-94 metres, ≥ 2 distinct points, else ignored). */
  public void addRoad(double[] xy, RoadClass cls) {
    double[] clean = dedupe(xy);
    if (clean.length >= 4) {
      lines.add(clean);
      classes.add(cls);
    }
  }

  /**
   * Adds a bridge, ford or tunnel span ({@link RoadGraph#BRIDGE} …) carrying a road of class {@code
   * cls} (null when unknown).
   */
  public void addStructure(double[] xy, byte flag, RoadClass cls) {
    if (xy.length >= 4) {
      structures.add(xy);
      structureFlags.add(flag);
      structureClasses.add(cls);
    }
  }

  /** What the last {@link #build} did. */
  public Stats stats() {
    return stats;
  }

  /** A cut point on segment {@code seg} of a line. */
  private record Cut(int seg, double x, double y) {}

  private record Interval(double a0, double a1, byte flag) {}

  static long key(double x, double y) {
    return Math.round(x * 10) * 200_000_000L + Math.round(y * 10);
  }

  /** Builds the graph. */
  public RoadGraph build(Progress progress) {
    int n = lines.size();
    progress.begin("road graph: snapping ends of " + n + " roads", n);
    Map<Long, Integer> count = vertexCounts();
    STRtree segs = segmentIndex();
    List<List<Cut>> cuts = new ArrayList<>(n);
    for (int l = 0; l < n; l++) {
      cuts.add(new ArrayList<>(2));
    }
    snapEnds(count, segs, cuts, progress);
    progress.end();

    progress.begin("road graph: bridges, fords, tunnels", structures.size());
    List<List<Interval>> intervals = new ArrayList<>(n);
    for (int l = 0; l < n; l++) {
      intervals.add(new ArrayList<>(0));
    }
    matchStructures(segs, cuts, intervals, progress);
    progress.end();

    progress.begin("road graph: noding crossings", -1);
    nodeCrossings(cuts, intervals);
    progress.end();

    progress.begin("road graph: splitting and merging", -1);
    RoadGraph g = RoadGraphSimplifier.mergeDegreeTwo(split(count, cuts, intervals));
    progress.end();
    return g;
  }

  private Map<Long, Integer> vertexCounts() {
    Map<Long, Integer> count = new HashMap<>(lines.size() * 8);
    Map<Long, Integer> last = new HashMap<>(lines.size() * 8);
    for (int l = 0; l < lines.size(); l++) {
      double[] xy = lines.get(l);
      for (int i = 0; i < xy.length; i += 2) {
        long k = key(xy[i], xy[i + 1]);
        Integer prev = last.put(k, l);
        if (prev == null || prev != l) {
          count.merge(k, 1, Integer::sum);
        }
      }
    }
    return count;
  }

  private STRtree segmentIndex() {
    STRtree segs = new STRtree();
    for (int l = 0; l < lines.size(); l++) {
      double[] xy = lines.get(l);
      for (int i = 0; i + 3 < xy.length; i += 2) {
        Envelope e = new Envelope(xy[i], xy[i + 2], xy[i + 1], xy[i + 3]);
        segs.insert(e, new int[] {l, i / 2});
      }
    }
    segs.build();
    return segs;
  }

  private void snapEnds(
      Map<Long, Integer> count, STRtree segs, List<List<Cut>> cuts, Progress progress) {
    LineSegment seg = new LineSegment();
    Coordinate p = new Coordinate();
    for (int l = 0; l < lines.size(); l++) {
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
          int[] ls = (int[]) o;
          int m = ls[0];
          if (m == l) {
            continue;
          }
          setSegment(seg, lines.get(m), ls[1]);
          Coordinate c = seg.closestPoint(p);
          double d = c.distance(p);
          if (d < best) {
            best = d;
            bestLine = m;
            bestSeg = ls[1];
            bx = c.x;
            by = c.y;
          }
        }
        if (bestLine < 0) {
          continue;
        }
        double[] mx = lines.get(bestLine);
        boolean atVertex = false;
        for (int v = bestSeg; v <= bestSeg + 1; v++) {
          if (Math.hypot(mx[2 * v] - bx, mx[2 * v + 1] - by) <= VERTEX_MERGE_M) {
            bx = mx[2 * v];
            by = mx[2 * v + 1];
            atVertex = true;
          }
        }
        xy[i] = bx;
        xy[i + 1] = by;
        if (!atVertex) {
          cuts.get(bestLine).add(new Cut(bestSeg, bx, by));
        }
        count.merge(key(bx, by), atVertex ? 1 : 2, Integer::sum);
        stats.snappedEnds++;
      }
      if ((l & 4095) == 0) {
        progress.advance(l);
      }
    }
  }

  private static void setSegment(LineSegment seg, double[] xy, int s) {
    seg.p0.x = xy[2 * s];
    seg.p0.y = xy[2 * s + 1];
    seg.p1.x = xy[2 * s + 2];
    seg.p1.y = xy[2 * s + 3];
  }

  private void matchStructures(
      STRtree segs, List<List<Cut>> cuts, List<List<Interval>> intervals, Progress progress) {
    double[][] along = new double[lines.size()][];
    for (int s = 0; s < structures.size(); s++) {
      double[] sx = structures.get(s);
      Envelope q = new Envelope();
      for (int i = 0; i < sx.length; i += 2) {
        q.expandToInclude(sx[i], sx[i + 1]);
      }
      q.expandBy(STRUCTURE_M);
      double bestScore = Double.POSITIVE_INFINITY;
      int bestLine = -1;
      List<Integer> seen = new ArrayList<>(4);
      for (Object o : segs.query(q)) {
        int m = ((int[]) o)[0];
        if (seen.contains(m)) {
          continue;
        }
        seen.add(m);
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < sx.length && worst <= STRUCTURE_M; i += 2) {
          double d = project(lines.get(m), sx[i], sx[i + 1]).distance;
          worst = Math.max(worst, d);
          sum += d;
        }
        if (worst > STRUCTURE_M) {
          continue;
        }
        double score = sum / (sx.length / 2.0);
        if (classes.get(m) != structureClasses.get(s)) {
          score += STRUCTURE_M;
        }
        if (score < bestScore) {
          bestScore = score;
          bestLine = m;
        }
      }
      if (bestLine < 0) {
        stats.structuresUnmatched++;
        RoadClass sc = structureClasses.get(s);
        if (sc != null && sc.ordinal() <= RoadClass.TERTIARY.ordinal()) {
          stats.mainRoadStructuresUnmatched++;
        }
      } else {
        stats.structuresMatched++;
        double[] xy = lines.get(bestLine);
        if (along[bestLine] == null) {
          along[bestLine] = alongs(xy);
        }
        Projection p0 = project(xy, sx[0], sx[1]);
        Projection p1 = project(xy, sx[sx.length - 2], sx[sx.length - 1]);
        cuts.get(bestLine).add(new Cut(p0.seg, p0.x, p0.y));
        cuts.get(bestLine).add(new Cut(p1.seg, p1.x, p1.y));
        double a0 = along(xy, along[bestLine], p0.seg, p0.x, p0.y);
        double a1 = along(xy, along[bestLine], p1.seg, p1.x, p1.y);
        intervals
            .get(bestLine)
            .add(new Interval(Math.min(a0, a1), Math.max(a0, a1), structureFlags.get(s)));
      }
      if ((s & 1023) == 0) {
        progress.advance(s);
      }
    }
  }

  private record Projection(int seg, double x, double y, double distance) {}

  /** Nearest point of line {@code xy} to (x, y). */
  private static Projection project(double[] xy, double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    int bestSeg = 0;
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
        bestSeg = i / 2;
        bx = px;
        by = py;
      }
    }
    return new Projection(bestSeg, bx, by, best);
  }

  private static double along(double[] xy, double[] along, int seg, double x, double y) {
    return along[seg] + Math.hypot(x - xy[2 * seg], y - xy[2 * seg + 1]);
  }

  private static double[] alongs(double[] xy) {
    double[] a = new double[xy.length / 2];
    for (int i = 1; i < a.length; i++) {
      a[i] = a[i - 1] + Math.hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    }
    return a;
  }

  private void nodeCrossings(List<List<Cut>> cuts, List<List<Interval>> intervals) {
    List<SegmentString> strings = new ArrayList<>(lines.size());
    for (int l = 0; l < lines.size(); l++) {
      double[] xy = lines.get(l);
      Coordinate[] cs = new Coordinate[xy.length / 2];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
      }
      strings.add(new BasicSegmentString(cs, l));
    }
    double[][] along = new double[lines.size()][];
    LineIntersector li = new RobustLineIntersector();
    SegmentIntersector finder =
        new SegmentIntersector() {
          @Override
          public void processIntersections(SegmentString e0, int s0, SegmentString e1, int s1) {
            int l0 = (Integer) e0.getData();
            int l1 = (Integer) e1.getData();
            if (l0 == l1) {
              return;
            }
            Coordinate p00 = e0.getCoordinate(s0);
            Coordinate p01 = e0.getCoordinate(s0 + 1);
            Coordinate p10 = e1.getCoordinate(s1);
            Coordinate p11 = e1.getCoordinate(s1 + 1);
            li.computeIntersection(p00, p01, p10, p11);
            for (int i = 0; i < li.getIntersectionNum(); i++) {
              Coordinate pt = li.getIntersection(i);
              long k = key(pt.x, pt.y);
              boolean vertexOf0 = k == key(p00.x, p00.y) || k == key(p01.x, p01.y);
              boolean vertexOf1 = k == key(p10.x, p10.y) || k == key(p11.x, p11.y);
              if (vertexOf0 && vertexOf1) {
                continue; // a shared vertex: already a junction
              }
              if (insideSpan(l0, s0, pt) || insideSpan(l1, s1, pt)) {
                stats.overpasses++;
                continue;
              }
              cuts.get(l0).add(new Cut(s0, pt.x, pt.y));
              cuts.get(l1).add(new Cut(s1, pt.x, pt.y));
              stats.crossingsNoded++;
            }
          }

          private boolean insideSpan(int l, int s, Coordinate pt) {
            List<Interval> ivs = intervals.get(l);
            if (ivs.isEmpty()) {
              return false;
            }
            double[] xy = lines.get(l);
            if (along[l] == null) {
              along[l] = alongs(xy);
            }
            double a = along(xy, along[l], s, pt.x, pt.y);
            for (Interval iv : ivs) {
              if ((iv.flag & (RoadGraph.BRIDGE | RoadGraph.TUNNEL)) != 0
                  && a > iv.a0 + SPAN_INSIDE_M
                  && a < iv.a1 - SPAN_INSIDE_M) {
                return true;
              }
            }
            return false;
          }

          @Override
          public boolean isDone() {
            return false;
          }
        };
    MCIndexNoder noder = new MCIndexNoder(finder);
    noder.computeNodes(strings);
  }

  private RoadGraph split(
      Map<Long, Integer> count, List<List<Cut>> cuts, List<List<Interval>> intervals) {
    GraphArrays out = new GraphArrays();
    double[] buf = new double[256];
    for (int l = 0; l < lines.size(); l++) {
      double[] xy = lines.get(l);
      double[] along = alongs(xy);
      int nv = xy.length / 2;
      List<Cut> cl = cuts.get(l);
      double[] cutAlong = new double[cl.size()];
      Integer[] order = new Integer[cl.size()];
      for (int i = 0; i < cl.size(); i++) {
        Cut c = cl.get(i);
        cutAlong[i] = along(xy, along, c.seg, c.x, c.y);
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> cutAlong[i]));
      // merged walk over vertices and cut points, ordered by along position
      int vi = 0;
      int ii = 0;
      int bn = 0;
      double startAlong = 0;
      while (vi < nv || ii < order.length) {
        boolean takeCut = ii < order.length && (vi >= nv || cutAlong[order[ii]] < along[vi]);
        double x;
        double y;
        double curAlong;
        boolean cut;
        if (takeCut) {
          Cut c = cl.get(order[ii]);
          curAlong = cutAlong[order[ii]];
          ii++;
          x = c.x;
          y = c.y;
          cut = true;
        } else {
          x = xy[2 * vi];
          y = xy[2 * vi + 1];
          curAlong = along[vi];
          cut = vi == 0 || vi == nv - 1 || count.getOrDefault(key(x, y), 0) >= 2;
          vi++;
        }
        if (bn > 0 && Math.hypot(x - buf[2 * bn - 2], y - buf[2 * bn - 1]) < 0.01) {
          if (!cut) {
            continue;
          }
          bn--; // same point: the cut replaces it
        }
        if (2 * bn + 2 > buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[2 * bn] = x;
        buf[2 * bn + 1] = y;
        bn++;
        if (cut && bn >= 2) {
          double mid = (startAlong + curAlong) / 2;
          byte f = 0;
          for (Interval iv : intervals.get(l)) {
            if (mid >= iv.a0 && mid <= iv.a1 && iv.a1 - iv.a0 > 0.5) {
              f |= iv.flag;
            }
          }
          out.addEdge(buf, bn, (byte) classes.get(l).ordinal(), f);
          buf[0] = x;
          buf[1] = y;
          bn = 1;
          startAlong = curAlong;
        }
      }
    }
    return out.toGraph();
  }

  /** Drops consecutive points closer than 1 cm. */
  private static double[] dedupe(double[] xy) {
    double[] out = new double[xy.length];
    int n = 0;
    for (int i = 0; i + 1 < xy.length; i += 2) {
      if (n > 0 && Math.hypot(xy[i] - out[n - 2], xy[i + 1] - out[n - 1]) < 0.01) {
        continue;
      }
      out[n++] = xy[i];
      out[n++] = xy[i + 1];
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
