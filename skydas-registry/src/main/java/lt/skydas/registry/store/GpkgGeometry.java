package lt.skydas.registry.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3): the {@code GP} header with version,
 * flags, SRS id and an XY envelope, followed by ISO WKB. The encoding is that small fixed header;
 * the WKB itself is JTS's. Stateless and thread-safe.
 */
public final class GpkgGeometry {
  private GpkgGeometry() {}

  /** Encodes a 2D geometry with an XY envelope, little-endian. */
  public static byte[] encode(Geometry g, int srsId) {
    byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
    boolean empty = g.isEmpty();
    int envBytes = empty ? 0 : 32;
    ByteBuffer b = ByteBuffer.allocate(8 + envBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0);
    int flags = 1; // little endian
    if (!empty) {
      flags |= 1 << 1; // envelope [minx, maxx, miny, maxy]
    } else {
      flags |= 1 << 4;
    }
    b.put((byte) flags);
    b.putInt(srsId);
    if (!empty) {
      Envelope e = g.getEnvelopeInternal();
      b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    }
    b.put(wkb);
    return b.array();
  }

  /** Decodes a GeoPackage blob; throws {@link IllegalArgumentException} naming what is wrong. */
  public static Geometry decode(byte[] blob, GeometryFactory gf) {
    if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException("not a GeoPackage geometry (no GP header)");
    }
    int flags = blob[3] & 0xff;
    if ((flags & (1 << 5)) != 0) {
      throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
    }
    int env = (flags >> 1) & 0x7;
    int envBytes =
        switch (env) {
          case 0 -> 0;
          case 1 -> 32;
          case 2, 3 -> 48;
          case 4 -> 64;
          default -> throw new IllegalArgumentException("bad envelope indicator " + env);
        };
    int off = 8 + envBytes;
    if (blob.length <= off) {
      throw new IllegalArgumentException("GeoPackage geometry truncated");
    }
    byte[] wkb = new byte[blob.length - off];
    System.arraycopy(blob, off, wkb, 0, wkb.length);
    try {
      return new WKBReader(gf).read(wkb);
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad WKB in GeoPackage geometry: " + e.getMessage(), e);
    }
  }
}
