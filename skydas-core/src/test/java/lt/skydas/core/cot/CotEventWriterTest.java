package lt.skydas.core.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Events parse back with what went in, hostile text included. */
class CotEventWriterTest {
  private static final Instant T = Instant.parse("2027-06-01T12:00:00Z");
  private static final String HOSTILE = "A & <b>\"x\"</b> ]]> -- '; DROP TABLE";

  @Test
  void eventsParseBackWithHostileText() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CotEventWriter cot = new CotEventWriter(out)) {
      cot.comment("plan " + HOSTILE + " -");
      cot.startEvent(
          new CotEnvelope(
              "u-" + HOSTILE,
              "b-m-p-w",
              CotEventWriter.HOW_ESTIMATED,
              T,
              T.plusSeconds(60),
              T.plusSeconds(3600),
              54.5,
              25.25));
      cot.contact(HOSTILE);
      cot.remarks(HOSTILE);
      cot.element("link", "uid", HOSTILE, "point", CotEventWriter.point(54.5, 1e-7));
      cot.endEvent();
    }
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.toByteArray()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("events");
    Node comment = root.getFirstChild();
    assertThat(comment.getNodeType()).isEqualTo(Node.COMMENT_NODE);
    assertThat(comment.getNodeValue()).doesNotContain("--").contains("DROP TABLE");
    Element e = (Element) root.getElementsByTagName("event").item(0);
    assertThat(e.getAttribute("version")).isEqualTo("2.0");
    assertThat(e.getAttribute("uid")).isEqualTo("u-" + HOSTILE);
    assertThat(e.getAttribute("time")).isEqualTo("2027-06-01T12:00:00Z");
    assertThat(e.getAttribute("start")).isEqualTo("2027-06-01T12:01:00Z");
    assertThat(e.getAttribute("stale")).isEqualTo("2027-06-01T13:00:00Z");
    assertThat(e.getAttribute("how")).isEqualTo("h-e");
    Element p = (Element) e.getElementsByTagName("point").item(0);
    assertThat(p.getAttribute("lat")).isEqualTo("54.5");
    assertThat(p.getAttribute("lon")).isEqualTo("25.25");
    assertThat(p.getAttribute("ce")).isEqualTo("9999999.0");
    Element d = (Element) e.getElementsByTagName("detail").item(0);
    assertThat(((Element) d.getElementsByTagName("contact").item(0)).getAttribute("callsign"))
        .isEqualTo(HOSTILE);
    assertThat(d.getElementsByTagName("remarks").item(0).getTextContent()).isEqualTo(HOSTILE);
    Element link = (Element) d.getElementsByTagName("link").item(0);
    assertThat(link.getAttribute("uid")).isEqualTo(HOSTILE);
    String[] latLon = link.getAttribute("point").split(",");
    assertThat(latLon[1]).as("no exponent form").doesNotContainIgnoringCase("e");
    assertThat(Double.parseDouble(latLon[1])).isEqualTo(1e-7);
  }

  @Test
  void refusesBadEnvelopesAndMisplacedElements() throws Exception {
    assertThatThrownBy(
            () -> new CotEnvelope("u", "b-m-p-w", "h-e", T, T, T.minusSeconds(1), 54, 25))
        .hasMessageContaining("stale");
    assertThatThrownBy(() -> new CotEnvelope("u", " ", "h-e", T, T, T, 54, 25))
        .hasMessageContaining("type is blank");
    assertThatThrownBy(() -> new CotEnvelope("u", "b-m-p-w", "h-e", T, T, T, 6_100_000, 500_000))
        .hasMessageContaining("not WGS84");
    CotEventWriter cot = new CotEventWriter(new ByteArrayOutputStream());
    assertThatThrownBy(() -> cot.remarks("x")).isInstanceOf(IllegalStateException.class);
    cot.startEvent(new CotEnvelope("u", "b-m-p-w", "h-e", T, T, T, 54, 25));
    assertThatThrownBy(() -> cot.element("link", "point")).hasMessageContaining("pairs");
    assertThatThrownBy(() -> cot.comment("x")).isInstanceOf(IllegalStateException.class);
  }
}
