package lt.skydas.registry;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One obstacle, minefield, sensor site, depot or shelter as the registry holds it. Immutable; every
 * change makes a new value with a higher {@code version} and an audit event.
 *
 * @param id stable id (at most 100 characters: letters, digits, {@code - _ . :})
 * @param kind obstacle or minefield (from the obstacle catalog type's mine content), sensor (a type
 *     of the sensor catalog) or depot (the type {@code depot})
 * @param type catalog type id ({@code at_ditch}, {@code ap_minefield}, {@code gsr_portable} ...) or
 *     {@code depot}
 * @param name a human name, may be null
 * @param status lifecycle status
 * @param geometry WGS84 lon/lat; a minefield's perimeter polygon once emplaced
 * @param marked warning signs are up (minefields)
 * @param fenced fencing is in place (minefields)
 * @param monitored the area is monitored (minefields)
 * @param minefield the CCW record, null for obstacles and sensors
 * @param height_m a sensor's mast or flight height above the surface in metres, null for the
 *     catalog type's (always null for obstacles and minefields)
 * @param azimuth_deg the centre of a sensor's coverage arc, degrees clockwise from true north in
 *     [0, 360], null for all-round types (always null for obstacles and minefields)
 * @param depot a depot's stock and storage note, never null for a depot (empty if none given),
 *     always null for other kinds
 * @param shelter a shelter's capacity, protection and access, never null for a shelter (empty if
 *     none given), always null for other kinds
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
    Double height_m,
    Double azimuth_deg,
    DepotData depot,
    ShelterData shelter,
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
    if (kind != RecordKind.MINEFIELD) {
      minefield = null;
    }
    if (kind != RecordKind.SENSOR) {
      height_m = null;
      azimuth_deg = null;
    }
    if (kind == RecordKind.DEPOT && depot == null) {
      depot = DepotData.empty();
    }
    if (kind != RecordKind.DEPOT) {
      depot = null;
    }
    if (kind == RecordKind.SHELTER && shelter == null) {
      shelter = new ShelterData(null, null, null);
    }
    if (kind != RecordKind.SHELTER) {
      shelter = null;
    }
  }

  /**
   * A record without sensor siting or depot stock (obstacles and minefields, a sensor at its type's
   * siting, a depot holding nothing).
   */
  public RegistryRecord(
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
    this(
        id, kind, type, name, status, geometry, marked, fenced, monitored, minefield, null, null,
        null, null, year, notes, source, version, createdAt, updatedAt);
  }

  public RegistryRecord withStatus(Status s) {
    return copy(s, marked, fenced, monitored, version, createdAt, updatedAt);
  }

  public RegistryRecord withProtection(boolean m, boolean f, boolean mon) {
    return copy(status, m, f, mon, version, createdAt, updatedAt);
  }

  /** The record as first stored: version 1, created and last changed at {@code at}. */
  public RegistryRecord firstVersion(Instant at) {
    return stamped(1, at, at);
  }

  /** The same record at the next version, changed at {@code at}. */
  public RegistryRecord bumped(Instant at) {
    return stamped(version + 1, createdAt, at);
  }

  private RegistryRecord stamped(long v, Instant created, Instant updated) {
    return copy(status, marked, fenced, monitored, v, created, updated);
  }

  /** This record with its lifecycle fields replaced; everything it describes unchanged. */
  private RegistryRecord copy(
      Status s, boolean m, boolean f, boolean mon, long v, Instant created, Instant updated) {
    return new RegistryRecord(
        id,
        kind,
        type,
        name,
        s,
        geometry,
        m,
        f,
        mon,
        minefield,
        height_m,
        azimuth_deg,
        depot,
        shelter,
        year,
        notes,
        source,
        v,
        created,
        updated);
  }
}
