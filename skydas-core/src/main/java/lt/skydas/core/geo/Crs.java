package lt.skydas.core.geo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Coordinate transforms between WGS84 (EPSG:4326, lon/lat order as in GeoJSON) and a region's
 * metric map CRS (metres, x = easting, y = northing), the CRS Skydas computes in: LKS-94
 * (EPSG:3346) for Lithuania, or another of {@link #METRIC} for other regions.
 *
 * <p>Instances are not thread-safe (proj4j transforms keep scratch state): use one per thread via
 * {@link #of(int)}, which hands out a thread-local instance per code.
 */
public final class Crs {
  public static final int WGS84 = 4326;
  public static final int LKS94 = 3346;

  /**
   * The metric CRSs a region may be built in, by EPSG code, with their names: the national grids of
   * the Baltic Defence Line's countries and ETRS89-LAEA for regions spanning several of them.
   */
  public static final Map<Integer, String> METRIC =
      Map.of(
          3346, "LKS-94 / Lithuania TM",
          3059, "LKS-92 / Latvia TM",
          2180, "ETRS89 / Poland CS92",
          3301, "Estonian Coordinate System of 1997",
          3067, "ETRS89 / TM35FIN(E,N)",
          3035, "ETRS89-extended / LAEA Europe");

  /** The national grid of each country of the line, by ISO alpha-2 code. */
  private static final Map<String, Integer> NATIONAL =
      Map.of("LT", 3346, "LV", 3059, "PL", 2180, "EE", 3301, "FI", 3067);

  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final Map<Integer, ThreadLocal<Crs>> LOCALS = new ConcurrentHashMap<>();

  private final int epsg;
  private final String proj4;
  private final CoordinateTransform toMetric;
  private final CoordinateTransform toWgs84;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  private Crs(int epsg) {
    this.epsg = epsg;
    CoordinateReferenceSystem wgs = CRS_FACTORY.createFromName("EPSG:4326");
    CoordinateReferenceSystem map = CRS_FACTORY.createFromName("EPSG:" + epsg);
    CoordinateTransformFactory f = new CoordinateTransformFactory();
    toMetric = f.createTransform(wgs, map);
    toWgs84 = f.createTransform(map, wgs);
    proj4 = String.join(" ", List.of(map.getParameters()));
  }

  /** The calling thread's WGS84 ↔ LKS-94 transformer. */
  public static Crs lks94() {
    return of(LKS94);
  }

  /**
   * The calling thread's WGS84 ↔ {@code EPSG:epsg} transformer.
   *
   * @throws IllegalArgumentException when {@code epsg} is not one of {@link #METRIC}
   */
  public static Crs of(int epsg) {
    if (!METRIC.containsKey(epsg)) {
      throw new IllegalArgumentException(
          "EPSG:" + epsg + " is not a supported metric CRS (supported: " + supported() + ")");
    }
    return LOCALS.computeIfAbsent(epsg, e -> ThreadLocal.withInitial(() -> new Crs(e))).get();
  }

  /**
   * The EPSG code of country {@code iso}'s national grid (LT 3346, LV 3059, PL 2180, EE 3301, FI
   * 3067), or ETRS89-LAEA (3035) for any other country.
   */
  public static int nationalEpsg(String iso) {
    return NATIONAL.getOrDefault(iso, 3035);
  }

  /** The supported codes as "EPSG:3035, EPSG:3346, …", sorted. */
  public static String supported() {
    return METRIC.keySet().stream()
        .sorted()
        .map(c -> "EPSG:" + c)
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  /** The map CRS's EPSG code. */
  public int epsg() {
    return epsg;
  }

  /** The map CRS as a proj4 definition string (for web maps: proj4js takes it as is). */
  public String proj4() {
    return proj4;
  }

  /** Lon/lat degrees to map metres; result written to {@code dst} (x, y). */
  public Coordinate toMetric(double lon, double lat, Coordinate dst) {
    in.x = lon;
    in.y = lat;
    toMetric.transform(in, out);
    dst.x = out.x;
    dst.y = out.y;
    return dst;
  }

  /** Map metres to lon/lat degrees; result written to {@code dst} (x = lon, y = lat). */
  public Coordinate toWgs84(double x, double y, Coordinate dst) {
    in.x = x;
    in.y = y;
    toWgs84.transform(in, out);
    dst.x = out.x;
    dst.y = out.y;
    return dst;
  }

  /** A copy of {@code g} (lon/lat) transformed to the map CRS. */
  public Geometry toMetric(Geometry g) {
    Geometry c = g.copy();
    c.apply(new Filter(true));
    c.geometryChanged();
    return c;
  }

  /** A copy of {@code g} (map CRS) transformed to lon/lat. */
  public Geometry toWgs84(Geometry g) {
    Geometry c = g.copy();
    c.apply(new Filter(false));
    c.geometryChanged();
    return c;
  }

  private final class Filter implements CoordinateSequenceFilter {
    private final boolean metric;
    private final Coordinate tmp = new Coordinate();

    Filter(boolean metric) {
      this.metric = metric;
    }

    @Override
    public void filter(CoordinateSequence seq, int i) {
      if (metric) {
        toMetric(seq.getX(i), seq.getY(i), tmp);
      } else {
        toWgs84(seq.getX(i), seq.getY(i), tmp);
      }
      seq.setOrdinate(i, 0, tmp.x);
      seq.setOrdinate(i, 1, tmp.y);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
