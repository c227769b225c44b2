package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;

/**
 * A plan brought within a model's budget rows by dropping options, least objective lost per unit of
 * excess relieved first: for the solver ({@link PlanSearch#repairBudgets}, a plan from a model with
 * fewer rows) and for callers outside it (the delay against warning time, {@code WarningCurve},
 * which measures the losses once and repairs many plans with them). Stateless.
 */
public final class BudgetRepair {
  private BudgetRepair() {}

  /** Per budget row of {@code m}: how far {@code plan} (per site its option or −1) is over, ≥ 0. */
  public static long[] excess(BarrierModel m, int[] plan) {
    long[] used = PlanConstraints.usage(m, plan);
    for (int r = 0; r < used.length; r++) {
      used[r] = Math.max(0, used[r] - m.budgets().get(r).limit());
    }
    return used;
  }

  /** The share of each over-full row's excess option {@code o} takes away, summed over the rows. */
  public static double relief(BarrierModel m, int o, long[] excess) {
    double f = 0;
    for (int r = 0; r < excess.length; r++) {
      long c = m.budgets().get(r).coefficient()[o];
      if (excess[r] > 0 && c > 0) {
        f += Math.min(c, excess[r]) / (double) excess[r];
      }
    }
    return f;
  }

  /**
   * The sites to empty, in order, so that every row of {@code m} holds: the candidates sorted by
   * loss per unit of relief at the start (ties: lower site), each taken while some row is over and
   * it still relieves one.
   *
   * @param plan per site its option, or −1 (not changed)
   * @param sites candidate sites (built, droppable)
   * @param loss per candidate: the objective lost by dropping it (negative counts as 0)
   * @throws IllegalStateException when the candidates cannot bring every row within its limit
   */
  public static int[] dropOrder(BarrierModel m, int[] plan, int[] sites, double[] loss) {
    long[] excess = excess(m, plan);
    int n = sites.length;
    Integer[] order = new Integer[n];
    double[] ratio = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      double f = relief(m, plan[sites[i]], excess);
      ratio[i] = f > 0 ? Math.max(0, loss[i]) / f : Double.POSITIVE_INFINITY;
    }
    Arrays.sort(
        order,
        (a, b) ->
            ratio[a] != ratio[b]
                ? Double.compare(ratio[a], ratio[b])
                : Integer.compare(sites[a], sites[b]));
    long[] used = PlanConstraints.usage(m, plan);
    int[] drop = new int[n];
    int k = 0;
    for (int i = 0; i < n && over(excess); i++) {
      int o = plan[sites[order[i]]];
      if (relief(m, o, excess) > 0) {
        for (int r = 0; r < excess.length; r++) {
          used[r] -= m.budgets().get(r).coefficient()[o];
          excess[r] = Math.max(0, used[r] - m.budgets().get(r).limit());
        }
        drop[k++] = sites[order[i]];
      }
    }
    if (over(excess)) {
      throw new IllegalStateException("the options that may go cannot bring every row within");
    }
    return Arrays.copyOf(drop, k);
  }

  private static boolean over(long[] excess) {
    for (long e : excess) {
      if (e > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per site of {@code sites}: the objective lost by emptying it alone in {@code plan}, measured
   * with {@code workers} threads.
   */
  public static double[] losses(BarrierModel m, int[] plan, int[] sites, int workers) {
    try (PlanSearch ps = new PlanSearch(ModelIndex.of(m), workers)) {
      ps.reset(plan);
      return ps.dropLosses(sites);
    }
  }
}
