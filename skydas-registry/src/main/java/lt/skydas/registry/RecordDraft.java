package lt.skydas.registry;

import org.locationtech.jts.geom.Geometry;

/**
 * A record as given by a user or an import file, before validation. Null fields are absent.
 *
 * @param id the id, or null to have one made up
 * @param height_m a sensor site's mast or flight height in metres, or null for its type's
 * @param azimuth_deg a sensor site's arc centre in degrees from true north, or null
 * @param depot a depot's stock and storage note, or null
 * @param shelter a shelter's capacity, protection and access, or null
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
    Double height_m,
    Double azimuth_deg,
    DepotData depot,
    ShelterData shelter,
    Integer year,
    String notes,
    String where) {

  /** A draft with every field absent; set what you have. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this draft's fields. */
  public Builder toBuilder() {
    return new Builder()
        .withId(id)
        .withType(type)
        .withName(name)
        .withStatus(status)
        .withGeometry(geometry)
        .withProtection(marked, fenced, monitored)
        .withMinefield(minefield)
        .withSiting(height_m, azimuth_deg)
        .withDepot(depot)
        .withShelter(shelter)
        .withYear(year)
        .withNotes(notes)
        .withWhere(where);
  }

  /** A planned record of a type at a geometry. */
  public static RecordDraft planned(String id, String type, Geometry g) {
    return builder().withId(id).withType(type).withStatus(Status.PLANNED).withGeometry(g).build();
  }

  /** The draft that would leave {@code r} as it is. */
  public static RecordDraft of(RegistryRecord r) {
    return builder()
        .withId(r.id())
        .withType(r.type())
        .withName(r.name())
        .withStatus(r.status())
        .withGeometry(r.geometry())
        .withProtection(r.marked(), r.fenced(), r.monitored())
        .withMinefield(r.minefield())
        .withSiting(r.height_m(), r.azimuth_deg())
        .withDepot(r.depot())
        .withShelter(r.shelter())
        .withYear(r.year())
        .withNotes(r.notes())
        .build();
  }

  public RecordDraft withGeometry(Geometry g) {
    return toBuilder().withGeometry(g).build();
  }

  public RecordDraft withMinefield(MinefieldData m) {
    return toBuilder().withMinefield(m).build();
  }

  public RecordDraft withName(String n) {
    return toBuilder().withName(n).build();
  }

  public RecordDraft withStatus(Status s) {
    return toBuilder().withStatus(s).build();
  }

  public RecordDraft withProtection(boolean m, boolean f, boolean mon) {
    return toBuilder().withProtection(m, f, mon).build();
  }

  public RecordDraft withWhere(String w) {
    return toBuilder().withWhere(w).build();
  }

  /**
   * Builds a {@link RecordDraft} field by field; a field never set stays absent (null). Not
   * thread-safe; one per draft.
   */
  public static final class Builder {
    private String id;
    private String type;
    private String name;
    private Status status;
    private Geometry geometry;
    private Boolean marked;
    private Boolean fenced;
    private Boolean monitored;
    private MinefieldData minefield;
    private Double height_m;
    private Double azimuth_deg;
    private DepotData depot;
    private ShelterData shelter;
    private Integer year;
    private String notes;
    private String where;

    private Builder() {}

    public Builder withId(String id) {
      this.id = id;
      return this;
    }

    public Builder withType(String type) {
      this.type = type;
      return this;
    }

    public Builder withName(String name) {
      this.name = name;
      return this;
    }

    public Builder withStatus(Status status) {
      this.status = status;
      return this;
    }

    /** The geometry in WGS84 lon/lat. */
    public Builder withGeometry(Geometry geometry) {
      this.geometry = geometry;
      return this;
    }

    /** Whether the perimeter is marked, fenced and monitored (each null: absent). */
    public Builder withProtection(Boolean marked, Boolean fenced, Boolean monitored) {
      this.marked = marked;
      this.fenced = fenced;
      this.monitored = monitored;
      return this;
    }

    public Builder withMinefield(MinefieldData minefield) {
      this.minefield = minefield;
      return this;
    }

    /**
     * A sensor site's mast or flight height in metres and the centre of its coverage arc in degrees
     * clockwise from true north (each null: absent).
     */
    public Builder withSiting(Double height_m, Double azimuth_deg) {
      this.height_m = height_m;
      this.azimuth_deg = azimuth_deg;
      return this;
    }

    /** A shelter's capacity, protection and access. */
    public Builder withShelter(ShelterData shelter) {
      this.shelter = shelter;
      return this;
    }

    /** A depot's stock and storage note. */
    public Builder withDepot(DepotData depot) {
      this.depot = depot;
      return this;
    }

    public Builder withYear(Integer year) {
      this.year = year;
      return this;
    }

    public Builder withNotes(String notes) {
      this.notes = notes;
      return this;
    }

    /** Where the draft came from, for messages ({@code plan.geojson feature 3}). */
    public Builder withWhere(String where) {
      this.where = where;
      return this;
    }

    public RecordDraft build() {
      return new RecordDraft(
          id,
          type,
          name,
          status,
          geometry,
          marked,
          fenced,
          monitored,
          minefield,
          height_m,
          azimuth_deg,
          depot,
          shelter,
          year,
          notes,
          where);
    }
  }
}
