package lt.skydas.mobility;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import lt.skydas.core.problem.SkydasProblem;

/** The attacker's mobility classes. */
public enum VehicleClass {
  /** Main battle tanks, infantry fighting vehicles, self-propelled guns. */
  TRACKED,
  /** Wheeled armoured personnel carriers, trucks, light vehicles. */
  WHEELED,
  /** Infantry on foot. */
  DISMOUNTED;

  /** Lower-case id used in files and options ({@code tracked}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id (case-insensitive); a {@link SkydasProblem} naming the valid ids otherwise. */
  public static VehicleClass parse(String s, String where) {
    for (VehicleClass v : values()) {
      if (v.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw SkydasProblem.badInput(
        null, where, "unknown vehicle class \"" + s + "\" (expected one of " + ids(values()) + ")");
  }

  static String ids(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
