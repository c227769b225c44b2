package lt.skydas.registry.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.sqlite.Function;

/**
 * The SQL functions the GeoPackage R-tree triggers call ({@code ST_IsEmpty}, {@code ST_MinX},
 * {@code ST_MaxX}, {@code ST_MinY}, {@code ST_MaxY}; GeoPackage 1.3 annex F.3), registered on each
 * of the store's SQLite connections so the standard index {@code rtree_records_geom} stays right
 * whoever writes: this store, or GDAL and QGIS, which register their own. Deterministic; a NULL or
 * unreadable blob gives NULL.
 */
final class GpkgFunctions {
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  private GpkgFunctions() {}

  static void register(Connection c) throws SQLException {
    Function.create(
        c,
        "ST_IsEmpty",
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            Geometry g = geometry(value_blob(0));
            if (g == null) {
              result();
            } else {
              result(g.isEmpty() ? 1 : 0);
            }
          }
        },
        1,
        Function.FLAG_DETERMINISTIC);
    bound(c, "ST_MinX", Envelope::getMinX);
    bound(c, "ST_MaxX", Envelope::getMaxX);
    bound(c, "ST_MinY", Envelope::getMinY);
    bound(c, "ST_MaxY", Envelope::getMaxY);
  }

  private static void bound(Connection c, String name, ToDoubleFunction<Envelope> f)
      throws SQLException {
    Function.create(
        c,
        name,
        new Function() {
          @Override
          protected void xFunc() throws SQLException {
            Geometry g = geometry(value_blob(0));
            if (g == null || g.isEmpty()) {
              result();
            } else {
              result(f.applyAsDouble(g.getEnvelopeInternal()));
            }
          }
        },
        1,
        Function.FLAG_DETERMINISTIC);
  }

  private static Geometry geometry(byte[] blob) {
    if (blob == null) {
      return null;
    }
    try {
      return GpkgGeometry.decode(blob, GF);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
