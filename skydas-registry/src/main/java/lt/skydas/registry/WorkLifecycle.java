package lt.skydas.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The lifecycle of a dual-use works project (issue 16, ADR 0019): planned → approved (admin) →
 * under construction (engineer, progress 1..99 %) → completed (engineer, 100 %); cancelled (admin)
 * from any state before completion; progress reported by engineers while under construction.
 * Stateless.
 */
public final class WorkLifecycle {
  /** The statuses, in order. */
  public static final List<String> STATUSES =
      List.of("planned", "approved", "under_construction", "completed", "cancelled");

  /** An action: the statuses it applies to, the one it leads to, the role that may take it. */
  private record Step(List<String> from, String to, Role role) {}

  private static final Map<String, Step> ACTIONS =
      Map.of(
          "approve", new Step(List.of("planned"), "approved", Role.ADMIN),
          "start", new Step(List.of("approved"), "under_construction", Role.ENGINEER),
          "progress", new Step(List.of("under_construction"), "under_construction", Role.ENGINEER),
          "complete", new Step(List.of("under_construction"), "completed", Role.ENGINEER),
          "cancel",
              new Step(
                  List.of("planned", "approved", "under_construction"), "cancelled", Role.ADMIN));

  private WorkLifecycle() {}

  /** The actions, sorted. */
  public static List<String> actions() {
    return ACTIONS.keySet().stream().sorted().toList();
  }

  /** Whether {@code donePct} fits {@code status}. */
  public static boolean fits(String status, int donePct) {
    return switch (status) {
      case "planned", "approved" -> donePct == 0;
      case "under_construction" -> donePct > 0 && donePct < 100;
      case "completed" -> donePct == 100;
      case "cancelled" -> donePct >= 0 && donePct <= 100;
      default -> false;
    };
  }

  /**
   * The project after {@code action} by {@code actor}.
   *
   * @param donePct the progress to report (start, progress), or null: start 1 %, complete 100 %
   * @throws SkydasProblem USAGE for an unknown action or progress out of range, FORBIDDEN for the
   *     wrong role, CONFLICT for an action the status does not allow
   */
  static WorkProject apply(WorkProject w, String action, Integer donePct, Actor actor) {
    Step s = ACTIONS.get(action);
    if (s == null) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "unknown works action '"
              + RegistryProblems.shorten(action)
              + "' (one of "
              + String.join(", ", actions())
              + ")");
    }
    if (actor.role() != s.role() && actor.role() != Role.ADMIN) {
      throw RegistryProblems.forbidden(actor, action + " a works project (" + s.role().id() + ")");
    }
    if (!s.from().contains(w.status())) {
      throw new SkydasProblem(
          ProblemCode.CONFLICT,
          String.format(
              Locale.ROOT,
              "works project %s is %s: %s applies to %s only",
              w.id(),
              w.status(),
              action,
              String.join(", ", s.from())));
    }
    int pct =
        switch (action) {
          case "start", "progress" -> donePct == null ? Math.max(1, w.donePct()) : donePct;
          case "complete" -> 100;
          default -> w.donePct();
        };
    if (!fits(s.to(), pct) || (action.equals("progress") && pct < w.donePct())) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          String.format(
              Locale.ROOT,
              "works project %s: %d %% done does not fit %s (under construction: 1..99, not below"
                  + " the %d %% reported)",
              w.id(),
              pct,
              s.to(),
              w.donePct()));
    }
    return w.with(s.to(), pct, w.version() + 1);
  }
}
