package lt.skydas.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/** The problems the registry refuses writes with: conflicts, forbidden roles, invalid records. */
final class RegistryProblems {
  private RegistryProblems() {}

  static SkydasProblem conflict(String id, long expected) {
    return new SkydasProblem(
        ProblemCode.CONFLICT,
        "record "
            + id
            + " was changed by someone else (expected version "
            + expected
            + "); reload it and apply your change again");
  }

  static SkydasProblem conflict(String id, long expected, long actual) {
    return new SkydasProblem(
        ProblemCode.CONFLICT,
        "record "
            + id
            + " is at version "
            + actual
            + ", not "
            + expected
            + ": someone else changed it; reload it and apply your change again",
        Map.of("version", actual));
  }

  static SkydasProblem forbidden(Actor a, String what) {
    return new SkydasProblem(
        ProblemCode.FORBIDDEN, a.name() + " acting as " + a.role().id() + " may not " + what);
  }

  /**
   * Bad input with its field errors: the message lists the first {@link Registry#MESSAGE_ERRORS}
   * ({@code where: field: message}), the detail {@code errors} holds them all as {@link
   * FieldError}s.
   */
  static SkydasProblem invalid(String headline, List<FieldError> errors) {
    StringBuilder sb = new StringBuilder(headline).append(": ");
    for (int i = 0; i < Math.min(Registry.MESSAGE_ERRORS, errors.size()); i++) {
      sb.append(i == 0 ? "" : "; ").append(errors.get(i));
    }
    if (errors.size() > Registry.MESSAGE_ERRORS) {
      sb.append("; … and ").append(errors.size() - Registry.MESSAGE_ERRORS).append(" more");
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("errors", List.copyOf(errors));
    return new SkydasProblem(ProblemCode.BAD_INPUT, sb.toString(), d);
  }

  static String ids(java.util.Collection<? extends Enum<?>> xs) {
    return String.join(
        ", ", xs.stream().map(x -> x.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
  }

  static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}
