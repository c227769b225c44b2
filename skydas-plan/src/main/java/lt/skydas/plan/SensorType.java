package lt.skydas.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.skydas.plan.ObstacleType.GeometryKind;

/**
 * One entry of the sensor catalog: a sensor, EW system or counter-drone effector with its reach per
 * target class, siting, support needs and cost. Immutable and thread-safe; built by {@link
 * #builder()} (the catalog reader validates the figures before building).
 *
 * @param id stable id used in plan files ({@code gsr_portable}), lower_snake_case
 * @param name human name
 * @param category what it is for
 * @param geometry {@link GeometryKind#POINT} for sites, {@link GeometryKind#LINE} for cable sensors
 * @param unit what cost, upkeep, power and crew are per: {@code each} (points) or {@code km}
 *     (lines)
 * @param sidc MIL-STD-2525C letter symbol id, 15 characters, as milsymbol draws it
 * @param range_m detection (or effect) range per target class in metres in the open, before line of
 *     sight; 0 where it does not detect or affect that class
 * @param height_m mast or flight height of the sensor above the surface, m
 * @param arc_deg horizontal coverage arc, degrees in (0, 360]; 360 is omnidirectional
 * @param power_w electrical power drawn, W per unit
 * @param comms communications and supply needs, free text
 * @param costEur_perUnit price to buy, EUR per unit
 * @param upkeepEur_perYear upkeep, EUR per unit and year
 * @param crew persons per unit (fractional where operators are shared)
 * @param jamming radius and friendly systems denied, for jammers; null for others
 * @param notes free text
 * @param sources where each figure comes from, in file order: keys range, height, arc, power, cost,
 *     upkeep, crew, and ew for jammers; each cites a catalog reference as {@code [id]} or starts
 *     with {@code estimate:} and its reasoning
 */
public record SensorType(
    String id,
    String name,
    SensorCategory category,
    GeometryKind geometry,
    String unit,
    String sidc,
    Map<TargetClass, Double> range_m,
    double height_m,
    double arc_deg,
    double power_w,
    String comms,
    double costEur_perUnit,
    double upkeepEur_perYear,
    double crew,
    Jamming jamming,
    String notes,
    Map<String, String> sources) {

  /**
   * What a jammer denies: everyone's receivers of the jammed kind within {@code radius_m}, our own
   * included.
   *
   * @param radius_m reach of the jamming effect, m
   * @param denies friendly systems it would also deny: system kinds ({@code gnss}, {@code
   *     uas_link}, {@code radio}), sensor categories or sensor type ids of the same catalog
   */
  public record Jamming(double radius_m, List<String> denies) {
    public Jamming {
      denies = List.copyOf(denies);
    }
  }

  public SensorType {
    Objects.requireNonNull(id);
    Objects.requireNonNull(category);
    Objects.requireNonNull(geometry);
    range_m = Collections.unmodifiableMap(new EnumMap<>(range_m));
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** Range in metres against one target class; 0 where it does not detect or affect it. */
  public double range_m(TargetClass target) {
    return range_m.getOrDefault(target, 0.0);
  }

  private static final Pattern REFERENCE = Pattern.compile("\\[([a-z0-9_]+)\\]");

  /** The reference ids one source text cites as {@code [id]}, in order; empty for estimates. */
  public static List<String> citedIn(String source) {
    List<String> ids = new ArrayList<>();
    Matcher m = REFERENCE.matcher(source);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The reference ids its figures cite, in order of first citation; empty if all are estimates. */
  public Set<String> listCitedReferences() {
    Set<String> ids = new LinkedHashSet<>();
    for (String s : sources.values()) {
      ids.addAll(citedIn(s));
    }
    return Collections.unmodifiableSet(ids);
  }

  /**
   * The figures (keys of {@link #sources()}) whose source cites a reference rather than starting
   * with {@code estimate:}, in file order.
   */
  public List<String> listSourcedFigures() {
    List<String> out = new ArrayList<>();
    sources.forEach(
        (figure, source) -> {
          if (!source.startsWith("estimate:")) {
            out.add(figure);
          }
        });
    return out;
  }

  /** The jamming effect, if this type jams. */
  public Optional<Jamming> findJamming() {
    return Optional.ofNullable(jamming);
  }

  /** A builder with no fields set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields of a {@link SensorType}; not thread-safe. */
  public static final class Builder {
    private String id;
    private String name;
    private SensorCategory category;
    private GeometryKind geometry = GeometryKind.POINT;
    private String unit = "each";
    private String sidc;
    private final Map<TargetClass, Double> range_m = new EnumMap<>(TargetClass.class);
    private double height_m;
    private double arc_deg = 360;
    private double power_w;
    private String comms = "";
    private double costEur_perUnit;
    private double upkeepEur_perYear;
    private double crew;
    private Jamming jamming;
    private String notes = "";
    private final Map<String, String> sources = new LinkedHashMap<>();

    private Builder() {}

    public Builder withId(String id) {
      this.id = id;
      return this;
    }

    public Builder withName(String name) {
      this.name = name;
      return this;
    }

    public Builder withCategory(SensorCategory category) {
      this.category = category;
      return this;
    }

    public Builder withGeometry(GeometryKind geometry, String unit) {
      this.geometry = geometry;
      this.unit = unit;
      return this;
    }

    public Builder withSidc(String sidc) {
      this.sidc = sidc;
      return this;
    }

    public Builder withRange_m(TargetClass target, double range_m) {
      this.range_m.put(target, range_m);
      return this;
    }

    public Builder withHeight_m(double height_m) {
      this.height_m = height_m;
      return this;
    }

    public Builder withArc_deg(double arc_deg) {
      this.arc_deg = arc_deg;
      return this;
    }

    public Builder withPower_w(double power_w) {
      this.power_w = power_w;
      return this;
    }

    public Builder withComms(String comms) {
      this.comms = comms;
      return this;
    }

    public Builder withCostEur_perUnit(double costEur_perUnit) {
      this.costEur_perUnit = costEur_perUnit;
      return this;
    }

    public Builder withUpkeepEur_perYear(double upkeepEur_perYear) {
      this.upkeepEur_perYear = upkeepEur_perYear;
      return this;
    }

    public Builder withCrew(double crew) {
      this.crew = crew;
      return this;
    }

    /** Sets the jamming effect; null for a type that does not jam. */
    public Builder withJamming(Jamming jamming) {
      this.jamming = jamming;
      return this;
    }

    public Builder withNotes(String notes) {
      this.notes = notes;
      return this;
    }

    public Builder withSource(String figure, String source) {
      this.sources.put(figure, source);
      return this;
    }

    public SensorType build() {
      return new SensorType(
          id,
          name,
          category,
          geometry,
          unit,
          sidc,
          range_m,
          height_m,
          arc_deg,
          power_w,
          comms,
          costEur_perUnit,
          upkeepEur_perYear,
          crew,
          jamming,
          notes,
          sources);
    }
  }
}
