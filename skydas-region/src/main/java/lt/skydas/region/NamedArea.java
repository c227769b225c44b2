package lt.skydas.region;

import org.locationtech.jts.geom.Geometry;

/** A named polygonal area (protected area, residential area) in LKS-94. */
public record NamedArea(String name, String kind, Geometry geometry_lks94) {}
