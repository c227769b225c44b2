package lt.skydas.registry;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a neighbour's line ({@link NeighbourLine}): an obstacle or sensor of a catalog
 * type, owned by {@code country}, as imported. Immutable.
 *
 * @param country the owner's ISO code
 * @param id unique within the country's line
 * @param type a catalog type id (obstacle or sensor)
 * @param name as imported, or null
 * @param status the owner's status as imported (planned, emplaced …), or null; for information: the
 *     neighbour's lifecycle is the neighbour's
 * @param geometry WGS84 lon/lat
 */
public record NeighbourFeature(
    String country, String id, String type, String name, String status, Geometry geometry) {
  public NeighbourFeature {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(geometry, "geometry");
  }
}
