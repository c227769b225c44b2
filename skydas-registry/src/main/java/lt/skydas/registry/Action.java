package lt.skydas.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lifecycle actions a record can be given. Which statuses each leaves from, where it leads and
 * which roles own it depend on the record's employment: see {@link Lifecycle}. Marking, fencing and
 * monitoring are actions on a minefield that keep its status and set a protection flag.
 */
public enum Action {
  APPROVE,
  START_CONSTRUCTION,
  /**
   * Peacetime site work done: chambers, sockets, barrier sets; a minefield's survey and posts; a
   * depot's magazines, fence and access.
   */
  PREPARE,
  /** A crisis-laid minefield's mines are in a depot; a depot has received its stock. */
  STOCK,
  /** The order to execute or lay: a command act. */
  ORDER,
  /** A reserved obstacle is charged or closed: in place. */
  EXECUTE,
  /** A crisis-laid minefield's mines are in the ground. */
  LAY,
  /** An order withdrawn, or an executed reserved obstacle disarmed and opened. */
  STAND_DOWN,
  EMPLACE,
  REPORT_BREACH,
  REPORT_DAMAGE,
  REPAIR,
  START_CLEARANCE,
  COMPLETE_CLEARANCE,
  RELEASE_LAND,
  /** A shelter inspected and accepted: equipped, signed, open on alert (shelters). */
  COMMISSION,
  /** A shelter withdrawn from use (shelters). */
  CLOSE,
  /** Warning signs put up around the perimeter (minefields). */
  MARK,
  /** Fence or other means of exclusion in place (minefields). */
  FENCE,
  /** Monitoring by military personnel begins (minefields). */
  MONITOR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for mark, fence and monitor: they keep the status and set a protection flag. */
  public boolean protection() {
    return this == MARK || this == FENCE || this == MONITOR;
  }

  /** True for the actions that apply to minefields only (the protection actions). */
  public boolean minefieldOnly() {
    return protection();
  }

  /** Parses {@code emplace}, {@code start-clearance} ...; null if unknown. */
  public static Action parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** All action ids, for messages. */
  public static String ids() {
    return Arrays.stream(values()).map(Action::id).collect(Collectors.joining(", "));
  }
}
