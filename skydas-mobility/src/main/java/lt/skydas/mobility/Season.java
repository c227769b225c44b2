package lt.skydas.mobility;

import java.util.Locale;
import lt.skydas.core.problem.SkydasProblem;

/** Ground conditions that change mobility. */
public enum Season {
  /** Summer and dry autumn: firm soil. */
  DRY,
  /** Spring thaw (rasputitsa) and autumn rain: soft soil, high water. */
  WET,
  /** Deep winter: frozen ground, wetland and small waters. */
  FROZEN;

  /** Lower-case id used in files and options ({@code dry}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id (case-insensitive); a {@link SkydasProblem} naming the valid ids otherwise. */
  public static Season parse(String s, String where) {
    for (Season v : values()) {
      if (v.id().equalsIgnoreCase(s == null ? "" : s.trim())) {
        return v;
      }
    }
    throw SkydasProblem.badInput(
        null,
        where,
        "unknown season \"" + s + "\" (expected one of " + VehicleClass.ids(values()) + ")");
  }
}
