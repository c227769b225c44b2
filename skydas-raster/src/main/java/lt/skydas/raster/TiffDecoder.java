package lt.skydas.raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import lt.skydas.core.problem.SkydasProblem;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.compression.LZWCompression;
import mil.nga.tiff.compression.PackbitsCompression;

/**
 * Decodes the first image of a classic TIFF with one sample per pixel. {@code mil.nga:tiff} parses
 * the directory and decodes LZW and PackBits; the block layout (strips or tiles), Deflate (with a
 * guard against truncated streams) and the predictors are done here, because the library converts
 * every sample through a boxed {@code Number} and its predictor decoding assumes big-endian words
 * for predictor 2 and little-endian output for predictor 3. Stateless and thread-safe.
 */
final class TiffDecoder {

  /** Supported sample types. */
  enum SampleType {
    U8(1, "uint8"),
    I8(1, "int8"),
    U16(2, "uint16"),
    I16(2, "int16"),
    U32(4, "uint32"),
    I32(4, "int32"),
    F32(4, "float32"),
    F64(8, "float64");

    final int bytes;
    final String label;

    SampleType(int bytes, String label) {
      this.bytes = bytes;
      this.label = label;
    }
  }

  /** Receives one row run of decoded samples, in the file's byte order. */
  @FunctionalInterface
  interface RowSink {
    /** {@code n} samples starting at byte {@code offset} of {@code block} go to cells from id. */
    void row(ByteBuffer block, int offset, int cellId, int n);
  }

  /** An opened image: its directory and the whole file's bytes. */
  record Image(
      String name,
      byte[] bytes,
      FileDirectory dir,
      ByteOrder order,
      int width,
      int height,
      SampleType type,
      int compression,
      int predictor) {}

  private TiffDecoder() {}

  /** Parses the directory and checks that the image is one we can decode. */
  static Image open(String name, byte[] bytes) {
    if (bytes.length == 0) {
      throw SkydasProblem.badInput(name, null, "file is empty");
    }
    if (bytes.length < 8
        || !((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'))) {
      throw SkydasProblem.badInput(name, null, "not a TIFF file");
    }
    ByteOrder order = bytes[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    int magic = ByteBuffer.wrap(bytes, 2, 2).order(order).getShort() & 0xffff;
    if (magic == 43) {
      throw SkydasProblem.badInput(
          name,
          null,
          "BigTIFF is not supported; write a classic TIFF (gdal_translate -co BIGTIFF=NO)");
    }
    if (magic != 42) {
      throw SkydasProblem.badInput(name, null, "not a TIFF file");
    }
    TIFFImage image = TiffReader.readTiff(bytes);
    FileDirectory dir = image.getFileDirectory();
    int spp = dir.getSamplesPerPixel();
    if (spp != 1) {
      throw SkydasProblem.badInput(name, null, "expected a single band, found " + spp + " bands");
    }
    Number w = dir.getImageWidth();
    Number h = dir.getImageHeight();
    if (w == null || h == null || w.longValue() <= 0 || h.longValue() <= 0) {
      throw SkydasProblem.badInput(name, null, "image has no width or height");
    }
    if (w.longValue() * h.longValue() > Integer.MAX_VALUE - 8) {
      throw SkydasProblem.badInput(
          name, null, "image too large: " + w + " x " + h + " cells (at most 2^31 supported)");
    }
    SampleType type = sampleType(name, dir);
    Integer c = dir.getCompression();
    int compression = c == null ? 1 : c;
    if (compression != 1
        && compression != 5
        && compression != 8
        && compression != 32946
        && compression != 32773) {
      throw SkydasProblem.badInput(
          name,
          null,
          "unsupported compression "
              + compressionName(compression)
              + "; re-save with gdal_translate -co COMPRESS=DEFLATE (or LZW, or none)");
    }
    Integer p = dir.getPredictor();
    int predictor = p == null ? 1 : p;
    if (predictor < 1
        || predictor > 3
        || (predictor == 3 && type != SampleType.F32 && type != SampleType.F64)) {
      throw SkydasProblem.badInput(
          name, null, "unsupported predictor " + predictor + " for " + type.label + " samples");
    }
    return new Image(
        name, bytes, dir, order, w.intValue(), h.intValue(), type, compression, predictor);
  }

  private static SampleType sampleType(String name, FileDirectory dir) {
    List<Integer> bitsList = dir.getBitsPerSample();
    int bits = bitsList == null || bitsList.isEmpty() ? 1 : bitsList.get(0);
    List<Integer> fmtList = dir.getSampleFormat();
    int fmt = fmtList == null || fmtList.isEmpty() ? 1 : fmtList.get(0);
    SampleType t =
        switch (fmt * 100 + bits) {
          case 108 -> SampleType.U8;
          case 208 -> SampleType.I8;
          case 116 -> SampleType.U16;
          case 216 -> SampleType.I16;
          case 132 -> SampleType.U32;
          case 232 -> SampleType.I32;
          case 332 -> SampleType.F32;
          case 364 -> SampleType.F64;
          default -> null;
        };
    if (t == null) {
      String kind =
          switch (fmt) {
            case 1 -> "unsigned integer";
            case 2 -> "signed integer";
            case 3 -> "floating point";
            case 5 -> "complex integer";
            case 6 -> "complex floating point";
            default -> "format " + fmt;
          };
      throw SkydasProblem.badInput(
          name,
          null,
          "unsupported sample format: "
              + bits
              + "-bit "
              + kind
              + " (supported: uint8, int8, uint16, int16, uint32, int32, float32, float64)");
    }
    return t;
  }

  private static String compressionName(int c) {
    return switch (c) {
      case 2, 3, 4 -> c + " (CCITT)";
      case 6, 7 -> c + " (JPEG)";
      case 34887 -> c + " (LERC)";
      case 34925 -> c + " (LZMA)";
      case 50000 -> c + " (ZSTD)";
      case 50001 -> c + " (WEBP)";
      default -> String.valueOf(c);
    };
  }

  /**
   * Decodes every strip or tile (in parallel) and hands each row run inside the image to {@code
   * sink}; runs of different blocks go to disjoint cells, so a sink writing into an array by cell
   * id needs no locking.
   */
  static void read(Image im, RowSink sink) {
    FileDirectory dir = im.dir;
    boolean tiled = dir.getTileWidth() != null && dir.getTileOffsets() != null;
    int blockW;
    int blockH;
    List<? extends Number> offsets;
    List<? extends Number> counts;
    if (tiled) {
      blockW = dir.getTileWidth().intValue();
      blockH = dir.getTileHeight() == null ? 0 : dir.getTileHeight().intValue();
      offsets = dir.getTileOffsets();
      counts = dir.getTileByteCounts();
    } else {
      blockW = im.width;
      Number rps = dir.getRowsPerStrip();
      long r = rps == null ? im.height : rps.longValue();
      blockH = (int) Math.max(1, Math.min(r, im.height));
      offsets = dir.getStripOffsets();
      counts = dir.getStripByteCounts();
    }
    if (blockW <= 0 || blockH <= 0 || offsets == null || counts == null) {
      throw SkydasProblem.badInput(im.name, null, "missing strip or tile layout");
    }
    int across = (im.width + blockW - 1) / blockW;
    int down = (im.height + blockH - 1) / blockH;
    int blocks = across * down;
    if (offsets.size() < blocks || counts.size() < blocks) {
      throw SkydasProblem.badInput(
          im.name,
          null,
          "expected " + blocks + " strips or tiles, the directory lists " + offsets.size());
    }
    long[] off = new long[blocks];
    long[] cnt = new long[blocks];
    for (int i = 0; i < blocks; i++) {
      off[i] = offsets.get(i).longValue();
      cnt[i] = counts.get(i).longValue();
    }
    int bw = blockW;
    int bh = blockH;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int bx = b % across;
              int by = b / across;
              int row0 = by * bh;
              // strips: the last one may hold fewer rows; tiles are always full size
              int rows = tiled ? bh : Math.min(bh, im.height - row0);
              byte[] raw = block(im, b, off[b], cnt[b], bw, rows);
              ByteBuffer buf = ByteBuffer.wrap(raw).order(im.order);
              int col0 = bx * bw;
              int n = Math.min(bw, im.width - col0);
              int rowBytes = bw * im.type.bytes;
              for (int r = 0; r < rows && row0 + r < im.height; r++) {
                sink.row(buf, r * rowBytes, (row0 + r) * im.width + col0, n);
              }
            });
  }

  private static byte[] block(Image im, int index, long off, long cnt, int w, int rows) {
    int bps = im.type.bytes;
    int expected = Math.multiplyExact(Math.multiplyExact(w, rows), bps);
    if (cnt == 0) {
      return new byte[expected]; // sparse file (GDAL SPARSE_OK): an absent block is all zero
    }
    if (off < 0 || cnt < 0 || off + cnt > im.bytes.length) {
      throw SkydasProblem.badInput(
          im.name,
          null,
          "file is truncated: block "
              + index
              + " ends at byte "
              + (off + cnt)
              + " of "
              + im.bytes.length);
    }
    byte[] comp = Arrays.copyOfRange(im.bytes, (int) off, (int) (off + cnt));
    byte[] raw =
        switch (im.compression) {
          case 1 -> comp;
          case 8, 32946 -> inflate(im, index, comp, expected);
          case 5 -> new LZWCompression().decode(comp, im.order);
          default -> new PackbitsCompression().decode(comp, im.order);
        };
    if (raw.length < expected) {
      throw SkydasProblem.badInput(
          im.name,
          null,
          "block "
              + index
              + " decodes to "
              + raw.length
              + " bytes, expected "
              + expected
              + " (truncated or corrupt)");
    }
    if (im.predictor == 2) {
      undoHorizontal(raw, rows, w, bps, im.order);
    } else if (im.predictor == 3) {
      undoFloatingPoint(raw, rows, w, bps);
    }
    return raw;
  }

  private static byte[] inflate(Image im, int index, byte[] comp, int expected) {
    Inflater z = new Inflater();
    try {
      z.setInput(comp);
      byte[] out = new byte[expected];
      int n = 0;
      while (n < expected && !z.finished()) {
        int k = z.inflate(out, n, expected - n);
        if (k == 0 && (z.needsInput() || z.needsDictionary())) {
          break;
        }
        n += k;
      }
      return n == expected ? out : Arrays.copyOf(out, n);
    } catch (DataFormatException e) {
      throw SkydasProblem.badInput(
          im.name, null, "block " + index + " is not valid Deflate data: " + e.getMessage());
    } finally {
      z.end();
    }
  }

  /** Undoes TIFF predictor 2 in place; words in the file's byte order. */
  static void undoHorizontal(byte[] raw, int rows, int w, int bps, ByteOrder order) {
    int rowBytes = w * bps;
    if (bps == 1) {
      for (int r = 0; r < rows; r++) {
        int o = r * rowBytes;
        for (int i = 1; i < w; i++) {
          raw[o + i] += raw[o + i - 1];
        }
      }
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(order);
    for (int r = 0; r < rows; r++) {
      long prev = 0;
      for (int i = 0; i < w; i++) {
        int at = r * rowBytes + i * bps;
        switch (bps) {
          case 2 -> {
            prev += b.getShort(at);
            b.putShort(at, (short) prev);
          }
          case 4 -> {
            prev += b.getInt(at);
            b.putInt(at, (int) prev);
          }
          default -> {
            prev += b.getLong(at);
            b.putLong(at, prev);
          }
        }
      }
    }
  }

  /**
   * Undoes TIFF predictor 3 in place. Byte plane k is put at byte {@code bps - 1 - k} of each word
   * and the word is then read in the file's byte order: for little-endian files that makes plane 0
   * the most significant byte (TIFF Technical Note 3); for big-endian files it reproduces what
   * GDAL/libtiff write on little-endian hosts (checked against gdal_translate -co ENDIANNESS=BIG).
   */
  static void undoFloatingPoint(byte[] raw, int rows, int w, int bps) {
    int rowBytes = w * bps;
    byte[] tmp = new byte[rowBytes];
    for (int r = 0; r < rows; r++) {
      int o = r * rowBytes;
      byte acc = 0;
      for (int i = 0; i < rowBytes; i++) {
        acc += raw[o + i];
        tmp[i] = acc;
      }
      for (int i = 0; i < w; i++) {
        for (int k = 0; k < bps; k++) {
          raw[o + i * bps + (bps - 1 - k)] = tmp[k * w + i];
        }
      }
    }
  }
}
