package lt.skydas.terrain;

import java.util.Random;

/** Seeded random terrains for tests: smooth hills plus roughness, optional nodata holes. */
final class RandomTerrain {
  private RandomTerrain() {}

  /**
   * A {@code w × h} terrain: {@code hills} Gaussian hills of up to {@code relief_m} metres and
   * {@code 10–60} cells wide over a random tilt, plus uniform noise of ±{@code rough_m}; a fraction
   * {@code holes} of cells set to NaN in small blobs.
   */
  static float[] generate(
      long seed, int w, int h, int hills, double relief_m, double rough_m, double holes) {
    Random rnd = new Random(seed);
    double[] cx = new double[hills];
    double[] cy = new double[hills];
    double[] amp = new double[hills];
    double[] inv2s2 = new double[hills];
    for (int i = 0; i < hills; i++) {
      cx[i] = rnd.nextDouble() * w;
      cy[i] = rnd.nextDouble() * h;
      amp[i] = (rnd.nextDouble() * 2 - 0.6) * relief_m;
      double s = 3 + rnd.nextDouble() * Math.max(w, h) / 4.0;
      inv2s2[i] = 1 / (2 * s * s);
    }
    double tx = (rnd.nextDouble() - 0.5) * relief_m / w;
    double ty = (rnd.nextDouble() - 0.5) * relief_m / h;
    float[] z = new float[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double v = 100 + tx * c + ty * r;
        for (int i = 0; i < hills; i++) {
          double dx = c - cx[i];
          double dy = r - cy[i];
          double q = (dx * dx + dy * dy) * inv2s2[i];
          if (q < 30) {
            v += amp[i] * Math.exp(-q);
          }
        }
        z[r * w + c] = (float) (v + (rnd.nextDouble() * 2 - 1) * rough_m);
      }
    }
    int blobs = (int) (holes * w * h / 5);
    for (int b = 0; b < blobs; b++) {
      int c = rnd.nextInt(w);
      int r = rnd.nextInt(h);
      for (int k = 0; k < 5; k++) {
        int cc = Math.min(w - 1, Math.max(0, c + rnd.nextInt(3) - 1));
        int rr = Math.min(h - 1, Math.max(0, r + rnd.nextInt(3) - 1));
        z[rr * w + cc] = Float.NaN;
      }
    }
    return z;
  }
}
