package lt.skydas.optimize.interdiction;

/**
 * Exact reference by enumeration of every plan of at most {@code budget} interdictable arcs. Only
 * for tiny instances (C(arcs, ≤ budget) shortest-path evaluations); tests compare solvers with it.
 */
public final class BruteForceInterdiction {
  private final InterdictionNetwork g;
  private final PathEvaluator eval;
  private final int[] candidates;
  private double best;
  private boolean[] bestPlan;

  public BruteForceInterdiction(InterdictionNetwork g) {
    this.g = g;
    this.eval = new PathEvaluator(g);
    int n = 0;
    for (boolean b : g.interdictable) {
      if (b) {
        n++;
      }
    }
    candidates = new int[n];
    n = 0;
    for (int a = 0; a < g.arcCount(); a++) {
      if (g.interdictable[a]) {
        candidates[n++] = a;
      }
    }
  }

  public InterdictionResult solve(int budget) {
    boolean[] x = new boolean[g.arcCount()];
    best = eval.value(x);
    bestPlan = x.clone();
    enumerate(x, 0, budget);
    return new InterdictionResult(best, GreedyInterdiction.arcsOf(bestPlan), best, "brute force");
  }

  private void enumerate(boolean[] x, int from, int left) {
    if (left == 0) {
      return;
    }
    for (int i = from; i < candidates.length; i++) {
      int a = candidates[i];
      x[a] = true;
      double v = eval.value(x);
      if (v > best) {
        best = v;
        bestPlan = x.clone();
      }
      enumerate(x, i + 1, left - 1);
      x[a] = false;
    }
  }
}
