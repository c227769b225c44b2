package lt.skydas.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.TiffDecoder.Image;
import lt.skydas.raster.TiffDecoder.SampleType;
import lt.skydas.raster.TiffEncoder.Tag;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;

/**
 * Single-band GeoTIFF read and write, without GeoTools.
 *
 * <p><b>Reading</b> accepts classic (not Big) TIFF, either byte order, strips or tiles, compression
 * none / LZW / Deflate / PackBits, predictors 2 and 3, and uint8, int8, uint16, int16, uint32,
 * int32, float32 or float64 samples; only the first image (not overviews) is read. The grid comes
 * from ModelPixelScale + ModelTiepoint (the tiepoint may sit at any raster position) or from a
 * north-up ModelTransformation; rotated or sheared rasters, non-square pixels (beyond 1e-9
 * relative), multi-band images and files without georeferencing are refused. The CRS is the EPSG
 * code of ProjectedCSTypeGeoKey or GeographicTypeGeoKey (0 when absent or user-defined). A raster
 * flagged PixelIsPoint has its tiepoint at a cell centre; the grid is shifted half a cell west and
 * north so that {@link GridSpec} still describes cell corners (as GDAL does by default).
 *
 * <p><b>Writing</b> is little-endian, Deflate with predictor (horizontal for uint8, floating point
 * for float32), in strips of about 256 KiB, compressed in parallel; it is atomic (temporary file,
 * then move, see {@link AtomicOutput}). GeoKeys: GTModelType, GTRasterType = PixelIsArea and
 * ProjectedCSTypeGeoKey (or GeographicTypeGeoKey for EPSG codes 4000–4999); when the epsg is 0
 * there is no GeoKeyDirectory at all (as GDAL writes CRS-less files), but pixel scale and tiepoint
 * are always written.
 *
 * <p><b>Errors</b>: every problem with a file to read is a {@link SkydasProblem} with {@link
 * ProblemCode#BAD_INPUT} (a missing file: {@link ProblemCode#NOT_FOUND}) whose message names the
 * file and the problem; library exceptions are wrapped. Write failures are {@link
 * ProblemCode#OUTPUT_FAILED}.
 *
 * <p><b>Limits</b>: files up to 2 GiB and rasters up to 2^31 cells; the whole file is read into
 * memory, plus the decoded raster. Stateless and thread-safe.
 */
public final class GeoTiff {
  private static final int KEY_MODEL_TYPE = 1024;
  private static final int KEY_RASTER_TYPE = 1025;
  private static final int KEY_GEOGRAPHIC_TYPE = 2048;
  private static final int KEY_PROJECTED_TYPE = 3072;
  private static final int RASTER_PIXEL_IS_AREA = 1;
  private static final int RASTER_PIXEL_IS_POINT = 2;
  private static final int TAG_PIXEL_SCALE = 33550;
  private static final int TAG_TIEPOINT = 33922;
  private static final int TAG_GEOKEYS = 34735;
  private static final int TAG_GDAL_NODATA = 42113;
  private static final int TAG_GDAL_METADATA = 42112;

  private GeoTiff() {}

  /**
   * Reads a single-band raster of any supported numeric type as float32; cells equal to the
   * GDAL_NODATA value (compared as double, and as float for float data) become NaN. Values of
   * 32-bit integers and float64 are rounded to the nearest float.
   *
   * @throws SkydasProblem BAD_INPUT naming the file and the problem, NOT_FOUND if missing
   */
  public static FloatRaster readFloat(Path file) {
    Decoded d = decode(file);
    float[] out = new float[d.grid.cellCount()];
    double nd = d.nodata;
    boolean hasNodata = !Double.isNaN(nd);
    float ndf = (float) nd;
    SampleType t = d.image.type();
    read(
        d,
        (b, off, cell, n) -> {
          for (int i = 0; i < n; i++) {
            double v =
                switch (t) {
                  case U8 -> b.get(off + i) & 0xff;
                  case I8 -> b.get(off + i);
                  case U16 -> b.getShort(off + 2 * i) & 0xffff;
                  case I16 -> b.getShort(off + 2 * i);
                  case U32 -> b.getInt(off + 4 * i) & 0xffff_ffffL;
                  case I32 -> b.getInt(off + 4 * i);
                  case F32 -> b.getFloat(off + 4 * i);
                  case F64 -> b.getDouble(off + 8 * i);
                };
            float f = (float) v;
            out[cell + i] = hasNodata && (v == nd || f == ndf) ? Float.NaN : f;
          }
        });
    return new FloatRaster(d.grid, out);
  }

  /**
   * Reads an unsigned 8-bit single-band raster. A GDAL_NODATA value is not applied (a byte raster
   * has no nodata); the cells keep their stored value.
   *
   * @throws SkydasProblem BAD_INPUT if the samples are not uint8, or as {@link #readFloat}
   */
  public static ByteRaster readByte(Path file) {
    Decoded d = decode(file);
    if (d.image.type() != SampleType.U8) {
      throw SkydasProblem.badInput(
          file.toString(), null, "expected unsigned 8-bit samples, found " + d.image.type().label);
    }
    byte[] out = new byte[d.grid.cellCount()];
    read(d, (b, off, cell, n) -> b.get(off, out, cell, n));
    return new ByteRaster(d.grid, out);
  }

  /**
   * Writes a Float32 GeoTIFF (Deflate, floating-point predictor). NaN cells are nodata: the file
   * carries GDAL_NODATA "nan". Atomic: an existing file is replaced only when complete.
   *
   * @throws SkydasProblem OUTPUT_FAILED if the file cannot be written
   */
  public static void writeFloat32(Path file, FloatRaster r) {
    Objects.requireNonNull(file);
    GridSpec g = r.grid();
    float[] d = r.data();
    int w = g.width();
    write(
        file,
        g,
        4,
        3,
        TiffEncoder.PREDICTOR_FLOAT,
        "nan",
        (row0, rows, dst) -> {
          ByteBuffer b = ByteBuffer.wrap(dst).order(java.nio.ByteOrder.LITTLE_ENDIAN);
          b.asFloatBuffer().put(d, row0 * w, rows * w);
        });
  }

  /**
   * Writes a Float32 Cloud-Optimised GeoTIFF ({@link CogEncoder}: 256-pixel tiles, overviews, IFDs
   * first) whose band carries its unit and description in GDAL's metadata (gdalinfo: {@code Unit
   * Type: h}); NaN is nodata. Atomic like {@link #writeFloat32}.
   *
   * @param unit the band's unit ("h", "m", "s")
   * @param description what the band holds
   */
  public static void writeFloat32Cog(Path file, FloatRaster r, String unit, String description) {
    Objects.requireNonNull(file);
    GridSpec g = r.grid();
    List<Tag> tags = geoTags(g);
    tags.add(Tag.ascii(TAG_GDAL_NODATA, "nan"));
    tags.add(Tag.ascii(TAG_GDAL_METADATA, gdalMetadata(unit, description)));
    List<Tag> overview = List.of(Tag.ascii(TAG_GDAL_NODATA, "nan"));
    AtomicOutput.writeFile(
        file, out -> CogEncoder.write(out, g.width(), g.height(), r.data(), tags, overview));
  }

  /** GDAL's band metadata (TIFF tag 42112): unit type and description of band 1. */
  static String gdalMetadata(String unit, String description) {
    return "<GDALMetadata>"
        + "<Item name=\"DESCRIPTION\" sample=\"0\" role=\"description\">"
        + lt.skydas.core.text.HtmlEscape.text(description)
        + "</Item>"
        + "<Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">"
        + lt.skydas.core.text.HtmlEscape.text(unit)
        + "</Item>"
        + "</GDALMetadata>";
  }

  /**
   * Writes an unsigned 8-bit GeoTIFF (Deflate, horizontal predictor); {@code nodata} (0–255) is
   * recorded as GDAL_NODATA, or nothing when null. Atomic like {@link #writeFloat32}.
   *
   * @throws IllegalArgumentException if {@code nodata} is outside 0–255
   */
  public static void writeByte(Path file, ByteRaster r, Integer nodata) {
    Objects.requireNonNull(file);
    if (nodata != null && (nodata < 0 || nodata > 255)) {
      throw new IllegalArgumentException("byte nodata must be 0-255: " + nodata);
    }
    GridSpec g = r.grid();
    byte[] d = r.data();
    int w = g.width();
    write(
        file,
        g,
        1,
        1,
        TiffEncoder.PREDICTOR_HORIZONTAL,
        nodata == null ? null : String.valueOf(nodata),
        (row0, rows, dst) -> System.arraycopy(d, row0 * w, dst, 0, rows * w));
  }

  private static void write(
      Path file,
      GridSpec g,
      int bytesPerSample,
      int sampleFormat,
      int predictor,
      String nodata,
      TiffEncoder.RowSource source) {
    List<Tag> tags = geoTags(g);
    if (nodata != null) {
      tags.add(Tag.ascii(TAG_GDAL_NODATA, nodata));
    }
    AtomicOutput.writeFile(
        file,
        out ->
            TiffEncoder.write(
                out, g.width(), g.height(), bytesPerSample, sampleFormat, predictor, source, tags));
  }

  /** ModelPixelScale, ModelTiepoint and the GeoKeyDirectory for a grid. */
  static List<Tag> geoTags(GridSpec g) {
    List<Tag> tags = new ArrayList<>();
    tags.add(Tag.doubles(TAG_PIXEL_SCALE, g.cellSize(), g.cellSize(), 0));
    tags.add(Tag.doubles(TAG_TIEPOINT, 0, 0, 0, g.minX(), g.maxY(), 0));
    int epsg = g.epsg();
    if (epsg <= 0) {
      return tags; // as GDAL does: no GeoKeyDirectory without a CRS (PixelIsArea is the default)
    }
    boolean geographic = epsg >= 4000 && epsg < 5000;
    List<Integer> keys = new ArrayList<>();
    keys.addAll(List.of(KEY_MODEL_TYPE, 0, 1, geographic ? 2 : 1));
    keys.addAll(List.of(KEY_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA));
    keys.addAll(List.of(geographic ? KEY_GEOGRAPHIC_TYPE : KEY_PROJECTED_TYPE, 0, 1, epsg));
    int[] dir = new int[4 + keys.size()];
    dir[0] = 1;
    dir[1] = 1;
    dir[2] = 0;
    dir[3] = keys.size() / 4;
    for (int i = 0; i < keys.size(); i++) {
      dir[4 + i] = keys.get(i);
    }
    tags.add(Tag.shorts(TAG_GEOKEYS, dir));
    return tags;
  }

  private record Decoded(Image image, GridSpec grid, double nodata) {}

  private static void read(Decoded d, TiffDecoder.RowSink sink) {
    try {
      TiffDecoder.read(d.image, sink);
    } catch (SkydasProblem p) {
      throw p;
    } catch (RuntimeException e) {
      throw wrap(d.image.name(), e);
    }
  }

  private static SkydasProblem wrap(String name, RuntimeException e) {
    Throwable c = e;
    while (c.getCause() instanceof SkydasProblem || c instanceof SkydasProblem) {
      if (c instanceof SkydasProblem p) {
        return p;
      }
      c = c.getCause();
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new SkydasProblem(
        ProblemCode.BAD_INPUT,
        name
            + ": not a readable TIFF ("
            + msg
            + "); the file may be truncated or use an unsupported encoding",
        Map.of("file", name),
        e);
  }

  private static Decoded decode(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, name + ": no such file", Map.of("file", name));
    } catch (IOException | OutOfMemoryError e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e);
    }
    try {
      Image im = TiffDecoder.open(name, bytes);
      GridSpec grid = georeference(name, im);
      double nodata = Double.NaN;
      String nd = im.dir().getStringEntryValue(FieldTagType.GDAL_NODATA);
      if (nd != null && !nd.isBlank()) {
        nodata = parseNodata(name, nd);
      }
      return new Decoded(im, grid, nodata);
    } catch (SkydasProblem p) {
      throw p;
    } catch (RuntimeException e) {
      throw wrap(name, e);
    }
  }

  /** GDAL writes nodata as C printf output: "nan", "inf", "-inf" or a decimal number. */
  private static double parseNodata(String name, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.contains("nan")) {
      return Double.NaN;
    }
    if (t.endsWith("inf") || t.endsWith("infinity")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw SkydasProblem.badInput(name, null, "GDAL_NODATA is not a number: '" + text + "'");
    }
  }

  private static GridSpec georeference(String name, Image im) {
    FileDirectory dir = im.dir();
    List<Double> scale = dir.getModelPixelScale();
    List<Double> tie = dir.getModelTiepoint();
    List<Double> m = dir.getDoubleListEntryValue(FieldTagType.ModelTransformation);
    double sx;
    double sy;
    double minX;
    double maxY;
    if (m != null && m.size() >= 8) {
      // x = m0*i + m1*j + m3; y = m4*i + m5*j + m7
      if (m.get(1) != 0 || m.get(4) != 0 || !(m.get(0) > 0) || !(m.get(5) < 0)) {
        throw SkydasProblem.badInput(
            name,
            null,
            "rotated or sheared rasters (ModelTransformation) are not supported; "
                + "warp to north-up with gdalwarp first");
      }
      sx = m.get(0);
      sy = -m.get(5);
      minX = m.get(3);
      maxY = m.get(7);
    } else if (scale != null && tie != null && scale.size() >= 2 && tie.size() >= 6) {
      sx = scale.get(0);
      sy = scale.get(1);
      // tiepoint: raster (i, j) -> model (x, y)
      minX = tie.get(3) - tie.get(0) * sx;
      maxY = tie.get(4) + tie.get(1) * sy;
    } else {
      throw SkydasProblem.badInput(
          name, null, "no GeoTIFF georeferencing (ModelPixelScale/ModelTiepoint)");
    }
    if (!(sx > 0) || !(sy > 0) || Math.abs(sx - sy) > 1e-9 * Math.max(sx, sy)) {
      throw SkydasProblem.badInput(
          name, null, "pixels must be square with a positive size, found " + sx + " x " + sy);
    }
    int epsg = 0;
    boolean pixelIsPoint = false;
    List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
    if (keys != null && keys.size() >= 4) {
      int n = keys.get(3);
      int projected = 0;
      int geographic = 0;
      for (int i = 0; i < n && 4 + 4 * i + 3 < keys.size(); i++) {
        int id = keys.get(4 + 4 * i);
        int loc = keys.get(4 + 4 * i + 1);
        int val = keys.get(4 + 4 * i + 3);
        if (loc != 0) {
          continue;
        }
        if (id == KEY_PROJECTED_TYPE && val > 0 && val < 32767) {
          projected = val;
        } else if (id == KEY_GEOGRAPHIC_TYPE && val > 0 && val < 32767) {
          geographic = val;
        } else if (id == KEY_RASTER_TYPE && val == RASTER_PIXEL_IS_POINT) {
          pixelIsPoint = true;
        }
      }
      epsg = projected != 0 ? projected : geographic;
    }
    if (pixelIsPoint) {
      minX -= sx / 2;
      maxY += sx / 2;
    }
    try {
      return new GridSpec(minX, maxY, sx, im.width(), im.height(), epsg);
    } catch (IllegalArgumentException e) {
      throw SkydasProblem.badInput(name, null, "unusable raster geometry: " + e.getMessage());
    }
  }
}
