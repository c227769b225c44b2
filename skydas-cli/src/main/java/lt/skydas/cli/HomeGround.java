package lt.skydas.cli;

import java.util.Locale;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.BuildingsImport;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The home countries of a region pack, for the user's point layers (shelters, candidate sites,
 * assembly points): a lon/lat point becomes a map point, or is refused naming the file and the
 * feature when it is not WGS84 lon/lat or lies in no home country ({@link
 * BuildingsImport#BORDER_TOLERANCE_M} tolerance for digitising). Immutable.
 */
final class HomeGround {
  private final Crs crs;
  private final PreparedGeometry home;
  private final Geometry homeRaw;
  private final String names;

  HomeGround(Region region) {
    this.crs = region.crs();
    Geometry u = null;
    for (String iso : region.definition().home()) {
      Country c = Country.fromIso(iso);
      Geometry g = c == null ? null : region.countryPolygon(c);
      if (g != null) {
        u = u == null ? g : u.union(g);
      }
    }
    this.homeRaw = u;
    this.home = u == null ? null : PreparedGeometryFactory.prepare(u);
    this.names = String.join(", ", region.definition().home());
  }

  Crs crs() {
    return crs;
  }

  /** {@code p} (lon/lat) in the map CRS; refused when not lon/lat or not on home ground. */
  Point point(String file, String where, Point p) {
    if (Math.abs(p.getX()) > 180 || Math.abs(p.getY()) > 90) {
      throw SkydasProblem.badInput(
          file,
          where,
          "position ["
              + p.getX()
              + ", "
              + p.getY()
              + "] is not WGS84 lon/lat in degrees (projected coordinates? reproject to"
              + " EPSG:4326 first)");
    }
    Point m = (Point) crs.toMetric(p);
    if (home != null
        && !home.covers(m)
        && homeRaw.distance(m) > BuildingsImport.BORDER_TOLERANCE_M) {
      throw SkydasProblem.badInput(
          file,
          where,
          String.format(
              Locale.ROOT,
              "point %.5f, %.5f lies in no home country of the region (%s)",
              p.getX(),
              p.getY(),
              names));
    }
    return m;
  }
}
