package lt.skydas.plan;

/**
 * The humanitarian policy a plan is checked against.
 *
 * @param apMinesEnabled whether national policy allows anti-personnel mines at all
 * @param civilianBuffer_m no mine may lie closer than this to a settlement or residential area
 */
public record PlanPolicy(boolean apMinesEnabled, double civilianBuffer_m) {
  /** Default buffer around settlements and residential areas. */
  public static final double DEFAULT_CIVILIAN_BUFFER_M = 1000;

  /** AP mines off, 1 km civilian buffer. */
  public static final PlanPolicy DEFAULT = new PlanPolicy(false, DEFAULT_CIVILIAN_BUFFER_M);

  public PlanPolicy {
    if (!Double.isFinite(civilianBuffer_m) || civilianBuffer_m < 0 || civilianBuffer_m > 50_000) {
      throw new IllegalArgumentException(
          "civilian buffer must be within 0..50000 m, not " + civilianBuffer_m);
    }
  }

  public PlanPolicy withApMinesEnabled(boolean v) {
    return new PlanPolicy(v, civilianBuffer_m);
  }

  public PlanPolicy withCivilianBuffer_m(double v) {
    return new PlanPolicy(apMinesEnabled, v);
  }
}
