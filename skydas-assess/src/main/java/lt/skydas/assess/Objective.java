package lt.skydas.assess;

import org.locationtech.jts.geom.Geometry;

/**
 * A place the attacker wants to reach: reached when the attacker reaches land within {@code
 * radius_m} of its geometry on the objective's own shore (joined to it over land or by a road or
 * bridge inside the radius: {@link ObjectiveNodes}). Immutable.
 *
 * @param id stable id (file id or derived from the name)
 * @param geometry_lks94 point(s), line(s) or area(s) in LKS-94 metres
 */
public record Objective(String id, String name, Geometry geometry_lks94, double radius_m) {}
