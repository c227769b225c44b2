package lt.skydas.mobility;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.problem.ProblemCode;
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
    try (InputStream in = SpeedTable.class.getResourceAsStream("speeds.csv")) {
      if (in == null) {
        throw new IllegalStateException("speeds.csv missing from the classpath");
      }
      return parse(
          new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "built-in speeds.csv");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a user's table. */
  public static SpeedTable load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such file", Map.of());
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  static SpeedTable parse(Reader reader, String name) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    Map<String, Entry> map = new HashMap<>();
    int line = 0;
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        line = it.getCurrentLocation() == null ? line + 1 : it.getCurrentLocation().getLineNr();
        String where = "line " + line;
        String kind = req(row, "kind", name, where).toLowerCase(Locale.ROOT);
        if (!kind.equals("terrain") && !kind.equals("road")) {
          throw SkydasProblem.badInput(name, where, "kind must be terrain or road, not " + kind);
        }
        String surface = req(row, "surface", name, where).toUpperCase(Locale.ROOT);
        List<String> allowed = kind.equals("terrain") ? TERRAIN : ROADS;
        if (!allowed.contains(surface)) {
          throw SkydasProblem.badInput(
              name,
              where,
              "unknown " + kind + " surface " + surface + " (expected " + allowed + ")");
        }
        VehicleClass v = withFile(name, () -> VehicleClass.parse(row.get("vehicle"), where));
        Season s = withFile(name, () -> Season.parse(row.get("season"), where));
        String speedText = req(row, "speed_kmh", name, where);
        double speed;
        try {
          speed = Double.parseDouble(speedText);
        } catch (NumberFormatException e) {
          throw SkydasProblem.badInput(name, where, "speed_kmh is not a number: " + speedText);
        }
        if (!Double.isFinite(speed) || speed < 0 || speed > 300) {
          throw SkydasProblem.badInput(
              name, where, "speed_kmh must be finite and within 0..300, not " + speedText);
        }
        String source = req(row, "source", name, where);
        String note = row.getOrDefault("note", "");
        if (source.equalsIgnoreCase("estimate") && (note == null || note.isBlank())) {
          throw SkydasProblem.badInput(
              name, where, "an estimate needs a note saying how it was made");
        }
        Entry e = new Entry(kind, surface, v, s, speed, source, note);
        if (map.put(key(kind, surface, v, s), e) != null) {
          throw SkydasProblem.badInput(
              name,
              where,
              "duplicate row for " + kind + " " + surface + " " + v.id() + " " + s.id());
        }
      }
    } catch (RuntimeJsonMappingException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw SkydasProblem.badInput(name, "line " + (line + 1), "malformed CSV: " + e.getMessage());
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

  private static String req(Map<String, String> row, String col, String name, String where) {
    String v = row.get(col);
    if (v == null || v.isBlank()) {
      throw SkydasProblem.badInput(name, where, "column " + col + " is empty or missing");
    }
    return v.trim();
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
