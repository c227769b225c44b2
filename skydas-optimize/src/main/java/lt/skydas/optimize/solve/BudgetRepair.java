package lt.skydas.optimize.solve;

import java.util.Arrays;
import lt.skydas.optimize.model.BarrierModel;

/**
 * A plan brought within a model's budget rows by dropping options, least objective lost per unit of
 * excess relieved first: for the solver ({@link #repair}, a plan from a model with fewer rows) and
 * for callers outside it (the delay against warning time, {@code WarningCurve}, which measures the
 * losses once and repairs many plans with them). Stateless.
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

  /**
   * Drops options of {@code ps}'s plan until every budget row holds (a plan from a model with fewer
   * rows, {@link ExactSolver#solveFrom}). The loss of dropping each built, non-forced option that
   * uses an over-full row is measured once, on the plan as given; options then go in increasing
   * order of loss per unit of relief (the share of each over-full row's excess the option takes
   * away, summed), until no row is over. Suppliers (depot sites) are kept (dropping one frees no
   * row); sensors and suppliers left idle go after. One batch of {@link PlanSearch#dropLosses} and
   * no more: the losses are stale after the first drop, and the greedy and local search that follow
   * put back what fits. Losses are measured only until {@code deadline} ({@link System#nanoTime}):
   * an option not measured by then counts as losing as much as the most any measured one loses
   * (kept while measured ones can go), and as 1 when none was.
   *
   * @return the number of options dropped
   */
  static int repair(PlanSearch ps, long deadline) {
    ModelIndex ix = ps.ix;
    long[] excess = excess(ix.model, ps.choice);
    if (Arrays.stream(excess).allMatch(e -> e == 0)) {
      return 0;
    }
    int n = 0;
    int[] some = new int[ix.sites];
    for (int s = 0; s < ix.sites; s++) {
      int o = ps.choice[s];
      if (o >= 0
          && ix.forcedAt[s] < 0
          && !ix.sensor[o]
          && !ix.supplier[o]
          && relief(ix.model, o, excess) > 0) {
        some[n++] = s;
      }
    }
    int[] sites = Arrays.copyOf(some, n);
    double[] loss = ps.dropLosses(sites, deadline);
    double most = Double.NEGATIVE_INFINITY;
    for (double l : loss) {
      most = Double.isNaN(l) ? most : Math.max(most, l);
    }
    for (int i = 0; i < loss.length; i++) {
      loss[i] = Double.isNaN(loss[i]) ? (most == Double.NEGATIVE_INFINITY ? 1 : most) : loss[i];
    }
    int[] drop = dropOrder(ix.model, ps.choice, sites, loss);
    for (int s : drop) {
      ps.apply(s, -1);
    }
    PlanCompanions.dropIdle(ps);
    return drop.length;
  }
}
