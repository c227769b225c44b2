package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import lt.skydas.registry.exchange.RegistryExchange.Format;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile, malformed, truncated, wrongly projected and oversized files give clear problems. */
class ExchangeBadInputTest {
  @TempDir Path dir;

  private static final String PLACEMARK =
      "<Placemark><name>P1</name><Point><coordinates>25.6,54.6</coordinates></Point></Placemark>";

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static AbstractThrowableAssert<?, ?> badInput(Path file, Format f) {
    return assertThatThrownBy(() -> RegistryExchange.read(file, f))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageStartingWith(file.toString() + ": ");
  }

  private static String kml(String body) {
    return "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
        + body
        + "</Document></kml>";
  }

  // ---- XML attacks ----

  @Test
  void kmlWithInternalEntitiesIsRefused() throws Exception {
    Path f =
        write(
            "laughs.kml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<kml><Document><Placemark><name>&b;</name><Point><coordinates>25.6,54.6"
                + "</coordinates></Point></Placemark></Document></kml>");
    badInput(f, Format.KML).hasMessageContaining("DOCTYPE not allowed");
  }

  @Test
  void kmlWithExternalEntityIsRefusedAndNeverResolved() throws Exception {
    Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
    Path f =
        write(
            "xxe.kml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY x SYSTEM \""
                + secret.toUri()
                + "\">]>\n<kml><Document><Placemark><name>&x;</name><Point><coordinates>"
                + "25.6,54.6</coordinates></Point></Placemark></Document></kml>");
    badInput(f, Format.KML)
        .hasMessageContaining("DOCTYPE not allowed")
        .hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void kmlWithExternalDtdIsRefused() throws Exception {
    Path f =
        write(
            "dtd.kml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE kml SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + kml(PLACEMARK).substring(22));
    badInput(f, Format.KML).hasMessageContaining("DOCTYPE not allowed");
  }

  @Test
  void xincludeIsNotProcessed() throws Exception {
    Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
    Path f =
        write(
            "xinclude.kml",
            "<?xml version=\"1.0\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\""
                + " xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Document><Placemark><name>"
                + "<xi:include href=\""
                + secret.toUri()
                + "\" parse=\"text\"/></name><ExtendedData><Data name=\"type\"><value>bunker"
                + "</value></Data></ExtendedData><Point><coordinates>25.6,54.6</coordinates>"
                + "</Point></Placemark></Document></kml>");
    List<RecordDraft> d = RegistryExchange.read(f, Format.KML);
    assertThat(d).hasSize(1);
    assertThat(String.valueOf(d.get(0).name())).doesNotContain("TOP-SECRET");
    assertThat(d.get(0).type()).isEqualTo("bunker");
  }

  // ---- malformed and truncated ----

  @Test
  void truncatedKml() throws Exception {
    String full = kml(PLACEMARK);
    Path f = write("cut.kml", full.substring(0, full.length() - 30));
    badInput(f, Format.KML).hasMessageContaining("truncated");
  }

  @Test
  void kmlPlacemarkWithBadCoordinatesIsNamed() throws Exception {
    Path f =
        write(
            "bad.kml",
            kml(
                PLACEMARK
                    + "<Placemark><name>Second</name><LineString><coordinates>25.6,54.6 abc,54.7"
                    + "</coordinates></LineString></Placemark>"));
    badInput(f, Format.KML)
        .hasMessageContaining("placemark 2 (\"Second\")")
        .hasMessageContaining("'abc,54.7'");
  }

  @Test
  void kmlThatIsNotKml() throws Exception {
    badInput(write("x.kml", "<html><body/></html>"), Format.KML).hasMessageContaining("not KML");
  }

  @Test
  void kmlWithProjectedCoordinates() throws Exception {
    Path f =
        write(
            "lks.kml",
            kml("<Placemark><Point><coordinates>582000,6061000</coordinates></Point></Placemark>"));
    badInput(f, Format.KML)
        .hasMessageContaining("placemark 1")
        .hasMessageContaining("not WGS84 lon/lat");
  }

  @Test
  void truncatedGeoJson() throws Exception {
    Path f =
        write(
            "cut.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{");
    badInput(f, Format.GEOJSON).hasMessageContaining("truncated");
  }

  @Test
  void geoJsonThatIsNotJson() throws Exception {
    badInput(write("x.geojson", "type,name\n1,2\n"), Format.GEOJSON)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void geoJsonWithBadMinefieldNamesTheFeature() throws Exception {
    Path f =
        write(
            "mf.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"m1\","
                + "\"properties\":{\"type\":\"at_minefield\",\"minefield\":{\"lots\":\"many\"}},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[25.6,54.6]}}]}");
    badInput(f, Format.GEOJSON)
        .hasMessageContaining("feature 0 (id \"m1\")")
        .hasMessageContaining("minefield: not a valid minefield record");
  }

  @Test
  void geoJsonWithUnknownStatus() throws Exception {
    Path f = write("s.geojson", feature("\"status\":\"destroyed\""));
    badInput(f, Format.GEOJSON)
        .hasMessageContaining("'destroyed' is not a registry status")
        .hasMessageContaining("land_released");
  }

  @Test
  void truncatedCsv() throws Exception {
    Path f = write("cut.csv", "id,type,name,wkt\na,bunker,\"unfinished,POINT (25.6 54.6)\n");
    badInput(f, Format.CSV).hasMessageContaining("unclosed quote");
  }

  @Test
  void csvWithBadWktNamesTheRow() throws Exception {
    Path f =
        write(
            "bad.csv",
            "id,type,wkt\na,bunker,POINT (25.6 54.6)\nb,bunker,POINT (25.6\nc,bunker,POINT (1 2)\n");
    badInput(f, Format.CSV).hasMessageContaining("row 2 (line 3)").hasMessageContaining("WKT");
  }

  @Test
  void csvWithWktNestedThousandsDeepIsOneErrorNotAStackOverflow() throws Exception {
    String deep = "GEOMETRYCOLLECTION " + "(".repeat(5000) + ")".repeat(5000);
    Path f = write("deep.csv", "id,type,wkt\na,bunker,\"" + deep + "\"\n");
    badInput(f, Format.CSV)
        .hasMessageContaining("row 1")
        .hasMessageContaining("nested more than 16 deep");
  }

  @Test
  void aNumberBeyondAnyDoubleIsNotStoredAsInfinity() throws Exception {
    Path f =
        write(
            "inf.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"id\":1e999,\"type\":\"bunker\"},\"geometry\":"
                + "{\"type\":\"Point\",\"coordinates\":[25.6,54.6]}}]}");
    badInput(f, Format.GEOJSON).hasMessageContaining("id: a number beyond any double");
  }

  @Test
  void csvWithoutGeometryColumn() throws Exception {
    badInput(write("nowkt.csv", "id,type\na,bunker\n"), Format.CSV)
        .hasMessageContaining("no 'wkt' column");
  }

  @Test
  void csvWithTooManyValues() throws Exception {
    badInput(write("wide.csv", "id,wkt\na,POINT (25.6 54.6),extra\n"), Format.CSV)
        .hasMessageContaining("row 1")
        .hasMessageContaining("3 values but the header has 2");
  }

  @Test
  void geoPackageThatIsNotSqlite() throws Exception {
    badInput(write("fake.gpkg", "this is not a database"), Format.GEOPACKAGE)
        .hasMessageContaining("not a GeoPackage (not an SQLite database)");
  }

  @Test
  void truncatedGeoPackage() throws Exception {
    Path good = dir.resolve("good.gpkg");
    RegistryExchange.write(List.of(record("r1", "POINT (25.6 54.6)")), good, Format.GEOPACKAGE);
    byte[] all = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.gpkg");
    Files.write(cut, java.util.Arrays.copyOf(all, 2048));
    badInput(cut, Format.GEOPACKAGE).hasMessageContaining("GeoPackage");
  }

  // ---- wrong CRS ----

  @Test
  void geoJsonDeclaringAnotherCrs() throws Exception {
    Path f =
        write(
            "lks94.geojson",
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::3346\"}},\"features\":[]}");
    badInput(f, Format.GEOJSON).hasMessageContaining("EPSG::3346").hasMessageContaining("WGS84");
  }

  @Test
  void geoJsonWithProjectedCoordinates() throws Exception {
    Path f =
        write(
            "proj.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"type\":\"bunker\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[582000.0, 6061000.0]}}]}");
    badInput(f, Format.GEOJSON).hasMessageContaining("feature 0").hasMessageContaining("wrong CRS");
  }

  @Test
  void csvWithProjectedCoordinates() throws Exception {
    badInput(write("proj.csv", "id,type,wkt\na,bunker,POINT (582000 6061000)\n"), Format.CSV)
        .hasMessageContaining("row 1")
        .hasMessageContaining("EPSG:4326");
  }

  @Test
  void geoPackageLayerInAnotherCrs() throws Exception {
    Path f = dir.resolve("lks.gpkg");
    RegistryExchange.write(List.of(record("r1", "POINT (25.6 54.6)")), f, Format.GEOPACKAGE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO gpkg_spatial_ref_sys VALUES ('LKS94 / Lithuania TM', 3346, 'EPSG', 3346,"
              + " 'PROJCS[\"LKS94 / Lithuania TM\"]', 'LKS-94')");
      s.execute("UPDATE gpkg_geometry_columns SET srs_id = 3346");
      s.execute("UPDATE gpkg_contents SET srs_id = 3346");
    }
    badInput(f, Format.GEOPACKAGE)
        .hasMessageContaining("layer 'records_points'")
        .hasMessageContaining("EPSG:3346")
        .hasMessageContaining("not EPSG:4326");
  }

  /**
   * Issue 18, finding 7: a layer that is a view over randomblob(4e8), or a view of itself, ran the
   * reader out of memory or for 86 s; only stored tables are read.
   */
  @Test
  void geoPackageLayersThatAreViewsAreRefused() throws Exception {
    Path f = dir.resolve("view.gpkg");
    RegistryExchange.write(List.of(record("r1", "POINT (25.6 54.6)")), f, Format.GEOPACKAGE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE records_points RENAME TO stored");
      s.execute("CREATE VIEW records_points AS SELECT *, randomblob(400000000) AS big FROM stored");
    }
    long t0 = System.nanoTime();
    badInput(f, Format.GEOPACKAGE)
        .hasMessageContaining("layer 'records_points'")
        .hasMessageContaining("a view, not a table; Skydas reads stored tables only");
    assertThat((System.nanoTime() - t0) / 1e9).as("refused before reading a row").isLessThan(30);
  }

  /** A cell of 30 million characters is refused while read, naming its line. */
  @Test
  void anEnormousCsvCellIsRefusedWhileRead() throws Exception {
    Path f = dir.resolve("cell.csv");
    java.nio.file.Files.writeString(
        f, "id,type,wkt\na,bunker,\"POINT (25.6 54.6)" + " ".repeat(30_000_000) + "\"\n");
    badInput(f, Format.CSV)
        .hasMessage(f + ": row 1: a cell longer than 1000000 characters (refused while read)");
  }

  /** Issue 18, finding 7: 4.4 MB of .gz holding 3.6 GB of GeoJSON; now one line, not an OOM. */
  @Test
  void aCompressionBombIsRefused() throws Exception {
    Path f = dir.resolve("bomb.geojson.gz");
    try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(f))) {
      out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes());
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 200; i++) { // 200 MB of white space, about 200 kB compressed
        out.write(spaces);
      }
      out.write("]}".getBytes());
    }
    badInput(f, Format.GEOJSON)
        .hasMessageContaining("decompresses to more than 64 MB (50 times its size)")
        .hasMessageContaining("compression bomb");
  }

  // ---- enormous values ----

  @Test
  void stringsOverTenThousandCharactersAreRefused() throws Exception {
    String big = "x".repeat(RegistryExchange.MAX_STRING_CHARS + 1);
    badInput(write("big.geojson", feature("\"name\":\"" + big + "\"")), Format.GEOJSON)
        .hasMessageContaining("name: 10001 characters, at most 10000");
    badInput(write("big.csv", "id,notes,wkt\na," + big + ",POINT (25.6 54.6)\n"), Format.CSV)
        .hasMessageContaining("notes: 10001 characters");
  }

  @Test
  void filesOverTheLimitAreRefused() throws Exception {
    Path f = write("ok.geojson", feature("\"name\":\"fine\""));
    assertThat(RegistryExchange.read(f, Format.GEOJSON)).hasSize(1);
    assertThatThrownBy(() -> RegistryExchange.read(f, Format.GEOJSON, 64))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining("larger than the limit of 64 bytes");
  }

  private static String feature(String props) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
        + "{\"type\":\"bunker\","
        + props
        + "},\"geometry\":{\"type\":\"Point\",\"coordinates\":[25.6,54.6]}}]}";
  }

  private static RegistryRecord record(String id, String wkt) {
    java.time.Instant t = java.time.Instant.parse("2027-01-01T00:00:00Z");
    return new RegistryRecord(
        id,
        RecordKind.OBSTACLE,
        "bunker",
        null,
        Status.PLANNED,
        RecordCodec.geometry(wkt),
        false,
        false,
        false,
        null,
        null,
        null,
        null,
        1,
        t,
        t);
  }
}
