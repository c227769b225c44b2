package lt.skydas.optimize.interdiction;

import java.util.SplittableRandom;

/**
 * The benchmark grid instances of the optimisation issue (spec in
 * docs/research/shortest-path-interdiction.md §6): R × C nodes, arcs right / up / down with length
 * 1–10 and delay 10–20, a super-source feeding column 0 and a super-sink fed by the last column
 * (those arcs cost 0 and cannot be interdicted). Deterministic per seed.
 */
public final class GridSpi {
  private GridSpi() {}

  public static InterdictionNetwork generate(int rows, int cols, long seed) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("grid must have rows and columns");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int s = rows * cols;
    int t = s + 1;
    InterdictionNetwork.Builder b = new InterdictionNetwork.Builder(rows * cols + 2);
    for (int r = 0; r < rows; r++) {
      b.arc(s, r * cols, 0, 0, false);
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int u = r * cols + c;
        if (c + 1 < cols) {
          arc(b, rng, u, u + 1);
        }
        if (r + 1 < rows) {
          arc(b, rng, u, u + cols);
        }
        if (r > 0) {
          arc(b, rng, u, u - cols);
        }
      }
    }
    for (int r = 0; r < rows; r++) {
      b.arc(r * cols + cols - 1, t, 0, 0, false);
    }
    return b.build(s, t);
  }

  private static void arc(InterdictionNetwork.Builder b, SplittableRandom rng, int u, int v) {
    int c = 1 + rng.nextInt(10);
    int d = 10 + rng.nextInt(11);
    b.arc(u, v, c, d, true);
  }
}
