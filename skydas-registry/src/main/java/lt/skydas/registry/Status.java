package lt.skydas.registry;

import java.util.Locale;

/**
 * Where a record stands in its life, from plan to released land. Which statuses a record passes
 * through depends on its type's employment ({@link Lifecycle}): a permanent obstacle is built
 * ({@link #UNDER_CONSTRUCTION}, {@link #EMPLACED}), a reserved one prepared and executed on order
 * ({@link #PREPARED}, {@link #ORDERED}, {@link #EXECUTED}), a crisis-laid minefield prepared,
 * stocked, ordered, laid and then emplaced once its record is complete. In lifecycle order.
 */
public enum Status {
  PLANNED,
  APPROVED,
  UNDER_CONSTRUCTION,
  /**
   * Peacetime site work done (chambers, sockets, barrier sets; a minefield's survey and posts; a
   * depot built, empty).
   */
  PREPARED,
  /** A crisis-laid minefield's mines are in a depot, allotted to it; a depot holds stock. */
  STOCKED,
  /** The order to execute or lay is given. */
  ORDERED,
  /** A crisis-laid minefield's mines are in the ground; its record is not yet complete. */
  LAID,
  /** A reserved obstacle is in place: the demolition charged or fired, the road closed. */
  EXECUTED,
  EMPLACED,
  BREACHED,
  DAMAGED,
  CLEARANCE_IN_PROGRESS,
  CLEARED,
  LAND_RELEASED,
  /** A shelter is built or adapted, equipped, signed and accepted by an inspector: it counts. */
  READY,
  /** A shelter is withdrawn from use (its building sold, demolished or unfit). */
  CLOSED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code emplaced}, {@code under_construction} ...; null if unknown. */
  public static Status parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * True while the record counts in an assessment of the registry: planned, being built or in the
   * ground (everything before it is cleared and its land released, or, for a shelter, closed).
   */
  public boolean standing() {
    return this != CLEARED && this != LAND_RELEASED && this != CLOSED;
  }

  /**
   * True while the obstacle physically stands (and, for a minefield, mines may be in the ground):
   * being built, laid, executed, emplaced, breached, damaged or being cleared. A prepared site is
   * not: its obstacle is not there until executed.
   */
  public boolean inGround() {
    return this == EMPLACED
        || this == BREACHED
        || this == DAMAGED
        || this == CLEARANCE_IN_PROGRESS
        || this == UNDER_CONSTRUCTION
        || this == LAID
        || this == EXECUTED;
  }

  /**
   * True from emplacement on (emplaced, breached, damaged, being cleared, cleared, land released):
   * a minefield in one of these statuses has its complete CCW Amended Protocol II record.
   */
  public boolean emplacedOrLater() {
    return this == EMPLACED
        || this == BREACHED
        || this == DAMAGED
        || this == CLEARANCE_IN_PROGRESS
        || this == CLEARED
        || this == LAND_RELEASED;
  }
}
