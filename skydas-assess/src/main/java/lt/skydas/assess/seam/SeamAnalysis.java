package lt.skydas.assess.seam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Where two allies' lines meet (issue 16): at each tri-point where an allied border (LT–PL) meets a
 * hostile country (BY), the gap between the two lines' ends: the shortest distance between one
 * country's obstacles and the other's within {@link #radius_m} of the tri-point, with the two end
 * points, and a meeting point proposed on the allied border (its point nearest the middle of the
 * gap). All coordinates in one metric map CRS. Stateless.
 *
 * <p>Cost: the obstacles near each tri-point come from an STR-tree per country, then one JTS
 * distance between the two groups' unions: linear in the obstacles near the seam.
 */
public final class SeamAnalysis {
  /** Default search radius around a tri-point, m. */
  public static final double DEFAULT_RADIUS_M = 20_000;

  /** Lines closer than this meet (digitising tolerance), m. */
  public static final double JOINED_M = 50;

  private static final GeometryFactory GF = new GeometryFactory();

  private final double radius_m;

  public SeamAnalysis(double radius_m) {
    if (!(radius_m > 0)) {
      throw new IllegalArgumentException("radius must be positive: " + radius_m);
    }
    this.radius_m = radius_m;
  }

  public double radius_m() {
    return radius_m;
  }

  /**
   * One country's line: its obstacles (and sensor sites) in the map CRS, and where it came from.
   */
  public record Line(String country, String source, List<Geometry> features) {
    public Line {
      features = List.copyOf(features);
    }
  }

  /** What a seam's two ends look like. */
  public enum Status {
    /** the two lines meet (closer than {@link #JOINED_M}) */
    JOINED,
    /** both lines come near the tri-point but leave a gap */
    GAP,
    /** one side (or both) has no obstacle within the radius */
    OPEN
  }

  /**
   * A seam at a tri-point.
   *
   * @param allies the allied border pair ("LT-PL")
   * @param hostile the hostile country the tri-point faces ("BY")
   * @param triPoint where the allied border meets the hostile one, map CRS
   * @param gap_m the shortest distance between the two lines near it; +Inf when OPEN
   * @param endA the point of the first ally's line nearest the other's (null when OPEN)
   * @param endB the point of the second ally's line nearest the first's (null when OPEN)
   * @param meeting the proposed meeting point on the allied border (null when OPEN)
   * @param fromTriA_m the first ally's line's distance from the tri-point, +Inf without one
   * @param fromTriB_m the second ally's line's distance from the tri-point, +Inf without one
   * @param nearA obstacles of the first ally within the radius
   * @param nearB obstacles of the second ally within the radius
   */
  public record Seam(
      String allies,
      String hostile,
      Coordinate triPoint,
      Status status,
      double gap_m,
      Coordinate endA,
      Coordinate endB,
      Coordinate meeting,
      double fromTriA_m,
      double fromTriB_m,
      int nearA,
      int nearB) {}

  /**
   * The seams of {@code lines} (by country) along the region's borders: every allied pair of {@code
   * borders} whose both countries have a line, at each hostile country whose borders with both come
   * within 2 km of their common border.
   *
   * @param borders border lines by pair ("LT-PL", "LT-BY" …), map CRS
   * @param hostile the hostile countries (ISO alpha-2)
   */
  public List<Seam> analyse(
      Map<String, Geometry> borders, Set<String> hostile, Map<String, Line> lines) {
    Map<String, STRtree> index = new LinkedHashMap<>();
    lines.forEach((c, l) -> index.put(c, tree(l)));
    List<Seam> out = new ArrayList<>();
    for (Map.Entry<String, Geometry> e : borders.entrySet()) {
      String[] ab = e.getKey().split("-");
      if (ab.length != 2
          || hostile.contains(ab[0])
          || hostile.contains(ab[1])
          || !lines.containsKey(ab[0])
          || !lines.containsKey(ab[1])) {
        continue;
      }
      for (String h : hostile) {
        Geometry ah = pair(borders, ab[0], h);
        Geometry bh = pair(borders, ab[1], h);
        if (ah == null || bh == null) {
          continue;
        }
        Coordinate[] near = DistanceOp.nearestPoints(e.getValue(), ah);
        if (near[0].distance(near[1]) > 2000 || e.getValue().distance(bh) > 2000) {
          continue;
        }
        out.add(seam(e.getKey(), h, near[0], e.getValue(), index.get(ab[0]), index.get(ab[1])));
      }
    }
    return out;
  }

  private Seam seam(
      String allies, String h, Coordinate tri, Geometry allied, STRtree a, STRtree b) {
    List<Geometry> na = near(a, tri);
    List<Geometry> nb = near(b, tri);
    var triPt = GF.createPoint(tri);
    double fromA = na.isEmpty() ? Double.POSITIVE_INFINITY : union(na).distance(triPt);
    double fromB = nb.isEmpty() ? Double.POSITIVE_INFINITY : union(nb).distance(triPt);
    if (na.isEmpty() || nb.isEmpty()) {
      return new Seam(
          allies,
          h,
          tri,
          Status.OPEN,
          Double.POSITIVE_INFINITY,
          null,
          null,
          null,
          fromA,
          fromB,
          na.size(),
          nb.size());
    }
    Coordinate[] ends = DistanceOp.nearestPoints(union(na), union(nb));
    double gap = ends[0].distance(ends[1]);
    Coordinate mid = new Coordinate((ends[0].x + ends[1].x) / 2, (ends[0].y + ends[1].y) / 2);
    Coordinate meeting = DistanceOp.nearestPoints(allied, GF.createPoint(mid))[0];
    return new Seam(
        allies,
        h,
        tri,
        gap < JOINED_M ? Status.JOINED : Status.GAP,
        gap,
        ends[0],
        ends[1],
        meeting,
        fromA,
        fromB,
        na.size(),
        nb.size());
  }

  private static Geometry pair(Map<String, Geometry> borders, String a, String b) {
    Geometry g = borders.get(a + "-" + b);
    return g != null ? g : borders.get(b + "-" + a);
  }

  private static STRtree tree(Line l) {
    STRtree t = new STRtree();
    for (Geometry g : l.features()) {
      t.insert(g.getEnvelopeInternal(), g);
    }
    t.build();
    return t;
  }

  private List<Geometry> near(STRtree t, Coordinate c) {
    Envelope env = new Envelope(c);
    env.expandBy(radius_m);
    var p = GF.createPoint(c);
    List<Geometry> out = new ArrayList<>();
    for (Object o : t.query(env)) {
      Geometry g = (Geometry) o;
      if (g.distance(p) <= radius_m) {
        out.add(g);
      }
    }
    return out;
  }

  private static Geometry union(List<Geometry> gs) {
    return GF.buildGeometry(gs);
  }
}
