package lt.skydas.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.plan.Emplacement.Employment;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.ObstacleType.GeometryKind;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;

/**
 * The catalogs a record's {@code type} comes from: the obstacle catalog (obstacles and minefields)
 * and the sensor catalog (sensor, EW and counter-drone sites), plus the registry's own type {@link
 * #DEPOT} (ammunition and stock depots: no catalog describes them, ADR 0013) and {@link #SHELTER}
 * (civil-protection shelters, issue 17). A type id names one entry of one of them, so the catalogs
 * may not share an id nor use {@code depot} or {@code shelter}. Immutable and thread-safe.
 *
 * @param obstacles the obstacle catalog
 * @param sensors the sensor catalog
 */
public record Catalogs(ObstacleCatalog obstacles, SensorCatalog sensors) {
  /** The type id of depot records: the registry's own, in no catalog. */
  public static final String DEPOT = "depot";

  /** The type id of shelter records: the registry's own, in no catalog. */
  public static final String SHELTER = "shelter";

  /**
   * @throws IllegalArgumentException if a type id is in both catalogs, or either uses {@link
   *     #DEPOT} or {@link #SHELTER}
   */
  public Catalogs {
    Objects.requireNonNull(obstacles, "obstacles");
    Objects.requireNonNull(sensors, "sensors");
    for (String own : List.of(DEPOT, SHELTER)) {
      if (obstacles.findType(own).isPresent() || sensors.findType(own).isPresent()) {
        throw new IllegalArgumentException(
            "type id '"
                + own
                + "' is the registry's own ("
                + own
                + " records); a catalog may not use it");
      }
    }
    Set<String> ids = new HashSet<>();
    obstacles.listTypes().forEach(t -> ids.add(t.id()));
    for (SensorType s : sensors.listTypes()) {
      if (ids.contains(s.id())) {
        throw new IllegalArgumentException(
            "type id '"
                + s.id()
                + "' is in both the obstacle catalog ("
                + obstacles.origin()
                + ") and the sensor catalog ("
                + sensors.origin()
                + ")");
      }
    }
  }

  /** The given obstacle catalog beside the shipped sensor catalog. */
  public static Catalogs of(ObstacleCatalog obstacles) {
    return new Catalogs(obstacles, SensorCatalog.defaults());
  }

  /** What the registry needs to know of the type {@code id}, from whichever catalog has it. */
  Optional<RecordType> findType(String id) {
    if (DEPOT.equals(id)) {
      return Optional.of(RecordType.depot());
    }
    if (SHELTER.equals(id)) {
      return Optional.of(RecordType.shelter());
    }
    Optional<ObstacleType> o = obstacles.findType(id);
    if (o.isPresent()) {
      return o.map(RecordType::of);
    }
    return sensors.findType(id).map(RecordType::of);
  }

  /**
   * Every type id, obstacles first, each catalog in its order, then {@code depot}, {@code shelter}.
   */
  List<String> listTypeIds() {
    List<String> out = new ArrayList<>();
    obstacles.listTypes().forEach(t -> out.add(t.id()));
    sensors.listTypes().forEach(t -> out.add(t.id()));
    out.add(DEPOT);
    out.add(SHELTER);
    return out;
  }

  /**
   * The stock kinds a depot may hold: every key of the obstacle types' {@code
   * emplacement().stockPerUnit()} ({@code ap_mines}, {@code at_mines}, {@code demolition_charges}
   * in the shipped catalog), in name order.
   */
  public Set<String> stockKinds() {
    Set<String> out = new TreeSet<>();
    for (ObstacleType t : obstacles.listTypes()) {
      out.addAll(t.emplacement().stockPerUnit().keySet());
    }
    return out;
  }

  /**
   * A catalog type as the registry's checks see it.
   *
   * @param id the type id
   * @param kind the kind of record it makes
   * @param geometry point, line or area
   * @param apMines whether it lays anti-personnel mines (CCW Article 5 applies)
   * @param arc_deg horizontal coverage arc in degrees (360 for obstacles and all-round sensors)
   * @param employment permanent, reserved or crisis-laid (sensor sites: permanent); picks the
   *     {@link Lifecycle}; null for depots and shelters (their own lifecycles, {@link
   *     Lifecycle#depot}, {@link Lifecycle#shelter})
   */
  record RecordType(
      String id,
      RecordKind kind,
      GeometryKind geometry,
      boolean apMines,
      double arc_deg,
      Employment employment) {
    static RecordType of(ObstacleType t) {
      return new RecordType(
          t.id(),
          t.mines().isMine() ? RecordKind.MINEFIELD : RecordKind.OBSTACLE,
          t.geometry(),
          t.mines().hasAp(),
          360,
          t.emplacement().employment());
    }

    static RecordType of(SensorType t) {
      return new RecordType(
          t.id(), RecordKind.SENSOR, t.geometry(), false, t.arc_deg(), Employment.PERMANENT);
    }

    /** The depot type: a point, in its own lifecycle. */
    static RecordType depot() {
      return new RecordType(DEPOT, RecordKind.DEPOT, GeometryKind.POINT, false, 360, null);
    }

    /** The shelter type: a point, in its own lifecycle. */
    static RecordType shelter() {
      return new RecordType(SHELTER, RecordKind.SHELTER, GeometryKind.POINT, false, 360, null);
    }

    /** The lifecycle records of this type follow. */
    Lifecycle lifecycle() {
      return switch (kind) {
        case DEPOT -> Lifecycle.depot();
        case SHELTER -> Lifecycle.shelter();
        default -> Lifecycle.of(employment);
      };
    }

    /** Whether a point or line of this type may be given as its footprint polygon instead. */
    boolean footprintAllowed() {
      return kind == RecordKind.OBSTACLE || kind == RecordKind.MINEFIELD;
    }
  }
}
