package lt.skydas.raster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import lt.skydas.raster.TiffEncoder.Tag;

/**
 * A Cloud-Optimised GeoTIFF writer for one Float32 band: 256 × 256 tiles, Deflate with the
 * floating-point predictor, overviews halving the size (the mean of the cells that are not NaN)
 * until the image fits one tile, every IFD before the data, the data from the smallest overview to
 * the full image, each tile with its size before it and its last 4 bytes after it, and GDAL's
 * structural metadata saying so in the "ghost" area after the header, so GDAL reports {@code
 * LAYOUT=COG} and a client reads a region or a zoom level with a few range requests. Classic TIFF
 * (files up to 4 GiB). Stateless and thread-safe.
 */
final class CogEncoder {
  static final int TILE = 256;

  private CogEncoder() {}

  /** One resolution level. */
  private record Level(int width, int height, float[] data, byte[][] tiles, int across, int down) {}

  /**
   * Writes the COG.
   *
   * @param extraTags tags of the full-resolution image (GeoTIFF keys, nodata, GDAL metadata)
   * @param overviewTags tags of each overview (nodata)
   */
  static void write(
      OutputStream out,
      int width,
      int height,
      float[] data,
      List<Tag> extraTags,
      List<Tag> overviewTags)
      throws IOException {
    List<Level> levels = new ArrayList<>();
    levels.add(level(width, height, data));
    while (Math.max(levels.get(levels.size() - 1).width, levels.get(levels.size() - 1).height)
        > TILE) {
      Level l = levels.get(levels.size() - 1);
      int w = (l.width + 1) / 2, h = (l.height + 1) / 2;
      levels.add(level(w, h, halve(l.data, l.width, l.height, w, h)));
    }

    String ghost =
        "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\nBLOCK_LEADER=SIZE_AS_UINT4\n"
            + "BLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";
    byte[] ghostBytes =
        (String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", ghost.length()) + ghost)
            .getBytes(StandardCharsets.US_ASCII);

    // IFD tag lists with placeholder offsets, to size the header
    List<List<Tag>> ifds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      ifds.add(tags(levels.get(i), i == 0 ? extraTags : overviewTags, i > 0, null));
    }
    long pos = 8 + ghostBytes.length;
    pos += pos & 1;
    long[] ifdAt = new long[levels.size()];
    for (int i = 0; i < levels.size(); i++) {
      ifdAt[i] = pos;
      pos += ifdSize(ifds.get(i));
    }
    long headerEnd = pos;
    // data: smallest overview first, then up to the full image
    long[][] offsets = new long[levels.size()][];
    for (int i = levels.size() - 1; i >= 0; i--) {
      Level l = levels.get(i);
      offsets[i] = new long[l.tiles.length];
      for (int t = 0; t < l.tiles.length; t++) {
        pos += 4; // leader: the tile's size
        offsets[i][t] = pos;
        pos += l.tiles[t].length + 4; // trailer: its last 4 bytes again
      }
    }
    if (pos > 0xFFFF_FFFFL) {
      throw new IOException("raster too large for a classic TIFF (" + pos + " bytes compressed)");
    }
    for (int i = 0; i < levels.size(); i++) {
      ifds.set(i, tags(levels.get(i), i == 0 ? extraTags : overviewTags, i > 0, offsets[i]));
    }

    ByteBuffer head = le((int) headerEnd);
    head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdAt[0]);
    head.put(ghostBytes);
    while (head.position() < ifdAt[0]) {
      head.put((byte) 0);
    }
    for (int i = 0; i < levels.size(); i++) {
      ifd(head, ifds.get(i), ifdAt[i], i + 1 < levels.size() ? ifdAt[i + 1] : 0);
    }
    out.write(head.array());
    ByteBuffer leader = le(4);
    for (int i = levels.size() - 1; i >= 0; i--) {
      for (byte[] t : levels.get(i).tiles) {
        leader.clear();
        out.write(leader.putInt(t.length).array());
        out.write(t);
        out.write(t, t.length - 4, 4);
      }
    }
  }

  /** A level with its tiles compressed (in parallel); edge tiles padded with NaN. */
  private static Level level(int w, int h, float[] data) {
    int across = (w + TILE - 1) / TILE, down = (h + TILE - 1) / TILE;
    byte[][] tiles = new byte[across * down][];
    IntStream.range(0, tiles.length)
        .parallel()
        .forEach(
            t -> {
              int tx = t % across, ty = t / across;
              ByteBuffer b = le(TILE * TILE * 4);
              for (int r = 0; r < TILE; r++) {
                int row = ty * TILE + r;
                for (int c = 0; c < TILE; c++) {
                  int col = tx * TILE + c;
                  b.putFloat(row < h && col < w ? data[row * w + col] : Float.NaN);
                }
              }
              byte[] coded = TiffEncoder.floatingPoint(b.array(), TILE, TILE, 4);
              tiles[t] = TiffEncoder.deflate(coded);
            });
    return new Level(w, h, data, tiles, across, down);
  }

  /** The next overview: each cell the mean of the up to four cells it covers that are not NaN. */
  static float[] halve(float[] src, int sw, int sh, int w, int h) {
    float[] out = new float[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double sum = 0;
        int n = 0;
        for (int dr = 0; dr < 2; dr++) {
          for (int dc = 0; dc < 2; dc++) {
            int sr = 2 * r + dr, sc = 2 * c + dc;
            if (sr < sh && sc < sw) {
              float v = src[sr * sw + sc];
              if (!Float.isNaN(v)) {
                sum += v;
                n++;
              }
            }
          }
        }
        out[r * w + c] = n == 0 ? Float.NaN : (float) (sum / n);
      }
    }
    return out;
  }

  private static List<Tag> tags(Level l, List<Tag> extra, boolean overview, long[] offsets) {
    List<Tag> tags = new ArrayList<>(extra);
    if (overview) {
      tags.add(Tag.longs(254, 1)); // NewSubfileType: reduced resolution
    }
    tags.add(Tag.longs(256, l.width));
    tags.add(Tag.longs(257, l.height));
    tags.add(Tag.shorts(258, 32));
    tags.add(Tag.shorts(259, 8)); // Adobe Deflate
    tags.add(Tag.shorts(262, 1)); // BlackIsZero
    tags.add(Tag.shorts(277, 1));
    tags.add(Tag.shorts(284, 1));
    tags.add(Tag.shorts(317, TiffEncoder.PREDICTOR_FLOAT));
    tags.add(Tag.shorts(322, TILE));
    tags.add(Tag.shorts(323, TILE));
    long[] counts = new long[l.tiles.length];
    for (int t = 0; t < counts.length; t++) {
      counts[t] = l.tiles[t].length;
    }
    tags.add(Tag.longs(324, offsets == null ? new long[counts.length] : offsets));
    tags.add(Tag.longs(325, counts));
    tags.add(Tag.shorts(339, 3)); // IEEE float
    tags.sort(Comparator.comparingInt(Tag::id));
    return tags;
  }

  /** Bytes of an IFD with its out-of-line values. */
  private static long ifdSize(List<Tag> tags) {
    long n = 2 + 12L * tags.size() + 4;
    for (Tag t : tags) {
      if (t.value().length > 4) {
        n += t.value().length + (t.value().length & 1);
      }
    }
    return n;
  }

  private static void ifd(ByteBuffer head, List<Tag> tags, long at, long next) {
    head.position((int) at);
    head.putShort((short) tags.size());
    long valuePos = at + 2 + 12L * tags.size() + 4;
    for (Tag t : tags) {
      head.putShort((short) t.id()).putShort((short) t.type()).putInt(t.count());
      if (t.value().length <= 4) {
        head.put(Arrays.copyOf(t.value(), 4));
      } else {
        head.putInt((int) valuePos);
        valuePos += t.value().length + (t.value().length & 1);
      }
    }
    head.putInt((int) next);
    for (Tag t : tags) {
      if (t.value().length > 4) {
        head.put(t.value());
        if ((t.value().length & 1) == 1) {
          head.put((byte) 0);
        }
      }
    }
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
