package lt.skydas.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * A broken humanitarian rule.
 *
 * @param rule {@link Rule}
 * @param obstacleId the obstacle that breaks it
 * @param message one line a planner reads
 * @param where_lks94 the offending part (obstacle part inside the buffer, or the whole obstacle)
 * @param distance_m distance to the civilian feature (buffer), to the nearest AP zone (zones), 0 in
 *     a protected area, NaN for AP mines not enabled
 */
public record Violation(
    Rule rule, String obstacleId, String message, Geometry where_lks94, double distance_m) {

  /** Humanitarian rules; hard constraints, never options. */
  public enum Rule {
    /** A mine inside the civilian buffer of a settlement or residential area. */
    CIVILIAN_BUFFER,
    /** Anti-personnel mines where national policy does not enable them. */
    AP_MINES_NOT_ENABLED,
    /** Anti-personnel mines outside the zones where the policy enables them. */
    AP_MINES_OUTSIDE_ZONES,
    /** An obstacle of a kind the policy keeps out of protected areas inside one. */
    PROTECTED_AREA,
    /**
     * A settlement the plan cuts off from the rear: every road out crosses a closed obstacle that
     * no one can open (assess's evacuation; the obstacle named is the nearest such closure).
     */
    CUTS_OFF_SETTLEMENT;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
