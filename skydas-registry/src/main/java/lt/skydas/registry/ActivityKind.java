package lt.skydas.registry;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What can be linked to a record after it is built, the roles that record it and the fields each
 * needs (GICHD Minimum Data Requirements: activities, accidents, land release, QA).
 */
public enum ActivityKind {
  /** An inspection or QA visit. */
  INSPECTION(Set.of(Role.INSPECTOR), List.of("date", "organisation", "findings")),
  /** An accident or incident; {@code device_category} names the device involved. */
  INCIDENT(
      Set.of(Role.INSPECTOR, Role.ENGINEER), List.of("date", "device_category", "description")),
  /** A clearance task: who clears, how, from when, its status. */
  CLEARANCE_TASK(Set.of(Role.ENGINEER), List.of("organisation", "method", "start_date", "status")),
  /**
   * A survey of the hazardous area (IMAS 08.10 and 08.20, GICHD land release): {@code survey}
   * {@code non_technical} or {@code technical}; {@code outcome} {@code confirmed} (a suspected area
   * becomes a confirmed hazardous area, the polygon the confirmed part), {@code cancelled} (by
   * non-technical survey: no evidence of mines there) or {@code reduced} (by technical survey); the
   * {@code evidence} it rests on (informants, records, markings, lanes searched, devices found).
   */
  SURVEY(Set.of(Role.INSPECTOR, Role.ENGINEER), List.of("date", "survey", "outcome", "evidence")),
  /**
   * Land released: the polygon released, how ({@code cancelled}, {@code reduced}, {@code cleared}),
   * clearance depth and every device found; a release by survey (cancelled, reduced) also names its
   * {@code evidence}.
   */
  LAND_RELEASE(
      Set.of(Role.INSPECTOR), List.of("date", "method", "clearance_depth_cm", "devices_found"));

  private final Set<Role> roles;
  private final List<String> required;

  ActivityKind(Set<Role> roles, List<String> required) {
    this.roles = roles;
    this.required = required;
  }

  public Set<Role> roles() {
    return roles;
  }

  public List<String> required() {
    return required;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActivityKind parse(String s) {
    try {
      return s == null ? null : valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
