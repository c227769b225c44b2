package lt.skydas.assess.civil;

/**
 * How far people go to a shelter: a mode, the time allowed, and how the time is found (issue 17;
 * docs/civilians.md, ADR 0032).
 *
 * <ul>
 *   <li>On a network ({@link #on(AccessPaths)}, what {@code skydas shelters} and {@code assess}
 *       use): the fastest way over the region's roads, paths and terrain, so a river without a
 *       bridge, a lake or a bog between a home and a shelter counts as the detour it is.
 *   <li>Without one (the estimate, {@code --access straight}): a person at distance {@code d}
 *       reaches a shelter when {@code d * detour / speed <= limit}.
 * </ul>
 *
 * Immutable.
 *
 * @param mode {@code walk} or {@code drive}
 * @param speed_mps speed in metres per second (of the straight-line estimate)
 * @param detour network distance over straight-line distance ({@code >= 1}) of the estimate
 * @param limit_s the time allowed in seconds
 * @param paths the network the time is searched on, null for the straight-line estimate
 */
public record ShelterAccess(
    String mode, double speed_mps, double detour, double limit_s, AccessPaths paths) {
  /**
   * Walking: 4 km/h (a mixed group with children and elderly people; healthy adults walk 5) and a
   * detour of 1.3 over the straight line (typical of street grids and rural paths).
   */
  public static final double WALK_MPS = 4.0 / 3.6;

  /** Driving in an alert's traffic: 30 km/h and a detour of 1.4. */
  public static final double DRIVE_MPS = 30.0 / 3.6;

  /** The straight-line estimate. */
  public ShelterAccess(String mode, double speed_mps, double detour, double limit_s) {
    this(mode, speed_mps, detour, limit_s, null);
  }

  public ShelterAccess {
    if (!(speed_mps > 0) || !(detour >= 1) || !(limit_s > 0)) {
      throw new IllegalArgumentException(
          "shelter access: speed " + speed_mps + ", detour " + detour + ", limit " + limit_s);
    }
  }

  /** Walking for {@code minutes}. */
  public static ShelterAccess walk(double minutes) {
    return new ShelterAccess("walk", WALK_MPS, 1.3, minutes * 60);
  }

  /** Driving for {@code minutes}. */
  public static ShelterAccess drive(double minutes) {
    return new ShelterAccess("drive", DRIVE_MPS, 1.4, minutes * 60);
  }

  /** This rule with its time searched on {@code network} (null: the straight-line estimate). */
  public ShelterAccess on(AccessPaths network) {
    return new ShelterAccess(mode, speed_mps, detour, limit_s, network);
  }

  /**
   * The farthest straight-line distance reached within the limit, in metres: the estimate's radius,
   * or on a network {@link AccessPaths#reach_m}.
   */
  public double radius_m() {
    return paths == null ? limit_s * speed_mps / detour : paths.reach_m(limit_s);
  }

  /** {@code 15 min walk (769 m straight line)} or {@code 15 min walk over roads, …}. */
  public String describe() {
    double min = limit_s / 60;
    String m =
        min == Math.rint(min)
            ? Long.toString((long) min)
            : String.format(java.util.Locale.ROOT, "%.1f", min);
    return paths == null
        ? m + " min " + mode + " (" + Math.round(radius_m()) + " m straight line)"
        : m + " min " + mode + " over " + paths.describe();
  }
}
