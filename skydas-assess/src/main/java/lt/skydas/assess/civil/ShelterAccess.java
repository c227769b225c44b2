package lt.skydas.assess.civil;

/**
 * How far people go to a shelter: a mode, its speed, a detour factor over the straight line and the
 * time allowed (issue 17; docs/civilians.md). A person at distance {@code d} reaches a shelter when
 * {@code d * detour / speed <= limit}. Straight line times a detour is what civil-protection
 * planning uses at this scale (a 500 m to 1 km walk to the nearest shelter); the road network is
 * not searched per person. Immutable.
 *
 * @param mode {@code walk} or {@code drive}
 * @param speed_mps speed in metres per second
 * @param detour network distance over straight-line distance ({@code >= 1})
 * @param limit_s the time allowed in seconds
 */
public record ShelterAccess(String mode, double speed_mps, double detour, double limit_s) {
  /**
   * Walking: 4 km/h (a mixed group with children and elderly people; healthy adults walk 5) and a
   * detour of 1.3 over the straight line (typical of street grids and rural paths).
   */
  public static final double WALK_MPS = 4.0 / 3.6;

  /** Driving in an alert's traffic: 30 km/h and a detour of 1.4. */
  public static final double DRIVE_MPS = 30.0 / 3.6;

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

  /** The straight-line distance reached within the limit, in metres. */
  public double radius_m() {
    return limit_s * speed_mps / detour;
  }

  /** {@code 15 min walk}. */
  public String describe() {
    double min = limit_s / 60;
    String m = min == Math.rint(min) ? Long.toString((long) min) : String.format("%.1f", min);
    return m + " min " + mode + " (" + Math.round(radius_m()) + " m straight line)";
  }
}
