package lt.skydas.raster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

/**
 * A small, focused classic-TIFF writer for one single-band image: little-endian, strips, Adobe
 * Deflate (compression 8) with a predictor, any extra tags (the GeoTIFF tags are passed in by the
 * caller). Written here rather than with {@code mil.nga:tiff}'s {@code TiffWriter} because that one
 * keeps the raster three to four times in memory (its {@code Rasters} copy, per-row and per-strip
 * copies, the whole file as one array), converts every sample through a boxed {@code Number} and
 * cannot write a predictor.
 *
 * <p>Memory: strips are compressed in parallel and held compressed until the header can be written,
 * so the extra memory is about the compressed file size plus one uncompressed strip per thread.
 * Stateless and thread-safe.
 */
final class TiffEncoder {
  static final int TYPE_ASCII = 2;
  static final int TYPE_SHORT = 3;
  static final int TYPE_LONG = 4;
  static final int TYPE_DOUBLE = 12;

  static final int PREDICTOR_NONE = 1;
  static final int PREDICTOR_HORIZONTAL = 2;
  static final int PREDICTOR_FLOAT = 3;

  /** Uncompressed strip size aimed at: big enough for Deflate, small enough to parallelise. */
  private static final int STRIP_BYTES = 256 * 1024;

  private TiffEncoder() {}

  /** One IFD entry; {@code value} holds the little-endian value bytes. */
  record Tag(int id, int type, int count, byte[] value) {
    static Tag shorts(int id, int... v) {
      ByteBuffer b = le(2 * v.length);
      for (int x : v) {
        b.putShort((short) x);
      }
      return new Tag(id, TYPE_SHORT, v.length, b.array());
    }

    static Tag longs(int id, long... v) {
      ByteBuffer b = le(4 * v.length);
      for (long x : v) {
        b.putInt((int) x);
      }
      return new Tag(id, TYPE_LONG, v.length, b.array());
    }

    static Tag doubles(int id, double... v) {
      ByteBuffer b = le(8 * v.length);
      for (double x : v) {
        b.putDouble(x);
      }
      return new Tag(id, TYPE_DOUBLE, v.length, b.array());
    }

    static Tag ascii(int id, String s) {
      byte[] a = (s + "\0").getBytes(StandardCharsets.US_ASCII);
      return new Tag(id, TYPE_ASCII, a.length, a);
    }
  }

  /** Fills rows of little-endian samples. */
  @FunctionalInterface
  interface RowSource {
    /** Writes rows {@code [row0, row0 + rows)} into {@code dst} from offset 0, row after row. */
    void fill(int row0, int rows, byte[] dst);
  }

  /**
   * Writes a complete TIFF to {@code out}.
   *
   * @param bytesPerSample 1, 2, 4 or 8
   * @param sampleFormat TIFF SampleFormat (1 unsigned, 2 signed, 3 float)
   * @param predictor {@link #PREDICTOR_NONE}, {@link #PREDICTOR_HORIZONTAL} (integers) or {@link
   *     #PREDICTOR_FLOAT} (floats)
   * @param extraTags further tags (GeoTIFF, GDAL_NODATA ...); must not repeat the baseline ones
   */
  static void write(
      OutputStream out,
      int width,
      int height,
      int bytesPerSample,
      int sampleFormat,
      int predictor,
      RowSource source,
      List<Tag> extraTags)
      throws IOException {
    int rowBytes = Math.multiplyExact(width, bytesPerSample);
    int rowsPerStrip = Math.max(1, Math.min(height, STRIP_BYTES / rowBytes));
    int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
    byte[][] compressed = new byte[strips][];
    IntStream.range(0, strips)
        .parallel()
        .forEach(
            s -> {
              int row0 = s * rowsPerStrip;
              int rows = Math.min(rowsPerStrip, height - row0);
              byte[] raw = new byte[rows * rowBytes];
              source.fill(row0, rows, raw);
              byte[] coded = raw;
              if (predictor == PREDICTOR_HORIZONTAL) {
                coded = horizontal(raw, rows, width, bytesPerSample);
              } else if (predictor == PREDICTOR_FLOAT) {
                coded = floatingPoint(raw, rows, width, bytesPerSample);
              }
              compressed[s] = deflate(coded);
            });

    List<Tag> tags = new ArrayList<>(extraTags);
    tags.add(Tag.longs(256, width));
    tags.add(Tag.longs(257, height));
    tags.add(Tag.shorts(258, 8 * bytesPerSample));
    tags.add(Tag.shorts(259, 8)); // Adobe Deflate
    tags.add(Tag.shorts(262, 1)); // BlackIsZero
    tags.add(Tag.shorts(277, 1));
    tags.add(Tag.longs(278, rowsPerStrip));
    tags.add(Tag.shorts(284, 1)); // chunky
    if (predictor != PREDICTOR_NONE) {
      tags.add(Tag.shorts(317, predictor));
    }
    tags.add(Tag.shorts(339, sampleFormat));
    // placeholders for offsets and counts, sized now so the layout can be computed
    long[] counts = new long[strips];
    for (int s = 0; s < strips; s++) {
      counts[s] = compressed[s].length;
    }
    tags.add(Tag.longs(279, counts));
    tags.add(Tag.longs(273, new long[strips]));
    tags.sort(Comparator.comparingInt(Tag::id));

    // layout: header (8) | IFD | out-of-line values | strips
    long ifdSize = 2 + 12L * tags.size() + 4;
    long valuesSize = 0;
    for (Tag t : tags) {
      if (t.value.length > 4) {
        valuesSize += t.value.length + (t.value.length & 1);
      }
    }
    long dataStart = 8 + ifdSize + valuesSize;
    long[] offsets = new long[strips];
    long pos = dataStart;
    for (int s = 0; s < strips; s++) {
      offsets[s] = pos;
      pos += counts[s];
    }
    if (pos > 0xFFFF_FFFFL) {
      throw new IOException("raster too large for a classic TIFF (" + pos + " bytes compressed)");
    }
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).id == 273) {
        tags.set(i, Tag.longs(273, offsets));
      }
    }

    ByteBuffer head = le((int) (8 + ifdSize + valuesSize));
    head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    head.putShort((short) tags.size());
    long valuePos = 8 + ifdSize;
    for (Tag t : tags) {
      head.putShort((short) t.id).putShort((short) t.type).putInt(t.count);
      if (t.value.length <= 4) {
        byte[] inline = new byte[4];
        System.arraycopy(t.value, 0, inline, 0, t.value.length);
        head.put(inline);
      } else {
        head.putInt((int) valuePos);
        valuePos += t.value.length + (t.value.length & 1);
      }
    }
    head.putInt(0); // no further IFD
    for (Tag t : tags) {
      if (t.value.length > 4) {
        head.put(t.value);
        if ((t.value.length & 1) == 1) {
          head.put((byte) 0); // values start on word boundaries
        }
      }
    }
    out.write(head.array());
    for (int s = 0; s < strips; s++) {
      out.write(compressed[s]);
      compressed[s] = null;
    }
  }

  /** TIFF predictor 2: each sample minus its left neighbour, per row, little-endian words. */
  static byte[] horizontal(byte[] raw, int rows, int width, int bps) {
    byte[] d = new byte[raw.length];
    int rowBytes = width * bps;
    if (bps == 1) {
      for (int r = 0; r < rows; r++) {
        int o = r * rowBytes;
        d[o] = raw[o];
        for (int i = 1; i < width; i++) {
          d[o + i] = (byte) (raw[o + i] - raw[o + i - 1]);
        }
      }
      return d;
    }
    ByteBuffer src = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer dst = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < rows; r++) {
      long prev = 0;
      for (int i = 0; i < width; i++) {
        int at = r * rowBytes + i * bps;
        long v =
            switch (bps) {
              case 2 -> src.getShort(at);
              case 4 -> src.getInt(at);
              default -> src.getLong(at);
            };
        long diff = v - prev;
        prev = v;
        switch (bps) {
          case 2 -> dst.putShort(at, (short) diff);
          case 4 -> dst.putInt(at, (int) diff);
          default -> dst.putLong(at, diff);
        }
      }
    }
    return d;
  }

  /**
   * TIFF predictor 3 (Technical Note 3): per row, the bytes of each float are split into planes
   * (most significant first), then each byte is differenced with its left neighbour.
   */
  static byte[] floatingPoint(byte[] raw, int rows, int width, int bps) {
    byte[] d = new byte[raw.length];
    int rowBytes = width * bps;
    byte[] planes = new byte[rowBytes];
    for (int r = 0; r < rows; r++) {
      int o = r * rowBytes;
      for (int i = 0; i < width; i++) {
        for (int k = 0; k < bps; k++) {
          // little-endian input: byte bps-1-k is the k-th most significant
          planes[k * width + i] = raw[o + i * bps + (bps - 1 - k)];
        }
      }
      d[o] = planes[0];
      for (int i = 1; i < rowBytes; i++) {
        d[o + i] = (byte) (planes[i] - planes[i - 1]);
      }
    }
    return d;
  }

  static byte[] deflate(byte[] raw) {
    Deflater z = new Deflater(6);
    try {
      z.setInput(raw);
      z.finish();
      byte[] buf = new byte[Math.max(64, raw.length / 2 + 64)];
      int n = 0;
      while (!z.finished()) {
        if (n == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        n += z.deflate(buf, n, buf.length - n);
      }
      return java.util.Arrays.copyOf(buf, n);
    } finally {
      z.end();
    }
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
