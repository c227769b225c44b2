package lt.skydas.registry;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One obstacle or minefield as the registry holds it. Immutable; every change makes a new value
 * with a higher {@code version} and an audit event.
 *
 * @param id stable id (at most 100 characters: letters, digits, {@code - _ . :})
 * @param kind obstacle or minefield (from the catalog type's mine content)
 * @param type catalog obstacle type id ({@code at_ditch}, {@code ap_minefield} ...)
 * @param name a human name, may be null
 * @param status lifecycle status
 * @param geometry WGS84 lon/lat; a minefield's perimeter polygon once emplaced
 * @param marked warning signs are up (minefields)
 * @param fenced fencing is in place (minefields)
 * @param monitored the area is monitored (minefields)
 * @param minefield the CCW record, null for obstacles
 * @param year programme year it is planned for, may be null
 * @param notes free text, may be null
 * @param source where it came from (an import file, a plan), may be null
 * @param version optimistic-locking version, 1 on creation
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record RegistryRecord(
    String id,
    RecordKind kind,
    String type,
    String name,
    Status status,
    Geometry geometry,
    boolean marked,
    boolean fenced,
    boolean monitored,
    MinefieldData minefield,
    Integer year,
    String notes,
    String source,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public RegistryRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(geometry, "geometry");
    if (kind == RecordKind.MINEFIELD && minefield == null) {
      minefield = MinefieldData.empty();
    }
    if (kind == RecordKind.OBSTACLE) {
      minefield = null;
    }
  }

  public RegistryRecord withStatus(Status s) {
    return new RegistryRecord(
        id, kind, type, name, s, geometry, marked, fenced, monitored, minefield, year, notes,
        source, version, createdAt, updatedAt);
  }

  public RegistryRecord withProtection(boolean m, boolean f, boolean mon) {
    return new RegistryRecord(
        id, kind, type, name, status, geometry, m, f, mon, minefield, year, notes, source, version,
        createdAt, updatedAt);
  }

  /** The record as first stored: version 1, created and last changed at {@code at}. */
  public RegistryRecord firstVersion(Instant at) {
    return new RegistryRecord(
        id, kind, type, name, status, geometry, marked, fenced, monitored, minefield, year, notes,
        source, 1, at, at);
  }

  /** The same record at the next version, changed at {@code at}. */
  public RegistryRecord bumped(Instant at) {
    return new RegistryRecord(
        id,
        kind,
        type,
        name,
        status,
        geometry,
        marked,
        fenced,
        monitored,
        minefield,
        year,
        notes,
        source,
        version + 1,
        createdAt,
        at);
  }
}
