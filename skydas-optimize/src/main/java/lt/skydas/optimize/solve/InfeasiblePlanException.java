package lt.skydas.optimize.solve;

/**
 * No plan satisfies the model's constraints: the forced options alone exceed a budget row, or two
 * options of one site are forced. Carries the name of the binding constraint (a budget row's name,
 * or {@code "one option per site"}), what the forced options need and the limit.
 */
public final class InfeasiblePlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String constraint;
  private final long required;
  private final long limit;

  /**
   * @param constraint name of the violated constraint
   * @param required what the forced options use of it
   * @param limit its limit
   * @param message a sentence for the user
   */
  public InfeasiblePlanException(String constraint, long required, long limit, String message) {
    super(message);
    this.constraint = constraint;
    this.required = required;
    this.limit = limit;
  }

  /** Name of the violated constraint (a budget row, or {@code "one option per site"}). */
  public String constraint() {
    return constraint;
  }

  /** What the forced options use of the constraint. */
  public long required() {
    return required;
  }

  /** The constraint's limit. */
  public long limit() {
    return limit;
  }
}
