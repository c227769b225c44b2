package lt.skydas.emplace;

import java.util.Arrays;
import lt.skydas.assess.AssessmentOptions;
import lt.skydas.emplace.schedule.SchedulerOptions;

/**
 * Options of an emplacement run. Immutable.
 *
 * @param assessment classes, seasons, speeds, threads and watch options of the attacker's side
 * @param scheduler the scheduler's options (time limit, exact-size threshold, seed)
 * @param curve_h warning times (hours, ascending, each within 0..720) of the delay curve; empty for
 *     none
 */
public record EmplaceOptions(
    AssessmentOptions assessment, SchedulerOptions scheduler, double[] curve_h) {

  /** The default curve: 0 to 72 h. */
  public static final double[] DEFAULT_CURVE_H = {0, 3, 6, 12, 18, 24, 36, 48, 72};

  /** Largest warning time accepted, hours (30 days). */
  public static final double MAX_WARNING_H = 720;

  public EmplaceOptions {
    curve_h = curve_h.clone();
    for (int i = 0; i < curve_h.length; i++) {
      checkWarning(curve_h[i]);
      if (i > 0 && !(curve_h[i] > curve_h[i - 1])) {
        throw new IllegalArgumentException(
            "curve warning times must rise: " + Arrays.toString(curve_h));
      }
    }
  }

  /**
   * The scheduler's time limit per solve by default, s: a curve solves once per season and warning
   * time, and the heuristic converges on the real region in 2–4 s.
   */
  public static final double DEFAULT_SCHEDULE_TIME_S = 5;

  /** Defaults: every class and season, the scheduler with 5 s per solve, the 0–72 h curve. */
  public static EmplaceOptions defaults() {
    return new EmplaceOptions(
        AssessmentOptions.defaults(),
        SchedulerOptions.builder().withTimeLimit_s(DEFAULT_SCHEDULE_TIME_S).build(),
        DEFAULT_CURVE_H);
  }

  /**
   * Refuses a warning time that is negative, not a number or beyond {@link #MAX_WARNING_H}.
   *
   * @throws IllegalArgumentException naming the value
   */
  public static void checkWarning(double h) {
    if (!(h >= 0 && h <= MAX_WARNING_H)) {
      throw new IllegalArgumentException(
          "warning time must be within 0.." + (int) MAX_WARNING_H + " h, not " + h);
    }
  }

  @Override
  public double[] curve_h() {
    return curve_h.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmplaceOptions e
        && e.assessment.equals(assessment)
        && e.scheduler.equals(scheduler)
        && Arrays.equals(e.curve_h, curve_h);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * assessment.hashCode() + scheduler.hashCode()) + Arrays.hashCode(curve_h);
  }

  @Override
  public String toString() {
    return "EmplaceOptions["
        + assessment
        + ", "
        + scheduler
        + ", "
        + Arrays.toString(curve_h)
        + "]";
  }
}
