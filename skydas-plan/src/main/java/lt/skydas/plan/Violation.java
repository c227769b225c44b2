package lt.skydas.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * A broken humanitarian rule.
 *
 * @param rule {@link Rule}
 * @param obstacleId the obstacle that breaks it
 * @param message one line a planner reads
 * @param where_lks94 the offending part (obstacle part inside the buffer, or the whole obstacle)
 * @param distance_m distance to the civilian feature, NaN when not a buffer rule
 */
public record Violation(
    Rule rule, String obstacleId, String message, Geometry where_lks94, double distance_m) {

  /** Humanitarian rules; hard constraints, never options. */
  public enum Rule {
    /** A mine inside the civilian buffer of a settlement or residential area. */
    CIVILIAN_BUFFER,
    /** Anti-personnel mines where national policy does not enable them. */
    AP_MINES_NOT_ENABLED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
