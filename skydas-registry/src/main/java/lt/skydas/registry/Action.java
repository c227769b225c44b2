package lt.skydas.registry;

import static lt.skydas.registry.Role.ADMIN;
import static lt.skydas.registry.Role.ENGINEER;
import static lt.skydas.registry.Role.INSPECTOR;
import static lt.skydas.registry.Status.APPROVED;
import static lt.skydas.registry.Status.BREACHED;
import static lt.skydas.registry.Status.CLEARANCE_IN_PROGRESS;
import static lt.skydas.registry.Status.CLEARED;
import static lt.skydas.registry.Status.DAMAGED;
import static lt.skydas.registry.Status.EMPLACED;
import static lt.skydas.registry.Status.LAND_RELEASED;
import static lt.skydas.registry.Status.PLANNED;
import static lt.skydas.registry.Status.UNDER_CONSTRUCTION;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle: every allowed transition, the states it leaves from, where it leads and the roles
 * that own it. Anything not listed here is refused. Marking, fencing and monitoring are actions on
 * a minefield that keep its status and set a protection flag.
 */
public enum Action {
  APPROVE(Set.of(PLANNED), APPROVED, Set.of(ADMIN), false),
  START_CONSTRUCTION(Set.of(APPROVED), UNDER_CONSTRUCTION, Set.of(ENGINEER), false),
  EMPLACE(Set.of(UNDER_CONSTRUCTION), EMPLACED, Set.of(ENGINEER), false),
  REPORT_BREACH(Set.of(EMPLACED, DAMAGED), BREACHED, Set.of(INSPECTOR, ENGINEER), false),
  REPORT_DAMAGE(Set.of(EMPLACED), DAMAGED, Set.of(INSPECTOR, ENGINEER), false),
  REPAIR(Set.of(BREACHED, DAMAGED), EMPLACED, Set.of(ENGINEER), false),
  START_CLEARANCE(
      Set.of(EMPLACED, BREACHED, DAMAGED), CLEARANCE_IN_PROGRESS, Set.of(ENGINEER), false),
  COMPLETE_CLEARANCE(Set.of(CLEARANCE_IN_PROGRESS), CLEARED, Set.of(ENGINEER), false),
  RELEASE_LAND(Set.of(CLEARED), LAND_RELEASED, Set.of(INSPECTOR), false),
  /** Warning signs put up around the perimeter (minefields). */
  MARK(inGroundOrCleared(), null, Set.of(ENGINEER), true),
  /** Fence or other means of exclusion in place (minefields). */
  FENCE(inGroundOrCleared(), null, Set.of(ENGINEER), true),
  /** Monitoring by military personnel begins (minefields). */
  MONITOR(inGroundOrCleared(), null, Set.of(INSPECTOR, ENGINEER), true);

  private final Set<Status> from;
  private final Status to;
  private final Set<Role> roles;
  private final boolean minefieldOnly;

  Action(Set<Status> from, Status to, Set<Role> roles, boolean minefieldOnly) {
    this.from = Set.copyOf(from);
    this.to = to;
    this.roles = Set.copyOf(roles);
    this.minefieldOnly = minefieldOnly;
  }

  private static Set<Status> inGroundOrCleared() {
    return EnumSet.of(
        UNDER_CONSTRUCTION, EMPLACED, BREACHED, DAMAGED, CLEARANCE_IN_PROGRESS, CLEARED);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Set<Status> from() {
    return from;
  }

  /** The status after the action; null for protection actions, which keep it. */
  public Status to() {
    return to;
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean minefieldOnly() {
    return minefieldOnly;
  }

  /** The status after applying this action to a record in {@code current}. */
  public Status next(Status current) {
    return to == null ? current : to;
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

  /** The actions a role may take on a record of this kind in this status. */
  public static Set<Action> offered(Status status, RecordKind kind, Role role) {
    EnumSet<Action> out = EnumSet.noneOf(Action.class);
    for (Action a : values()) {
      if (a.from.contains(status)
          && a.roles.contains(role)
          && (!a.minefieldOnly || kind == RecordKind.MINEFIELD)) {
        out.add(a);
      }
    }
    return out;
  }
}
