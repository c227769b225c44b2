package lt.skydas.registry;

import java.util.Locale;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/** Who may do what in the registry. Each lifecycle action is owned by one or more roles. */
public enum Role {
  /** Reads everything, changes nothing. */
  VIEWER,
  /** Creates and edits planned records. */
  PLANNER,
  /** Builds, repairs and clears; writes the as-laid minefield record. */
  ENGINEER,
  /** Inspects, reports breaches and damage, releases cleared land. */
  INSPECTOR,
  /** Approves plans for construction; manages users. */
  ADMIN;

  /** Lower-case name used in files and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "unknown role '" + s + "' (one of viewer, planner, engineer, inspector, admin)");
    }
  }
}
