package lt.skydas.observe;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.LandCover;

/**
 * Clutter height per land-cover class: what forest, buildings or reeds add on top of the ground for
 * line of sight, in metres, each with its source or {@code estimate} and a note (the shipped {@code
 * clutter.csv}; pass your own to replace it). Immutable and thread-safe.
 */
public final class ClutterTable {
  /** Clutter heights above this are refused as absurd (the tallest Baltic trees are ~45 m). */
  public static final double MAX_HEIGHT_M = 100;

  /**
   * One row.
   *
   * @param height_m clutter height in metres, 0..{@link #MAX_HEIGHT_M}
   * @param source a reference (docs/data-sources.md) or {@code estimate}
   * @param note how an estimate was made
   */
  public record Entry(LandCover landCover, double height_m, String source, String note) {}

  private final Map<LandCover, Entry> entries;
  private final float[] byCode = new float[256];

  private ClutterTable(Map<LandCover, Entry> entries) {
    this.entries = Map.copyOf(entries);
    for (Entry e : entries.values()) {
      byCode[e.landCover().code() & 0xff] = (float) e.height_m();
    }
  }

  /** The shipped table. */
  public static ClutterTable defaults() {
    try (InputStream in = ClutterTable.class.getResourceAsStream("clutter.csv")) {
      if (in == null) {
        throw new IllegalStateException("clutter.csv missing from the classpath");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in clutter.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table from a CSV file ({@code land_cover,height_m,source,note}, one row per class). */
  public static ClutterTable load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such file", Map.of());
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  static ClutterTable parse(Reader reader, String name) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    Map<LandCover, Entry> map = new EnumMap<>(LandCover.class);
    int line = 0;
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> row = it.next();
        line = it.getCurrentLocation() == null ? line + 1 : it.getCurrentLocation().getLineNr();
        Entry e = entry(row, name, "line " + line);
        if (map.put(e.landCover(), e) != null) {
          throw SkydasProblem.badInput(
              name, "line " + line, "duplicate row for " + e.landCover().name());
        }
      }
    } catch (RuntimeJsonMappingException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw SkydasProblem.badInput(name, "line " + (line + 1), "malformed CSV: " + e.getMessage());
    }
    Set<String> missing = new TreeSet<>();
    for (LandCover c : LandCover.values()) {
      if (!map.containsKey(c)) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      throw SkydasProblem.badInput(name, null, "no clutter height for " + missing);
    }
    return new ClutterTable(map);
  }

  private static Entry entry(Map<String, String> row, String name, String where) {
    String cover = required(row, "land_cover", name, where).toUpperCase(Locale.ROOT);
    LandCover c;
    try {
      c = LandCover.valueOf(cover);
    } catch (IllegalArgumentException x) {
      throw SkydasProblem.badInput(
          name,
          where,
          "unknown land_cover " + cover + " (expected one of " + Set.of(LandCover.values()) + ")");
    }
    String text = required(row, "height_m", name, where);
    double h;
    try {
      h = Double.parseDouble(text);
    } catch (NumberFormatException x) {
      throw SkydasProblem.badInput(name, where, "height_m is not a number: " + text);
    }
    if (!Double.isFinite(h) || h < 0 || h > MAX_HEIGHT_M) {
      throw SkydasProblem.badInput(
          name, where, "height_m must be within 0.." + (int) MAX_HEIGHT_M + ", not " + text);
    }
    String source = required(row, "source", name, where);
    String note = row.getOrDefault("note", "");
    if (source.equalsIgnoreCase("estimate") && (note == null || note.isBlank())) {
      throw SkydasProblem.badInput(name, where, "an estimate needs a note saying how it was made");
    }
    return new Entry(c, h, source, note == null ? "" : note);
  }

  private static String required(Map<String, String> row, String col, String name, String where) {
    String v = row.get(col);
    if (v == null || v.isBlank()) {
      throw SkydasProblem.badInput(name, where, "missing " + col);
    }
    return v;
  }

  /** The row of a class. */
  public Entry entry(LandCover c) {
    return entries.get(c);
  }

  /** Clutter height in metres of a land-cover code (unsigned byte of the region raster). */
  public float height_m(byte landCoverCode) {
    return byCode[landCoverCode & 0xff];
  }
}
