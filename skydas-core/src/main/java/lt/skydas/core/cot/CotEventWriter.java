package lt.skydas.core.cot;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Cursor-on-Target 2.0 events for TAK (ATAK, WinTAK, iTAK): one event as a whole document
 * ({@link #single}: what a {@code .cot} file and each file of a TAK data package hold), or several
 * under a root element {@code <events>} for replay tools ({@link #CotEventWriter(OutputStream)}:
 * not a CoT document; TAK imports the single form):
 *
 * <pre>{@code
 * try (CotEventWriter cot = new CotEventWriter(out)) {
 *   cot.startEvent(envelope);   // <event ...><point .../><detail>
 *   cot.contact("Ditch 1");
 *   cot.remarks("type: at_ditch");
 *   cot.element("link", "point", CotEventWriter.point(54.6, 25.6));
 *   cot.endEvent();             // </detail></event>
 * }
 * }</pre>
 *
 * <p>All text and attribute values go through StAX, so names from users cannot break the XML;
 * {@link #comment} defuses {@code --}. Numbers are written as the shortest exact decimal, never in
 * exponent form. Height ({@code hae}) and errors ({@code ce}, {@code le}) are written as unknown
 * ({@value #UNKNOWN}). Closing writes the end of the document but leaves {@code out} open. Not
 * thread-safe: one per file.
 */
public final class CotEventWriter implements AutoCloseable {
  /** {@code how}: a human estimated the position (entered or planned, not sensed). */
  public static final String HOW_ESTIMATED = "h-e";

  /** CoT's "unknown" for height and errors. */
  public static final String UNKNOWN = "9999999.0";

  private final XMLStreamWriter xml;
  private final boolean root;
  private boolean inEvent;
  private int events;

  /** Starts the document and the {@code <events>} root on {@code out} (UTF-8). */
  public CotEventWriter(OutputStream out) throws IOException {
    this(out, true);
  }

  private CotEventWriter(OutputStream out, boolean root) throws IOException {
    this.root = root;
    xml = xmlWriter(out);
    try {
      xml.writeStartDocument("UTF-8", "1.0");
      if (root) {
        xml.writeStartElement("events");
      }
    } catch (XMLStreamException e) {
      throw io(e);
    }
  }

  /** A writer of one event as the whole document (its root is {@code <event>}), on {@code out}. */
  public static CotEventWriter single(OutputStream out) throws IOException {
    return new CotEventWriter(out, false);
  }

  /** A StAX writer on {@code out} in UTF-8: text and attributes escaped by the library. */
  public static XMLStreamWriter xmlWriter(OutputStream out) {
    try {
      return XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot make an XML writer", e);
    }
  }

  /**
   * Opens an event: {@code <event>} with the envelope's attributes, {@code <point>}, {@code
   * <detail>}.
   */
  public void startEvent(CotEnvelope e) throws IOException {
    if (inEvent) {
      throw new IllegalStateException("event " + e.uid() + " started inside another event");
    }
    if (!root && events > 0) {
      throw new IllegalStateException("a single-event document holds one event");
    }
    events++;
    try {
      xml.writeStartElement("event");
      xml.writeAttribute("version", "2.0");
      xml.writeAttribute("uid", e.uid());
      xml.writeAttribute("type", e.type());
      xml.writeAttribute("time", e.time().toString());
      xml.writeAttribute("start", e.start().toString());
      xml.writeAttribute("stale", e.stale().toString());
      xml.writeAttribute("how", e.how());
      xml.writeEmptyElement("point");
      xml.writeAttribute("lat", decimal(e.lat()));
      xml.writeAttribute("lon", decimal(e.lon()));
      xml.writeAttribute("hae", UNKNOWN);
      xml.writeAttribute("ce", UNKNOWN);
      xml.writeAttribute("le", UNKNOWN);
      xml.writeStartElement("detail");
    } catch (XMLStreamException x) {
      throw io(x);
    }
    inEvent = true;
  }

  /** {@code <contact callsign="..."/>}: the name TAK shows on the map. */
  public void contact(String callsign) throws IOException {
    element("contact", "callsign", callsign);
  }

  /** {@code <remarks>text</remarks>}: free text TAK shows in the item's details. */
  public void remarks(String text) throws IOException {
    requireEvent("remarks");
    try {
      xml.writeStartElement("remarks");
      xml.writeCharacters(text);
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw io(e);
    }
  }

  /**
   * An empty detail element with attributes given as name, value, name, value, … (in that order).
   *
   * @throws IllegalArgumentException on an odd count or a null value
   */
  public void element(String name, String... attributes) throws IOException {
    requireEvent(name);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException(name + ": attributes come in name, value pairs");
    }
    try {
      xml.writeEmptyElement(name);
      for (int i = 0; i < attributes.length; i += 2) {
        if (attributes[i + 1] == null) {
          throw new IllegalArgumentException(name + ": attribute " + attributes[i] + " is null");
        }
        xml.writeAttribute(attributes[i], attributes[i + 1]);
      }
    } catch (XMLStreamException e) {
      throw io(e);
    }
  }

  /** Closes the event opened by {@link #startEvent}. */
  public void endEvent() throws IOException {
    requireEvent("end of event");
    try {
      xml.writeEndElement();
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw io(e);
    }
    inEvent = false;
  }

  /** An XML comment between events; {@code --} (which would end a comment) becomes {@code - -}. */
  public void comment(String text) throws IOException {
    if (inEvent || !root) {
      throw new IllegalStateException("comments go between events");
    }
    String t = text;
    while (t.contains("--")) {
      t = t.replace("--", "- -");
    }
    if (t.endsWith("-")) {
      t = t + " ";
    }
    try {
      xml.writeComment(" " + t + " ");
    } catch (XMLStreamException e) {
      throw io(e);
    }
  }

  /** Ends {@code <events>} (if any) and the document; {@code out} stays open. */
  @Override
  public void close() throws IOException {
    if (inEvent) {
      throw new IllegalStateException("an event is still open");
    }
    try {
      if (root) {
        xml.writeEndElement();
      }
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw io(e);
    }
  }

  /**
   * A {@code link} point, {@code "lat,lon"} (WGS84 degrees), as TAK's shapes and routes read it.
   */
  public static String point(double lat, double lon) {
    return decimal(lat) + "," + decimal(lon);
  }

  /**
   * {@code v} as a plain decimal: the digits of {@link Double#toString}, never in exponent form
   * (1e-7 gives {@code 0.00000010}); parses back to {@code v}.
   */
  public static String decimal(double v) {
    return BigDecimal.valueOf(v).toPlainString();
  }

  private void requireEvent(String what) {
    if (!inEvent) {
      throw new IllegalStateException(what + " outside an event");
    }
  }

  private static IOException io(XMLStreamException e) {
    return new IOException(e.getMessage(), e);
  }
}
