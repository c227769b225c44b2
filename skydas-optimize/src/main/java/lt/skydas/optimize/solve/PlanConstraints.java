package lt.skydas.optimize.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lt.skydas.optimize.model.BarrierModel;

/**
 * Feasibility of plans (an {@code int[]} with the chosen option per site, -1 for none): every
 * budget row holds, at most one option per site (implied by the representation; the option must be
 * of that site), every forced option is chosen, every chosen watched option has a chosen covering
 * sensor ({@link BarrierModel.Link}).
 */
public final class PlanConstraints {
  /** Name used for the one-option-per-site rule in {@link InfeasiblePlanException}. */
  public static final String ONE_PER_SITE = "one option per site";

  private PlanConstraints() {}

  /** The plan of only the forced options. */
  public static int[] forcedChoice(BarrierModel model) {
    requireForcedFeasible(model);
    int[] c = new int[model.sites().size()];
    Arrays.fill(c, -1);
    for (int o = 0; o < model.options().size(); o++) {
      if (model.options().get(o).forced()) {
        c[model.options().get(o).site()] = o;
      }
    }
    return c;
  }

  /**
   * Checks that some plan exists: the forced options fit every budget row and no site has two.
   *
   * @throws InfeasiblePlanException naming the first violated constraint
   */
  public static void requireForcedFeasible(BarrierModel model) {
    int[] at = new int[model.sites().size()];
    Arrays.fill(at, -1);
    for (int o = 0; o < model.options().size(); o++) {
      BarrierModel.Option op = model.options().get(o);
      if (op.forced()) {
        if (at[op.site()] >= 0) {
          throw new InfeasiblePlanException(
              ONE_PER_SITE,
              2,
              1,
              "site "
                  + model.sites().get(op.site())
                  + " has two forced options ("
                  + model.options().get(at[op.site()]).type()
                  + ", "
                  + op.type()
                  + "); at most one option per site");
        }
        at[op.site()] = o;
      }
    }
    for (BarrierModel.Budget b : model.budgets()) {
      long used = 0;
      for (int o = 0; o < model.options().size(); o++) {
        if (model.options().get(o).forced()) {
          used += b.coefficient()[o];
        }
      }
      if (used > b.limit()) {
        throw new InfeasiblePlanException(
            b.name(),
            used,
            b.limit(),
            "the forced options alone need "
                + used
                + " of \""
                + b.name()
                + "\", which allows "
                + b.limit()
                + "; unpin some or raise the limit");
      }
    }
  }

  /** Per budget row, what the plan uses. */
  public static long[] usage(BarrierModel model, int[] choice) {
    long[] u = new long[model.budgets().size()];
    for (int r = 0; r < u.length; r++) {
      long[] coef = model.budgets().get(r).coefficient();
      for (int o : choice) {
        if (o >= 0) {
          u[r] += coef[o];
        }
      }
    }
    return u;
  }

  /** Human-readable violations of the plan; empty when it is feasible. */
  public static List<String> violations(BarrierModel model, int[] choice) {
    List<String> v = new ArrayList<>();
    if (choice.length != model.sites().size()) {
      v.add("plan has " + choice.length + " entries for " + model.sites().size() + " sites");
      return v;
    }
    for (int s = 0; s < choice.length; s++) {
      int o = choice[s];
      if (o < -1 || o >= model.options().size() || (o >= 0 && model.options().get(o).site() != s)) {
        v.add("site " + s + ": option " + o + " is not one of its options");
        return v;
      }
    }
    long[] u = usage(model, choice);
    for (int r = 0; r < u.length; r++) {
      BarrierModel.Budget b = model.budgets().get(r);
      if (u[r] > b.limit()) {
        v.add("budget \"" + b.name() + "\": " + u[r] + " > " + b.limit());
      }
    }
    for (int o = 0; o < model.options().size(); o++) {
      BarrierModel.Option op = model.options().get(o);
      if (op.forced() && choice[op.site()] != o) {
        v.add("forced option " + o + " (" + op.type() + ") is missing");
      }
    }
    for (BarrierModel.Link l : model.links()) {
      if (choice[model.options().get(l.option()).site()] != l.option()) {
        continue;
      }
      boolean covered = false;
      for (int j : l.sensors()) {
        covered |= choice[model.options().get(j).site()] == j;
      }
      if (!covered) {
        v.add("watched option " + l.option() + " without a covering sensor");
      }
    }
    return v;
  }
}
