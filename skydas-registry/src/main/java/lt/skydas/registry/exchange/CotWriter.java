package lt.skydas.registry.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import lt.skydas.core.cot.CotEnvelope;
import lt.skydas.core.cot.CotEventWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Symbology;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;

/**
 * Cursor-on-Target 2.0 events for TAK (ATAK, WinTAK, iTAK), one per record: a {@code .cot} file is
 * one event (one record); a {@code .zip} is a TAK data package (mission package v2: {@code
 * MANIFEST/manifest.xml} listing one {@code .cot} file per record), which TAK imports whole.
 *
 * <ul>
 *   <li>{@code uid} is {@code skydas-<record id>}, so re-sending a record updates it in TAK.
 *   <li>{@code type}: lines and areas are TAK drawing shapes {@code u-d-f} with the vertices as
 *       {@code <link point="lat,lon"/>} (areas: the exterior ring, closed); an obstacle or
 *       minefield point (a control point, a demolition, dragon's teeth, a bunker) is a spot map
 *       marker {@code b-m-p-s-m}, not a unit; a sensor site friendly ground sensor equipment {@code
 *       a-f-G-E-S}; a depot the friendly ground supply class V (ammunition) atom {@code
 *       a-f-G-U-S-S-5}; a shelter a friendly ground installation {@code a-f-G-I}. Multi-part
 *       geometries send their largest part (the remarks say so).
 *   <li>{@code <__milsym id>} is the record's MIL-STD-2525C symbol ({@link Symbology}: the right
 *       tactical graphic, status A while planned or prepared), which TAK's 2525 renderer draws; the
 *       remarks repeat it with the APP-6(D) code.
 *   <li>{@code how="h-e"} (human, estimated: entered, not sensed); {@code time} and {@code start}
 *       are the export time, {@code stale} a year later (obstacles do not move).
 *   <li>{@code <point>} is the geometry's interior point; height and errors unknown (9999999.0).
 *   <li>{@code <detail>}: {@code <contact callsign>} is the name (or id), {@code <remarks>} the
 *       type, status, symbol and mine count (a depot: its stock by kind).
 * </ul>
 *
 * The envelope, the {@code <point>} and the escaping are {@link CotEventWriter}'s (skydas-core),
 * shared with the emplacement timeline. Stateless.
 */
final class CotWriter {
  static final String SHAPE = "u-d-f";
  static final String OBSTACLE_POINT = "b-m-p-s-m";
  static final String SENSOR_POINT = "a-f-G-E-S";

  /** MIL-STD-2525B {@code S*G*USS5--}: combat service support, supply, class V (ammunition). */
  static final String DEPOT_POINT = "a-f-G-U-S-S-5";

  /**
   * A shelter: a friendly ground installation {@code a-f-G-I} (MIL-STD-2525B {@code S*G*I-----};
   * 2525's emergency-management shelter symbol has no CoT atom).
   */
  static final String SHELTER_POINT = "a-f-G-I";

  static final Duration STALE = Duration.ofDays(365);

  private CotWriter() {}

  /** The CoT type of a point record of this kind. */
  static String pointType(RecordKind kind) {
    return switch (kind) {
      case MINEFIELD, OBSTACLE -> OBSTACLE_POINT;
      case SENSOR -> SENSOR_POINT;
      case DEPOT -> DEPOT_POINT;
      case SHELTER -> SHELTER_POINT;
    };
  }

  /**
   * Writes {@code records} to {@code file}: a TAK data package if its name ends in {@code .zip},
   * else one event (exactly one record, or a USAGE problem that says to write a {@code .zip}).
   */
  static void write(List<RegistryRecord> records, Path file, Instant now) {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      AtomicOutput.writeFile(file, out -> dataPackage(records, name, out, t));
      return;
    }
    if (records.size() != 1) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          file
              + ": a .cot file holds one CoT event and "
              + records.size()
              + " records were selected; write a TAK data package instead (a .zip: one event per"
              + " record and a manifest, which TAK imports whole)",
          Map.of("file", file.toString(), "records", records.size()));
    }
    AtomicOutput.writeFile(
        file,
        out -> {
          try (CotEventWriter cot = CotEventWriter.single(out)) {
            event(cot, records.get(0), t);
          }
        });
  }

  /**
   * Each record's event as a standalone XML element without a prolog, as a stream to a TAK server
   * carries them one after another (UTF-8 bytes).
   */
  static List<byte[]> events(List<RegistryRecord> records, Instant now) throws IOException {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    List<byte[]> out = new ArrayList<>(records.size());
    for (RegistryRecord r : records) {
      java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
      try (CotEventWriter cot = CotEventWriter.single(b)) {
        event(cot, r, t);
      }
      String xml = b.toString(UTF_8);
      int start = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
      out.add(xml.substring(start).strip().getBytes(UTF_8));
    }
    return out;
  }

  /**
   * A TAK data package (ATAK mission package, manifest version 2): {@code MANIFEST/manifest.xml}
   * and one {@code .cot} file per record under {@code cot/}, named by position and a file-safe form
   * of the record id. The package uid is derived from the file name, so re-importing an updated
   * export replaces the earlier one in TAK.
   */
  static void dataPackage(List<RegistryRecord> records, String name, OutputStream out, Instant t)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    List<String[]> entries = new ArrayList<>(records.size());
    int n = 0;
    for (RegistryRecord r : records) {
      String entry = String.format(Locale.ROOT, "cot/%05d-%s.cot", ++n, safe(r.id()));
      zip.putNextEntry(new ZipEntry(entry));
      CotEventWriter cot = CotEventWriter.single(zip);
      event(cot, r, t);
      cot.close();
      zip.closeEntry();
      entries.add(new String[] {entry, uid(r)});
    }
    zip.putNextEntry(new ZipEntry("MANIFEST/manifest.xml"));
    manifest(zip, name, entries);
    zip.closeEntry();
    zip.finish();
  }

  private static void manifest(OutputStream out, String name, List<String[]> entries)
      throws IOException {
    try {
      XMLStreamWriter w = CotEventWriter.xmlWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("MissionPackageManifest");
      w.writeAttribute("version", "2");
      w.writeStartElement("Configuration");
      parameter(w, "uid", UUID.nameUUIDFromBytes(("skydas:" + name).getBytes(UTF_8)).toString());
      parameter(w, "name", name);
      parameter(w, "onReceiveDelete", "false");
      w.writeEndElement();
      w.writeStartElement("Contents");
      for (String[] e : entries) {
        w.writeStartElement("Content");
        w.writeAttribute("ignore", "false");
        w.writeAttribute("zipEntry", e[0]);
        parameter(w, "uid", e[1]);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static void parameter(XMLStreamWriter w, String name, String value)
      throws XMLStreamException {
    w.writeEmptyElement("Parameter");
    w.writeAttribute("name", name);
    w.writeAttribute("value", value);
  }

  private static String uid(RegistryRecord r) {
    return "skydas-" + r.id();
  }

  /** A record id as a file name part: letters, digits, '.', '_' and '-' kept, others '_'. */
  static String safe(String id) {
    String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.length() > 80 ? s.substring(0, 80) : s;
  }

  private static void event(CotEventWriter cot, RegistryRecord r, Instant t) throws IOException {
    Geometry g = r.geometry();
    Geometry part = largestPart(g);
    boolean point = part instanceof Puntal;
    Point c = g.getInteriorPoint();
    Symbology.Symbol sym = Symbology.defaults().of(r);
    cot.startEvent(
        new CotEnvelope(
            uid(r),
            point ? pointType(r.kind()) : SHAPE,
            CotEventWriter.HOW_ESTIMATED,
            t,
            t,
            t.plus(STALE),
            c.getY(),
            c.getX()));
    cot.contact(r.name() != null ? r.name() : r.id());
    cot.element("__milsym", "id", sym.sidc());
    cot.remarks(
        remarks(r, g)
            + "; sidc: "
            + sym.sidc()
            + (sym.sidcApp6d() == null ? "" : "; app6d: " + sym.sidcApp6d()));
    if (!point) {
      Coordinate[] vs =
          part instanceof Polygon p ? p.getExteriorRing().getCoordinates() : part.getCoordinates();
      for (Coordinate v : vs) {
        cot.element("link", "point", CotEventWriter.point(v.y, v.x));
      }
      cot.element(
          "strokeColor", "value", r.kind() == RecordKind.MINEFIELD ? "-65536" : "-16776961");
      cot.element("strokeWeight", "value", "3.0");
      if (part instanceof LineString) {
        cot.element("labels_on", "value", "true");
      }
    }
    cot.endEvent();
  }

  static String remarks(RegistryRecord r, Geometry g) {
    StringBuilder sb = new StringBuilder();
    sb.append("type: ").append(r.type()).append("; status: ").append(r.status().id());
    if (r.minefield() != null) {
      sb.append("; mines: ").append(r.minefield().mineCount());
    }
    if (r.depot() != null) {
      sb.append("; stock:");
      if (r.depot().stock().isEmpty()) {
        sb.append(" none");
      }
      r.depot().stock().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(count(v)));
    }
    if (r.shelter() != null) {
      sb.append("; capacity: ").append(r.shelter().capacity()).append(" people");
      sb.append("; protection: ").append(r.shelter().protection());
    }
    if (g.getNumGeometries() > 1) {
      sb.append("; ").append(g.getNumGeometries()).append(" parts, largest shown");
    }
    return sb.toString();
  }

  private static String count(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : KmlExchange.plain(v);
  }

  private static Geometry largestPart(Geometry g) {
    if (g.getNumGeometries() == 1) {
      return g.getGeometryN(0);
    }
    Geometry best = g.getGeometryN(0);
    for (int i = 1; i < g.getNumGeometries(); i++) {
      Geometry p = g.getGeometryN(i);
      if (p.getArea() > best.getArea()
          || p.getArea() == best.getArea() && p.getLength() > best.getLength()) {
        best = p;
      }
    }
    return best;
  }
}
