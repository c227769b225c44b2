package lt.skydas.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.SensorSite;
import lt.skydas.registry.Catalogs.RecordType;

/**
 * The checks every record draft passes before the registry stores it (import, create and edit
 * alike), collecting every problem as a {@link FieldError} rather than stopping at the first.
 * Checks against stored records (duplicates, overlapping minefields) are the registry's.
 */
final class DraftChecks {
  /** The highest mast or flight height a sensor site may have, m (as the sensor catalog). */
  static final double MAX_HEIGHT_M = 3000;

  /** The most items of one kind a depot may hold (a typo guard: 10^9). */
  static final double MAX_STOCK = 1e9;

  private final Catalogs catalogs;
  private final Territory territory;

  DraftChecks(Catalogs catalogs, Territory territory) {
    this.catalogs = catalogs;
    this.territory = territory;
  }

  /**
   * The record a draft describes, or null with the reasons added to {@code fe}: id, type, texts,
   * year, geometry (in the territory, valid, of the type's kind), minefield data, a sensor site's
   * height and azimuth, a depot's stock, and for a minefield in the ground the CCW Amended Protocol
   * II record.
   *
   * @param cur the stored record being edited (its version and creation time are kept), or null
   */
  RegistryRecord build(
      RecordDraft d, RegistryRecord cur, Instant now, String source, List<FieldError> fe) {
    String id = d.id();
    if (id == null) {
      id =
          (d.type() == null ? "rec" : d.type())
              + "-"
              + UUID.randomUUID().toString().substring(0, 13);
    } else if (!Registry.ID.matcher(id).matches()) {
      fe.add(
          new FieldError(
              "id",
              "'"
                  + RegistryProblems.shorten(id)
                  + "' is not a valid id (1-100 of letters, digits, . _ : -, starting with a letter or digit)"));
    }
    RecordType type = null;
    if (d.type() == null) {
      fe.add(new FieldError("type", "missing (one of " + typeIds() + ")"));
    } else {
      type = catalogs.findType(d.type()).orElse(null);
      if (type == null) {
        fe.add(
            new FieldError(
                "type",
                "unknown '" + RegistryProblems.shorten(d.type()) + "' (one of " + typeIds() + ")"));
      }
    }
    String name = checkText(d.name(), 500, "name", fe);
    String notes = checkText(d.notes(), 10_000, "notes", fe);
    String src = checkText(source, 1000, "source", fe);
    if (d.year() != null && (d.year() < 1 || d.year() > 100)) {
      fe.add(new FieldError("year", "must be 1 to 100 (is " + d.year() + ")"));
    }
    fe.addAll(GeometryChecks.checkRecord(d.geometry(), type, territory));
    MinefieldData mf = d.minefield();
    if (mf != null && type != null && type.kind() != RecordKind.MINEFIELD) {
      fe.add(new FieldError("minefield", "a " + type.id() + " is not a minefield"));
    }
    if (mf != null) {
      checkMinefieldText(mf, fe);
    }
    if (type != null) {
      checkSiting(d, type, fe);
    }
    DepotData depot = null;
    if (d.depot() != null && type != null && type.kind() != RecordKind.DEPOT) {
      fe.add(new FieldError("depot", "a " + type.id() + " is not a depot"));
    } else if (d.depot() != null) {
      depot = checkDepot(d.depot(), fe);
    }
    ShelterData shelter = null;
    if (d.shelter() != null && type != null && type.kind() != RecordKind.SHELTER) {
      fe.add(new FieldError("shelter", "a " + type.id() + " is not a shelter"));
    } else if (d.shelter() != null) {
      shelter = checkShelter(d.shelter(), fe);
    } else if (type != null && type.kind() == RecordKind.SHELTER) {
      fe.add(
          new FieldError(
              "shelter.capacity_persons", "a shelter needs its capacity (people it takes)"));
    }
    if (!fe.isEmpty() || type == null) {
      return null;
    }
    Status status = d.status() == null ? Status.PLANNED : d.status();
    RecordKind kind = type.kind();
    RegistryRecord r =
        new RegistryRecord(
            id,
            kind,
            type.id(),
            name,
            status,
            d.geometry(),
            Boolean.TRUE.equals(d.marked()),
            Boolean.TRUE.equals(d.fenced()),
            Boolean.TRUE.equals(d.monitored()),
            mf,
            d.height_m(),
            d.azimuth_deg(),
            depot,
            shelter,
            d.year(),
            notes,
            src,
            cur == null ? 1 : cur.version(),
            cur == null ? now : cur.createdAt(),
            now);
    if (cur == null && !type.lifecycle().has(status)) {
      fe.add(
          new FieldError(
              "status",
              "'"
                  + status.id()
                  + "' is not a status of a "
                  + type.lifecycle().describe(type.id())
                  + " (one of "
                  + String.join(", ", type.lifecycle().statuses().stream().map(Status::id).toList())
                  + ")"));
    }
    if (cur == null
        && kind == RecordKind.DEPOT
        && status == Status.STOCKED
        && r.depot().total() == 0) {
      fe.add(new FieldError("depot.stock", "a stocked depot holds something: give its stock"));
    }
    if (kind == RecordKind.MINEFIELD && status.emplacedOrLater()) {
      fe.addAll(RecordValidator.emplacementErrors(r, type.apMines()));
    }
    return fe.isEmpty() ? r : null;
  }

  /**
   * A sensor site's height within 0 to {@link #MAX_HEIGHT_M} m and azimuth within 0..360 degrees
   * (the plan files' rule, {@link SensorSite#isAzimuth}, so a plan imports as it reads), the
   * azimuth required when the type covers less than all round; neither on an obstacle or minefield.
   */
  private static void checkSiting(RecordDraft d, RecordType type, List<FieldError> fe) {
    if (type.kind() != RecordKind.SENSOR) {
      String why = "applies to sensor sites only (a " + type.id() + " is not a sensor)";
      if (d.height_m() != null) {
        fe.add(new FieldError("height_m", why));
      }
      if (d.azimuth_deg() != null) {
        fe.add(new FieldError("azimuth_deg", why));
      }
      return;
    }
    Double h = d.height_m();
    if (h != null && !(h >= 0 && h <= MAX_HEIGHT_M)) {
      fe.add(new FieldError("height_m", "must be 0 to 3000 m above the surface (is " + h + ")"));
    }
    Double az = d.azimuth_deg();
    if (az != null && !SensorSite.isAzimuth(az)) {
      fe.add(
          new FieldError(
              "azimuth_deg", "must be 0 to 360 degrees clockwise from north (is " + az + ")"));
    }
    if (az == null && type.arc_deg() < 360) {
      fe.add(
          new FieldError(
              "azimuth_deg",
              "required: a "
                  + type.id()
                  + " covers a "
                  + fmt(type.arc_deg())
                  + "° arc; give its centre in degrees clockwise from true north"));
    }
  }

  /**
   * A depot's stock: every kind one the obstacle catalog's emplacement blocks draw ({@link
   * Catalogs#stockKinds}), every count finite and within 0 to {@link #MAX_STOCK}; its storage note
   * at most 2,000 characters. The depot with its note cleaned, or null with the reasons in {@code
   * fe}.
   */
  private DepotData checkDepot(DepotData d, List<FieldError> fe) {
    int before = fe.size();
    Set<String> kinds = catalogs.stockKinds();
    for (Map.Entry<String, Double> e : d.stock().entrySet()) {
      String field = "depot.stock." + RegistryProblems.shorten(e.getKey());
      Double v = e.getValue();
      if (!kinds.contains(e.getKey())) {
        fe.add(
            new FieldError(
                field,
                "unknown stock kind '"
                    + RegistryProblems.shorten(e.getKey())
                    + "' (the obstacle catalog's emplacement blocks draw "
                    + String.join(", ", kinds)
                    + ")"));
      } else if (v == null || !(v >= 0 && v <= MAX_STOCK)) {
        fe.add(new FieldError(field, "must be a number of items from 0 to 1e9 (is " + v + ")"));
      }
    }
    String storage = checkText(d.storage(), 2000, "depot.storage", fe);
    return fe.size() == before ? new DepotData(d.stock(), storage) : null;
  }

  /**
   * A shelter's capacity (a whole number of people from 1 to {@link ShelterData#MAX_CAPACITY}), its
   * protection (one of {@link ShelterData#PROTECTIONS}, {@code other} when not given) and access
   * note (at most 2,000 characters). The shelter cleaned, or null with the reasons in {@code fe}.
   */
  private static ShelterData checkShelter(ShelterData d, List<FieldError> fe) {
    int before = fe.size();
    Integer cap = d.capacity_persons();
    if (cap == null) {
      fe.add(
          new FieldError(
              "shelter.capacity_persons", "a shelter needs its capacity (people it takes)"));
    } else if (cap < 1 || cap > ShelterData.MAX_CAPACITY) {
      fe.add(
          new FieldError(
              "shelter.capacity_persons",
              "must be a whole number of people from 1 to "
                  + ShelterData.MAX_CAPACITY
                  + " (is "
                  + cap
                  + ")"));
    }
    String protection = d.protection() == null ? "other" : d.protection();
    if (!ShelterData.PROTECTIONS.contains(protection)) {
      fe.add(
          new FieldError(
              "shelter.protection",
              "unknown '"
                  + RegistryProblems.shorten(protection)
                  + "' (one of "
                  + String.join(", ", new java.util.TreeSet<>(ShelterData.PROTECTIONS))
                  + ")"));
    }
    String access = checkText(d.access(), 2000, "shelter.access", fe);
    return fe.size() == before ? new ShelterData(cap, protection, access) : null;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void checkMinefieldText(MinefieldData m, List<FieldError> fe) {
    String json = RecordCodec.writeValue(m);
    if (json.length() > 2_000_000) {
      fe.add(
          new FieldError(
              "minefield",
              "record too large (" + json.length() + " characters, at most 2,000,000)"));
    }
    for (int i = 0; i < json.length(); i++) {
      char ch = json.charAt(i);
      if (ch == 0) {
        fe.add(new FieldError("minefield", "contains a NUL character"));
        break;
      }
    }
  }

  private static String checkText(String s, int max, String field, List<FieldError> fe) {
    try {
      return Text.clean(s, max, field);
    } catch (SkydasProblem p) {
      fe.add(new FieldError(field, p.getMessage().substring(field.length() + 2)));
      return null;
    }
  }

  private String typeIds() {
    return String.join(", ", catalogs.listTypeIds());
  }
}
