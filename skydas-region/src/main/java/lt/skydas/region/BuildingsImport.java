package lt.skydas.region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Reads a buildings layer into {@link Buildings}: GeoJSON (WGS84) points, or footprint polygons
 * taken at their interior point with their area. Every dwelling matters to the civilian buffer, so
 * the layer is all or nothing: a feature that cannot be read, a duplicate id, a negative area or a
 * building in no home country of the region is refused, naming the file and the feature. Buildings
 * outside the region's grid are left out (counted).
 */
public final class BuildingsImport {
  /**
   * How far outside its home country's polygon a building may lie and still count as in it: the
   * country outlines and the buildings are digitised apart, and a farmstead on the border line must
   * not refuse the layer.
   */
  public static final double BORDER_TOLERANCE_M = 150;

  private BuildingsImport() {}

  /** The buildings read and how many lay outside the grid. */
  public record Result(Buildings buildings, int outsideGrid) {}

  /**
   * @param file the layer (GeoJSON or GeoJSON.gz, lon/lat)
   * @param epsg the region's map CRS
   * @param grid the region's grid envelope in the map CRS: buildings outside it are left out
   * @param home the home countries' polygons in the map CRS, by ISO code
   * @throws SkydasProblem BAD_INPUT naming the file and the feature
   */
  public static Result read(
      Path file, int epsg, Envelope grid, java.util.Map<String, Geometry> home) {
    String name = file.getFileName().toString();
    List<PreparedGeometry> homes = new ArrayList<>();
    List<Geometry> raw = new ArrayList<>();
    for (Geometry g : home.values()) {
      homes.add(PreparedGeometryFactory.prepare(g));
      raw.add(g);
    }
    Crs crs = Crs.of(epsg);
    Set<String> ids = new HashSet<>();
    Cols cols = new Cols();
    int[] outside = {0};
    GeoJsonReader.read(
        file,
        f -> {
          Geometry g = f.geometry();
          if (f.id() != null && !ids.add(f.id())) {
            throw SkydasProblem.badInput(
                name, f.label(), "duplicate id \"" + f.id() + "\" (each building once)");
          }
          Geometry m = crs.toMetric(g);
          Point p;
          double area;
          if (g instanceof Point) {
            p = (Point) m;
            area = Double.NaN;
          } else if (g instanceof Polygonal) {
            p = m.getInteriorPoint();
            area = m.getArea();
          } else {
            throw SkydasProblem.badInput(
                name,
                f.label(),
                "a building is a Point or a footprint Polygon, not a " + g.getGeometryType());
          }
          Object given = f.properties().get("area_m2");
          if (given != null) {
            if (!(given instanceof Number num) || !Double.isFinite(num.doubleValue())) {
              throw SkydasProblem.badInput(
                  name, f.label(), "area_m2 must be a number, not " + given);
            }
            area = num.doubleValue();
            if (area < 0) {
              throw SkydasProblem.badInput(
                  name, f.label(), "area_m2 is negative (" + given + "); a footprint is ≥ 0 m²");
            }
          }
          if (!grid.contains(p.getCoordinate())) {
            outside[0]++;
            return;
          }
          if (!inHome(p, homes, raw)) {
            Coordinate c = g.getCoordinate();
            throw SkydasProblem.badInput(
                name,
                f.label(),
                String.format(
                    Locale.ROOT,
                    "the building at %.5f E %.5f N lies in no home country of the region (%s):"
                        + " a layer of another country's buildings belongs to that country's"
                        + " region",
                    c.x,
                    c.y,
                    String.join(", ", home.keySet())));
          }
          cols.add(p.getX(), p.getY(), (float) area);
        },
        (index, id, reason, rawNode) -> {
          throw SkydasProblem.badInput(name, Feature.label(index, id), reason);
        });
    return new Result(cols.buildings(), outside[0]);
  }

  private static boolean inHome(Point p, List<PreparedGeometry> homes, List<Geometry> raw) {
    for (PreparedGeometry h : homes) {
      if (h.covers(p)) {
        return true;
      }
    }
    for (Geometry g : raw) {
      if (DistanceOp.isWithinDistance(p, g, BORDER_TOLERANCE_M)) {
        return true;
      }
    }
    return false;
  }

  /** Growing columns. */
  private static final class Cols {
    private double[] x = new double[1 << 12];
    private double[] y = new double[x.length];
    private float[] a = new float[x.length];
    private int n;

    void add(double px, double py, float area) {
      if (n == x.length) {
        x = Arrays.copyOf(x, n * 2);
        y = Arrays.copyOf(y, n * 2);
        a = Arrays.copyOf(a, n * 2);
      }
      x[n] = px;
      y[n] = py;
      a[n++] = area;
    }

    Buildings buildings() {
      return new Buildings(Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(a, n));
    }
  }
}
