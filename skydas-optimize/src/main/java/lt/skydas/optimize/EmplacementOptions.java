package lt.skydas.optimize;

import java.nio.file.Path;
import lt.skydas.emplace.EmplaceOptions;

/**
 * How {@code skydas optimize} counts obstacles that are put in place only when warning comes
 * (reserved and crisis-laid types, issue 15): at a planning warning time, an on-warning option
 * counts only where the forces can finish it before the attacker arrives ({@link EmplacementStep}).
 * Immutable.
 *
 * @param enabled the emplacement model (off: every type counts in full, as built in its programme
 *     year: the model before issue 15)
 * @param planningWarning_h the planning warning time, hours within 0..{@value
 *     EmplaceOptions#MAX_WARNING_H}; NaN for the default ({@link #warning_h()})
 * @param warningFloor_h the least warning time planned for by default, hours within 0..720
 * @param forcesFile the forces file (depots, engineer units); null for the shipped defaults
 * @param verify after the verification, run the emplacement timeline and race on the final plan at
 *     the planning warning ({@link EmplacementCheck}; about a minute on the real region)
 * @param alsoWarnings_h more warning times to plan for besides the planning warning, hours within
 *     0..{@value EmplaceOptions#MAX_WARNING_H}, ascending, none twice (empty: the planning warning
 *     alone): the model's objective is then the mean over all of them of the delay at each ({@link
 *     #warnings_h})
 */
public record EmplacementOptions(
    boolean enabled,
    double planningWarning_h,
    double warningFloor_h,
    Path forcesFile,
    boolean verify,
    java.util.List<Double> alsoWarnings_h) {

  /**
   * The default floor, hours: a day. The plan's sensors watch the border and see the attacker
   * minutes before he crosses (tactical warning), far too late for engineers with a readiness of
   * hours; what a planner can count on is strategic warning (intelligence, mobilisation seen across
   * the border), assumed here to be at least a day.
   */
  public static final double DEFAULT_FLOOR_H = 24;

  public EmplacementOptions {
    if (!Double.isNaN(planningWarning_h)) {
      EmplaceOptions.checkWarning(planningWarning_h);
    }
    EmplaceOptions.checkWarning(warningFloor_h);
    alsoWarnings_h = java.util.List.copyOf(alsoWarnings_h);
    for (int i = 0; i < alsoWarnings_h.size(); i++) {
      EmplaceOptions.checkWarning(alsoWarnings_h.get(i));
      if (i > 0 && !(alsoWarnings_h.get(i) > alsoWarnings_h.get(i - 1))) {
        throw new IllegalArgumentException("more warning times must rise, none twice");
      }
    }
  }

  /** As above, planning for the planning warning alone. */
  public EmplacementOptions(
      boolean enabled,
      double planningWarning_h,
      double warningFloor_h,
      Path forcesFile,
      boolean verify) {
    this(enabled, planningWarning_h, warningFloor_h, forcesFile, verify, java.util.List.of());
  }

  /**
   * Every warning time the model plans for, ascending, none twice: the planning warning ({@link
   * #warning_h()}) and {@link #alsoWarnings_h}.
   */
  public double[] warnings_h() {
    java.util.TreeSet<Double> all = new java.util.TreeSet<>(alsoWarnings_h);
    all.add(warning_h());
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The emplacement model on, at the default planning warning, with the shipped forces. */
  public static EmplacementOptions defaults() {
    return new EmplacementOptions(true, Double.NaN, DEFAULT_FLOOR_H, null, false);
  }

  /** The model before issue 15: every type counts in full. */
  public static EmplacementOptions none() {
    return new EmplacementOptions(false, Double.NaN, DEFAULT_FLOOR_H, null, false);
  }

  /**
   * The warning time the model plans for, hours: the given planning warning, else what the plan's
   * sensors give but at least the floor. The sensors' warning is tactical (minutes, see {@link
   * WarningStep}), so the default is the floor.
   */
  public double warning_h() {
    return Double.isNaN(planningWarning_h) ? warningFloor_h : planningWarning_h;
  }
}
