package lt.skydas.bench;

import java.util.SplittableRandom;

/** Random friction grids and terrains for benchmarks. */
public final class RandomGrids {
  private RandomGrids() {}

  /** {@code size * size} frictions uniform in [1, 100), deterministic in {@code seed}. */
  public static float[] uniformFriction(int size, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] f = new float[size * size];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) rnd.nextDouble(1, 100);
    }
    return f;
  }

  /**
   * A smooth random terrain of {@code size * size} elevations in metres, deterministic in {@code
   * seed}: value noise with octaves of 3.2 km, 800 m and 200 m wavelength on a 25 m grid
   * (amplitudes 40, 10 and 3 m) plus ±0.5 m roughness, around 120 m — gently rolling, like
   * Lithuania's uplands.
   */
  public static float[] smoothTerrain(int size, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] z = new float[size * size];
    java.util.Arrays.fill(z, 120f);
    addOctave(z, size, 128, 40, rnd);
    addOctave(z, size, 32, 10, rnd);
    addOctave(z, size, 8, 3, rnd);
    for (int i = 0; i < z.length; i++) {
      z[i] += (float) rnd.nextDouble(-0.5, 0.5);
    }
    return z;
  }

  /** Adds bilinear value noise with lattice spacing {@code step} cells and amplitude ±amp. */
  private static void addOctave(float[] z, int size, int step, double amp, SplittableRandom rnd) {
    int n = size / step + 2;
    double[] lattice = new double[n * n];
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = rnd.nextDouble(-amp, amp);
    }
    for (int r = 0; r < size; r++) {
      int lr = r / step;
      double fr = (r % step) / (double) step;
      for (int c = 0; c < size; c++) {
        int lc = c / step;
        double fc = (c % step) / (double) step;
        double top = lattice[lr * n + lc] * (1 - fc) + lattice[lr * n + lc + 1] * fc;
        double bottom = lattice[(lr + 1) * n + lc] * (1 - fc) + lattice[(lr + 1) * n + lc + 1] * fc;
        z[r * size + c] += (float) (top * (1 - fr) + bottom * fr);
      }
    }
  }
}
