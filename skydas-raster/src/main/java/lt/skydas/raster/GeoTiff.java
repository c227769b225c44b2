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
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * Single-band GeoTIFF read and write (no GeoTools): TIFF encoding by NGA's {@code mil.nga:tiff};
 * georeferencing from ModelPixelScale + ModelTiepoint, the CRS from the GeoKeyDirectory (EPSG code
 * of ProjectedCSTypeGeoKey or GeographicTypeGeoKey), nodata from GDAL_NODATA.
 *
 * <p>Reading accepts strips or tiles, no / LZW / Deflate / PackBits compression, 8–64-bit integer
 * or float samples, either byte order. Rotated rasters (ModelTransformation) and non-square pixels
 * are refused with a {@link SkydasProblem}. PixelIsPoint rasters are shifted by half a cell so the
 * grid describes cell corners. Writing uses Deflate and is atomic (temporary file, then move).
 * Stateless and thread-safe.
 */
public final class GeoTiff {
  private static final int KEY_MODEL_TYPE = 1024;
  private static final int KEY_RASTER_TYPE = 1025;
  private static final int KEY_GEOGRAPHIC_TYPE = 2048;
  private static final int KEY_PROJECTED_TYPE = 3072;
  private static final int RASTER_PIXEL_IS_POINT = 2;

  private GeoTiff() {}

  /** Reads a single-band raster of any numeric type as float; nodata becomes NaN. */
  public static FloatRaster readFloat(Path file) {
    Decoded d = decode(file);
    int n = d.grid.cellCount();
    float[] out = new float[n];
    ByteBuffer b = d.values;
    FieldType t = d.type;
    double nodata = d.nodata;
    for (int i = 0; i < n; i++) {
      double v =
          switch (t) {
            case BYTE, UNDEFINED -> b.get(i) & 0xff;
            case SBYTE -> b.get(i);
            case SHORT -> b.getShort(2 * i) & 0xffff;
            case SSHORT -> b.getShort(2 * i);
            case LONG -> b.getInt(4 * i) & 0xffffffffL;
            case SLONG -> b.getInt(4 * i);
            case FLOAT -> b.getFloat(4 * i);
            case DOUBLE -> b.getDouble(8 * i);
            default -> throw new IllegalStateException("unexpected type " + t);
          };
      out[i] = (v == nodata || (float) v == (float) nodata) ? Float.NaN : (float) v;
    }
    return new FloatRaster(d.grid, out);
  }

  /** Reads an unsigned 8-bit single-band raster. */
  public static ByteRaster readByte(Path file) {
    Decoded d = decode(file);
    if (d.type != FieldType.BYTE) {
      throw SkydasProblem.badInput(
          file.toString(),
          null,
          "expected unsigned 8-bit samples, found " + d.type.name().toLowerCase(Locale.ROOT));
    }
    byte[] out = new byte[d.grid.cellCount()];
    d.values.get(0, out);
    return new ByteRaster(d.grid, out);
  }

  /** Writes a Float32 GeoTIFF; NaN cells are nodata (GDAL_NODATA "nan"). */
  public static void writeFloat32(Path file, FloatRaster r) {
    GridSpec g = r.grid();
    Rasters rasters = new Rasters(g.width(), g.height(), 1, FieldType.FLOAT);
    ByteBuffer b = rasters.getSampleValues()[0];
    float[] d = r.data();
    for (int i = 0; i < d.length; i++) {
      b.putFloat(4 * i, d[i]);
    }
    write(file, g, rasters, 32, TiffConstants.SAMPLE_FORMAT_FLOAT, "nan");
  }

  /** Writes an unsigned 8-bit GeoTIFF; {@code nodata} may be null. */
  public static void writeByte(Path file, ByteRaster r, Integer nodata) {
    GridSpec g = r.grid();
    Rasters rasters = new Rasters(g.width(), g.height(), 1, FieldType.BYTE);
    rasters.getSampleValues()[0].put(0, r.data());
    write(
        file,
        g,
        rasters,
        8,
        TiffConstants.SAMPLE_FORMAT_UNSIGNED_INT,
        nodata == null ? null : String.valueOf(nodata));
  }

  private static void write(
      Path file, GridSpec g, Rasters rasters, int bits, int sampleFormat, String nodata) {
    FileDirectory dir = new FileDirectory();
    dir.setImageWidth(g.width());
    dir.setImageHeight(g.height());
    dir.setBitsPerSample(bits);
    dir.setSamplesPerPixel(1);
    dir.setSampleFormat(sampleFormat);
    dir.setCompression(TiffConstants.COMPRESSION_DEFLATE);
    dir.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    dir.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
    int rowBytes = g.width() * bits / 8;
    dir.setRowsPerStrip(Math.max(1, Math.min(g.height(), (1 << 16) / Math.max(1, rowBytes))));
    dir.setModelPixelScale(List.of(g.cellSize(), g.cellSize(), 0.0));
    dir.setModelTiepoint(List.of(0.0, 0.0, 0.0, g.minX(), g.maxY(), 0.0));
    List<Integer> keys = new ArrayList<>(List.of(1, 1, 0, 0));
    addKey(keys, KEY_RASTER_TYPE, 1);
    if (g.epsg() == 4326) {
      addKey(keys, KEY_MODEL_TYPE, 2);
      addKey(keys, KEY_GEOGRAPHIC_TYPE, 4326);
    } else if (g.epsg() > 0) {
      addKey(keys, KEY_MODEL_TYPE, 1);
      addKey(keys, KEY_PROJECTED_TYPE, g.epsg());
    }
    keys.set(3, (keys.size() - 4) / 4);
    // keys must be sorted by id: model type (1024) < raster type (1025) < 2048 < 3072
    sortKeys(keys);
    dir.addEntry(
        new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
    if (nodata != null) {
      dir.setStringEntryValue(FieldTagType.GDAL_NODATA, nodata);
    }
    dir.setWriteRasters(rasters);
    TIFFImage image = new TIFFImage(dir);
    AtomicOutput.writeFile(
        file,
        out -> {
          try {
            out.write(TiffWriter.writeTiffToBytes(image));
          } catch (RuntimeException e) {
            throw new IOException("TIFF encoding failed: " + e.getMessage(), e);
          }
        });
  }

  private static void addKey(List<Integer> keys, int id, int value) {
    keys.addAll(List.of(id, 0, 1, value));
  }

  private static void sortKeys(List<Integer> keys) {
    int n = (keys.size() - 4) / 4;
    List<int[]> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int o = 4 + 4 * i;
      entries.add(new int[] {keys.get(o), keys.get(o + 1), keys.get(o + 2), keys.get(o + 3)});
    }
    entries.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 4; k++) {
        keys.set(4 + 4 * i + k, entries.get(i)[k]);
      }
    }
  }

  private record Decoded(GridSpec grid, FieldType type, ByteBuffer values, double nodata) {}

  private static Decoded decode(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, name + ": no such file", Map.of("file", name));
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    }
    if (bytes.length == 0) {
      throw SkydasProblem.badInput(name, null, "file is empty");
    }
    if (bytes.length < 8
        || !((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'))) {
      throw SkydasProblem.badInput(name, null, "not a TIFF file");
    }
    if ((bytes[2] == 43 || bytes[3] == 43)) {
      throw SkydasProblem.badInput(
          name,
          null,
          "BigTIFF is not supported; write a classic TIFF (gdal_translate -co BIGTIFF=NO)");
    }
    try {
      TIFFImage image = TiffReader.readTiff(bytes);
      FileDirectory dir = image.getFileDirectory();
      int spp = dir.getSamplesPerPixel();
      if (spp != 1) {
        throw SkydasProblem.badInput(name, null, "expected a single band, found " + spp + " bands");
      }
      int w = dir.getImageWidth().intValue();
      int h = dir.getImageHeight().intValue();
      if (dir.get(FieldTagType.ModelTransformation) != null) {
        throw SkydasProblem.badInput(
            name, null, "rotated or sheared rasters (ModelTransformation) are not supported");
      }
      List<Double> scale = dir.getModelPixelScale();
      List<Double> tie = dir.getModelTiepoint();
      if (scale == null || tie == null || scale.size() < 2 || tie.size() < 6) {
        throw SkydasProblem.badInput(
            name, null, "no GeoTIFF georeferencing (ModelPixelScale/ModelTiepoint)");
      }
      double sx = scale.get(0);
      double sy = scale.get(1);
      if (!(sx > 0) || !(sy > 0) || Math.abs(sx - sy) > 1e-9 * Math.max(sx, sy)) {
        throw SkydasProblem.badInput(
            name, null, "pixels must be square with positive size, found " + sx + " x " + sy);
      }
      List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
      int epsg = 0;
      boolean pixelIsPoint = false;
      if (keys != null && keys.size() >= 4) {
        int n = keys.get(3);
        for (int i = 0; i < n && 4 + 4 * i + 3 < keys.size(); i++) {
          int id = keys.get(4 + 4 * i);
          int loc = keys.get(4 + 4 * i + 1);
          int val = keys.get(4 + 4 * i + 3);
          if (loc == 0
              && (id == KEY_PROJECTED_TYPE || id == KEY_GEOGRAPHIC_TYPE)
              && val > 0
              && val < 32767) {
            if (id == KEY_PROJECTED_TYPE || epsg == 0) {
              epsg = val;
            }
          }
          if (loc == 0 && id == KEY_RASTER_TYPE && val == RASTER_PIXEL_IS_POINT) {
            pixelIsPoint = true;
          }
        }
      }
      double minX = tie.get(3) - tie.get(0) * sx;
      double maxY = tie.get(4) + tie.get(1) * sy;
      if (pixelIsPoint) {
        minX -= sx / 2;
        maxY += sy / 2;
      }
      GridSpec grid;
      try {
        grid = new GridSpec(minX, maxY, sx, w, h, epsg);
      } catch (IllegalArgumentException e) {
        throw SkydasProblem.badInput(name, null, "unusable raster geometry: " + e.getMessage());
      }
      double nodata = Double.NaN;
      String nd = dir.getStringEntryValue(FieldTagType.GDAL_NODATA);
      if (nd != null && !nd.isBlank()) {
        try {
          nodata = Double.parseDouble(nd.trim());
        } catch (NumberFormatException e) {
          nodata = Double.NaN;
        }
      }
      Rasters rasters = dir.readRasters();
      FieldType type = rasters.getFieldTypes()[0];
      ByteBuffer values = rasters.getSampleValues()[0];
      if (values.capacity() < (long) w * h * type.getBytes()) {
        throw SkydasProblem.badInput(
            name, null, "file is truncated (fewer samples than " + w + " x " + h + ")");
      }
      return new Decoded(grid, type, values, nodata);
    } catch (SkydasProblem p) {
      throw p;
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw SkydasProblem.badInput(
          name,
          null,
          "not a readable TIFF ("
              + msg
              + "); the file may be truncated or use an unsupported compression");
    }
  }
}
