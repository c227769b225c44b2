package lt.skydas.region;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The buildings of a region as points in its map CRS, each with its footprint area: every dwelling
 * the data knows, down to single farmsteads (civilian buffers, exposure). Column arrays of one
 * length; immutable by contract (the arrays are exposed, not copied, and must not be modified).
 * Thread-safe for reading.
 *
 * <p>Stored in a pack as {@value #FILE}: the magic {@code SKBLD1}, the count (int), then per
 * building x and y (double, map CRS metres) and the area (float, m², NaN when unknown), big-endian.
 */
public final class Buildings {
  /** The pack file. */
  public static final String FILE = "buildings.bin";

  private static final byte[] MAGIC = {'S', 'K', 'B', 'L', 'D', '1'};

  /** No buildings. */
  public static final Buildings NONE = new Buildings(new double[0], new double[0], new float[0]);

  private final double[] x_m;
  private final double[] y_m;
  private final float[] area_m2;

  /**
   * @param x_m map-CRS easting per building
   * @param y_m map-CRS northing per building
   * @param area_m2 footprint area per building, NaN when unknown
   */
  public Buildings(double[] x_m, double[] y_m, float[] area_m2) {
    if (x_m.length != y_m.length || x_m.length != area_m2.length) {
      throw new IllegalArgumentException("columns of different lengths");
    }
    this.x_m = x_m;
    this.y_m = y_m;
    this.area_m2 = area_m2;
  }

  public int size() {
    return x_m.length;
  }

  public double x_m(int i) {
    return x_m[i];
  }

  public double y_m(int i) {
    return y_m[i];
  }

  /** Footprint area in m², NaN when the layer did not give one. */
  public float area_m2(int i) {
    return area_m2[i];
  }

  void write(Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(size());
      for (int i = 0; i < size(); i++) {
        out.writeDouble(x_m[i]);
        out.writeDouble(y_m[i]);
        out.writeFloat(area_m2[i]);
      }
    }
  }

  /** Reads {@code file}; a pack without it has no buildings. */
  static Buildings read(Path file) {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw SkydasProblem.badInput(file.toString(), null, "not a Skydas buildings file");
      }
      int n = in.readInt();
      if (n < 0 || (long) n * 20 > Files.size(file)) {
        throw SkydasProblem.badInput(file.toString(), null, "bad building count " + n);
      }
      double[] x = new double[n];
      double[] y = new double[n];
      float[] a = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = in.readDouble();
        y[i] = in.readDouble();
        a[i] = in.readFloat();
      }
      return new Buildings(x, y, a);
    } catch (EOFException e) {
      throw SkydasProblem.badInput(file.toString(), null, "truncated buildings file");
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, e.getMessage());
    }
  }
}
