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
}
