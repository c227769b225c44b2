package lt.skydas.optimize;

import lt.skydas.optimize.model.BarrierModel;

/**
 * The warning of each scenario and the model at the planning warning alone (the model itself when
 * it plans for one warning).
 *
 * @param hours the warning times (NaN alone: the planning warning, not repeated)
 * @param primary index of the planning warning in {@code hours}
 * @param warningOf per scenario of the model: index into {@code hours}
 * @param primaryScenarios the model's scenarios at the planning warning, ascending
 * @param primaryModel those scenarios and their groups only (the same sites, options, budgets)
 */
public record ScenarioWarnings(
    double[] hours,
    int primary,
    int[] warningOf,
    int[] primaryScenarios,
    BarrierModel primaryModel) {

  /** True when the model plans for more than one warning time. */
  public boolean many() {
    return hours.length > 1;
  }

  /**
   * The objective at each warning ({@code hours} order): the groups of that warning, each at its
   * full weight (not divided by the warnings), over the given times of the model's scenarios.
   */
  public double[] objectiveByWarning(BarrierModel model, double[] times_s) {
    int nw = hours.length;
    double[] v = new double[nw];
    double[] agg = new double[model.groups().size()];
    int[] n = new int[agg.length];
    for (int g = 0; g < agg.length; g++) {
      agg[g] =
          model.groups().get(g).aggregate() == BarrierModel.Aggregate.MIN
              ? Double.POSITIVE_INFINITY
              : 0;
    }
    for (int i = 0; i < times_s.length; i++) {
      int g = model.scenarios().get(i).group();
      boolean min = model.groups().get(g).aggregate() == BarrierModel.Aggregate.MIN;
      agg[g] = min ? Math.min(agg[g], times_s[i]) : agg[g] + times_s[i];
      n[g]++;
    }
    for (int g = 0; g < agg.length; g++) {
      if (n[g] == 0) {
        continue;
      }
      BarrierModel.Group grp = model.groups().get(g);
      double a = grp.aggregate() == BarrierModel.Aggregate.MIN ? agg[g] : agg[g] / n[g];
      v[nw > 1 ? g % nw : 0] += grp.weight() * nw * a;
    }
    return v;
  }
}
