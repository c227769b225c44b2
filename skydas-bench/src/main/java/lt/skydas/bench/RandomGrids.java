package lt.skydas.bench;

import java.util.SplittableRandom;

/** Random friction grids for benchmarks. */
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
}
