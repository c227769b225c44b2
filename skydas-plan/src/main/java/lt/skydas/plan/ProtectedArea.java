package lt.skydas.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * A protected area (national park, nature reserve …) in the region's map CRS: which obstacle kinds
 * may lie in one is the policy's {@linkplain PlanPolicy#allowedInProtectedArea rule}.
 *
 * @param name its name, or null
 * @param kind e.g. {@code national park}
 */
public record ProtectedArea(String name, String kind, Geometry geometry_lks94) {
  /** "national park Dzūkija" or "protected area (unnamed)". */
  public String label() {
    return kind + " " + (name == null || name.isBlank() ? "(unnamed)" : name);
  }
}
