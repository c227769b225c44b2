package lt.skydas.registry;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.plan.ObstacleType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The geometry checks mine-action centres rely on, for one record: valid, enough vertices, no
 * consecutive vertices more than 5 km apart, WGS84 coordinates, the right kind for its catalog
 * type, inside the region on the home side of the border. Cross-record checks (duplicates,
 * overlapping minefields) are in {@link Registry}. Stateless.
 */
public final class GeometryChecks {
  /**
   * Vertices a record's geometry may have (a 100 km line surveyed every 5 m); more is refused
   * before anything else is checked (issue 18, finding 3).
   */
  public static final int MAX_VERTICES = 20_000;

  /** Consecutive vertices further apart than this are refused. */
  public static final double MAX_VERTEX_GAP_M = 5000;

  private GeometryChecks() {}

  /** The checks for an obstacle or minefield of {@code type} (null: any kind of geometry). */
  public static List<FieldError> check(Geometry g, ObstacleType type, Territory t) {
    return checkRecord(g, type == null ? null : Catalogs.RecordType.of(type), t);
  }

  /** The checks for a record of {@code type} (null: any kind of geometry). */
  static List<FieldError> checkRecord(Geometry g, Catalogs.RecordType type, Territory t) {
    return checkRecord(g, type, t, null);
  }

  /**
   * As above, on the side of country {@code owner} ({@link Territory#ownerProblem}) instead of the
   * home side; null: the home side ({@link Territory#placementProblem}).
   */
  static List<FieldError> checkRecord(
      Geometry g, Catalogs.RecordType type, Territory t, String owner) {
    List<FieldError> e = new ArrayList<>();
    if (g == null || g.isEmpty()) {
      e.add(new FieldError("geometry", "missing or empty"));
      return e;
    }
    if (g.getNumPoints() > MAX_VERTICES) {
      e.add(
          new FieldError(
              "geometry",
              g.getNumPoints()
                  + " vertices, at most "
                  + MAX_VERTICES
                  + " (simplify it, e.g. with ogr2ogr -simplify)"));
      return e;
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        e.add(
            new FieldError(
                "geometry",
                "coordinate ("
                    + c.x
                    + ", "
                    + c.y
                    + ") is not WGS84 lon/lat: wrong CRS? (files must be EPSG:4326)"));
        return e;
      }
    }
    String kindProblem = kindProblem(g, type);
    if (kindProblem != null) {
      e.add(new FieldError("geometry", kindProblem));
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      if (p instanceof Polygon poly) {
        rings(e, poly);
      } else if (p instanceof LineString l && l.getNumPoints() < 2) {
        e.add(
            new FieldError(
                "geometry", "a line needs at least 2 vertices (has " + l.getNumPoints() + ")"));
      }
    }
    if (e.isEmpty()) {
      IsValidOp op = new IsValidOp(g);
      TopologyValidationError v = op.getValidationError();
      if (v != null) {
        Coordinate c = v.getCoordinate();
        e.add(
            new FieldError(
                "geometry",
                "invalid: "
                    + v.getMessage()
                    + (c == null ? "" : " at (" + c.x + ", " + c.y + ")")));
      }
    }
    gaps(e, g, t);
    String place = owner == null ? t.placementProblem(g) : t.ownerProblem(owner, g);
    if (place != null) {
      e.add(new FieldError("geometry", place));
    }
    return e;
  }

  private static String kindProblem(Geometry g, Catalogs.RecordType type) {
    if (type == null) {
      return null;
    }
    boolean footprint = type.footprintAllowed() && g instanceof Polygonal;
    boolean ok =
        footprint
            || switch (type.geometry()) {
              case POINT -> g instanceof Point;
              case LINE -> g instanceof Lineal;
              case AREA -> g instanceof Polygonal;
            };
    return ok
        ? null
        : "a "
            + type.id()
            + " needs "
            + switch (type.geometry()) {
              case POINT ->
                  type.footprintAllowed() ? "a Point (or its footprint Polygon)" : "a Point";
              case LINE ->
                  type.footprintAllowed()
                      ? "a LineString (or its perimeter Polygon)"
                      : "a LineString";
              case AREA -> "a Polygon";
            }
            + ", not a "
            + g.getGeometryType();
  }

  private static void rings(List<FieldError> e, Polygon p) {
    ring(e, p.getExteriorRing(), "exterior ring");
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(e, p.getInteriorRingN(i), "hole " + (i + 1));
    }
  }

  private static void ring(List<FieldError> e, LineString r, String what) {
    Coordinate[] cs = r.getCoordinates();
    int distinct = 0;
    for (int i = 0; i < cs.length - 1; i++) {
      if (i == 0 || !cs[i].equals2D(cs[i - 1])) {
        distinct++;
      }
    }
    if (distinct < 3) {
      e.add(new FieldError("geometry", what + " has fewer than 3 vertices (" + distinct + ")"));
    }
  }

  private static void gaps(List<FieldError> e, Geometry g, Territory t) {
    Coordinate a = new Coordinate();
    Coordinate b = new Coordinate();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      List<LineString> lines = new ArrayList<>();
      if (p instanceof LineString l) {
        lines.add(l);
      } else if (p instanceof Polygon poly) {
        lines.add(poly.getExteriorRing());
        for (int k = 0; k < poly.getNumInteriorRing(); k++) {
          lines.add(poly.getInteriorRingN(k));
        }
      }
      for (LineString l : lines) {
        Coordinate[] cs = l.getCoordinates();
        for (int k = 1; k < cs.length; k++) {
          t.crs().toMetric(cs[k - 1].x, cs[k - 1].y, a);
          t.crs().toMetric(cs[k].x, cs[k].y, b);
          double d = a.distance(b);
          if (d > MAX_VERTEX_GAP_M) {
            e.add(
                new FieldError(
                    "geometry",
                    String.format(
                        java.util.Locale.ROOT,
                        "consecutive vertices %d and %d are %.1f km apart (at most 5 km): (%s, %s) to (%s, %s)",
                        k - 1,
                        k,
                        d / 1000,
                        cs[k - 1].x,
                        cs[k - 1].y,
                        cs[k].x,
                        cs[k].y)));
            return;
          }
        }
      }
    }
  }
}
