package lt.skydas.observe;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.io.SourcedCsv;
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
    return of(SourcedCsv.resource(ClutterTable.class, "clutter.csv"), "built-in clutter.csv");
  }

  /** A table from a CSV file ({@code land_cover,height_m,source,note}, one row per class). */
  public static ClutterTable load(Path file) {
    return of(SourcedCsv.file(file), file.toString());
  }

  static ClutterTable parse(Reader reader, String name) throws IOException {
    return of(SourcedCsv.read(reader, name), name);
  }

  private static ClutterTable of(List<SourcedCsv.Row> rows, String name) {
    Map<LandCover, Entry> map = new EnumMap<>(LandCover.class);
    for (SourcedCsv.Row row : rows) {
      Entry e = entry(row, name);
      if (map.put(e.landCover(), e) != null) {
        throw SkydasProblem.badInput(
            name, row.where(), "duplicate row for " + e.landCover().name());
      }
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

  private static Entry entry(SourcedCsv.Row row, String name) {
    String cover = row.required("land_cover").toUpperCase(Locale.ROOT);
    LandCover c;
    try {
      c = LandCover.valueOf(cover);
    } catch (IllegalArgumentException x) {
      throw SkydasProblem.badInput(
          name,
          row.where(),
          "unknown land_cover " + cover + " (expected one of " + List.of(LandCover.values()) + ")");
    }
    return new Entry(c, row.number("height_m", 0, MAX_HEIGHT_M), row.source(), row.note());
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
