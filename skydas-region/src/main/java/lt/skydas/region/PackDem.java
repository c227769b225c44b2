package lt.skydas.region;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Coordinate;

/**
 * The ground elevation a region pack stores ({@value #FILE}: Float32 on the region grid, NaN =
 * nodata) and its rule for holes. A <i>hole</i> is a land cell (land cover not {@link
 * LandCover#NODATA}) without elevation. Up to {@value #MAX_HOLE_SHARE_PERCENT} % of the land cells
 * may be holes: they are filled breadth first from the nearest cells with elevation, each the mean
 * of its 4-neighbours already known (voids of a few cells, as in SRTM, get a plausible surface,
 * where leaving them nodata would make them blind spots no sensor sees); holes no known cell
 * reaches over land stay nodata. More holes are refused, naming the DEM, the share and one hole:
 * the DEM does not cover the region. Cells outside the land cover are left as they are. Stateless.
 */
final class PackDem {
  /** The DEM's file in the pack. */
  static final String FILE = "dem.tif";

  static final double MAX_HOLE_SHARE_PERCENT = 1.0;

  private PackDem() {}

  /** The checked ground and how many holes were filled. */
  record Checked(float[] ground_m, int holes, int filled, int landCells) {
    /** The pack metadata's {@code dem} entry. */
    Map<String, Object> metadata(String source) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", FILE);
      m.put("source", source);
      m.put("land_cells", landCells);
      m.put("holes_filled", filled);
      m.put("holes_left", holes - filled);
      return m;
    }
  }

  /**
   * Counts the holes of {@code ground_m} (changed in place: filled) over the land cells of {@code
   * landCover}, refusing more than {@value #MAX_HOLE_SHARE_PERCENT} %.
   *
   * @throws SkydasProblem BAD_INPUT naming {@code name} for too many holes or a wrong length
   */
  static Checked check(float[] ground_m, byte[] landCover, GridSpec grid, String name) {
    if (ground_m.length != grid.cellCount()) {
      throw SkydasProblem.badInput(
          name, null, "the DEM has " + ground_m.length + " cells, the region " + grid.cellCount());
    }
    int land = 0;
    int holes = 0;
    int example = -1;
    for (int i = 0; i < ground_m.length; i++) {
      if (landCover[i] != LandCover.NODATA.code()) {
        land++;
        if (Float.isNaN(ground_m[i])) {
          holes++;
          example = example < 0 ? i : example;
        }
      }
    }
    if (holes > MAX_HOLE_SHARE_PERCENT / 100 * land) {
      Coordinate at =
          Crs.of(grid.epsg())
              .toWgs84(
                  grid.centerX(example % grid.width()),
                  grid.centerY(example / grid.width()),
                  new Coordinate());
      throw SkydasProblem.badInput(
          name,
          null,
          String.format(
              Locale.ROOT,
              "the DEM has no elevation for %.1f %% of the region's land cells (%d of %d, e.g."
                  + " at %.4f E %.4f N); at most %.0f %% are filled from their neighbours: give a"
                  + " DEM covering the region (the home country and --margin-km around it) or"
                  + " fill its voids first",
              100.0 * holes / land,
              holes,
              land,
              at.x,
              at.y,
              MAX_HOLE_SHARE_PERCENT));
    }
    int filled = holes == 0 ? 0 : fill(ground_m, landCover, grid.width(), grid.height());
    return new Checked(ground_m, holes, filled, land);
  }

  /** Fills land holes breadth first from the cells with elevation; returns how many were filled. */
  static int fill(float[] z, byte[] landCover, int w, int h) {
    int n = z.length;
    boolean[] queued = new boolean[n];
    int[] layer = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (isHole(z, landCover, i) && !Float.isNaN(neighbourMean(z, i, w, h))) {
        layer[size++] = i;
        queued[i] = true;
      }
    }
    int[] next = new int[n];
    float[] values = new float[n];
    int filled = 0;
    while (size > 0) {
      for (int k = 0; k < size; k++) {
        values[k] = neighbourMean(z, layer[k], w, h);
      }
      for (int k = 0; k < size; k++) {
        z[layer[k]] = values[k];
      }
      filled += size;
      int nextSize = 0;
      for (int k = 0; k < size; k++) {
        int c = layer[k];
        int col = c % w;
        nextSize = push(z, landCover, queued, next, nextSize, col > 0 ? c - 1 : -1);
        nextSize = push(z, landCover, queued, next, nextSize, col < w - 1 ? c + 1 : -1);
        nextSize = push(z, landCover, queued, next, nextSize, c - w);
        nextSize = push(z, landCover, queued, next, nextSize, c + w < n ? c + w : -1);
      }
      int[] t = layer;
      layer = next;
      next = t;
      size = nextSize;
    }
    return filled;
  }

  private static boolean isHole(float[] z, byte[] landCover, int i) {
    return Float.isNaN(z[i]) && landCover[i] != LandCover.NODATA.code();
  }

  /** Queues cell a (ignored if negative) when it is a hole not yet queued. */
  private static int push(
      float[] z, byte[] landCover, boolean[] queued, int[] next, int size, int a) {
    if (a >= 0 && !queued[a] && isHole(z, landCover, a)) {
      queued[a] = true;
      next[size++] = a;
    }
    return size;
  }

  /** The mean of the 4-neighbours with elevation, NaN if none. */
  private static float neighbourMean(float[] z, int c, int w, int h) {
    int col = c % w;
    int row = c / w;
    double sum = 0;
    int count = 0;
    if (col > 0 && !Float.isNaN(z[c - 1])) {
      sum += z[c - 1];
      count++;
    }
    if (col < w - 1 && !Float.isNaN(z[c + 1])) {
      sum += z[c + 1];
      count++;
    }
    if (row > 0 && !Float.isNaN(z[c - w])) {
      sum += z[c - w];
      count++;
    }
    if (row < h - 1 && !Float.isNaN(z[c + w])) {
      sum += z[c + w];
      count++;
    }
    return count == 0 ? Float.NaN : (float) (sum / count);
  }
}
