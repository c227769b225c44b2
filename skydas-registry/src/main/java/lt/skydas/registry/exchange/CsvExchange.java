package lt.skydas.registry.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Symbology;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;

/**
 * CSV (RFC 4180, UTF-8, comma-separated, a header row). Columns {@code id, type, name, status,
 * year, notes, marked, fenced, monitored, height_m, azimuth_deg, wkt, minefield, depot, shelter}:
 * geometry as WKT in WGS84 lon/lat, the minefield record and a depot's stock as their JSON text;
 * then, written for spreadsheets and GIS and ignored on import, {@code sidc, sidc_app6d} (the map
 * symbol, {@link Symbology}) and {@code lon, lat} (a point record's position). On import the header
 * names the columns (any order, case ignored, unknown columns ignored); {@code wkt} is required; an
 * empty cell is an absent value. Stateless.
 */
final class CsvExchange {
  static final List<String> HEADER;

  static {
    List<String> h = new ArrayList<>(Fields.COLUMNS);
    h.add("wkt");
    h.add("minefield");
    h.add("depot");
    h.add("shelter");
    h.add("sidc");
    h.add("sidc_app6d");
    h.add("lon");
    h.add("lat");
    HEADER = List.copyOf(h);
  }

  private CsvExchange() {}

  /** A mapper whose parser refuses a cell while it is read past a million characters. */
  private static CsvMapper mapper() {
    return new CsvMapper(
        com.fasterxml.jackson.dataformat.csv.CsvFactory.builder()
            .streamReadConstraints(
                com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Fields.MAX_MINEFIELD_JSON)
                    .build())
            .build());
  }

  static List<RecordDraft> read(Path file) throws IOException {
    String name = file.toString();
    CsvMapper m = mapper();
    m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<RecordDraft> out = new ArrayList<>();
    int row = 0;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = m.readerFor(String[].class).readValues(r)) {
      if (!it.hasNext()) {
        throw SkydasProblem.badInput(name, null, "file is empty (expected a header row)");
      }
      String[] header = it.next();
      // a spreadsheet-safe export starts with the byte order mark; only its cells are defused
      boolean safe = header.length > 0 && header[0].startsWith("\uFEFF");
      Map<String, Integer> col = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        String h = header[i].strip().toLowerCase(Locale.ROOT);
        if (i == 0 && h.startsWith("\uFEFF")) {
          h = h.substring(1);
        }
        col.putIfAbsent(h, i);
      }
      if (!col.containsKey("wkt")) {
        throw SkydasProblem.badInput(
            name, "line 1", "no 'wkt' column (header: " + String.join(",", HEADER) + ")");
      }
      while (it.hasNextValue()) {
        // the parser stands just past the previous row's line end: the start of this row
        int line = it.getParser().currentLocation().getLineNr();
        String[] v = it.nextValue();
        row++;
        String where = "row " + row + " (line " + line + ")";
        if (v.length == 1 && v[0].isBlank()) {
          continue;
        }
        if (v.length > header.length) {
          throw SkydasProblem.badInput(
              name, where, v.length + " values but the header has " + header.length + " columns");
        }
        Map<String, Object> values = new HashMap<>();
        for (var e : col.entrySet()) {
          int i = e.getValue();
          if (i < v.length && !v[i].isEmpty()) {
            values.put(e.getKey(), safe ? lt.skydas.core.text.CsvCells.undefuse(v[i]) : v[i]);
          }
        }
        out.add(Fields.draft(name, where, wkt(name, where, (String) values.get("wkt")), values));
      }
    } catch (CharacterCodingException e) {
      throw SkydasProblem.badInput(name, rowLabel(row), "not UTF-8 text");
    } catch (JsonProcessingException e) {
      if (tooLong(e)) {
        throw cellTooLong(name, row);
      }
      String msg = String.valueOf(e.getOriginalMessage());
      throw SkydasProblem.badInput(
          name,
          e.getLocation() == null ? rowLabel(row) : "line " + e.getLocation().getLineNr(),
          msg.contains("closing quote") ? "file is truncated or has an unclosed quote" : msg);
    } catch (RuntimeException e) {
      if (tooLong(e)) {
        throw cellTooLong(name, row);
      }
      if (e.getCause() instanceof JsonProcessingException j) {
        throw SkydasProblem.badInput(name, rowLabel(row + 1), j.getOriginalMessage());
      }
      throw e;
    }
    return out;
  }

  /** Whether the parser refused a cell over the length limit (possibly wrapped). */
  private static boolean tooLong(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  private static SkydasProblem cellTooLong(String file, int rowsRead) {
    return SkydasProblem.badInput(
        file,
        "row " + (rowsRead + 1),
        "a cell longer than " + Fields.MAX_MINEFIELD_JSON + " characters (refused while read)");
  }

  private static String rowLabel(int row) {
    return row == 0 ? null : "row " + row;
  }

  private static Geometry wkt(String file, String where, String text) {
    if (text == null) {
      throw SkydasProblem.badInput(file, where, "wkt: missing (the geometry as WKT, lon lat)");
    }
    if (text.length() > Fields.MAX_MINEFIELD_JSON) {
      throw SkydasProblem.badInput(file, where, "wkt: " + text.length() + " characters, too long");
    }
    try {
      return lt.skydas.core.geo.WktText.read(text, Fields.WGS84);
    } catch (ParseException | IllegalArgumentException e) {
      throw SkydasProblem.badInput(file, where, "wkt: not valid WKT: " + e.getMessage());
    }
  }

  /**
   * Writes the records; safe for spreadsheets unless {@code raw}: a UTF-8 byte order mark (Excel
   * then reads UTF-8) and formula cells defused ({@link lt.skydas.core.text.CsvCells}). Raw: the
   * values exactly, no mark. Import takes the apostrophes off again only in a file with the mark.
   */
  static void write(List<RegistryRecord> records, Path file, boolean raw) {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String h : HEADER) {
      b.addColumn(h);
    }
    CsvSchema schema = b.build().withHeader();
    CsvMapper m = mapper();
    AtomicOutput.writeFile(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          if (!raw) {
            w.write('\uFEFF');
          }
          try (SequenceWriter sw = m.writer(schema).writeValues(w)) {
            for (RegistryRecord r : records) {
              List<String> row = new ArrayList<>(Fields.textOf(r).values());
              row.add(RecordCodec.wkt(r.geometry()));
              row.add(Fields.minefieldJson(r));
              row.add(Fields.depotJson(r));
              row.add(Fields.shelterJson(r));
              Symbology.Symbol sym = Symbology.defaults().of(r);
              row.add(sym.sidc());
              row.add(sym.sidcApp6d());
              boolean point = r.geometry() instanceof Point;
              row.add(point ? KmlExchange.plain(r.geometry().getCoordinate().x) : null);
              row.add(point ? KmlExchange.plain(r.geometry().getCoordinate().y) : null);
              // an absent value is an empty cell (Jackson would drop a null array element)
              row.replaceAll(
                  v -> v == null ? "" : raw ? v : lt.skydas.core.text.CsvCells.defuse(v));
              sw.write(row.toArray(new String[0]));
            }
          }
        });
  }
}
