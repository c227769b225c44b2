package lt.skydas.emplace.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A proven upper bound on the on-time value any schedule of an {@link Instance} can reach: the
 * optimum of a linear relaxation, solved exactly by a greedy. Stateless.
 *
 * <p><b>Relaxation.</b> Let {@code y_j ∈ [0, 1]} stand for "job j is on time".
 *
 * <ol>
 *   <li><i>Alone.</i> {@code y_j = 0} unless some capable team, starting at its {@code ready_s}
 *       from home with nothing else to do, finishes j by its deadline: teams never wait and every
 *       other job before j only delays it.
 *   <li><i>Capacity.</i> Let {@code c_j} = min over capable teams k of (work of k at j + the
 *       shortest way into j: from k's home or from any other job's site, through j's depot), and
 *       {@code e_k} = max(0, min over the jobs j k can do of (way from k's home into j − shortest
 *       way into j from another site)). For every deadline level D: {@code Σ c_j y_j ≤ Cap(D) = Σ_k
 *       max(0, D − ready_k − e_k)} over the jobs with deadline ≤ D.
 * </ol>
 *
 * <p><b>Proof of (2).</b> In a team's order, job j occupies the interval from the previous finish
 * (or ready_k) to its own finish; its length is the way in plus the work, ≥ c_j. A team's intervals
 * are disjoint and start at ready_k. An on-time job with deadline ≤ D finishes by D, so its
 * interval lies in [ready_k, D]. If team k does any such job, its first job's interval also lies in
 * [ready_k, D], and it is at least e_k longer than that job's c_j if the job is one of them (its
 * way in is from home, c_j's may be from a site), or at least e_k long if it is not (way from home
 * ≥ e_k). So the c_j of k's on-time jobs with deadline ≤ D sum to at most max(0, D − ready_k −
 * e_k), over all teams at most Cap(D). Any schedule's on-time indicator satisfies (1) and (2), so
 * the LP optimum {@code max Σ v_j y_j} bounds its value.
 *
 * <p><b>Solving it.</b> With {@code z_j = c_j y_j} the constraints are capacities on a chain of
 * nested sets (jobs with deadline ≤ D) plus {@code 0 ≤ z_j ≤ c_j}: a laminar family, whose feasible
 * set is a polymatroid; the greedy algorithm — fill jobs by decreasing {@code v_j / c_j}, each as
 * far as every level containing it allows — maximises a non-negative linear function over a
 * polymatroid (Edmonds 1970). O(n log n + n·L) for L deadline levels.
 */
final class RelaxationBound {
  private RelaxationBound() {}

  static double of(Instance in) {
    boolean[] eligible = new boolean[in.n];
    double[] into = new double[in.n];
    double[] c = new double[in.n];
    for (int j = 0; j < in.n; j++) {
      into[j] = wayIn(in, j);
      c[j] = cost(in, j, into[j]);
      eligible[j] = aloneOnTime(in, j);
    }
    double[] start = new double[in.m];
    for (int k = 0; k < in.m; k++) {
      start[k] = in.ready_s[k] + firstExtra(in, k, into);
    }
    return greedy(in.value, c, in.deadline_s, eligible, start);
  }

  /**
   * The LP {@code max Σ v_j y_j} s.t. {@code 0 ≤ y_j ≤ [eligible_j]} and, for every finite deadline
   * D of an eligible job, {@code Σ c_j y_j ≤ Σ_k max(0, D − start_k)} over the jobs with deadline ≤
   * D, solved exactly by the greedy.
   *
   * @param c per job, > 0 where eligible
   * @param start per team: ready_k + e_k
   */
  static double greedy(
      double[] v, double[] c, double[] deadline_s, boolean[] eligible, double[] start) {
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < v.length; j++) {
      if (eligible[j]) {
        order.add(j);
      }
    }
    double[] levels =
        order.stream()
            .mapToDouble(j -> deadline_s[j])
            .filter(Double::isFinite)
            .distinct()
            .sorted()
            .toArray();
    double[] slack = new double[levels.length];
    for (int l = 0; l < levels.length; l++) {
      for (double s : start) {
        slack[l] += Math.max(0, levels[l] - s);
      }
    }
    order.sort((a, b) -> Double.compare(v[b] / c[b], v[a] / c[a]));
    double bound = 0;
    for (int j : order) {
      int first = Arrays.binarySearch(levels, deadline_s[j]);
      if (first < 0) {
        bound += v[j];
        continue;
      }
      double z = c[j];
      for (int l = first; l < levels.length; l++) {
        z = Math.min(z, slack[l]);
      }
      if (z <= 0) {
        continue;
      }
      for (int l = first; l < levels.length; l++) {
        slack[l] -= z;
      }
      bound += z >= c[j] * (1 - 1e-12) ? v[j] : v[j] * (z / c[j]);
    }
    return bound;
  }

  static boolean aloneOnTime(Instance in, int j) {
    for (int k = 0; k < in.m; k++) {
      if (in.finish(k, -1, in.ready_s[k], j) <= in.deadline_s[j]) {
        return true;
      }
    }
    return false;
  }

  /** The shortest way into j's depot (or site) from another job's site; +∞ if none. */
  static double wayIn(Instance in, int j) {
    double into = Double.POSITIVE_INFINITY;
    for (int i = 0; i < in.n; i++) {
      if (i != j) {
        into = Math.min(into, in.fromSite_s[i][j]);
      }
    }
    return into;
  }

  /**
   * e_k: how much longer than c_j team k's first job at least takes, max(0, min over the jobs k can
   * do of (way from home − way in from another site)).
   */
  static double firstExtra(Instance in, int k, double[] into) {
    double e = Double.POSITIVE_INFINITY;
    for (int j = 0; j < in.n; j++) {
      if (Double.isFinite(in.work_s[k][j]) && Double.isFinite(in.fromHome_s[k][j])) {
        e = Math.min(e, in.fromHome_s[k][j] - into[j]);
      }
    }
    return e == Double.POSITIVE_INFINITY ? 0 : Math.max(0, e);
  }

  /** c_j: the least time a team spends on j: way in (from a home or another site) plus its work. */
  private static double cost(Instance in, int j, double into) {
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < in.m; k++) {
      best = Math.min(best, in.work_s[k][j] + Math.min(into, in.fromHome_s[k][j]) + in.load_s[j]);
    }
    return best;
  }
}
