package lt.skydas.optimize.solve;

import java.util.List;
import lt.skydas.optimize.model.BarrierModel;

/**
 * The one definition of a {@link BarrierModel}'s objective for given scenario times: {@code Σ_g
 * weight_g · agg_g(L_σ : σ in g)}, where {@code agg} is the minimum ({@link
 * BarrierModel.Aggregate#MIN}) or the mean ({@link BarrierModel.Aggregate#MEAN}) over the group's
 * scenarios, taken in scenario order; a group without scenarios contributes nothing. The solvers
 * use it on the corridor graph's times ({@link ModelIndex}), the pipeline on the times the full
 * model verifies, so the two figures are comparable by construction.
 *
 * <p>Immutable and thread-safe; the group arrays are shared read-only with {@link ModelIndex}.
 */
public final class ModelObjective {
  /** Per scenario: its group. */
  final int[] scenarioGroup;

  /** Per group: its scenarios in ascending order. */
  final int[][] groupScenarios;

  /** Per group: its weight (finite, >= 0). */
  final double[] groupWeight;

  /** Per group: true when the group takes the minimum, false for the mean. */
  final boolean[] groupMin;

  private ModelObjective(BarrierModel model) {
    List<BarrierModel.Group> groups = model.groups();
    groupWeight = new double[groups.size()];
    groupMin = new boolean[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      groupWeight[g] = groups.get(g).weight();
      groupMin[g] = groups.get(g).aggregate() == BarrierModel.Aggregate.MIN;
      if (!Double.isFinite(groupWeight[g]) || groupWeight[g] < 0) {
        throw new IllegalArgumentException("group " + groups.get(g).name() + ": bad weight");
      }
    }
    int scenarios = model.scenarios().size();
    scenarioGroup = new int[scenarios];
    int[] count = new int[groups.size()];
    for (int k = 0; k < scenarios; k++) {
      scenarioGroup[k] = model.scenarios().get(k).group();
      count[scenarioGroup[k]]++;
    }
    groupScenarios = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      groupScenarios[g] = new int[count[g]];
      count[g] = 0;
    }
    for (int k = 0; k < scenarios; k++) {
      groupScenarios[scenarioGroup[k]][count[scenarioGroup[k]]++] = k;
    }
  }

  /**
   * The objective of {@code model}.
   *
   * @throws IllegalArgumentException if a group's weight is not finite or negative
   */
  public static ModelObjective of(BarrierModel model) {
    return new ModelObjective(model);
  }

  /**
   * The objective for the given times.
   *
   * @param times_s per scenario of the model, the attacker's time (seconds; +Inf allowed)
   */
  public double value(double[] times_s) {
    double total = 0;
    for (int g = 0; g < groupScenarios.length; g++) {
      total += groupWeight[g] * groupValue(g, times_s);
    }
    return total;
  }

  /** The aggregate (minimum or mean) of group {@code g}'s scenario times; 0 for an empty group. */
  public double groupValue(int g, double[] times_s) {
    int[] sc = groupScenarios[g];
    if (sc.length == 0) {
      return 0;
    }
    if (groupMin[g]) {
      double m = Double.POSITIVE_INFINITY;
      for (int k : sc) {
        m = Math.min(m, times_s[k]);
      }
      return m;
    }
    double sum = 0;
    for (int k : sc) {
      sum += times_s[k];
    }
    return sum / sc.length;
  }
}
