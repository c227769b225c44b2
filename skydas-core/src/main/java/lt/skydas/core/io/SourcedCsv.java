package lt.skydas.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * The data tables Skydas ships and users edit (speeds.csv, clutter.csv): CSV with a header, {@code
 * #} comment lines and blank lines skipped, cells trimmed, and every row naming its {@code source}
 * (a reference, or {@code estimate} with a {@code note}). Reads all rows with their line numbers;
 * problems are one line naming the file and the line. Stateless.
 */
public final class SourcedCsv {
  private SourcedCsv() {}

  /**
   * One data row.
   *
   * @param file the table's name, for messages
   * @param line its line number in the file (1-based)
   * @param cells the cells by column name, trimmed
   */
  public record Row(String file, int line, Map<String, String> cells) {
    /** {@code line N}, for messages. */
    public String where() {
      return "line " + line;
    }

    /** A cell that must be present and not blank, trimmed. */
    public String required(String column) {
      String v = cells.get(column);
      if (v == null || v.isBlank()) {
        throw SkydasProblem.badInput(file, where(), "column " + column + " is empty or missing");
      }
      return v.trim();
    }

    /** A number cell within {@code min..max}. */
    public double number(String column, double min, double max) {
      String text = required(column);
      double v;
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw SkydasProblem.badInput(file, where(), column + " is not a number: " + text);
      }
      if (!Double.isFinite(v) || v < min || v > max) {
        throw SkydasProblem.badInput(
            file,
            where(),
            column + " must be finite and within " + fmt(min) + ".." + fmt(max) + ", not " + text);
      }
      return v;
    }

    /** The row's {@code source}; an {@code estimate} must have a {@code note}. */
    public String source() {
      String source = required("source");
      String note = note();
      if (source.equalsIgnoreCase("estimate") && note.isBlank()) {
        throw SkydasProblem.badInput(
            file, where(), "an estimate needs a note saying how it was made");
      }
      return source;
    }

    /** The row's {@code note}, empty when none. */
    public String note() {
      String n = cells.get("note");
      return n == null ? "" : n;
    }

    private static String fmt(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** The rows of a table shipped as a classpath resource next to {@code anchor}. */
  public static List<Row> resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the classpath");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a user's file; a missing file is NOT_FOUND. */
  public static List<Row> file(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such file", Map.of());
    } catch (IOException e) {
      throw SkydasProblem.badInput(file.toString(), null, "cannot read: " + e.getMessage());
    }
  }

  /** The rows of a table read from {@code reader}; {@code name} names it in messages. */
  public static List<Row> read(Reader reader, String name) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    List<Row> rows = new ArrayList<>();
    int line = 0;
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
      while (it.hasNext()) {
        Map<String, String> cells = it.next();
        line = it.getCurrentLocation() == null ? line + 1 : it.getCurrentLocation().getLineNr();
        rows.add(new Row(name, line, cells));
      }
    } catch (RuntimeJsonMappingException | JsonProcessingException e) {
      throw SkydasProblem.badInput(name, "line " + (line + 1), "malformed CSV: " + e.getMessage());
    }
    return rows;
  }
}
