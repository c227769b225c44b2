package lt.skydas.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * The blob codec on NGA's GeoPackage library (ADR 0031) against a plain reference of GeoPackage 1.3
 * clause 2.1.3 written here from the standard (the hand-written codec it replaced): the same bytes
 * for random points, lines, polygons with holes and their multi forms, each read back as WKT;
 * hostile blobs give an IllegalArgumentException, never another exception.
 */
class GpkgGeometryTest {
  private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

  @Test
  void sameBytesAsTheStandardsLayoutAndTheSameGeometryBack() {
    for (long seed = 1; seed <= 200; seed++) {
      Random rnd = new Random(seed);
      Geometry g = random(rnd);
      byte[] ours = GpkgGeometry.encode(g, 4326);
      assertThat(ours).as("seed %d: %s", seed, g.toText()).isEqualTo(reference(g, 4326));
      assertThat(GpkgGeometry.decode(ours, GF).toText()).as("seed %d", seed).isEqualTo(g.toText());
      // a big-endian blob as another writer makes it reads the same
      assertThat(GpkgGeometry.decode(bigEndian(g, 4326), GF).toText())
          .as("seed %d, big-endian", seed)
          .isEqualTo(g.toText());
    }
  }

  @Test
  void hostileBlobsAreClearErrors() {
    byte[] good = GpkgGeometry.encode(GF.createPoint(new Coordinate(24.1, 55.2)), 4326);
    assertThatThrownBy(() -> GpkgGeometry.decode(new byte[] {1, 2, 3}, GF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no GP header");
    for (int cut = 8; cut < good.length; cut++) {
      int n = cut;
      assertThatThrownBy(() -> GpkgGeometry.decode(Arrays.copyOf(good, n), GF))
          .as("cut at %d of %d", cut, good.length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] badEnvelope = good.clone();
    badEnvelope[3] = (byte) ((badEnvelope[3] & ~0x0e) | (7 << 1));
    assertThatThrownBy(() -> GpkgGeometry.decode(badEnvelope, GF))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] extended = good.clone();
    extended[3] |= 1 << 5;
    assertThatThrownBy(() -> GpkgGeometry.decode(extended, GF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extended");
    Random rnd = new Random(7);
    for (int i = 0; i < 2000; i++) {
      byte[] junk = good.clone();
      junk[8 + rnd.nextInt(junk.length - 8)] = (byte) rnd.nextInt(256);
      try {
        GpkgGeometry.decode(junk, GF);
      } catch (IllegalArgumentException expected) {
        // a clear error; any other exception fails the test
      }
    }
  }

  private static Geometry random(Random rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> GF.createPoint(c(rnd));
      case 1 -> line(rnd);
      case 2 -> polygon(rnd, rnd.nextBoolean());
      case 3 -> GF.createMultiPointFromCoords(new Coordinate[] {c(rnd), c(rnd), c(rnd)});
      case 4 -> GF.createMultiLineString(new LineString[] {line(rnd), line(rnd)});
      default -> GF.createMultiPolygon(new Polygon[] {polygon(rnd, false), polygon(rnd, true)});
    };
  }

  private static Coordinate c(Random rnd) {
    return new Coordinate(21 + 6 * rnd.nextDouble(), 53.8 + 2.6 * rnd.nextDouble());
  }

  private static LineString line(Random rnd) {
    Coordinate[] cs = new Coordinate[2 + rnd.nextInt(6)];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = c(rnd);
    }
    return GF.createLineString(cs);
  }

  private static Polygon polygon(Random rnd, boolean hole) {
    Coordinate o = c(rnd);
    double r = 0.01 + 0.05 * rnd.nextDouble();
    if (!hole) {
      return (Polygon) GF.createPoint(o).buffer(r, 3);
    }
    Geometry outer = GF.createPoint(o).buffer(r, 3);
    Geometry inner = GF.createPoint(o).buffer(r / 3, 2);
    return (Polygon) outer.difference(inner);
  }

  /** GeoPackage 1.3 clause 2.1.3: "GP", version 0, flags, srs_id, [minx maxx miny maxy], WKB. */
  private static byte[] reference(Geometry g, int srsId) {
    byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
    ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0);
    b.put((byte) (1 | 1 << 1)); // little endian, XY envelope
    b.putInt(srsId);
    Envelope e = g.getEnvelopeInternal();
    b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    b.put(wkb);
    return b.array();
  }

  private static byte[] bigEndian(Geometry g, int srsId) {
    byte[] wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(g);
    ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'G').put((byte) 'P').put((byte) 0);
    b.put((byte) (1 << 1)); // big endian, XY envelope
    b.putInt(srsId);
    Envelope e = g.getEnvelopeInternal();
    b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
    b.put(wkb);
    return b.array();
  }
}
