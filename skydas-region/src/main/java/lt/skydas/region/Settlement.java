package lt.skydas.region;

/**
 * A populated place (OSM place node).
 *
 * @param population null when unknown
 * @param x_m LKS-94 easting
 * @param y_m LKS-94 northing
 */
public record Settlement(
    String name,
    String nameAscii,
    String place,
    Long population,
    String country,
    double lon,
    double lat,
    double x_m,
    double y_m) {}
