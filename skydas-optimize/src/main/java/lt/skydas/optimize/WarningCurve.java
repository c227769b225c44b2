package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.optimize.solve.BudgetRepair;
import lt.skydas.optimize.solve.PlanEvaluator;
import lt.skydas.plan.ObstacleType;

/**
 * Pipeline step "the plan's delay against warning time" (issue 15), on the corridor model, so that
 * the optimiser's report can draw the curve a minister asks for without the minutes of the full
 * timeline and race ({@code skydas emplace --curve} gives those).
 *
 * <p>At each warning time {@code W}: {@link EmplacementStep} at {@code W} (the same sites,
 * arrivals, forces and road travel as the planning step) says which of the plan's reserved and
 * crisis-laid options the nearest capable team can finish before the attacker arrives, and gives
 * the engineer-capacity rows at {@code W}; the options that cannot be in time go (pins too: they
 * stand prepared but are not in place); when the rest breaks a capacity row, options are dropped by
 * least objective lost per unit of excess ({@link BudgetRepair}) — the engineers lay what buys most
 * first. Permanent obstacles and sensors always count. The value is the model objective of what
 * stays, and per objective group (vehicle class and objective, worst season) the delay against the
 * empty plan.
 *
 * <p><b>Monotone.</b> What is in place at {@code W} is in place at any {@code W' > W} (the same
 * orders, every deadline later), so each point is the best of itself and the points before it. The
 * capacity rows count work alone: the curve is optimistic on team capacity as the model is.
 */
final class WarningCurve {
  private WarningCurve() {}

  /** The warning times of every curve, hours; the planning warning is added. */
  static final double[] HOURS = {0, 6, 12, 24, 36, 48, 72};

  /**
   * One point.
   *
   * @param warning_h the warning time
   * @param objective the model objective of what is in place
   * @param share that objective's delay as a share of the whole plan's (0..1; 1 when all is in)
   * @param delayByGroup_h per objective group: delay against the empty plan, hours
   * @param inPlace on-warning options of the plan in place
   * @param onWarning on-warning options of the plan
   * @param fromEarlier the point is an earlier point's (what was in place then is still in place)
   */
  record Point(
      double warning_h,
      double objective,
      double share,
      Map<String, Double> delayByGroup_h,
      int inPlace,
      int onWarning,
      boolean fromEarlier) {
    Point {
      delayByGroup_h = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(delayByGroup_h));
    }
  }

  /**
   * The curve of the chosen options at {@link #HOURS} and {@code planning_h}, ascending.
   *
   * @param m the model (its sites first in the order of {@code in.sites()}, then sensor sites)
   * @param chosen per option: in the plan
   * @param in the planning step's input (its warning time is replaced)
   * @param threads threads for the loss measurements
   */
  static List<Point> of(
      BarrierModel m, boolean[] chosen, EmplacementStep.Input in, double planning_h, int threads) {
    PlanEvaluator ev = new PlanEvaluator(m);
    int[] empty = new int[m.sites().size()];
    java.util.Arrays.fill(empty, -1);
    double[] emptyLen = ev.lengths(empty);
    double emptyObj = ev.objective(emptyLen);
    double fullObj = ev.objective(chosen);
    boolean[] onWarning = onWarningOptions(m, chosen, in);
    int total = 0;
    for (boolean b : onWarning) {
      total += b ? 1 : 0;
    }
    // the loss of each on-warning option, measured once on the whole plan (stale for the smaller
    // plans of short warnings: an order of priority, not a promise)
    int[] whole = PlanEvaluator.choiceOf(m, chosen);
    int[] candidates =
        java.util.stream.IntStream.range(0, whole.length)
            .filter(
                s -> whole[s] >= 0 && onWarning[whole[s]] && !m.options().get(whole[s]).forced())
            .toArray();
    double[] loss =
        candidates.length == 0 ? new double[0] : BudgetRepair.losses(m, whole, candidates, threads);
    TreeSet<Double> hours = new TreeSet<>();
    for (double h : HOURS) {
      hours.add(h);
    }
    hours.add(planning_h);
    List<Point> points = new ArrayList<>();
    Point best = null;
    for (double w : hours) {
      EmplacementStep.Outcome out =
          EmplacementStep.run(
              new EmplacementStep.Input(
                  in.sites(), in.pinnedSites(), in.arrival_s(), in.forces(), in.seasons(), w));
      int[] plan = PlanEvaluator.choiceOf(m, chosen);
      for (int o = 0; o < chosen.length; o++) {
        BarrierModel.Option op = m.options().get(o);
        if (onWarning[o] && !inTime(out, op)) {
          plan[op.site()] = -1;
        }
      }
      BarrierModel rows = rowsModel(m, out.rows());
      int n = 0;
      int[] still = new int[candidates.length];
      double[] stillLoss = new double[candidates.length];
      for (int i = 0; i < candidates.length; i++) {
        if (plan[candidates[i]] >= 0) {
          still[n] = candidates[i];
          stillLoss[n++] = loss[i];
        }
      }
      for (int s :
          BudgetRepair.dropOrder(
              rows,
              plan,
              java.util.Arrays.copyOf(still, n),
              java.util.Arrays.copyOf(stillLoss, n))) {
        plan[s] = -1;
      }
      double[] len = ev.lengths(plan);
      double obj = ev.objective(len);
      int in_ = 0;
      for (int o = 0; o < chosen.length; o++) {
        in_ += onWarning[o] && plan[m.options().get(o).site()] == o ? 1 : 0;
      }
      Point p =
          new Point(
              w,
              obj,
              share(obj, emptyObj, fullObj),
              groupDelays(m, len, emptyLen),
              in_,
              total,
              false);
      if (best != null && best.objective() > p.objective()) {
        p =
            new Point(
                w,
                best.objective(),
                best.share(),
                best.delayByGroup_h(),
                Math.max(best.inPlace(), in_),
                total,
                true);
      }
      best = p;
      points.add(p);
    }
    return points;
  }

  /** Per option: chosen, and of a reserved or crisis-laid type at an obstacle site. */
  private static boolean[] onWarningOptions(
      BarrierModel m, boolean[] chosen, EmplacementStep.Input in) {
    boolean[] w = new boolean[chosen.length];
    for (int o = 0; o < chosen.length; o++) {
      BarrierModel.Option op = m.options().get(o);
      if (!chosen[o] || op.site() >= in.sites().size()) {
        continue;
      }
      for (ObstacleType t : in.sites().get(op.site()).types()) {
        if (t.id().equals(op.type()) && t.emplacement().onWarning()) {
          w[o] = true;
        }
      }
    }
    return w;
  }

  /** The nearest capable team finishes it before the attacker comes (never comes: in time). */
  private static boolean inTime(EmplacementStep.Outcome out, BarrierModel.Option op) {
    EmplacementStep.OptionWork w = out.work().getOrDefault(op.site(), Map.of()).get(op.type());
    return w != null && w.finish_s() <= w.deadline_s();
  }

  /** {@code m} with the capacity rows as its only budget rows (limits raised to the forced use). */
  private static BarrierModel rowsModel(BarrierModel m, List<ModelFactory.WorkRow> rows) {
    List<BarrierModel.Budget> budgets = new ArrayList<>();
    for (ModelFactory.WorkRow r : rows) {
      long[] c = new long[m.options().size()];
      long forced = 0;
      for (int o = 0; o < c.length; o++) {
        BarrierModel.Option op = m.options().get(o);
        c[o] = op.site() < m.sites().size() ? r.of(op) : 0;
        forced += op.forced() ? c[o] : 0;
      }
      budgets.add(new BarrierModel.Budget(r.name(), c, Math.max(r.limit(), forced)));
    }
    return new BarrierModel(m.sites(), m.options(), m.groups(), m.scenarios(), budgets, m.links());
  }

  private static double share(double obj, double emptyObj, double fullObj) {
    return fullObj - emptyObj > 1e-12
        ? Math.max(0, Math.min(1, (obj - emptyObj) / (fullObj - emptyObj)))
        : 1;
  }

  /** Per group: its aggregate time with the plan less without it, hours. */
  static Map<String, Double> groupDelays(BarrierModel m, double[] len, double[] emptyLen) {
    Map<String, Double> d = new LinkedHashMap<>();
    for (int g = 0; g < m.groups().size(); g++) {
      double a = aggregate(m, g, len);
      double b = aggregate(m, g, emptyLen);
      if (Double.isFinite(a) && Double.isFinite(b)) {
        d.put(m.groups().get(g).name(), (a - b) / 3600);
      }
    }
    return d;
  }

  private static double aggregate(BarrierModel m, int g, double[] len) {
    boolean min = m.groups().get(g).aggregate() == BarrierModel.Aggregate.MIN;
    double v = min ? Double.POSITIVE_INFINITY : 0;
    int n = 0;
    for (int k = 0; k < m.scenarios().size(); k++) {
      if (m.scenarios().get(k).group() == g) {
        v = min ? Math.min(v, len[k]) : v + len[k];
        n++;
      }
    }
    return n == 0 ? Double.NaN : min ? v : v / n;
  }
}
