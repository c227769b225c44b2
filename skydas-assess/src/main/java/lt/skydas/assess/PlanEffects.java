package lt.skydas.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityNetwork;
import lt.skydas.mobility.network.RoadInput;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.raster.Rasterizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;

/**
 * Where a plan's obstacles act on the network, independent of vehicle class: the cells whose entry
 * they delay and the road edges they cut. The delays per class come from the catalog.
 *
 * <p>Line obstacles delay the cells they pass through (a 4-connected "supercover", so no
 * 8-neighbour move can slip across); areas and point obstacles (a circle of their radius) delay the
 * cells of their boundary, so entering or leaving costs the crossing delay. Obstacles that block
 * roads add their road delay once to each road crossing (lines and areas: where the road crosses
 * the geometry; points: the nearest place on each road within the radius).
 *
 * <p>Both delays of an obstacle are scaled by its {@link WatchFactors watch factor} for the mover's
 * class ({@link #withWatch}); as located, every obstacle counts in full. Immutable.
 */
public final class PlanEffects {
  private final BarrierPlan plan;
  private final int[][] cells;
  private final int[][] edges;
  private final WatchFactors watch;

  private PlanEffects(BarrierPlan plan, int[][] cells, int[][] edges, WatchFactors watch) {
    this.plan = plan;
    this.cells = cells;
    this.edges = edges;
    this.watch = watch;
  }

  /** Locates every obstacle of {@code plan} on the network. */
  public static PlanEffects locate(BarrierPlan plan, MobilityNetwork net, RoadInput roads) {
    GridSpec g = net.grid();
    GeometryFactory gf = new GeometryFactory();
    STRtree roadIndex = null;
    List<Obstacle> obs = plan.obstacles();
    int[][] cells = new int[obs.size()][];
    int[][] edges = new int[obs.size()][];
    for (int i = 0; i < obs.size(); i++) {
      Obstacle o = obs.get(i);
      Geometry geom = o.geometry_lks94();
      Geometry footprint = geom;
      if (geom instanceof Puntal) {
        footprint = BufferOp.bufferOp(geom, o.type().radius_m(), 16);
      }
      IntSet cs = new IntSet();
      if (footprint instanceof Lineal) {
        Rasterizer.burnLines(g, footprint, cs::add);
      } else if (footprint instanceof Polygonal) {
        Rasterizer.burnLines(g, footprint.getBoundary(), cs::add);
      }
      cells[i] = cs.toArray();
      if (!o.type().blocksRoads()) {
        edges[i] = new int[0];
        continue;
      }
      if (roadIndex == null) {
        roadIndex = indexRoads(roads, gf);
      }
      edges[i] = roadCuts(o, geom, net, roads, roadIndex);
    }
    return new PlanEffects(plan, cells, edges, WatchFactors.full(obs.size()));
  }

  /**
   * These effects with each obstacle's delays scaled by {@code factors} (one per obstacle of the
   * plan, in plan order).
   */
  public PlanEffects withWatch(WatchFactors factors) {
    if (factors.obstacleCount() != cells.length) {
      throw new IllegalArgumentException("one watch factor per obstacle");
    }
    return new PlanEffects(plan, cells, edges, factors);
  }

  /** These effects with every obstacle counted in full, as if all were watched. */
  public PlanEffects fullyWatched() {
    return withWatch(WatchFactors.full(cells.length));
  }

  /** The watch factors applied to the delays. */
  public WatchFactors watch() {
    return watch;
  }

  /** Obstacle {@code i}'s off-road crossing delay for class {@code v}, watch applied, s. */
  public double crossingDelay_s(int i, VehicleClass v) {
    return plan.obstacles().get(i).type().crossingDelay_s(v) * watch.factor(i, v);
  }

  /** Obstacle {@code i}'s delay on each road it cuts for class {@code v}, watch applied, s. */
  public double roadDelay_s(int i, VehicleClass v) {
    return plan.obstacles().get(i).type().roadDelay_s(v) * watch.factor(i, v);
  }

  private static STRtree indexRoads(RoadInput roads, GeometryFactory gf) {
    STRtree t = new STRtree();
    double[] buf = new double[64];
    for (int e = 0; e < roads.edgeCount(); e++) {
      int n = roads.pointCount(e);
      if (buf.length < 2 * n) {
        buf = new double[2 * n];
      }
      double[] p = roads.points(e, buf);
      Coordinate[] cs = new Coordinate[n];
      for (int i = 0; i < n; i++) {
        cs[i] = new Coordinate(p[2 * i], p[2 * i + 1]);
      }
      LineString ls = gf.createLineString(cs);
      ls.setUserData(e);
      t.insert(ls.getEnvelopeInternal(), ls);
    }
    t.build();
    return t;
  }

  private static int[] roadCuts(
      Obstacle o, Geometry geom, MobilityNetwork net, RoadInput roads, STRtree index) {
    IntSet out = new IntSet();
    int[] tmp = new int[2];
    ObstacleType t = o.type();
    org.locationtech.jts.geom.Envelope env =
        new org.locationtech.jts.geom.Envelope(geom.getEnvelopeInternal());
    if (geom instanceof Puntal) {
      env.expandBy(t.radius_m());
    }
    List<double[]> pointHits = new ArrayList<>(); // road id, along, distance
    for (Object item : index.query(env)) {
      LineString road = (LineString) item;
      int roadId = (Integer) road.getUserData();
      LengthIndexedLine lil = new LengthIndexedLine(road);
      if (geom instanceof Puntal) {
        for (Coordinate c : geom.getCoordinates()) {
          double a = lil.project(c);
          double d = lil.extractPoint(a).distance(c);
          if (d <= t.radius_m()) {
            pointHits.add(new double[] {roadId, a, d});
          }
        }
        continue;
      }
      Geometry cut = geom instanceof Polygonal ? geom.getBoundary() : geom;
      if (!road.intersects(cut)) {
        continue;
      }
      for (Coordinate c : road.intersection(cut).getCoordinates()) {
        addCut(net, roadId, lil.project(c), tmp, out);
      }
    }
    // A point cuts each road once: among road edges joined end to end (one road split at
    // junctions or bridge ends) only the nearest is cut; separate roads (e.g. the two
    // carriageways of a motorway) are each cut.
    pointHits.sort((a, b) -> Double.compare(a[2], b[2]));
    List<Integer> kept = new ArrayList<>();
    for (double[] h : pointHits) {
      int roadId = (int) h[0];
      boolean joined = false;
      for (int k : kept) {
        if (touches(roads, k, roadId)) {
          joined = true;
          break;
        }
      }
      if (!joined) {
        kept.add(roadId);
        addCut(net, roadId, h[1], tmp, out);
      }
    }
    return out.toArray();
  }

  private static void addCut(MobilityNetwork net, int roadId, double along, int[] tmp, IntSet out) {
    int k = net.edgesAt(roadId, along, tmp);
    for (int j = 0; j < k; j++) {
      out.add(tmp[j]);
    }
  }

  private static boolean touches(RoadInput roads, int a, int b) {
    int a0 = roads.edgeFrom(a);
    int a1 = roads.edgeTo(a);
    int b0 = roads.edgeFrom(b);
    int b1 = roads.edgeTo(b);
    return a == b || a0 == b0 || a0 == b1 || a1 == b0 || a1 == b1;
  }

  /**
   * The effects friendly traffic meets: openable obstacles (control points, prepared demolitions)
   * are open for it, every other obstacle delays it by its full catalog delay (the watch is about
   * the enemy breaching unopposed; it does not speed friendly traffic).
   */
  public PlanEffects forFriendlyTraffic() {
    List<lt.skydas.plan.Obstacle> kept = new ArrayList<>();
    List<int[]> c = new ArrayList<>();
    List<int[]> e = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if (!plan.obstacles().get(i).type().openable()) {
        kept.add(plan.obstacles().get(i));
        c.add(cells[i]);
        e.add(edges[i]);
      }
    }
    BarrierPlan p = plan.withObstacles(kept);
    return new PlanEffects(
        p, c.toArray(new int[0][]), e.toArray(new int[0][]), WatchFactors.full(kept.size()));
  }

  public BarrierPlan plan() {
    return plan;
  }

  /** Cells obstacle {@code i} delays. */
  public int[] cells(int i) {
    return cells[i];
  }

  /** Network edges obstacle {@code i} cuts. */
  public int[] edges(int i) {
    return edges[i];
  }

  /**
   * Entry penalty per cell (seconds, watch applied) for class {@code v}, summing overlapping
   * obstacles, leaving out obstacle {@code skip} (-1 for none). Null when no obstacle delays any
   * cell.
   */
  public float[] penalties(int cellCount, VehicleClass v, int skip) {
    float[] p = null;
    for (int i = 0; i < cells.length; i++) {
      double d = crossingDelay_s(i, v);
      if (i == skip || d <= 0 || cells[i].length == 0) {
        continue;
      }
      if (p == null) {
        p = new float[cellCount];
      }
      for (int c : cells[i]) {
        p[c] += (float) d;
      }
    }
    return p;
  }

  /**
   * Edge costs with road delays (watch applied) for class {@code v} added, leaving out obstacle
   * {@code skip}.
   */
  public double[] edgeCosts(double[] base, VehicleClass v, int skip) {
    double[] c = Arrays.copyOf(base, base.length);
    for (int i = 0; i < edges.length; i++) {
      double d = roadDelay_s(i, v);
      if (i == skip || d <= 0) {
        continue;
      }
      for (int e : edges[i]) {
        c[e] += d;
      }
    }
    return c;
  }

  /** Obstacles (indices) acting on cell {@code cell} or edge {@code edge} (-1 to skip either). */
  public List<Integer> obstaclesAt(int cell, int edge) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if ((cell >= 0 && Arrays.binarySearch(cells[i], cell) >= 0)
          || (edge >= 0 && Arrays.binarySearch(edges[i], edge) >= 0)) {
        out.add(i);
      }
    }
    return out;
  }

  /** A small growable sorted-on-export int set. */
  static final class IntSet {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      int[] s = Arrays.copyOf(a, n);
      Arrays.sort(s);
      int m = 0;
      for (int i = 0; i < s.length; i++) {
        if (i == 0 || s[i] != s[i - 1]) {
          s[m++] = s[i];
        }
      }
      return Arrays.copyOf(s, m);
    }
  }
}
