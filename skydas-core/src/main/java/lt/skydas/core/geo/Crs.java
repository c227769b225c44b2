package lt.skydas.core.geo;

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
 * Coordinate transforms between WGS84 (EPSG:4326, lon/lat order as in GeoJSON) and LKS-94
 * (EPSG:3346, metres, x = easting, y = northing), the metric CRS Skydas computes in.
 *
 * <p>Instances are not thread-safe (proj4j transforms keep scratch state): use one per thread via
 * {@link #lks94()}, which hands out a thread-local instance.
 */
public final class Crs {
  public static final int WGS84 = 4326;
  public static final int LKS94 = 3346;

  private static final CRSFactory CRS_FACTORY = new CRSFactory();
  private static final ThreadLocal<Crs> LKS94_LOCAL = ThreadLocal.withInitial(Crs::new);

  private final CoordinateTransform toMetric;
  private final CoordinateTransform toWgs84;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();

  private Crs() {
    CoordinateReferenceSystem wgs = CRS_FACTORY.createFromName("EPSG:4326");
    CoordinateReferenceSystem lks = CRS_FACTORY.createFromName("EPSG:3346");
    CoordinateTransformFactory f = new CoordinateTransformFactory();
    toMetric = f.createTransform(wgs, lks);
    toWgs84 = f.createTransform(lks, wgs);
  }

  /** The calling thread's WGS84 ↔ LKS-94 transformer. */
  public static Crs lks94() {
    return LKS94_LOCAL.get();
  }

  /** Lon/lat degrees to LKS-94 metres; result written to {@code dst} (x, y). */
  public Coordinate toMetric(double lon, double lat, Coordinate dst) {
    in.x = lon;
    in.y = lat;
    toMetric.transform(in, out);
    dst.x = out.x;
    dst.y = out.y;
    return dst;
  }

  /** LKS-94 metres to lon/lat degrees; result written to {@code dst} (x = lon, y = lat). */
  public Coordinate toWgs84(double x, double y, Coordinate dst) {
    in.x = x;
    in.y = y;
    toWgs84.transform(in, out);
    dst.x = out.x;
    dst.y = out.y;
    return dst;
  }

  /** A copy of {@code g} (lon/lat) transformed to LKS-94. */
  public Geometry toMetric(Geometry g) {
    Geometry c = g.copy();
    c.apply(new Filter(true));
    c.geometryChanged();
    return c;
  }

  /** A copy of {@code g} (LKS-94) transformed to lon/lat. */
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
