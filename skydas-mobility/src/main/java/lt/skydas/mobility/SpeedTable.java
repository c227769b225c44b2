package lt.skydas.mobility;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.io.SourcedCsv;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Speeds made good (km/h) per surface × vehicle class × season: off-road per land-cover class
 * ({@code kind=terrain}) and on-road per road class ({@code kind=road}). 0 km/h means NO-GO.
 * Immutable and thread-safe.
 *
 * <p>Loaded from a CSV file ({@code kind,surface,vehicle,season,speed_kmh,source,note}); every row
 * must name its source (a reference, or {@code estimate} with a note) and every combination of the
 * required surfaces, classes and seasons must be present exactly once.
 */
public final class SpeedTable {
  /** Land-cover classes a table must cover (names of {@code lt.skydas.region.LandCover}). */
  public static final List<String> TERRAIN =
      List.of(
          "NODATA",
          "OPEN",
          "FOREST",
          "WETLAND_FIRM",
          "WETLAND_SOFT",
          "WATER",
          "RIVER",
          "STREAM",
          "BUILT_UP",
          "INDUSTRIAL");

  /** Road classes a table must cover (names of {@code lt.skydas.region.RoadClass}) plus FORD. */
  public static final List<String> ROADS =
      List.of(
          "MOTORWAY",
          "TRUNK",
          "PRIMARY",
          "SECONDARY",
          "TERTIARY",
          "MINOR",
          "TRACK",
          "PATH",
          "FORD");

  /** One row as read, with its provenance. */
  public record Entry(
      String kind,
      String surface,
      VehicleClass vehicle,
      Season season,
      double speed_kmh,
      String source,
      String note) {}

  private final Map<String, Entry> entries;
  private final String origin;

  private SpeedTable(Map<String, Entry> entries, String origin) {
    this.entries = Map.copyOf(entries);
    this.origin = origin;
  }

  /** The table shipped with Skydas. */
  public static SpeedTable defaults() {
    return of(SourcedCsv.resource(SpeedTable.class, "speeds.csv"), "built-in speeds.csv");
  }

  /** Reads a user's table. */
  public static SpeedTable load(Path file) {
    return of(SourcedCsv.file(file), file.toString());
  }

  static SpeedTable parse(Reader reader, String name) throws IOException {
    return of(SourcedCsv.read(reader, name), name);
  }

  private static SpeedTable of(List<SourcedCsv.Row> rows, String name) {
    Map<String, Entry> map = new HashMap<>();
    for (SourcedCsv.Row row : rows) {
      Entry e = entry(row, name);
      if (map.put(key(e.kind(), e.surface(), e.vehicle(), e.season()), e) != null) {
        throw SkydasProblem.badInput(
            name,
            row.where(),
            "duplicate row for "
                + e.kind()
                + " "
                + e.surface()
                + " "
                + e.vehicle().id()
                + " "
                + e.season().id());
      }
    }
    Set<String> missing = new TreeSet<>();
    for (VehicleClass v : VehicleClass.values()) {
      for (Season s : Season.values()) {
        for (String t : TERRAIN) {
          if (!map.containsKey(key("terrain", t, v, s))) {
            missing.add("terrain " + t + " " + v.id() + " " + s.id());
          }
        }
        for (String r : ROADS) {
          if (!map.containsKey(key("road", r, v, s))) {
            missing.add("road " + r + " " + v.id() + " " + s.id());
          }
        }
      }
    }
    if (!missing.isEmpty()) {
      List<String> first = new ArrayList<>(missing).subList(0, Math.min(5, missing.size()));
      throw SkydasProblem.badInput(
          name, null, missing.size() + " combinations have no speed, e.g. " + first);
    }
    return new SpeedTable(map, name);
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T withFile(String name, Parse<T> p) {
    try {
      return p.get();
    } catch (SkydasProblem e) {
      throw SkydasProblem.badInput(name, null, e.getMessage().replaceFirst("^input: ", ""));
    }
  }

  private static Entry entry(SourcedCsv.Row row, String name) {
    String where = row.where();
    String kind = row.required("kind").toLowerCase(Locale.ROOT);
    if (!kind.equals("terrain") && !kind.equals("road")) {
      throw SkydasProblem.badInput(name, where, "kind must be terrain or road, not " + kind);
    }
    String surface = row.required("surface").toUpperCase(Locale.ROOT);
    List<String> allowed = kind.equals("terrain") ? TERRAIN : ROADS;
    if (!allowed.contains(surface)) {
      throw SkydasProblem.badInput(
          name, where, "unknown " + kind + " surface " + surface + " (expected " + allowed + ")");
    }
    VehicleClass v = withFile(name, () -> VehicleClass.parse(row.cells().get("vehicle"), where));
    Season s = withFile(name, () -> Season.parse(row.cells().get("season"), where));
    double speed = row.number("speed_kmh", 0, 300);
    return new Entry(kind, surface, v, s, speed, row.source(), row.note());
  }

  private static String key(String kind, String surface, VehicleClass v, Season s) {
    return kind + '/' + surface + '/' + v.ordinal() + '/' + s.ordinal();
  }

  /** Off-road speed in km/h over a land-cover class (by enum name); 0 = NO-GO. */
  public double terrainSpeed_kmh(String landCover, VehicleClass v, Season s) {
    return get("terrain", landCover, v, s).speed_kmh();
  }

  /** On-road speed in km/h for a road class (by enum name, or FORD); 0 = NO-GO. */
  public double roadSpeed_kmh(String roadClass, VehicleClass v, Season s) {
    return get("road", roadClass, v, s).speed_kmh();
  }

  /** The row behind a value, with its source. */
  public Entry get(String kind, String surface, VehicleClass v, Season s) {
    Entry e = entries.get(key(kind, surface, v, s));
    if (e == null) {
      throw new IllegalArgumentException("no speed for " + kind + " " + surface);
    }
    return e;
  }

  /** Where the table came from (file name or built-in). */
  public String origin() {
    return origin;
  }

  /** All rows, unordered. */
  public java.util.Collection<Entry> entries() {
    return entries.values();
  }
}
