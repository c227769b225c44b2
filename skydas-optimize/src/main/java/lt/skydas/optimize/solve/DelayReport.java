package lt.skydas.optimize.solve;

/**
 * Attacker times of a plan against the empty plan, per scenario and per objective group (groups
 * aggregate their scenarios by minimum or mean, as the model says). Arrays are copied on
 * construction; callers must not modify the arrays the accessors return.
 *
 * @param baseline_s per scenario: {@code L_σ} of the empty plan
 * @param length_s per scenario: {@code L_σ} of the plan
 * @param groupBaseline_s per group: aggregate of the baseline times
 * @param groupLength_s per group: aggregate of the plan's times
 * @param baselineObjective objective of the empty plan
 * @param objective objective of the plan
 * @param groups number of groups
 */
public record DelayReport(
    double[] baseline_s,
    double[] length_s,
    double[] groupBaseline_s,
    double[] groupLength_s,
    double baselineObjective,
    double objective,
    int groups) {

  public DelayReport {
    baseline_s = baseline_s.clone();
    length_s = length_s.clone();
    groupBaseline_s = groupBaseline_s.clone();
    groupLength_s = groupLength_s.clone();
  }

  /** Delay bought in scenario {@code k}, seconds. */
  public double delay_s(int k) {
    return length_s[k] - baseline_s[k];
  }

  /** Delay bought in group {@code g} (on its aggregate), seconds. */
  public double groupDelay_s(int g) {
    return groupLength_s[g] - groupBaseline_s[g];
  }

  /** Objective gained over the empty plan. */
  public double objectiveGain() {
    return objective - baselineObjective;
  }
}
