package lt.skydas.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Puntal;

/**
 * The map symbol of a record: its MIL-STD-2525C letter SIDC and its APP-6(D) / MIL-STD-2525D number
 * SIDC, from the one table {@code symbols.tsv} (beside this class; {@code docs/symbols.md}). Every
 * export (GeoJSON, GeoPackage, KML, CSV, OGC API, Cursor-on-Target) and the web map take the codes
 * from here, so a symbol is fixed in one place.
 *
 * <p>The code follows the record's lifecycle: a {@link Stage} picks the row (an anti-tank ditch
 * under construction or complete; a bridge demolition planned, charged safe, armed or executed),
 * and while the record is <em>anticipated</em> (planned, approved, or prepared but not yet in the
 * ground) the status field says so: 2525C position 4 {@code A}, APP-6(D) digit 7 {@code 1}.
 * Sensors, EW and counter-drone sites take the 2525C code of their catalog type, and the APP-6(D)
 * code the table gives for it (rows {@code sensor:<2525C>}; none for a code of one's own catalog
 * the table does not list). A type the table does not list falls back by its geometry to an
 * obstacle line, an obstacle zone or a special point. Immutable and thread-safe.
 */
public final class Symbology {
  /** Where a record stands for its symbol, from its {@link Status}. */
  public enum Stage {
    PLANNED,
    PREPARED,
    ORDERED,
    BUILDING,
    PRESENT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The stage of a status. */
    public static Stage of(Status s) {
      return switch (s) {
        case PLANNED, APPROVED -> PLANNED;
        case PREPARED, STOCKED -> PREPARED;
        case ORDERED -> ORDERED;
        case UNDER_CONSTRUCTION -> BUILDING;
        default -> PRESENT;
      };
    }
  }

  /**
   * One record's symbol.
   *
   * @param sidc the 2525C letter SIDC, 15 characters, status letter set
   * @param sidcApp6d the APP-6(D) number SIDC, 20 digits, status digit set; null where the table
   *     has none
   * @param point whether milsymbol draws it as a point symbol (false: a line or area graphic)
   * @param name the standard's name of the 2525C code
   */
  public record Symbol(String sidc, String sidcApp6d, boolean point, String name) {}

  /** One row of the table. */
  record Row(
      String key,
      Set<Stage> stages,
      String sidc,
      String sidcApp6d,
      boolean point,
      String name2525c,
      String nameApp6d) {}

  static final String TABLE = "symbols.tsv";

  /** Rows keyed {@code sensor:<2525C>}: a sensor catalog code's APP-6(D) equivalent. */
  static final String SENSOR_PREFIX = "sensor:";

  private static final Symbology DEFAULTS = new Symbology(load(), SensorCatalog.defaults());

  private final Map<String, List<Row>> rows;
  private final SensorCatalog sensors;

  private Symbology(Map<String, List<Row>> rows, SensorCatalog sensors) {
    this.rows = rows;
    this.sensors = sensors;
  }

  /** The shipped table, with the shipped sensor catalog's codes. */
  public static Symbology defaults() {
    return DEFAULTS;
  }

  /** The shipped table with the codes of this sensor catalog. */
  public static Symbology withSensors(SensorCatalog sensors) {
    return new Symbology(DEFAULTS.rows, Objects.requireNonNull(sensors, "sensors"));
  }

  /** The symbol of a record. */
  public Symbol of(RegistryRecord r) {
    return of(r.kind(), r.type(), r.geometry(), r.status());
  }

  /** The symbol of a record of this kind, type, geometry and status. */
  public Symbol of(RecordKind kind, String type, Geometry g, Status status) {
    boolean anticipated = anticipated(kind, status);
    if (kind == RecordKind.SENSOR) {
      String s = sensors.findType(type).map(SensorType::sidc).orElse(null);
      if (s != null) {
        // the table's APP-6(D) equivalent of the catalog's code, when it has one
        List<Row> eq = rows.get(SENSOR_PREFIX + status2525c(s, false));
        String d = eq == null ? null : eq.get(0).sidcApp6d();
        return new Symbol(
            status2525c(s, anticipated),
            d == null ? null : statusApp6d(d, anticipated),
            true,
            type);
      }
    }
    String key =
        switch (kind) {
          case DEPOT -> Catalogs.DEPOT;
          case SHELTER -> Catalogs.SHELTER;
          default -> rows.containsKey(type) ? type : fallback(g);
        };
    Row row = row(key, Stage.of(status));
    return new Symbol(
        status2525c(row.sidc(), anticipated),
        row.sidcApp6d() == null ? null : statusApp6d(row.sidcApp6d(), anticipated),
        row.point(),
        row.name2525c());
  }

  /**
   * Whether a record in this status is not there yet: planned or approved, or (an obstacle, a
   * minefield, a sensor) prepared, stocked or ordered but not in the ground. A depot or a shelter
   * stands once prepared (built).
   */
  public static boolean anticipated(RecordKind kind, Status status) {
    if (kind == RecordKind.DEPOT || kind == RecordKind.SHELTER) {
      return status == Status.PLANNED || status == Status.APPROVED;
    }
    return status.standing() && !status.inGround() && !status.emplacedOrLater();
  }

  /** The table's rows, in file order (for the docs and tests). */
  List<Row> rows() {
    List<Row> out = new ArrayList<>();
    rows.values().forEach(out::addAll);
    return out;
  }

  private Row row(String key, Stage stage) {
    Row any = null;
    for (Row r : rows.get(key)) {
      if (r.stages().contains(stage)) {
        return r;
      }
      if (r.stages().isEmpty()) {
        any = r;
      }
    }
    return Objects.requireNonNull(any, () -> TABLE + ": no row for " + key + " at " + stage);
  }

  private static String fallback(Geometry g) {
    if (g instanceof Puntal) {
      return "point";
    }
    return g instanceof Lineal ? "line" : "area";
  }

  static String status2525c(String sidc, boolean anticipated) {
    return sidc.substring(0, 3) + (anticipated ? 'A' : 'P') + sidc.substring(4);
  }

  static String statusApp6d(String sidc, boolean anticipated) {
    return sidc.substring(0, 6) + (anticipated ? '1' : '0') + sidc.substring(7);
  }

  // ---- the table ----

  private static Map<String, List<Row>> load() {
    try (InputStream in = Symbology.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, List<Row>> parse(BufferedReader in) throws IOException {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    String line;
    int n = 0;
    boolean header = true;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 7) {
        throw new IllegalStateException(TABLE + " line " + n + ": 7 columns expected");
      }
      if (header) {
        header = false;
        continue;
      }
      Set<Stage> stages = EnumSet.noneOf(Stage.class);
      if (!c[1].equals("*")) {
        for (String s : c[1].split("\\|")) {
          stages.add(Stage.valueOf(s.toUpperCase(Locale.ROOT)));
        }
      }
      if (c[2].length() != 15 || !(c[3].isEmpty() || c[3].matches("\\d{20}"))) {
        throw new IllegalStateException(TABLE + " line " + n + ": malformed SIDC");
      }
      out.computeIfAbsent(c[0], k -> new ArrayList<>())
          .add(
              new Row(
                  c[0],
                  stages,
                  c[2],
                  c[3].isEmpty() ? null : c[3],
                  c[4].equals("point"),
                  c[5],
                  c[6].isEmpty() ? null : c[6]));
    }
    return out;
  }
}
