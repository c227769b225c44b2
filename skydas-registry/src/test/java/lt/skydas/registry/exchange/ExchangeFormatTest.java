package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.exchange.RegistryExchange.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Format detection, plan import, CoT and GICHD contents, GDAL reading our GeoPackage. */
class ExchangeFormatTest {
  @TempDir static Path dir;
  private static Registry registry;
  private static List<RegistryRecord> records;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2027-06-01T12:00:00Z"), ZoneOffset.UTC);

  @BeforeAll
  static void setUp() {
    registry = ExchangeFixtures.registry(dir, "r.gpkg");
    records = ExchangeFixtures.stored(registry);
  }

  @AfterAll
  static void tearDown() {
    registry.close();
  }

  @Test
  void formatFromFileName() {
    assertThat(RegistryExchange.fromPath(Path.of("a/plan.geojson"))).isEqualTo(Format.GEOJSON);
    assertThat(RegistryExchange.fromPath(Path.of("x.JSON"))).isEqualTo(Format.GEOJSON);
    assertThat(RegistryExchange.fromPath(Path.of("x.geojson.gz"))).isEqualTo(Format.GEOJSON);
    assertThat(RegistryExchange.fromPath(Path.of("x.gpkg"))).isEqualTo(Format.GEOPACKAGE);
    assertThat(RegistryExchange.fromPath(Path.of("x.kml"))).isEqualTo(Format.KML);
    assertThat(RegistryExchange.fromPath(Path.of("x.csv"))).isEqualTo(Format.CSV);
    assertThat(RegistryExchange.fromPath(Path.of("x.cot"))).isEqualTo(Format.COT);
    assertThat(RegistryExchange.fromPath(Path.of("x.xml"))).isEqualTo(Format.COT);
    assertThat(RegistryExchange.fromPath(Path.of("handover.gichd.json"))).isEqualTo(Format.GICHD);
    assertThat(Format.parse("gpkg")).isEqualTo(Format.GEOPACKAGE);
  }

  @Test
  void unknownExtensionIsAUsageProblem() {
    assertThatThrownBy(() -> RegistryExchange.fromPath(Path.of("records.shp")))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.USAGE))
        .hasMessageContaining("records.shp")
        .hasMessageContaining(".gpkg");
    assertThatThrownBy(() -> Format.parse("shapefile"))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.USAGE));
  }

  @Test
  void exportFormatsCannotBeRead() {
    assertThatThrownBy(() -> RegistryExchange.read(dir.resolve("x.cot"), Format.COT))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.USAGE));
  }

  @Test
  void missingFileIsNotFound() {
    assertThatThrownBy(() -> RegistryExchange.read(dir.resolve("none.geojson"), Format.GEOJSON))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND));
  }

  @Test
  void planFromOptimizeImportsAsPlannedRecords() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "name": "Plan East",
         "policy": {"ap_mines_enabled": false, "civilian_buffer_m": 500},
         "features": [
          {"type": "Feature", "id": "o1",
           "properties": {"type": "at_ditch", "name": "Ditch 1", "year": 1, "status": "chosen"},
           "geometry": {"type": "LineString", "coordinates": [[25.40, 54.75], [25.41, 54.755]]}},
          {"type": "Feature",
           "properties": {"type": "bunker", "id": "b9", "status": "pinned", "year": 2},
           "geometry": {"type": "Point", "coordinates": [25.42, 54.76]}},
          {"type": "Feature",
           "properties": {"type": "dragons_teeth", "id": "t3", "status": "existing"},
           "geometry": {"type": "LineString", "coordinates": [[25.43, 54.77], [25.44, 54.77]]}}
         ]}
        """);

    List<RecordDraft> drafts = RegistryExchange.read(plan, Format.GEOJSON);

    assertThat(drafts).extracting(RecordDraft::id).containsExactly("o1", "b9", "t3");
    assertThat(drafts).extracting(RecordDraft::status).containsOnly(Status.PLANNED);
    assertThat(drafts)
        .extracting(RecordDraft::notes)
        .containsExactly("plan status: chosen", "plan status: pinned", "plan status: existing");
    assertThat(drafts.get(0).where()).isEqualTo("plan.geojson feature 0 (id \"o1\")");
    assertThat(drafts.get(1).year()).isEqualTo(2);
    List<RegistryRecord> stored =
        registry.importAll(new Actor("planner", Role.PLANNER), drafts, plan.toString());
    assertThat(stored).extracting(RegistryRecord::status).containsOnly(Status.PLANNED);
  }

  @Test
  void cursorOnTargetEventsParseBack() throws Exception {
    Path out = dir.resolve("tak.zip");
    RegistryExchange.write(records, out, Format.COT, CLOCK);

    // a TAK data package: a manifest listing one single-event .cot file per record
    List<Element> events = new java.util.ArrayList<>();
    Document manifest = null;
    StringBuilder all = new StringBuilder();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          byte[] bytes = in.readAllBytes();
          all.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
          Document d = SafeXml.documentBuilder().parse(new java.io.ByteArrayInputStream(bytes));
          if (e.getName().equals("MANIFEST/manifest.xml")) {
            manifest = d;
          } else {
            assertThat(e.getName()).startsWith("cot/").endsWith(".cot");
            assertThat(d.getDocumentElement().getTagName()).isEqualTo("event");
            events.add(d.getDocumentElement());
          }
        }
      }
    }
    assertThat(manifest).isNotNull();
    assertThat(manifest.getDocumentElement().getAttribute("version")).isEqualTo("2");
    NodeList contents = manifest.getElementsByTagName("Content");
    assertThat(contents.getLength()).isEqualTo(records.size());
    assertThat(((Element) contents.item(1)).getAttribute("zipEntry"))
        .isEqualTo("cot/00002-mf-2.cot");
    assertThat(events).hasSize(records.size());
    // a .cot file holds one event
    Path one = dir.resolve("one.cot");
    RegistryExchange.write(records.subList(0, 1), one, Format.COT);
    try (InputStream in = Files.newInputStream(one)) {
      assertThat(SafeXml.documentBuilder().parse(in).getDocumentElement().getAttribute("uid"))
          .isEqualTo("skydas-mf-1");
    }
    assertThatThrownBy(() -> RegistryExchange.write(records, dir.resolve("all.cot"), Format.COT))
        .hasMessageContaining("a .cot file holds one CoT event and 12 records were selected")
        .hasMessageContaining(".zip");

    Element mf = event(events, "skydas-mf-1");
    assertThat(mf.getAttribute("version")).isEqualTo("2.0");
    assertThat(mf.getAttribute("type")).isEqualTo("u-d-f");
    assertThat(mf.getAttribute("how")).isEqualTo("h-e");
    assertThat(mf.getAttribute("time")).isEqualTo("2027-06-01T12:00:00Z");
    assertThat(mf.getAttribute("stale")).isEqualTo("2028-05-31T12:00:00Z");
    Element point = (Element) mf.getElementsByTagName("point").item(0);
    double lat = Double.parseDouble(point.getAttribute("lat"));
    double lon = Double.parseDouble(point.getAttribute("lon"));
    assertThat(lon).isBetween(25.60, 25.61);
    assertThat(lat).isBetween(54.60, 54.61);
    assertThat(point.getAttribute("hae")).isEqualTo("9999999.0");
    Element contact = (Element) mf.getElementsByTagName("contact").item(0);
    assertThat(contact.getAttribute("callsign")).isEqualTo(ExchangeFixtures.LITHUANIAN);
    assertThat(mf.getElementsByTagName("remarks").item(0).getTextContent())
        .isEqualTo(
            "type: at_minefield; status: emplaced; mines: 40; sidc: GFMPOFS--------;"
                + " app6d: 10032500002707011600");
    assertThat(((Element) mf.getElementsByTagName("__milsym").item(0)).getAttribute("id"))
        .isEqualTo("GFMPOFS--------");
    NodeList links = mf.getElementsByTagName("link");
    assertThat(links.getLength()).isEqualTo(5);
    assertThat(((Element) links.item(0)).getAttribute("point")).isEqualTo("54.6,25.6");

    Element bunker = event(events, "skydas-bunker:7");
    assertThat(bunker.getAttribute("type")).isEqualTo("b-m-p-s-m");
    Element bp = (Element) bunker.getElementsByTagName("point").item(0);
    assertThat(bp.getAttribute("lon")).isEqualTo("25.7012345678901");
    assertThat(bp.getAttribute("lat")).isEqualTo("54.7");
    assertThat(bunker.getElementsByTagName("link").getLength()).isZero();

    Element radar = event(events, "skydas-cuas-1");
    assertThat(radar.getAttribute("type")).isEqualTo("a-f-G-E-S");
    assertThat(event(events, "skydas-fence-1").getAttribute("type")).isEqualTo("u-d-f");

    // a depot: MIL-STD-2525B friendly ground supply class V (ammunition), its stock in remarks
    Element depot = event(events, "skydas-depot-1");
    assertThat(depot.getAttribute("type")).isEqualTo("a-f-G-U-S-S-5");
    assertThat(depot.getElementsByTagName("remarks").item(0).getTextContent())
        .startsWith("type: depot; status: stocked; stock: at_mines 1500 demolition_charges 12.5;");
    Element dp = (Element) depot.getElementsByTagName("point").item(0);
    assertThat(dp.getAttribute("lon")).isEqualTo("25.69");
    assertThat(dp.getAttribute("lat")).isEqualTo("54.72");

    Element ditch = event(events, "skydas-ditch-1");
    assertThat(((Element) ditch.getElementsByTagName("contact").item(0)).getAttribute("callsign"))
        .isEqualTo(ExchangeFixtures.SQL);
    Element teeth = event(events, "skydas-teeth-2");
    assertThat(((Element) teeth.getElementsByTagName("contact").item(0)).getAttribute("callsign"))
        .isEqualTo(ExchangeFixtures.MARKUP);
    assertThat(teeth.getElementsByTagName("remarks").item(0).getTextContent())
        .contains("2 parts, largest shown");
    assertThat(all.toString()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  private static Element event(List<Element> events, String uid) {
    for (Element e : events) {
      if (e.getAttribute("uid").equals(uid)) {
        return e;
      }
    }
    throw new AssertionError("no event " + uid);
  }

  @Test
  void gichdHandoverMapsStatusBenchmarkDevicesAndLandRelease() throws Exception {
    Path other = Files.createTempDirectory(dir, "gichd");
    try (Registry r = ExchangeFixtures.registry(other, "g.gpkg")) {
      List<RegistryRecord> all = ExchangeFixtures.stored(r);
      RegistryRecord clearing =
          r.create(
              ExchangeFixtures.ADMIN,
              ExchangeFixtures.minefieldDraft(
                  "mf-5", Status.CLEARANCE_IN_PROGRESS, 25.56, 54.66, "Clearing"));
      Activity release =
          r.addActivity(
              ExchangeFixtures.INSPECTOR,
              "mf-5",
              ActivityKind.LAND_RELEASE,
              ExchangeFixtures.square(25.56, 54.66, 0.005),
              Map.of(
                  "date",
                  "2030-04-02",
                  "method",
                  "cleared",
                  "clearance_depth_cm",
                  20,
                  "devices_found",
                  List.of(
                      Map.of(
                          "category",
                          "AT",
                          "model",
                          "TM-62M",
                          "condition",
                          "intact",
                          "lon",
                          25.561,
                          "lat",
                          54.661,
                          "depth_cm",
                          12,
                          "disposal",
                          "removed"))));
      List<RegistryRecord> records = new java.util.ArrayList<>(all);
      records.add(clearing);
      Path out = dir.resolve("handover.gichd.json");
      RegistryExchange.writeGichd(records, Map.of("mf-5", r.activities("mf-5")), out, CLOCK);

      JsonNode doc = RecordCodec.JSON.readTree(out.toFile());
      assertThat(doc.path("type").asText()).isEqualTo("FeatureCollection");
      assertThat(doc.path("generated_at").asText()).isEqualTo("2027-06-01T12:00:00Z");
      JsonNode fs = doc.path("features");
      // mf-1 emplaced, mf-2 cleared, mf-3 land released, mf-5 clearing; mf-4 planned is left out,
      // and so are the obstacles, sensor sites and the depot (not hazards: the handover is for
      // mine action)
      assertThat(fs.size()).isEqualTo(4);
      assertThat(doc.path("not_laid").asInt()).isEqualTo(1);
      Map<String, String> status = new java.util.HashMap<>();
      fs.forEach(
          f ->
              status.put(
                  f.path("properties").path("hazard_id").asText(),
                  f.path("properties").path("status").asText()));
      assertThat(status)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("mf-1", "open", "mf-2", "closed", "mf-3", "handed_over", "mf-5", "open"));

      JsonNode mf1 = fs.get(0).path("properties");
      assertThat(mf1.path("hazard_type").asText()).isEqualTo("confirmed_hazardous_area");
      assertThat(mf1.path("benchmark").path("name").asText())
          .isEqualTo(ExchangeFixtures.LITHUANIAN);
      assertThat(mf1.path("benchmark").path("lon").asDouble())
          .isCloseTo(25.599, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(mf1.path("benchmark").path("lat").asDouble())
          .isCloseTo(54.599, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(mf1.path("turning_points").size()).isEqualTo(4);
      assertThat(mf1.path("turning_points").get(0).path("lon").asDouble()).isEqualTo(25.6);
      assertThat(mf1.path("devices").get(0).path("model").asText()).isEqualTo("TM-62M");
      assertThat(mf1.path("devices").get(0).path("category").asText()).isEqualTo("AT");
      assertThat(mf1.path("devices").get(0).path("count").asInt()).isEqualTo(40);
      assertThat(mf1.path("date_laid_from").asText()).isEqualTo("2027-05-03T08:00:00Z");
      assertThat(fs.get(0).path("geometry").path("type").asText()).isEqualTo("Polygon");

      JsonNode mf5 = fs.get(3).path("properties");
      assertThat(mf5.path("hazard_id").asText()).isEqualTo("mf-5");
      JsonNode lr = mf5.path("land_release").get(0);
      assertThat(lr.path("activity_id").asText()).isEqualTo(release.id());
      assertThat(lr.path("method").asText()).isEqualTo("cleared");
      assertThat(lr.path("clearance_depth_cm").asInt()).isEqualTo(20);
      assertThat(lr.path("devices_found").get(0).path("model").asText()).isEqualTo("TM-62M");
    }
    assertThat(RegistryExchange.gichdStatus(Status.PLANNED)).isNull();
    assertThat(RegistryExchange.gichdStatus(Status.BREACHED)).isEqualTo("open");
    assertThat(RegistryExchange.gichdStatus(Status.STOCKED)).isNull();
    assertThat(RegistryExchange.gichdStatus(Status.ORDERED)).isNull();
    assertThat(RegistryExchange.gichdStatus(Status.LAID)).isEqualTo("open");
  }

  @Test
  void gdalReadsTheGeoPackage() throws Exception {
    assumeThat(onPath("ogrinfo")).as("ogrinfo (gdal-bin) on PATH").isTrue();
    Path out = dir.resolve("for-gdal.gpkg");
    RegistryExchange.write(records, out, Format.GEOPACKAGE);
    String text = ogr("ogrinfo", "-ro", "-al", "-so", out.toString());
    assertThat(ogr("ogrinfo", "-ro", "-al", out.toString()))
        .as("GDAL reads every feature without a warning")
        .doesNotContain("Warning")
        .doesNotContain("ERROR");
    assertThat(text)
        .containsAnyOf("EPSG\",4326", "ID[\"EPSG\",4326]", "WGS 84")
        .contains("minefield: String")
        .contains("sidc: String")
        .doesNotContain("ERROR");
    // one geometry type per layer, and every record in one of them
    java.util.Map<String, String> types = new java.util.HashMap<>();
    int total = 0;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "Layer name: (records_\\w+)[\\s\\S]*?Geometry: ([^\\n]+)\\s+Feature Count: (\\d+)")
            .matcher(text);
    while (m.find()) {
      types.put(m.group(1), m.group(2).trim());
      total += Integer.parseInt(m.group(3));
    }
    assertThat(types)
        .as(text)
        .containsEntry("records_points", "Point")
        .containsEntry("records_lines", "Line String")
        .containsEntry("records_multilines", "Multi Line String")
        .containsEntry("records_areas", "Polygon");
    assertThat(total).isEqualTo(records.size());
    // the standard R-tree: GDAL finds and uses it, and its triggers keep it right when GDAL edits
    for (String layer : types.keySet()) {
      assertThat(
              ogr(
                  "ogrinfo",
                  out.toString(),
                  "-sql",
                  "SELECT HasSpatialIndex('" + layer + "', 'geom') AS idx"))
          .as(layer)
          .containsPattern("HasSpatialIndex.*\\(Integer\\) = 1");
    }
    ogr(
        "ogrinfo",
        out.toString(),
        "-sql",
        "UPDATE records_points SET geom = ST_GeomFromText('POINT (26 55)', 4326) WHERE fid ="
            + " (SELECT MIN(fid) FROM records_points)");
    assertThat(
            ogr(
                "ogrinfo",
                "-ro",
                out.toString(),
                "-sql",
                "SELECT r.minx AS x FROM rtree_records_points_geom r"
                    + " WHERE r.id = (SELECT MIN(fid) FROM records_points)"))
        .containsPattern("\\(Real\\) = 26(\\.0+)?\\s");
  }

  /**
   * Issue 19: KML carries a style per kind and state and a folder per type; {@code .kmz} is the
   * same zipped, which reads back and which GDAL opens.
   */
  @Test
  void kmzHasStylesAndFoldersAndReadsBack() throws Exception {
    Path out = dir.resolve("records.kmz");
    RegistryExchange.write(records, out, Format.KML, CLOCK);
    String kml;
    java.util.Set<String> entries = new java.util.TreeSet<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
      var entry = zip.getEntry("doc.kml");
      assertThat(entry).isNotNull();
      try (InputStream in = zip.getInputStream(entry)) {
        kml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      zip.stream().forEach(e -> entries.add(e.getName()));
    }
    // point records show their 2525C icon, carried in the KMZ
    java.util.regex.Matcher icon =
        java.util.regex.Pattern.compile("<href>(icons/[A-Z-]{15}\\.png)</href>").matcher(kml);
    int icons = 0;
    while (icon.find()) {
      assertThat(entries).contains(icon.group(1));
      icons++;
    }
    assertThat(icons).as(kml).isPositive();
    assertThat(kml).contains("<styleUrl>#sym-GFSPPAS--------</styleUrl>"); // the stocked depot
    Document doc =
        SafeXml.documentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(kml)));
    NodeList folders = doc.getElementsByTagName("Folder");
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (int i = 0; i < folders.getLength(); i++) {
      names.add(((Element) folders.item(i)).getElementsByTagName("name").item(0).getTextContent());
    }
    assertThat(names)
        .containsAll(
            records.stream()
                .map(RegistryRecord::type)
                .collect(java.util.stream.Collectors.toSet()));
    assertThat(kml)
        .contains("<Style id=\"minefield-present\">")
        .contains("<styleUrl>#minefield-present</styleUrl>")
        .contains("<Data name=\"sidc\"><value>GFMPOFS--------</value></Data>");
    List<RecordDraft> back = RegistryExchange.read(out, Format.KML);
    assertThat(back)
        .extracting(RecordDraft::id)
        .containsExactlyInAnyOrderElementsOf(records.stream().map(RegistryRecord::id).toList());
    if (onPath("ogrinfo")) {
      assertThat(ogr("ogrinfo", "-ro", "-q", out.toString())).containsIgnoringCase("at_minefield");
    }
  }

  private static String ogr(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + text).isZero();
    return text;
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }
}
