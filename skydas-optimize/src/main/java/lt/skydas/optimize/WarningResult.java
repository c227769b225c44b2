package lt.skydas.optimize;

import java.util.List;
import lt.skydas.plan.SensorSite;

/**
 * What the minimum-warning step found and bought ({@link WarningStep}), and the warning the final
 * plan's sensors verifiably give. Immutable.
 *
 * @param added the sensors bought for warning (in the plan's sensors)
 * @param cost_eur their purchase plus upkeep over the programme
 * @param candidates candidate sensors offered
 * @param optimal the covering problem was proven optimal (true when nothing was short)
 * @param planned per avenue with a minimum, on the plan before the purchase: met, met by the added
 *     sensors, or unmet with the reason
 * @param verified per avenue with a minimum, on the final plan's verified avenues and sensors
 */
public record WarningResult(
    List<SensorSite> added,
    double cost_eur,
    int candidates,
    boolean optimal,
    List<Row> planned,
    List<Row> verified) {
  public WarningResult {
    added = List.copyOf(added);
    planned = List.copyOf(planned);
    verified = List.copyOf(verified);
  }

  /**
   * One case's fastest avenue toward one objective.
   *
   * @param warning_h hours from the first detection by a plan sensor to the arrival; 0 if never
   *     seen
   * @param status {@link WarningStep#MET}, {@link WarningStep#BOUGHT} or {@link WarningStep#UNMET}
   * @param reason for an unmet avenue: why, in words; empty otherwise
   */
  public record Row(
      String caseId,
      String objectiveId,
      double required_h,
      double arrival_h,
      double warning_h,
      String status,
      String reason) {
    /** Seen early enough. */
    public boolean met() {
      return warning_h >= required_h - 1e-9;
    }
  }

  /** No minimum asked. */
  public static WarningResult none() {
    return new WarningResult(List.of(), 0, 0, true, List.of(), List.of());
  }

  /** True when a minimum was asked. */
  public boolean enabled() {
    return !planned.isEmpty() || !verified.isEmpty();
  }

  /** Verified avenues seen early enough. */
  public long verifiedMet() {
    return verified.stream().filter(Row::met).count();
  }
}
