package lt.skydas.registry.store;

import java.io.IOException;
import java.nio.ByteOrder;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3) between JTS and the file: the header and
 * its envelope are NGA's GeoPackage library's ({@link GeoPackageGeometryData}, ADR 0031), the
 * geometry goes across as ISO WKB. Stateless and thread-safe.
 */
public final class GpkgGeometry {
  private GpkgGeometry() {}

  /** Encodes a 2D geometry with an XY envelope, little-endian. */
  public static byte[] encode(Geometry g, int srsId) {
    byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
    try {
      GeoPackageGeometryData d = GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb);
      d.setByteOrder(ByteOrder.LITTLE_ENDIAN);
      return d.toBytes();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot encode a " + g.getGeometryType() + ": " + e, e);
    }
  }

  /** Decodes a GeoPackage blob; throws {@link IllegalArgumentException} naming what is wrong. */
  public static Geometry decode(byte[] blob, GeometryFactory gf) {
    if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException("not a GeoPackage geometry (no GP header)");
    }
    GeoPackageGeometryData d;
    byte[] wkb;
    try {
      d = GeoPackageGeometryData.create(blob);
      if (d.isExtended()) {
        throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
      }
      wkb = d.getWkb();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // NGA's reader fails on a bad envelope indicator, a truncated header or WKB with its own
      // exceptions (buffer underflow, unknown geometry type): one message names them all
      throw new IllegalArgumentException("bad GeoPackage geometry: " + describe(e), e);
    }
    if (wkb == null || wkb.length == 0) {
      throw new IllegalArgumentException("GeoPackage geometry truncated");
    }
    try {
      return new WKBReader(gf).read(wkb);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("bad WKB in GeoPackage geometry: " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
