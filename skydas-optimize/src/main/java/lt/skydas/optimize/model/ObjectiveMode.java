package lt.skydas.optimize.model;

/** Which attacker times the objective counts, per vehicle class and season. */
public enum ObjectiveMode {
  /**
   * The time to the nearest objective (one sink for all): an objective that cannot be delayed caps
   * what the plan can buy toward every other.
   */
  NEAREST,
  /** The time to each objective, averaged over the objectives (one sink and scenario each). */
  EACH;

  /** The lower-case name used on the command line and in files. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
