package lt.skydas.registry;

import org.locationtech.jts.geom.Geometry;

/**
 * A record as given by a user or an import file, before validation. Null fields are absent.
 *
 * @param id the id, or null to have one made up
 * @param where where it came from, for messages ({@code plan.geojson feature 3})
 */
public record RecordDraft(
    String id,
    String type,
    String name,
    Status status,
    Geometry geometry,
    Boolean marked,
    Boolean fenced,
    Boolean monitored,
    MinefieldData minefield,
    Integer year,
    String notes,
    String where) {

  /** A planned record of a type at a geometry. */
  public static RecordDraft planned(String id, String type, Geometry g) {
    return new RecordDraft(
        id, type, null, Status.PLANNED, g, null, null, null, null, null, null, null);
  }

  /** The draft that would leave {@code r} as it is. */
  public static RecordDraft of(RegistryRecord r) {
    return new RecordDraft(
        r.id(),
        r.type(),
        r.name(),
        r.status(),
        r.geometry(),
        r.marked(),
        r.fenced(),
        r.monitored(),
        r.minefield(),
        r.year(),
        r.notes(),
        null);
  }

  public RecordDraft withGeometry(Geometry g) {
    return new RecordDraft(
        id, type, name, status, g, marked, fenced, monitored, minefield, year, notes, where);
  }

  public RecordDraft withMinefield(MinefieldData m) {
    return new RecordDraft(
        id, type, name, status, geometry, marked, fenced, monitored, m, year, notes, where);
  }

  public RecordDraft withName(String n) {
    return new RecordDraft(
        id, type, n, status, geometry, marked, fenced, monitored, minefield, year, notes, where);
  }

  public RecordDraft withStatus(Status s) {
    return new RecordDraft(
        id, type, name, s, geometry, marked, fenced, monitored, minefield, year, notes, where);
  }

  public RecordDraft withProtection(boolean m, boolean f, boolean mon) {
    return new RecordDraft(
        id, type, name, status, geometry, m, f, mon, minefield, year, notes, where);
  }

  public RecordDraft withWhere(String w) {
    return new RecordDraft(
        id, type, name, status, geometry, marked, fenced, monitored, minefield, year, notes, w);
  }
}
