package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.exchange.RegistryExchange.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export then import gives the same drafts, hostile strings and all, in every two-way format. */
class ExchangeRoundTripTest {
  @TempDir static Path dir;
  private static Registry registry;
  private static List<RegistryRecord> records;

  @BeforeAll
  static void setUp() {
    registry = ExchangeFixtures.registry(dir, "r.gpkg");
    records = ExchangeFixtures.stored(registry);
  }

  @AfterAll
  static void tearDown() {
    registry.close();
  }

  private static Path file(Path dir, Format f) {
    return dir.resolve(
        "export."
            + switch (f) {
              case GEOJSON -> "geojson";
              case GEOPACKAGE -> "gpkg";
              case KML -> "kml";
              case CSV -> "csv";
              default -> throw new IllegalArgumentException();
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"GEOJSON", "GEOPACKAGE", "KML", "CSV"})
  void exportThenImportGivesEqualDrafts(Format f) {
    Path out = file(dir, f);
    RegistryExchange.write(records, out, f);
    assertThat(RegistryExchange.fromPath(out)).isEqualTo(f);

    List<RecordDraft> back = RegistryExchange.read(out, f);

    assertThat(back).hasSize(records.size());
    for (int i = 0; i < records.size(); i++) {
      assertThat(ExchangeFixtures.comparable(back.get(i)))
          .as("record %s via %s", records.get(i).id(), f)
          .isEqualTo(ExchangeFixtures.comparable(RecordDraft.of(records.get(i))));
    }
    assertThat(back.get(0).where()).startsWith("export.");
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"GEOJSON", "GEOPACKAGE", "KML", "CSV"})
  void hostileStringsSurviveExactly(Format f) {
    Path out = file(dir, f);
    RegistryExchange.write(records, out, f);
    List<RecordDraft> back = RegistryExchange.read(out, f);
    assertThat(back)
        .extracting(RecordDraft::name)
        .contains(ExchangeFixtures.SQL, ExchangeFixtures.MARKUP, ExchangeFixtures.LITHUANIAN);
    assertThat(back.get(0).notes()).isEqualTo(ExchangeFixtures.MARKUP + "\nsecond line");
    assertThat(back.get(0).minefield().referencePoints().get(0).description())
        .isEqualTo("road junction " + ExchangeFixtures.MARKUP);
  }

  @ParameterizedTest
  @EnumSource(
      value = Format.class,
      names = {"GEOJSON", "GEOPACKAGE", "KML", "CSV"})
  void exportedFileImportsIntoAnotherRegistry(Format f) throws Exception {
    Path out = file(dir, f);
    RegistryExchange.write(records, out, f);
    Path other = Files.createTempDirectory(dir, "other");
    try (Registry r2 = ExchangeFixtures.registry(other, "r2.gpkg")) {
      List<RegistryRecord> again =
          r2.importAll(ExchangeFixtures.ADMIN, RegistryExchange.read(out, f), out.toString());
      assertThat(again)
          .extracting(RegistryRecord::id)
          .containsExactlyElementsOf(records.stream().map(RegistryRecord::id).toList());
      assertThat(r2.verify().ok()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void writingReplacesAnOldFileAndLeavesNoTemporaries(Format f) throws Exception {
    Path sub = Files.createTempDirectory(dir, "atomic");
    // many records in CoT: a TAK data package
    String ext = f == Format.COT ? "zip" : f.id();
    Path out = sub.resolve("out." + ext);
    Files.writeString(out, "old content");
    RegistryExchange.write(records, out, f);
    assertThat(Files.readAllBytes(out)).isNotEqualTo("old content".getBytes());
    try (var s = Files.list(sub)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out." + ext);
    }
  }
}
