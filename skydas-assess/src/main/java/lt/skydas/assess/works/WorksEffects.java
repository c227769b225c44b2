package lt.skydas.assess.works;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.assess.works.WorksProgramme.Kind;
import lt.skydas.assess.works.WorksProgramme.Project;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.RoadInput;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * How a works programme edits the friendly road network, day by day: a road section, once done,
 * lets convoys drive its roads at its {@code speed_after_kmh} (if faster); a bridge carries a
 * convoy only while its load class (before the works, or after them once done) is at least the
 * convoy's. Each project is matched to the road pieces it lies on — a road section to the pieces
 * with at least half of their length, or half of the section's, within {@link #ON_ROAD_M} of it; a
 * bridge to the bridge pieces within {@link #AT_BRIDGE_M} — and a road section acts on the network
 * edges of those pieces that lie within {@link #ON_ROAD_M} of it (a piece running on past the
 * section's end is improved only along the section). A road project less than half on the network,
 * or a bridge on none, is refused. Immutable.
 */
public final class WorksEffects {
  /** How far a road piece may lie from a road project's line and still be the same road, m. */
  public static final double ON_ROAD_M = 30;

  /** How far a bridge piece may lie from a bridge project's point, m. */
  public static final double AT_BRIDGE_M = 150;

  private static final GeometryFactory GF = new GeometryFactory();

  private final WorksProgramme programme;
  private final MobilityNetwork net;
  private final int[][] roadsOf;
  private final int[][] edgesOf;

  private WorksEffects(
      WorksProgramme programme, MobilityNetwork net, int[][] roadsOf, int[][] edgesOf) {
    this.programme = programme;
    this.net = net;
    this.roadsOf = roadsOf;
    this.edgesOf = edgesOf;
  }

  /** Matches every project to its road pieces. */
  public static WorksEffects of(WorksProgramme w, MobilityNetwork net, RoadInput roads) {
    int[][] out = new int[w.projects().size()][];
    double[] pts = new double[64];
    for (int i = 0; i < out.length; i++) {
      Project p = w.projects().get(i);
      double reach = p.kind() == Kind.ROAD ? ON_ROAD_M : AT_BRIDGE_M;
      Geometry zone = p.geometry_map().buffer(reach);
      PreparedGeometry in = PreparedGeometryFactory.prepare(zone);
      var env = zone.getEnvelopeInternal();
      List<Integer> hit = new ArrayList<>();
      double matched = 0;
      for (int r = 0; r < roads.edgeCount(); r++) {
        if (p.kind() == Kind.BRIDGE && !roads.isBridge(r)) {
          continue;
        }
        int n = roads.pointCount(r);
        if (pts.length < 2 * n) {
          pts = new double[2 * n];
        }
        pts = roads.points(r, pts);
        if (!env.intersects(pieceEnvelope(pts, n))) {
          continue;
        }
        Coordinate[] cs = new Coordinate[n];
        for (int k = 0; k < n; k++) {
          cs[k] = new Coordinate(pts[2 * k], pts[2 * k + 1]);
        }
        Geometry piece = n == 1 ? GF.createPoint(cs[0]) : GF.createLineString(cs);
        if (!in.intersects(piece)) {
          continue;
        }
        double inside = p.kind() == Kind.ROAD ? zone.intersection(piece).getLength() : 0;
        double need = 0.5 * Math.min(piece.getLength(), p.geometry_map().getLength());
        if (p.kind() == Kind.BRIDGE || inside >= need) {
          hit.add(r);
          matched += inside;
        }
      }
      if (hit.isEmpty()
          || (p.kind() == Kind.ROAD && matched < 0.5 * p.geometry_map().getLength())) {
        throw SkydasProblem.badInput(
            w.source(),
            "project " + p.id(),
            String.format(
                Locale.ROOT,
                "lies on no %s of the region's road network (%.0f of %.0f m on a road): draw it"
                    + " on the road it improves",
                p.kind() == Kind.ROAD ? "road" : "road bridge",
                matched,
                p.geometry_map().getLength()));
      }
      out[i] = hit.stream().mapToInt(Integer::intValue).toArray();
    }
    return new WorksEffects(w, net, out, edges(w, net, roads, out));
  }

  /** Per project, the network edges it acts on (one pass over the network's road edges). */
  private static int[][] edges(
      WorksProgramme w, MobilityNetwork net, RoadInput roads, int[][] roadsOf) {
    java.util.Map<Integer, List<Integer>> projectsOf = new java.util.HashMap<>();
    PreparedGeometry[] zone = new PreparedGeometry[roadsOf.length];
    for (int i = 0; i < roadsOf.length; i++) {
      Project p = w.projects().get(i);
      zone[i] =
          p.kind() == Kind.ROAD
              ? PreparedGeometryFactory.prepare(p.geometry_map().buffer(ON_ROAD_M + 1))
              : null;
      for (int r : roadsOf[i]) {
        projectsOf.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < roadsOf.length; i++) {
      out.add(new ArrayList<>());
    }
    int[] first = net.firstEdge();
    int[] target = net.edgeTarget();
    byte[] kind = net.edgeKind();
    int[] road = net.edgeRoad();
    for (int u = 0; u < net.nodeCount(); u++) {
      for (int e = first[u]; e < first[u + 1]; e++) {
        if (kind[e] != MobilityNetwork.ROAD || !projectsOf.containsKey(road[e])) {
          continue;
        }
        for (int i : projectsOf.get(road[e])) {
          if (zone[i] == null
              || (within(zone[i], net, roads, u) && within(zone[i], net, roads, target[e]))) {
            out.get(i).add(e);
          }
        }
      }
    }
    int[][] arr = new int[out.size()][];
    for (int i = 0; i < arr.length; i++) {
      arr[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return arr;
  }

  private static boolean within(PreparedGeometry z, MobilityNetwork net, RoadInput roads, int n) {
    return z.covers(GF.createPoint(new Coordinate(net.nodeX(n, roads), net.nodeY(n, roads))));
  }

  private static org.locationtech.jts.geom.Envelope pieceEnvelope(double[] pts, int n) {
    var e = new org.locationtech.jts.geom.Envelope();
    for (int k = 0; k < n; k++) {
      e.expandToInclude(pts[2 * k], pts[2 * k + 1]);
    }
    return e;
  }

  public WorksProgramme programme() {
    return programme;
  }

  /** The road pieces project {@code i} lies on (indices of the network's roads). */
  public int[] roadsOf(int i) {
    return roadsOf[i].clone();
  }

  /**
   * {@code base} (edge costs for a wheeled convoy, s) as they are on {@code day} for a convoy of
   * load class {@code convoyMlc}: a new array.
   */
  public double[] costs(double[] base, LocalDate day, int convoyMlc) {
    double[] c = base.clone();
    float[] len = net.edgeLength_m();
    boolean[] closed = new boolean[c.length];
    for (int i = 0; i < edgesOf.length; i++) {
      Project p = programme.projects().get(i);
      boolean done = p.inEffect(day);
      int mlc = done ? p.mlcAfter() : p.mlcBefore();
      for (int e : edgesOf[i]) {
        if (mlc < convoyMlc) {
          closed[e] = true;
        } else if (done && p.kind() == Kind.ROAD) {
          c[e] = Math.min(c[e], len[e] * 3.6 / p.speedAfter_kmh());
        }
      }
    }
    for (int e = 0; e < c.length; e++) {
      if (closed[e]) {
        c[e] = Double.POSITIVE_INFINITY;
      }
    }
    return c;
  }
}
