package lt.skydas.registry.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Activity;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;

/**
 * Reads registry records from and writes them to the formats users live in: GeoJSON, GeoPackage,
 * KML and CSV both ways; Cursor-on-Target (TAK) and a GICHD-shaped mine-action handover out only.
 *
 * <p>Reading gives {@link RecordDraft}s, not records: they are checked and stored by {@link
 * Registry#importAll}, all or nothing. Readers check only what the file itself can get wrong:
 * syntax, truncation, CRS (WGS84 lon/lat only), geometry encoding, field types, strings over
 * {@value #MAX_STRING_CHARS} characters and files over a size limit. Every such fault is a {@link
 * ProblemCode#BAD_INPUT} problem naming the file and the feature, placemark, row or layer; a reader
 * returns everything or throws. XML is parsed with DTDs, entities and XInclude refused.
 *
 * <p>Writing is atomic: a temporary sibling is moved into place when complete. Text is escaped by
 * the libraries (Jackson, StAX, SQLite bound parameters), so any string round-trips. Export then
 * import of GeoJSON, GeoPackage, KML or CSV gives back {@link RecordDraft#of} of every record
 * (apart from {@code where}); XML formats normalise a carriage return in text to a line feed.
 *
 * <p>Stateless and thread-safe.
 */
public final class RegistryExchange {
  /** Strings longer than this are refused on import. */
  public static final int MAX_STRING_CHARS = Fields.MAX_STRING;

  /** Default largest file {@link #read(Path, Format)} accepts: 256 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

  /** The exchange formats. */
  public enum Format {
    /** GeoJSON FeatureCollection (RFC 7946); {@code .geojson}, {@code .json}, {@code .gz}. */
    GEOJSON(true),
    /** OGC GeoPackage with a {@code records} feature layer; {@code .gpkg}. */
    GEOPACKAGE(true),
    /** KML 2.2 Placemarks; {@code .kml}. */
    KML(true),
    /** CSV with a header row and WKT geometry; {@code .csv}. */
    CSV(true),
    /**
     * Cursor-on-Target for TAK: {@code .zip} a TAK data package (one event per record), {@code
     * .cot} or {@code .xml} one event. Export only.
     */
    COT(false),
    /** GICHD-shaped hazardous-area handover (GeoJSON); {@code .gichd.json}. Export only. */
    GICHD(false);

    private final boolean readable;

    Format(boolean readable) {
      this.readable = readable;
    }

    /** Whether {@link RegistryExchange#read} accepts it. */
    public boolean readable() {
      return readable;
    }

    /** Lower-case name, as on the command line. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code geojson}, {@code gpkg}, {@code kml}, {@code csv}, {@code cot}, {@code gichd}.
     */
    public static Format parse(String s) {
      String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
      return switch (k) {
        case "geojson", "json" -> GEOJSON;
        case "gpkg", "geopackage" -> GEOPACKAGE;
        case "kml" -> KML;
        case "csv" -> CSV;
        case "cot", "tak" -> COT;
        case "gichd" -> GICHD;
        default ->
            throw new SkydasProblem(
                ProblemCode.USAGE,
                "unknown format '" + s + "' (one of geojson, gpkg, kml, csv, cot, gichd)");
      };
    }
  }

  private RegistryExchange() {}

  /**
   * The format a file name implies: {@code .geojson}, {@code .json}, {@code .geojson.gz} → GeoJSON
   * (but {@code .gichd.json} → GICHD), {@code .gpkg}, {@code .kml} and {@code .kmz}, {@code .csv},
   * {@code .zip} (TAK data package), {@code .cot} or {@code .xml} → CoT. Anything else is a {@link
   * ProblemCode#USAGE} problem.
   */
  public static Format fromPath(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString();
    n = n.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gichd.json")) {
      return Format.GICHD;
    }
    if (n.endsWith(".geojson") || n.endsWith(".json") || n.endsWith(".geojson.gz")) {
      return Format.GEOJSON;
    }
    if (n.endsWith(".gpkg")) {
      return Format.GEOPACKAGE;
    }
    if (n.endsWith(".kml") || n.endsWith(".kmz")) {
      return Format.KML;
    }
    if (n.endsWith(".csv")) {
      return Format.CSV;
    }
    if (n.endsWith(".cot") || n.endsWith(".xml") || n.endsWith(".zip")) {
      return Format.COT;
    }
    throw new SkydasProblem(
        ProblemCode.USAGE,
        file
            + ": cannot tell the format from the file name; use .geojson, .json, .geojson.gz,"
            + " .gpkg, .kml, .kmz, .csv, .zip (TAK data package), .cot (one CoT event) or .gichd.json, or name the"
            + " format explicitly",
        Map.of("file", file.toString()));
  }

  /** Reads drafts from {@code file}, refusing files over {@link #DEFAULT_MAX_FILE_BYTES}. */
  public static List<RecordDraft> read(Path file, Format format) {
    return read(file, format, DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Reads drafts from {@code file} in {@code format} (GeoJSON, GeoPackage, KML or CSV), in file
   * order, each with {@code where} naming its place ({@code obstacles.kml placemark 3}).
   *
   * @param maxFileBytes files larger than this (on disk, compressed or not) are refused
   * @throws SkydasProblem BAD_INPUT for any fault in the file, NOT_FOUND if it does not exist,
   *     USAGE for an export-only format
   */
  public static List<RecordDraft> read(Path file, Format format, long maxFileBytes) {
    if (!format.readable()) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          format.id() + " is an export format; import GeoJSON, GeoPackage, KML or CSV");
    }
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        throw SkydasProblem.badInput(
            name,
            null,
            "file is " + size + " bytes, larger than the limit of " + maxFileBytes + " bytes");
      }
      return switch (format) {
        case GEOJSON -> GeoJsonExchange.read(file);
        case GEOPACKAGE -> GpkgExchange.read(file);
        case KML -> KmlExchange.read(file);
        case CSV -> CsvExchange.read(file);
        case COT, GICHD -> throw new IllegalStateException("unreachable");
      };
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, name + ": no such file", Map.of("file", name), e);
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Writes {@code records} to {@code file} in {@code format}, atomically. GICHD written this way
   * has no activities; use {@link #writeGichd} to include land release.
   *
   * @throws SkydasProblem OUTPUT_FAILED if the file cannot be written
   */
  public static void write(List<RegistryRecord> records, Path file, Format format) {
    write(records, file, format, Clock.systemUTC());
  }

  /** As {@link #write(List, Path, Format)}, with the clock that stamps CoT and GICHD files. */
  public static void write(List<RegistryRecord> records, Path file, Format format, Clock clock) {
    write(records, file, format, clock, false);
  }

  /**
   * As {@link #write(List, Path, Format, Clock)}; {@code raw} writes a CSV exactly (no BOM, no
   * formula cells defused) instead of safe to open in a spreadsheet.
   */
  public static void write(
      List<RegistryRecord> records, Path file, Format format, Clock clock, boolean raw) {
    switch (format) {
      case GEOJSON -> GeoJsonExchange.write(records, file);
      case GEOPACKAGE -> GpkgExchange.write(records, file);
      case KML -> KmlExchange.write(records, file);
      case CSV -> CsvExchange.write(records, file, raw);
      case COT -> CotWriter.write(records, file, clock.instant());
      case GICHD -> GichdWriter.write(records, Map.of(), file, clock.instant());
    }
  }

  /**
   * Writes the GICHD-shaped handover: one hazardous area per laid minefield with its land-release
   * and clearance-task activities ({@code activities} keyed by record id, e.g. from {@link
   * Registry#activities}).
   */
  /**
   * A GeoPackage to the DGIWG GeoPackage profile (NGA's library writes and validates it; ADR 0031):
   * the records as {@link Format#GEOPACKAGE} writes them, with the dataset's metadata (DGIWG
   * Metadata Foundation, ISO 19139) and WGS 84 in WKT 2; a file the validation faults is not
   * written.
   */
  public static void writeDgiwg(List<RegistryRecord> records, Path file, Clock clock) {
    GpkgExchange.write(records, file, clock.instant());
  }

  public static void writeGichd(
      List<RegistryRecord> records, Map<String, List<Activity>> activities, Path file) {
    writeGichd(records, activities, file, Clock.systemUTC());
  }

  /** As {@link #writeGichd(List, Map, Path)} with the clock that stamps the file. */
  public static void writeGichd(
      List<RegistryRecord> records,
      Map<String, List<Activity>> activities,
      Path file,
      Clock clock) {
    GichdWriter.write(records, activities, file, clock.instant());
  }

  /**
   * The handover status ({@code open}, {@code closed}, {@code handed_over}) or null if not laid.
   */
  public static String gichdStatus(lt.skydas.registry.Status s) {
    return GichdWriter.hazardStatus(s);
  }

  /**
   * Each record's Cursor-on-Target event (as the TAK data package holds them) as UTF-8 bytes
   * without an XML prolog, for streaming to a TAK server one after another.
   */
  public static List<byte[]> cotEvents(List<RegistryRecord> records, Clock clock) {
    try {
      return CotWriter.events(records, clock.instant());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("writing CoT to memory failed", e);
    }
  }

  /** A record's GeoJSON properties, as the GeoJSON export writes them (no geometry). */
  public static java.util.Map<String, Object> featureProperties(RegistryRecord r) {
    return GeoJsonExchange.properties(r);
  }
}
