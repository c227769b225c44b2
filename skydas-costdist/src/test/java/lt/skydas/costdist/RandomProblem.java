package lt.skydas.costdist;

import java.util.SplittableRandom;

/** A random grid + explicit-edge problem generated deterministically from a seed. */
final class RandomProblem {
  final long seed;
  final CostGrid grid;
  final EdgeGraph graph;
  final int nodeCount;

  private RandomProblem(long seed, CostGrid grid, EdgeGraph graph) {
    this.seed = seed;
    this.grid = grid;
    this.graph = graph;
    this.nodeCount = graph == null ? grid.cellCount() : graph.nodeCount();
  }

  /**
   * General problem: any sizes (incl. 1x1, 1xN), impassable cells, zero frictions, penalties (incl.
   * +Inf), 8/16 neighbours, extra nodes and edges (incl. 0 and +Inf costs).
   */
  static RandomProblem general(long seed) {
    return create(seed, false);
  }

  /** Like {@link #general} but with all move costs strictly positive (bucket queue applicable). */
  static RandomProblem positive(long seed) {
    return create(seed, true);
  }

  private static RandomProblem create(long seed, boolean positive) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int w;
    int h;
    switch (rnd.nextInt(6)) {
      case 0 -> {
        w = 1;
        h = 1 + rnd.nextInt(10);
      }
      case 1 -> {
        w = 1 + rnd.nextInt(10);
        h = 1;
      }
      case 2 -> {
        w = 20 + rnd.nextInt(30);
        h = 20 + rnd.nextInt(30);
      }
      default -> {
        w = 1 + rnd.nextInt(12);
        h = 1 + rnd.nextInt(12);
      }
    }
    int cells = w * h;
    double cellSize = rnd.nextBoolean() ? 1.0 : 0.1 + rnd.nextDouble() * 30;
    float[] f = new float[cells];
    double pImpassable = rnd.nextDouble() * 0.3;
    double pZero = positive ? 0 : rnd.nextDouble() * 0.2;
    boolean wideRange = rnd.nextInt(4) == 0;
    for (int i = 0; i < cells; i++) {
      double x = rnd.nextDouble();
      if (x < pImpassable) {
        f[i] =
            switch (rnd.nextInt(3)) {
              case 0 -> Float.NaN;
              case 1 -> Float.POSITIVE_INFINITY;
              default -> -1f;
            };
      } else if (x < pImpassable + pZero) {
        f[i] = 0f;
      } else if (wideRange) {
        f[i] = (float) Math.exp(rnd.nextDouble(-3, 5));
      } else {
        f[i] = (float) rnd.nextDouble(1, 100);
      }
    }
    float[] pen = null;
    if (rnd.nextInt(3) == 0) {
      pen = new float[cells];
      for (int i = 0; i < cells; i++) {
        int k = rnd.nextInt(10);
        pen[i] = k < 6 ? 0f : k < 9 ? (float) rnd.nextDouble(0, 50) : Float.POSITIVE_INFINITY;
      }
    }
    CostGrid.Neighbourhood nb =
        rnd.nextBoolean() ? CostGrid.Neighbourhood.EIGHT : CostGrid.Neighbourhood.SIXTEEN;
    CostGrid grid = new CostGrid(w, h, cellSize, f, pen, nb);
    EdgeGraph graph = null;
    if (rnd.nextInt(3) > 0) {
      int extra = rnd.nextInt(8);
      int n = cells + extra;
      EdgeGraph.Builder b = EdgeGraph.builder(n);
      int edges = rnd.nextInt(3 * n + 1);
      for (int i = 0; i < edges; i++) {
        int from = rnd.nextInt(n);
        int to = rnd.nextInt(n);
        // bias towards extra nodes (road points)
        if (extra > 0 && rnd.nextBoolean()) {
          from = cells + rnd.nextInt(extra);
        }
        int k = rnd.nextInt(20);
        double c =
            k == 0 ? Double.POSITIVE_INFINITY : k == 1 && !positive ? 0 : rnd.nextDouble(0.5, 200);
        b.addEdge(from, to, c);
      }
      graph = b.freeze();
    }
    return new RandomProblem(seed, grid, graph);
  }
}
