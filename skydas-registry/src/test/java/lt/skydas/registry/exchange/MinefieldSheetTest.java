package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.RecordValidator;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 20: the printable minefield record sheet (Technical Annex 1(a)): a well-formed diagram with
 * every turning point, reference point and sign, bearings and distances that agree with a plain
 * great-circle reference, the markings, what is missing, the history, and hostile strings kept as
 * text.
 */
class MinefieldSheetTest {
  @TempDir Path dir;

  private static final double R = 6_371_008.8;

  /** Great-circle distance (haversine) in metres. */
  private static double haversine(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
    double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * R * Math.asin(Math.sqrt(a));
  }

  /** Initial great-circle bearing in degrees, 0 to 360. */
  private static double bearing(double lon1, double lat1, double lon2, double lat2) {
    double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2), dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
  }

  private static Document svg(String html) throws Exception {
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static long withClass(Document d, String cls) {
    long n = 0;
    NodeList all = d.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      if (cls.equals(((Element) all.item(i)).getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aCompleteRecordsSheetDrawsAndTabulatesItsTechnicalAnnexRecord() throws Exception {
    try (Registry reg = ExchangeFixtures.registry(dir, "sheet.gpkg")) {
      ExchangeFixtures.stored(reg);
      RegistryRecord r = reg.find("mf-1").orElseThrow();
      String html =
          MinefieldSheet.html(
              r,
              RecordValidator.emplacementErrors(r, false),
              reg.history("mf-1"),
              reg.activities("mf-1"),
              Instant.parse("2027-06-01T10:00:00Z"));
      assertThat(html).contains("Complete:", "Minefield record mf-1");
      if (System.getenv("SKYDAS_SHEET_OUT") != null) {
        java.nio.file.Files.writeString(Path.of(System.getenv("SKYDAS_SHEET_OUT")), html);
      }
      Document d = svg(html);
      assertThat(withClass(d, "turning")).isEqualTo(4);
      assertThat(withClass(d, "reference")).isEqualTo(2);
      assertThat(withClass(d, "row")).isEqualTo(1);
      // signs every 50 m along the perimeter, from its first vertex
      double per = 0;
      var cs = r.geometry().getCoordinates();
      for (int i = 1; i < cs.length; i++) {
        per += haversine(cs[i - 1].x, cs[i - 1].y, cs[i].x, cs[i].y);
      }
      assertThat((double) withClass(d, "sign"))
          .isCloseTo(Math.floor(per / 50) + 1, org.assertj.core.data.Offset.offset(2.0));
      // each reference point's bearing and distance to its nearest turning point, against the
      // great circle (the sheet's local plane: within 0.5° and 0.5 %)
      MinefieldData m = r.minefield();
      Matcher mt = Pattern.compile("T(\\d+): (\\d+)° at (\\d+) m").matcher(html);
      for (MinefieldData.ReferencePoint p : m.referencePoints()) {
        assertThat(mt.find()).as(p.name()).isTrue();
        int t = Integer.parseInt(mt.group(1)) - 1;
        double bestD = Double.MAX_VALUE;
        int best = -1;
        for (int i = 0; i < cs.length - 1; i++) {
          double dd = haversine(p.lon(), p.lat(), cs[i].x, cs[i].y);
          if (dd < bestD) {
            bestD = dd;
            best = i;
          }
        }
        assertThat(t).as(p.name()).isEqualTo(best);
        assertThat(Double.parseDouble(mt.group(3)))
            .isCloseTo(bestD, org.assertj.core.data.Percentage.withPercentage(0.5));
        double want = bearing(p.lon(), p.lat(), cs[best].x, cs[best].y);
        double diff = Math.abs(Double.parseDouble(mt.group(2)) - want);
        assertThat(Math.min(diff, 360 - diff)).as(p.name()).isLessThanOrEqualTo(1.0);
      }
      // the markings and the laying
      assertThat(html)
          .contains("BZE-24-0318", "2024-03", "<td>PL</td>", "TM-62M", "mechanical", "28 × 20 cm")
          .contains("2027-05-03T08:00:00Z");
      // hostile strings are text: the reference point's markup, the record's name
      assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&quot;x&quot;)");
      assertThat(html).contains(ExchangeFixtures.LITHUANIAN);
      // the history: the import event
      assertThat(html).contains("History (audit trail)", "admin");
    }
  }

  @Test
  void anIncompleteRecordSaysWhatIsMissingAndAnObstacleHasNoSheet() throws Exception {
    try (Registry reg = ExchangeFixtures.registry(dir, "sheet2.gpkg")) {
      ExchangeFixtures.stored(reg);
      RegistryRecord planned = reg.find("mf-4").orElseThrow();
      RegistryRecord bare =
          new RegistryRecord(
              planned.id(),
              planned.kind(),
              planned.type(),
              planned.name(),
              planned.status(),
              planned.geometry(),
              false,
              false,
              false,
              MinefieldData.empty(),
              null,
              null,
              null,
              null,
              planned.year(),
              null,
              null,
              planned.version(),
              planned.createdAt(),
              planned.updatedAt());
      var missing = RecordValidator.emplacementErrors(bare, false);
      String html = MinefieldSheet.html(bare, missing, List.of(), List.of(), Instant.EPOCH);
      assertThat(html)
          .contains("Incomplete:</b> " + missing.size() + " field(s)")
          .contains("minefield.lots", "minefield.laid_from", "not recorded");
      svg(html); // still a drawable diagram: the perimeter alone
      RegistryRecord ditch = reg.find("ditch-1").orElseThrow();
      assertThatThrownBy(
              () -> MinefieldSheet.html(ditch, List.of(), List.of(), List.of(), Instant.EPOCH))
          .hasMessageContaining("not a minefield");
    }
  }

  @Test
  void theScaleBarIsARoundLength() {
    assertThat(Diagram.niceLength(0.9)).isEqualTo(0.5);
    assertThat(Diagram.niceLength(180)).isEqualTo(100);
    assertThat(Diagram.niceLength(260)).isEqualTo(200);
    assertThat(Diagram.niceLength(7300)).isEqualTo(5000);
  }
}
