package lt.skydas.emplace.schedule;

import java.util.Objects;

/**
 * One engineer team of the scheduling problem: a crew with its vehicles, starting at location
 * {@code home} (an index of the problem's {@link Travel} locations) and free to move from {@code
 * ready_s} after the warning (its unit's readiness delay). Immutable.
 *
 * @param id unique within the problem
 * @param unitId the unit it belongs to (for reports)
 * @param teamType the type its work durations are keyed by ({@link Job#work_s})
 */
public record Team(String id, String unitId, String teamType, int home, double ready_s) {
  public Team {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(teamType, "teamType");
    if (home < 0) {
      throw new IllegalArgumentException("team " + id + ": home location " + home + " < 0");
    }
    if (!(ready_s >= 0 && Double.isFinite(ready_s))) {
      throw new IllegalArgumentException("team " + id + ": ready_s must be ≥ 0, not " + ready_s);
    }
  }
}
