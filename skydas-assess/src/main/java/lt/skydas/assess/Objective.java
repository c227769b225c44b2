package lt.skydas.assess;

import org.locationtech.jts.geom.Geometry;

/**
 * A place the attacker wants to reach: reached when any point within {@code radius_m} of its
 * geometry is reached. Immutable.
 *
 * @param id stable id (file id or derived from the name)
 * @param geometry_lks94 point(s), line(s) or area(s) in LKS-94 metres
 */
public record Objective(String id, String name, Geometry geometry_lks94, double radius_m) {}
