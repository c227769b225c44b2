package lt.skydas.terrain;

/**
 * Brute-force line of sight in r.viewshed's model, written from its description and independent of
 * {@link Viewshed}'s sweep: for every target cell, every cell in the bounding box of the sight line
 * is tested for being crossed (its angular extent, from its four corners, contains the target's
 * azimuth) and nearer (centre distance); a crossed cell's vertical angle at the target's azimuth is
 * interpolated linearly in azimuth between its centre and the silhouette corner on that side, all
 * angles as arctangents in double precision. O(cells × box) per viewshed: tests only.
 */
final class ReferenceLineOfSight {
  private final int w;
  private final int h;
  private final double cs;
  private final float[] z;
  private final int oc;
  private final int or;
  private final double eye;
  private final double drop;
  private final ViewshedOptions o;

  /** margin[i] = target angle − max blocking angle (radians); NaN where not computed. */
  final double[] margin;

  final byte[] out;
  static long TRACE = -1;
  static int TRACE_T = -1;

  ReferenceLineOfSight(ElevationGrid dem, int col, int row, ViewshedOptions options) {
    this.w = dem.width();
    this.h = dem.height();
    this.cs = dem.cellSize_m();
    this.z = dem.elevation_m();
    this.oc = col;
    this.or = row;
    this.o = options;
    this.eye = z[row * w + col] + options.observerHeight_m();
    this.drop =
        options.curvature() ? (1 - options.refractionCoeff()) / (2 * options.earthRadius_m()) : 0.0;
    this.margin = new double[w * h];
    this.out = new byte[w * h];
    run();
  }

  private void run() {
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int i = r * w + c;
        margin[i] = Double.NaN;
        if (r == or && c == oc) {
          out[i] = Viewshed.VISIBLE;
          continue;
        }
        double d = Math.hypot(c - oc, r - or) * cs;
        if (Float.isNaN(z[i]) || d > o.maxDistance_m()) {
          out[i] = Viewshed.NODATA;
          continue;
        }
        double target = Math.atan((lowered(z[i], d) + o.targetHeight_m() - eye) / d);
        double block = maxBlocking(c, r);
        margin[i] = target - block;
        out[i] = block <= target ? Viewshed.VISIBLE : Viewshed.INVISIBLE;
      }
    }
  }

  private double lowered(double elevation, double d) {
    return elevation - drop * d * d;
  }

  /** Azimuth of map offset (dx east, dy north in cells), radians counter-clockwise from east. */
  private static double azimuth(double dx, double dyNorth) {
    return Math.atan2(dyNorth, dx);
  }

  private static double rel(double a, double b) {
    double x = a - b;
    while (x > Math.PI) {
      x -= 2 * Math.PI;
    }
    while (x <= -Math.PI) {
      x += 2 * Math.PI;
    }
    return x;
  }

  private double maxBlocking(int tc, int tr) {
    double theta = azimuth(tc - oc, or - tr);
    long key = (long) (tc - oc) * (tc - oc) + (long) (tr - or) * (tr - or);
    double max = Double.NEGATIVE_INFINITY;
    for (int r = Math.min(or, tr); r <= Math.max(or, tr); r++) {
      for (int c = Math.min(oc, tc); c <= Math.max(oc, tc); c++) {
        long k = (long) (c - oc) * (c - oc) + (long) (r - or) * (r - or);
        if (k == 0 || k >= key || Float.isNaN(z[r * w + c])) {
          continue;
        }
        double g = blockingAngle(c, r, theta);
        if (g > max) {
          max = g;
        }
      }
    }
    return max;
  }

  /** The cell's vertical angle at azimuth theta, or -Inf if the sight line misses it. */
  private double blockingAngle(int c, int r, double theta) {
    double loRel = Double.POSITIVE_INFINITY;
    double hiRel = Double.NEGATIVE_INFINITY;
    int loV = 0;
    int hiV = 0;
    for (int v = 0; v < 4; v++) {
      double vx = c + ((v & 1) == 0 ? -0.5 : 0.5);
      double vy = r + ((v & 2) == 0 ? -0.5 : 0.5);
      double a = rel(azimuth(vx - oc, or - vy), theta);
      if (a < loRel) {
        loRel = a;
        loV = v;
      }
      if (a > hiRel) {
        hiRel = a;
        hiV = v;
      }
    }
    if (loRel > 0 || hiRel < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double dc = Math.hypot(c - oc, r - or) * cs;
    double gc = Math.atan((lowered(z[r * w + c], dc) - eye) / dc);
    double centreRel = rel(azimuth(c - oc, or - r), theta);
    if (centreRel == 0) {
      return gc;
    }
    int v = centreRel > 0 ? loV : hiV;
    double cornerRel = centreRel > 0 ? loRel : hiRel;
    double gv = cornerAngle(c, r, v);
    return gc + (gv - gc) * (0 - centreRel) / (cornerRel - centreRel);
  }

  private double cornerAngle(int c, int r, int v) {
    int c2 = (v & 1) == 0 ? c - 1 : c + 1;
    int r2 = (v & 2) == 0 ? r - 1 : r + 1;
    double e = z[r * w + c];
    if (c2 >= 0 && c2 < w && r2 >= 0 && r2 < h) {
      double s = (double) z[r * w + c] + z[r * w + c2] + z[r2 * w + c] + z[r2 * w + c2];
      if (!Double.isNaN(s)) {
        e = s / 4;
      }
    }
    double vx = c + ((v & 1) == 0 ? -0.5 : 0.5);
    double vy = r + ((v & 2) == 0 ? -0.5 : 0.5);
    double d = Math.hypot(vx - oc, vy - or) * cs;
    return Math.atan((lowered(e, d) - eye) / d);
  }
}
