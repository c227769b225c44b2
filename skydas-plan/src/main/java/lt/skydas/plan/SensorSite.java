package lt.skydas.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import lt.skydas.plan.ObstacleType.GeometryKind;
import org.locationtech.jts.geom.Geometry;

/**
 * One planned or existing sensor, EW or counter-drone site of a plan: a point (a mast, a launch
 * site, a jammer) or, for line types such as a fence sensor, a line. Immutable and thread-safe;
 * built by {@link #builder()}, which checks the figures against the type.
 *
 * @param id unique within its plan (shared with obstacle ids)
 * @param name human name; the type's name when the plan gives none
 * @param type its sensor catalog type
 * @param geometry_wgs84 lon/lat, as in the plan file: a Point for point types, a LineString or
 *     MultiLineString for line types
 * @param geometry_lks94 the same in LKS-94 metres, for computation
 * @param height_m mast or flight height above the surface, m, within 0..3000: the type's height
 *     unless the plan overrides it
 * @param azimuth_deg centre of the coverage arc, degrees clockwise from north in [0, 360]; NaN when
 *     the plan gives none, which only omnidirectional types (arc 360°) may omit
 * @param year programme year it is bought in (1-based), or 0 when not phased
 */
public record SensorSite(
    String id,
    String name,
    SensorType type,
    Geometry geometry_wgs84,
    Geometry geometry_lks94,
    double height_m,
    double azimuth_deg,
    int year) {

  /** Highest mast or flight height a site may have, m; the catalog's own limit. */
  public static final double MAX_HEIGHT_M = SensorCatalogReader.MAX_HEIGHT_M;

  public SensorSite {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(geometry_wgs84);
    Objects.requireNonNull(geometry_lks94);
    if (!(height_m >= 0 && height_m <= MAX_HEIGHT_M)) {
      throw new IllegalArgumentException(id + ": height must be within 0..3000 m, not " + height_m);
    }
    if (Double.isNaN(azimuth_deg) ? !isOmnidirectional(type) : !isAzimuth(azimuth_deg)) {
      throw new IllegalArgumentException(id + ": bad azimuth " + azimuth_deg + " for " + type.id());
    }
    if (year < 0 || year > 100) {
      throw new IllegalArgumentException(id + ": year must be within 0..100, not " + year);
    }
  }

  /** True when the type covers all around (arc 360°) and so needs no azimuth. */
  public static boolean isOmnidirectional(SensorType type) {
    return type.arc_deg() >= 360;
  }

  /** True for a finite azimuth within [0, 360] degrees. */
  public static boolean isAzimuth(double azimuth_deg) {
    return azimuth_deg >= 0 && azimuth_deg <= 360;
  }

  /** Length in km for line types, 1 for a point: cost, upkeep and crew are per this. */
  public double quantity() {
    return type.geometry() == GeometryKind.LINE ? geometry_lks94.getLength() / 1000.0 : 1;
  }

  /** Purchase cost in EUR. */
  public double cost_eur() {
    return quantity() * type.costEur_perUnit();
  }

  /** Upkeep in EUR per year. */
  public double upkeep_eur_per_year() {
    return quantity() * type.upkeepEur_perYear();
  }

  /** Whether the plan overrides the type's height. */
  public boolean overridesHeight() {
    return height_m != type.height_m();
  }

  /**
   * The properties a plan file gives this site, in the order {@link BarrierPlanReader} reads them:
   * {@code type}, {@code name}, {@code height_m} (only when it overrides the type's), {@code
   * azimuth_deg} (only when set), {@code year}.
   */
  public Map<String, Object> planProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", type.id());
    p.put("name", name);
    if (overridesHeight()) {
      p.put("height_m", height_m);
    }
    if (!Double.isNaN(azimuth_deg)) {
      p.put("azimuth_deg", azimuth_deg);
    }
    p.put("year", year);
    return p;
  }

  /** A builder with no fields set; height defaults to the type's, azimuth to none, year to 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields of a {@link SensorSite}; not thread-safe. */
  public static final class Builder {
    private String id;
    private String name;
    private SensorType type;
    private Geometry geometry_wgs84;
    private Geometry geometry_lks94;
    private double height_m = Double.NaN;
    private double azimuth_deg = Double.NaN;
    private int year;

    private Builder() {}

    public Builder withId(String id) {
      this.id = id;
      return this;
    }

    /** Sets the name; null for the type's name. */
    public Builder withName(String name) {
      this.name = name;
      return this;
    }

    public Builder withType(SensorType type) {
      this.type = type;
      return this;
    }

    public Builder withGeometry(Geometry geometry_wgs84, Geometry geometry_lks94) {
      this.geometry_wgs84 = geometry_wgs84;
      this.geometry_lks94 = geometry_lks94;
      return this;
    }

    /** Overrides the type's height; NaN for the type's. */
    public Builder withHeight_m(double height_m) {
      this.height_m = height_m;
      return this;
    }

    /** Sets the centre of the coverage arc; NaN for none. */
    public Builder withAzimuth_deg(double azimuth_deg) {
      this.azimuth_deg = azimuth_deg;
      return this;
    }

    public Builder withYear(int year) {
      this.year = year;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a figure is out of range (see {@link SensorSite})
     */
    public SensorSite build() {
      Objects.requireNonNull(type, "type");
      return new SensorSite(
          id,
          name == null ? type.name() : name,
          type,
          geometry_wgs84,
          geometry_lks94,
          Double.isNaN(height_m) ? type.height_m() : height_m,
          azimuth_deg,
          year);
    }
  }
}
