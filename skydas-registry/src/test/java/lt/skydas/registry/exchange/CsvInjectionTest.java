package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV export against formula injection (issue 18, finding 6): a cell a spreadsheet would run as a
 * formula or DDE call is written behind an apostrophe, plain numbers stay numbers, and the file
 * reads back as it was.
 */
class CsvInjectionTest {
  @TempDir Path dir;

  private static RegistryRecord record(String id, String name, String notes) {
    Instant t = Instant.parse("2027-01-01T00:00:00Z");
    return new RegistryRecord(
        id,
        RecordKind.OBSTACLE,
        "bunker",
        name,
        Status.PLANNED,
        RecordCodec.geometry("POINT (24.2 55.2)"),
        false,
        false,
        false,
        null,
        null,
        notes,
        null,
        1,
        t,
        t);
  }

  @Test
  void formulaCellsAreQuotedAndReadBackAsTheyWere() throws Exception {
    List<String> hostile =
        List.of(
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\tleading tab",
            "\rleading CR",
            "'already quoted");
    List<RegistryRecord> rs = new java.util.ArrayList<>();
    for (int i = 0; i < hostile.size(); i++) {
      rs.add(record("r" + i, hostile.get(i), i == 2 ? "-5" : "note " + i));
    }
    Path f = dir.resolve("out.csv");
    RegistryExchange.write(rs, f, RegistryExchange.Format.CSV);
    String text = Files.readString(f);
    for (String h : hostile) {
      // no cell starts with a formula character, quoted or not: each is behind an apostrophe
      String start = h.substring(0, 3).replace("\"", "\"\"");
      assertThat(text).doesNotContain("," + start).doesNotContain(",\"" + start);
    }
    assertThat(text).contains(",\"'=HYPERLINK").contains(",\"'@SUM").contains(",\"'-2+3");
    assertThat(text).contains(",-5,"); // a plain number stays a number
    List<RecordDraft> back = RegistryExchange.read(f, RegistryExchange.Format.CSV);
    assertThat(back).extracting(RecordDraft::name).containsExactlyElementsOf(hostile);
    assertThat(back.get(2).notes()).isEqualTo("-5");
  }

  /**
   * Issue 19: the safe export starts with a UTF-8 byte order mark (Excel reads it as UTF-8, not the
   * ANSI code page: Lithuanian names survive); {@code raw} writes the values exactly, no mark, and
   * reads back exactly, apostrophes included.
   */
  @Test
  void safeExportHasTheMarkAndRawIsExact() throws Exception {
    List<RegistryRecord> rs =
        List.of(record("r0", "Šalčininkų =A1", "n"), record("r1", "'=kept as typed", "-x"));
    Path safe = dir.resolve("safe.csv");
    RegistryExchange.write(rs, safe, RegistryExchange.Format.CSV);
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(safe), 3);
    assertThat(head).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(Files.readString(safe)).contains("''=kept as typed").contains(",\"'-x\",");

    Path raw = dir.resolve("raw.csv");
    RegistryExchange.write(rs, raw, RegistryExchange.Format.CSV, java.time.Clock.systemUTC(), true);
    String text = Files.readString(raw);
    assertThat(text).startsWith("id,type,").contains(",\"'=kept as typed\",").contains(",-x,");
    assertThat(text).contains(",sidc,sidc_app6d,lon,lat").contains(",24.2,55.2");
    for (Path f : List.of(safe, raw)) {
      List<RecordDraft> back = RegistryExchange.read(f, RegistryExchange.Format.CSV);
      assertThat(back)
          .as(f.toString())
          .extracting(RecordDraft::name)
          .containsExactly("Šalčininkų =A1", "'=kept as typed");
      assertThat(back.get(1).notes()).as(f.toString()).isEqualTo("-x");
    }
  }
}
