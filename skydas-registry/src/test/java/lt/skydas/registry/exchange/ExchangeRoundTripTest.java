package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Issue 19: the DGIWG GeoPackage profile as NGA's library defines it — the file passes its DGIWG
   * validation, carries the DMF dataset metadata and WGS 84 in WKT 2, and reads back as the same
   * records through the importer.
   */
  @org.junit.jupiter.api.Test
  void aDgiwgProfileExportPassesNgasValidationAndReadsBack() throws Exception {
    Path out = dir.resolve("dgiwg.gpkg");
    RegistryExchange.writeDgiwg(
        records,
        out,
        java.time.Clock.fixed(
            java.time.Instant.parse("2027-03-01T10:00:00Z"), java.time.ZoneOffset.UTC));
    mil.nga.geopackage.dgiwg.DGIWGGeoPackage g =
        mil.nga.geopackage.dgiwg.DGIWGGeoPackageManager.open(out.toFile());
    try {
      assertThat(g.validate().hasErrors()).as(g.validate().toString()).isFalse();
      var dmf = g.queryGeoPackageDMFMetadata();
      assertThat(dmf).hasSize(1);
      assertThat(dmf.get(0).getMetadata().getMetadata())
          .contains("<gco:DateTime>2027-03-01T10:00:00Z</gco:DateTime>")
          .contains(records.size() + " records of the registry");
      // well-formed ISO 19139 (namespaces resolved)
      var dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      dbf.setNamespaceAware(true);
      var doc =
          dbf.newDocumentBuilder()
              .parse(
                  new java.io.ByteArrayInputStream(
                      dmf.get(0)
                          .getMetadata()
                          .getMetadata()
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("MD_Metadata");
      assertThat(doc.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.isotc211.org/2005/gmd");
      // the profile's own WKT for EPSG:4326 in the CRS WKT extension's column
      var srs = g.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
      assertThat(srs.getDefinition_12_063())
          .isEqualTo(mil.nga.geopackage.dgiwg.CoordinateReferenceSystem.EPSG_4326.getWkt());
    } finally {
      g.close();
    }
    // GDAL (QGIS) reads it as WGS 84, every feature, without a warning
    if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/ogrinfo"))) {
      Process p =
          new ProcessBuilder("ogrinfo", "-ro", "-al", out.toString())
              .redirectErrorStream(true)
              .start();
      String text =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor()).isZero();
      assertThat(text).doesNotContain("Warning").doesNotContain("ERROR").contains("WGS 84");
    } else {
      org.junit.jupiter.api.Assumptions.assumeTrue(
          System.getenv("CI") == null, "CI must have gdal-bin (ogrinfo)");
    }
    List<RecordDraft> back = RegistryExchange.read(out, Format.GEOPACKAGE);
    assertThat(back).hasSize(records.size());
    Map<String, RecordDraft> byId = new HashMap<>();
    back.forEach(d -> byId.put(d.id(), d));
    for (RegistryRecord r : records) {
      assertThat(ExchangeFixtures.comparable(byId.get(r.id())))
          .as("record %s via DGIWG", r.id())
          .isEqualTo(ExchangeFixtures.comparable(RecordDraft.of(r)));
    }
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
    // KML groups records in a folder per type: compared by id, in any order
    Map<String, RecordDraft> byId = new HashMap<>();
    back.forEach(d -> byId.put(d.id(), d));
    for (RegistryRecord r : records) {
      assertThat(byId).as("record %s via %s", r.id(), f).containsKey(r.id());
      assertThat(ExchangeFixtures.comparable(byId.get(r.id())))
          .as("record %s via %s", r.id(), f)
          .isEqualTo(ExchangeFixtures.comparable(RecordDraft.of(r)));
    }
    if (f != Format.KML) {
      assertThat(back)
          .extracting(RecordDraft::id)
          .as("order kept")
          .containsExactlyElementsOf(records.stream().map(RegistryRecord::id).toList());
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
    RecordDraft first =
        back.stream().filter(d -> d.id().equals(records.get(0).id())).findFirst().orElseThrow();
    assertThat(first.notes()).isEqualTo(ExchangeFixtures.MARKUP + "\nsecond line");
    assertThat(first.minefield().referencePoints().get(0).description())
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
          .containsExactlyInAnyOrderElementsOf(records.stream().map(RegistryRecord::id).toList());
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
