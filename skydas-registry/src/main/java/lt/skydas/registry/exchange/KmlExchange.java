package lt.skydas.registry.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import lt.skydas.core.cot.CotEventWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Symbology;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * KML 2.2, or KMZ (zipped, {@code .kmz}). Records are grouped in a {@code Folder} per type, each
 * styled by its kind and whether it is there yet; in a KMZ a point record shows its MIL-STD-2525C
 * icon (carried in the KMZ, {@code icons/<sidc>.png}). Each record is a {@code Placemark}: {@code
 * name}, an {@code ExtendedData} {@code Data} element per other field (the minefield record and a
 * depot's stock as JSON text; the map symbol's {@code sidc} and {@code sidc_app6d}, ignored on
 * import) and a {@code Point}, {@code LineString}, {@code Polygon} or {@code MultiGeometry}. Import
 * reads the same, also {@code SchemaData/SimpleData}, through {@link SafeXml}'s hardened parser.
 * Element names are matched by local name, so KML without or with another namespace prefix reads
 * too. Stateless.
 */
final class KmlExchange {
  static final String NS = "http://www.opengis.net/kml/2.2";

  private KmlExchange() {}

  static List<RecordDraft> read(Path file) throws IOException {
    String name = file.toString();
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = SafeXml.parse(name, kmlIn(name, new java.io.BufferedInputStream(in)));
    }
    Element root = doc.getDocumentElement();
    if (!"kml".equals(root.getLocalName())) {
      throw SkydasProblem.badInput(
          name, null, "not KML: the root element is <" + root.getNodeName() + ">, not <kml>");
    }
    NodeList pms = doc.getElementsByTagNameNS("*", "Placemark");
    List<RecordDraft> out = new ArrayList<>(pms.getLength());
    for (int i = 0; i < pms.getLength(); i++) {
      Element pm = (Element) pms.item(i);
      String pmName = childText(pm, "name");
      String where =
          "placemark " + (i + 1) + (pmName == null ? "" : " (\"" + Fields.clip(pmName) + "\")");
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", pmName);
      Element ext = child(pm, "ExtendedData");
      if (ext != null) {
        for (Element d : descendants(ext, "Data")) {
          v.put(d.getAttribute("name"), childText(d, "value"));
        }
        for (Element d : descendants(ext, "SimpleData")) {
          v.put(d.getAttribute("name"), d.getTextContent());
        }
      }
      Geometry g = null;
      for (Element c : children(pm)) {
        g = geometry(name, where, c);
        if (g != null) {
          break;
        }
      }
      if (g == null) {
        throw SkydasProblem.badInput(
            name, where, "has no Point, LineString, Polygon or MultiGeometry");
      }
      out.add(Fields.draft(name, where, g, v));
    }
    return out;
  }

  private static Geometry geometry(String file, String where, Element e) {
    return switch (e.getLocalName()) {
      case "Point" -> Fields.WGS84.createPoint(coords(file, where, e, 1)[0]);
      case "LineString" -> Fields.WGS84.createLineString(coords(file, where, e, 2));
      case "LinearRing" -> ring(file, where, e);
      case "Polygon" -> polygon(file, where, e);
      case "MultiGeometry" -> {
        List<Geometry> parts = new ArrayList<>();
        for (Element c : children(e)) {
          Geometry p = geometry(file, where, c);
          if (p != null) {
            parts.add(p);
          }
        }
        if (parts.isEmpty()) {
          throw SkydasProblem.badInput(file, where, "MultiGeometry is empty");
        }
        yield Fields.WGS84.buildGeometry(parts);
      }
      default -> null;
    };
  }

  private static Polygon polygon(String file, String where, Element e) {
    Element outer = child(e, "outerBoundaryIs");
    Element shell = outer == null ? null : child(outer, "LinearRing");
    if (shell == null) {
      throw SkydasProblem.badInput(file, where, "Polygon has no outerBoundaryIs/LinearRing");
    }
    List<LinearRing> holes = new ArrayList<>();
    for (Element inner : children(e)) {
      if ("innerBoundaryIs".equals(inner.getLocalName())) {
        for (Element r : children(inner)) {
          if ("LinearRing".equals(r.getLocalName())) {
            holes.add(ring(file, where, r));
          }
        }
      }
    }
    return Fields.WGS84.createPolygon(ring(file, where, shell), holes.toArray(new LinearRing[0]));
  }

  private static LinearRing ring(String file, String where, Element e) {
    Coordinate[] cs = coords(file, where, e, 4);
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw SkydasProblem.badInput(file, where, "polygon ring is not closed");
    }
    return Fields.WGS84.createLinearRing(cs);
  }

  private static Coordinate[] coords(String file, String where, Element e, int min) {
    String text = childText(e, "coordinates");
    if (text == null || text.isBlank()) {
      throw SkydasProblem.badInput(file, where, e.getLocalName() + " has no coordinates");
    }
    String[] tuples = text.trim().split("\\s+");
    Coordinate[] cs = new Coordinate[tuples.length];
    for (int i = 0; i < tuples.length; i++) {
      String[] p = tuples[i].split(",");
      try {
        if (p.length < 2 || p.length > 3) {
          throw new NumberFormatException();
        }
        cs[i] = new Coordinate(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
      } catch (NumberFormatException ex) {
        throw SkydasProblem.badInput(
            file,
            where,
            "coordinate '" + Fields.clip(tuples[i]) + "' is not lon,lat[,alt] in degrees");
      }
    }
    if (cs.length < min) {
      throw SkydasProblem.badInput(
          file,
          where,
          e.getLocalName() + " needs at least " + min + " positions, has " + cs.length);
    }
    return cs;
  }

  private static Element child(Element e, String local) {
    for (Element c : children(e)) {
      if (local.equals(c.getLocalName())) {
        return c;
      }
    }
    return null;
  }

  private static String childText(Element e, String local) {
    Element c = child(e, local);
    return c == null ? null : c.getTextContent();
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Element> descendants(Element e, String local) {
    NodeList l = e.getElementsByTagNameNS("*", local);
    List<Element> out = new ArrayList<>(l.getLength());
    for (int i = 0; i < l.getLength(); i++) {
      out.add((Element) l.item(i));
    }
    return out;
  }

  // ---- writing ----

  /**
   * The KML of a {@code .kml} file, or of a KMZ (a zip: its {@code doc.kml}, else its first {@code
   * .kml} entry), read at most {@link RegistryExchange#DEFAULT_MAX_FILE_BYTES} uncompressed.
   */
  private static InputStream kmlIn(String name, InputStream in) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (!(magic.length == 4
        && magic[0] == 'P'
        && magic[1] == 'K'
        && magic[2] == 3
        && magic[3] == 4)) {
      return in;
    }
    java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(in);
    for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
      if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".kml")) {
        long max = RegistryExchange.DEFAULT_MAX_FILE_BYTES;
        return lt.skydas.core.io.BoundedInput.of(
            zip,
            max,
            () ->
                SkydasProblem.badInput(
                    name,
                    null,
                    "the KML in the KMZ is larger than " + (max >> 20) + " MiB unpacked"));
      }
    }
    throw SkydasProblem.badInput(name, null, "a KMZ (zip) without a .kml file in it");
  }

  /** KML, or KMZ (zipped {@code doc.kml}) if the file name ends in {@code .kmz}. */
  static void write(List<RegistryRecord> records, Path file) {
    boolean kmz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kmz");
    AtomicOutput.writeFile(
        file,
        out -> {
          if (kmz) {
            java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
            z.putNextEntry(new java.util.zip.ZipEntry("doc.kml"));
            java.util.Set<String> icons = writeKml(records, z, true);
            z.closeEntry();
            for (String sidc : icons) {
              z.putNextEntry(new java.util.zip.ZipEntry("icons/" + sidc + ".png"));
              z.write(icon(sidc));
              z.closeEntry();
            }
            z.finish();
          } else {
            writeKml(records, out, false);
          }
        });
  }

  /**
   * The document: a shared style per record type and state (the kind's colour; while anticipated,
   * half transparent and thinner) and a folder per type, so Google Earth and QGIS show and toggle
   * them by type.
   */
  /**
   * The MIL-STD-2525C icon of a point symbol ({@code icons/<sidc>.png}, rendered from milsymbol by
   * skydas-web's tools/symbol-icons.mjs), or null.
   */
  static byte[] icon(String sidc) throws IOException {
    try (InputStream in = Symbology.class.getResourceAsStream("icons/" + sidc + ".png")) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** Writes the KML; returns the icons its styles name (a KMZ carries them beside it). */
  private static java.util.Set<String> writeKml(
      List<RegistryRecord> records, java.io.OutputStream out, boolean kmz) throws IOException {
    java.util.Set<String> icons = new java.util.TreeSet<>();
    try {
      XMLStreamWriter w = CotEventWriter.xmlWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("kml");
      w.writeDefaultNamespace(NS);
      w.writeStartElement("Document");
      element(w, "name", "Skydas registry");
      java.util.Map<String, List<RegistryRecord>> byType = new java.util.TreeMap<>();
      java.util.Set<String> styles = new java.util.TreeSet<>();
      for (RegistryRecord r : records) {
        byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
        styles.add(styleId(r));
        String sym = kmz ? iconOf(r) : null;
        if (sym != null) {
          icons.add(sym);
        }
      }
      for (String id : styles) {
        style(w, id, null);
      }
      for (String sidc : icons) {
        style(w, "sym-" + sidc, "icons/" + sidc + ".png");
      }
      for (var e : byType.entrySet()) {
        w.writeStartElement("Folder");
        element(w, "name", e.getKey());
        for (RegistryRecord r : e.getValue()) {
          placemark(w, r, kmz ? iconOf(r) : null);
        }
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
    return icons;
  }

  /** A point record's 2525C code if an icon is shipped for it, else null. */
  private static String iconOf(RegistryRecord r) {
    if (!(r.geometry() instanceof Point)) {
      return null;
    }
    String sidc = Symbology.defaults().of(r).sidc();
    return Symbology.class.getResource("icons/" + sidc + ".png") != null ? sidc : null;
  }

  /** {@code <kind>-<planned|present>}: the style of a record. */
  static String styleId(RegistryRecord r) {
    return r.kind().id()
        + (lt.skydas.registry.Symbology.anticipated(r.kind(), r.status())
            ? "-planned"
            : "-present");
  }

  private static void style(XMLStreamWriter w, String id, String iconHref)
      throws XMLStreamException {
    if (iconHref != null) {
      // a point's 2525 symbol, drawn as it is (no tint)
      w.writeStartElement("Style");
      w.writeAttribute("id", id);
      w.writeStartElement("IconStyle");
      element(w, "scale", "1.2");
      w.writeStartElement("Icon");
      element(w, "href", iconHref);
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      return;
    }
    boolean planned = id.endsWith("-planned");
    // KML colours are aabbggrr
    String bgr =
        switch (id.substring(0, id.indexOf('-'))) {
          case "minefield" -> "1b00b3";
          case "sensor" -> "8b6800";
          case "depot" -> "9a3d6a";
          case "shelter" -> "327d2e";
          default -> "113d5c";
        };
    w.writeStartElement("Style");
    w.writeAttribute("id", id);
    w.writeStartElement("IconStyle");
    element(w, "color", (planned ? "99" : "ff") + bgr);
    w.writeStartElement("Icon");
    element(w, "href", "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png");
    w.writeEndElement();
    w.writeEndElement();
    w.writeStartElement("LineStyle");
    element(w, "color", (planned ? "99" : "ff") + bgr);
    element(w, "width", planned ? "2" : "3");
    w.writeEndElement();
    w.writeStartElement("PolyStyle");
    element(w, "color", (planned ? "26" : "40") + bgr);
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void placemark(XMLStreamWriter w, RegistryRecord r, String icon)
      throws XMLStreamException {
    w.writeStartElement("Placemark");
    if (r.name() != null) {
      element(w, "name", r.name());
    }
    element(w, "styleUrl", "#" + (icon != null ? "sym-" + icon : styleId(r)));
    w.writeStartElement("ExtendedData");
    Map<String, String> fields = Fields.textOf(r);
    fields.remove("name");
    fields.put("minefield", Fields.minefieldJson(r));
    fields.put("depot", Fields.depotJson(r));
    fields.put("shelter", Fields.shelterJson(r));
    Symbology.Symbol sym = Symbology.defaults().of(r);
    fields.put("sidc", sym.sidc());
    fields.put("sidc_app6d", sym.sidcApp6d());
    for (var e : fields.entrySet()) {
      if (e.getValue() != null) {
        w.writeStartElement("Data");
        w.writeAttribute("name", e.getKey());
        element(w, "value", e.getValue());
        w.writeEndElement();
      }
    }
    w.writeEndElement();
    geometry(w, r.geometry());
    w.writeEndElement();
  }

  private static void geometry(XMLStreamWriter w, Geometry g) throws XMLStreamException {
    if (g instanceof Point p) {
      w.writeStartElement("Point");
      element(w, "coordinates", coords(p.getCoordinates()));
      w.writeEndElement();
    } else if (g instanceof LinearRing r) {
      w.writeStartElement("LinearRing");
      element(w, "coordinates", coords(r.getCoordinates()));
      w.writeEndElement();
    } else if (g instanceof LineString l) {
      w.writeStartElement("LineString");
      element(w, "coordinates", coords(l.getCoordinates()));
      w.writeEndElement();
    } else if (g instanceof Polygon p) {
      w.writeStartElement("Polygon");
      w.writeStartElement("outerBoundaryIs");
      geometry(w, p.getExteriorRing());
      w.writeEndElement();
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        w.writeStartElement("innerBoundaryIs");
        geometry(w, p.getInteriorRingN(i));
        w.writeEndElement();
      }
      w.writeEndElement();
    } else if (g instanceof GeometryCollection c) {
      w.writeStartElement("MultiGeometry");
      for (int i = 0; i < c.getNumGeometries(); i++) {
        geometry(w, c.getGeometryN(i));
      }
      w.writeEndElement();
    } else {
      throw new IllegalStateException("unsupported geometry " + g.getGeometryType());
    }
  }

  private static String coords(Coordinate[] cs) {
    StringBuilder sb = new StringBuilder();
    for (Coordinate c : cs) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(plain(c.x)).append(',').append(plain(c.y));
    }
    return sb.toString();
  }

  /** Shortest exact decimal, never in exponent form. */
  static String plain(double v) {
    return CotEventWriter.decimal(v);
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}
