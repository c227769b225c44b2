package lt.skydas.region;

/**
 * A populated place (OSM place node).
 *
 * @param name local-language OSM name (Cyrillic in BY/RU), may be null
 * @param nameAscii GeoNames ASCII name, null when no GeoNames match
 * @param place OSM place class: city, town, village, hamlet, suburb (or geonames_*)
 * @param population inhabitants, null when unknown
 * @param country ISO 3166 alpha-2 code of the territory, may be null
 * @param x_m LKS-94 easting, metres
 * @param y_m LKS-94 northing, metres
 * @param lon WGS84 longitude, degrees
 * @param lat WGS84 latitude, degrees
 */
public record Settlement(
    String name,
    String nameAscii,
    String place,
    Long population,
    String country,
    double x_m,
    double y_m,
    double lon,
    double lat) {}
