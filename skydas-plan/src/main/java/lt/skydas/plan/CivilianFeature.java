package lt.skydas.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * A place civilians live: a settlement point or a residential area, in LKS-94 metres.
 *
 * @param kind e.g. {@code settlement} or {@code residential area}
 */
public record CivilianFeature(String name, String kind, Geometry geometry_lks94) {}
