package lt.skydas.optimize.interdiction;

/**
 * Fast heuristic for cardinality-budget shortest-path interdiction: greedy, then swaps. Greedy
 * adds, budget times, the arc of the current shortest path whose interdiction lengthens the
 * shortest path most (only arcs on it can help). Swaps then replace an interdicted arc by an arc of
 * the current shortest path while that strictly improves the value. Its value is a lower bound on
 * the optimum (exact for budget 1). Not thread-safe (holds an evaluator).
 */
public final class GreedyInterdiction {
  private final InterdictionNetwork g;
  private final PathEvaluator eval;
  private long evaluations;

  public GreedyInterdiction(InterdictionNetwork g) {
    this.g = g;
    this.eval = new PathEvaluator(g);
  }

  /** Number of shortest-path evaluations made so far. */
  public long evaluations() {
    return evaluations;
  }

  public InterdictionResult solve(int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0");
    }
    boolean[] x = new boolean[g.arcCount()];
    int used = 0;
    double value = value(x);
    int[] path = eval.lastPath();
    while (used < budget) {
      // best value; among equal values the larger delay (ties between equally short paths must
      // be broken one arc at a time, and an interdiction never shortens a path)
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int a : path) {
        if (!g.interdictable[a] || x[a]) {
          continue;
        }
        x[a] = true;
        double v = value(x);
        x[a] = false;
        if (v > bestValue || (v == bestValue && g.delay[a] > g.delay[best])) {
          bestValue = v;
          best = a;
        }
      }
      if (best < 0) {
        break;
      }
      x[best] = true;
      used++;
      value = value(x);
      path = eval.lastPath();
    }
    // swaps: move one interdiction onto the current shortest path while it improves
    boolean improved = true;
    while (improved) {
      improved = false;
      value = value(x);
      path = eval.lastPath();
      outer:
      for (int out = 0; out < x.length; out++) {
        if (!x[out]) {
          continue;
        }
        for (int in : path) {
          if (!g.interdictable[in] || x[in]) {
            continue;
          }
          x[out] = false;
          x[in] = true;
          double v = value(x);
          if (v > value + 1e-9) {
            improved = true;
            break outer;
          }
          x[in] = false;
          x[out] = true;
        }
      }
    }
    value = value(x);
    return new InterdictionResult(value, arcsOf(x), Double.POSITIVE_INFINITY, "greedy+swap");
  }

  private double value(boolean[] x) {
    evaluations++;
    return eval.value(x);
  }

  static int[] arcsOf(boolean[] x) {
    int n = 0;
    for (boolean b : x) {
      if (b) {
        n++;
      }
    }
    int[] a = new int[n];
    n = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i]) {
        a[n++] = i;
      }
    }
    return a;
  }
}
