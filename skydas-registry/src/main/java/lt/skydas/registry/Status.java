package lt.skydas.registry;

import java.util.Locale;

/** Where a record stands in its life, from plan to released land. */
public enum Status {
  PLANNED,
  APPROVED,
  UNDER_CONSTRUCTION,
  EMPLACED,
  BREACHED,
  DAMAGED,
  CLEARANCE_IN_PROGRESS,
  CLEARED,
  LAND_RELEASED;

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
   * ground (everything before it is cleared and its land released).
   */
  public boolean standing() {
    return this != CLEARED && this != LAND_RELEASED;
  }

  /**
   * True while the obstacle physically stands (and, for a minefield, mines may be in the ground).
   */
  public boolean inGround() {
    return this == EMPLACED
        || this == BREACHED
        || this == DAMAGED
        || this == CLEARANCE_IN_PROGRESS
        || this == UNDER_CONSTRUCTION;
  }
}
