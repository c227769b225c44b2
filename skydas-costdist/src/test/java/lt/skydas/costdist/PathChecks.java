package lt.skydas.costdist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Predecessor-chain validation shared by tests. */
final class PathChecks {
  private PathChecks() {}

  /**
   * For every settled node: its predecessor is settled and some move p->v reproduces the cost
   * exactly; following predecessors reaches a source whose initial cost equals its arrival cost;
   * the summed move costs along the chain equal the arrival cost within 1e-9 relative.
   */
  static void checkPredecessors(
      String ctx, CostDistanceSearch s, ReferenceDijkstra ref, int[] src, double[] init, int n) {
    for (int v = 0; v < n; v++) {
      if (!s.isSettled(v)) {
        assertThat(s.predecessor(v)).as(ctx).isEqualTo(-1);
        continue;
      }
      double sum = 0;
      int cur = v;
      int steps = 0;
      while (s.predecessor(cur) >= 0) {
        int p = s.predecessor(cur);
        assertThat(s.isSettled(p)).as(ctx + " pred settled " + p).isTrue();
        double step = exactStep(ref, p, cur, s.cost(p), s.cost(cur));
        if (Double.isNaN(step)) {
          fail(ctx + " no move " + p + "->" + cur + " reproduces cost " + s.cost(cur));
        }
        sum += step;
        cur = p;
        if (++steps > n) {
          fail(ctx + " predecessor cycle at " + v);
        }
      }
      boolean isSource = false;
      for (int i = 0; i < src.length; i++) {
        if (src[i] == cur && (init == null ? 0 : init[i]) == s.cost(cur)) {
          isSource = true;
        }
      }
      assertThat(isSource).as(ctx + " chain of " + v + " ends at source, got " + cur).isTrue();
      double total = s.cost(cur) + sum;
      double c = s.cost(v);
      assertThat(Math.abs(total - c)).as(ctx + " path sum " + v).isLessThanOrEqualTo(1e-9 * c);
      assertThat(s.path(v)[0]).isEqualTo(cur);
      assertThat(s.path(v)[s.path(v).length - 1]).isEqualTo(v);
    }
  }

  private static double exactStep(ReferenceDijkstra ref, int p, int v, double costP, double costV) {
    double[] found = {Double.NaN};
    ref.forEachMove(
        p,
        (b, c) -> {
          if (b == v && costP + c == costV) {
            found[0] = c;
          }
        });
    return found[0];
  }
}
