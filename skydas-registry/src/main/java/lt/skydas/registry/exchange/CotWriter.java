package lt.skydas.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Puntal;

/**
 * Cursor-on-Target 2.0 events for TAK (ATAK, WinTAK, iTAK), one per record, all under one root
 * element {@code <events>} (a TAK data package or a CoT replay tool takes them one by one).
 *
 * <ul>
 *   <li>{@code uid} is {@code skydas-<record id>}, so re-sending a record updates it in TAK.
 *   <li>{@code type}: lines and areas are TAK drawing shapes {@code u-d-f} with the vertices as
 *       {@code <link point="lat,lon"/>} (areas: the exterior ring, closed); a point minefield is
 *       the MIL-STD-2525 friendly land-mines equipment atom {@code a-f-G-E-X-M}; a depot the
 *       friendly ground supply class V (ammunition) atom {@code a-f-G-U-S-S-5} (MIL-STD-2525B
 *       function id {@code USS5}, written as CoT atoms; 2525 draws an ammunition supply point as
 *       the tactical graphic {@code G-S-PAS}, which CoT has no atom for); any other point obstacle
 *       is a friendly ground point {@code a-f-G}. Multi-part geometries send their largest part
 *       (the remarks say so).
 *   <li>{@code how="h-e"} (human, estimated: entered, not sensed); {@code time} and {@code start}
 *       are the export time, {@code stale} a year later (obstacles do not move).
 *   <li>{@code <point>} is the geometry's interior point; height and errors unknown (9999999.0).
 *   <li>{@code <detail>}: {@code <contact callsign>} is the name (or id), {@code <remarks>} the
 *       type, status and mine count (a depot: its stock by kind).
 * </ul>
 *
 * All text goes through StAX, so names cannot break the XML. Stateless.
 */
final class CotWriter {
  static final String SHAPE = "u-d-f";
  static final String MINES_POINT = "a-f-G-E-X-M";
  static final String OBSTACLE_POINT = "a-f-G";
  static final String SENSOR_POINT = "a-f-G-E-S";

  /** MIL-STD-2525B {@code S*G*USS5--}: combat service support, supply, class V (ammunition). */
  static final String DEPOT_POINT = "a-f-G-U-S-S-5";

  static final Duration STALE = Duration.ofDays(365);
  private static final String UNKNOWN = "9999999.0";

  private CotWriter() {}

  /** The CoT atom of a point record of this kind. */
  static String pointType(RecordKind kind) {
    return switch (kind) {
      case MINEFIELD -> MINES_POINT;
      case SENSOR -> SENSOR_POINT;
      case OBSTACLE -> OBSTACLE_POINT;
      case DEPOT -> DEPOT_POINT;
    };
  }

  static void write(List<RegistryRecord> records, Path file, Instant now) {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    AtomicOutput.writeFile(
        file,
        out -> {
          try {
            XMLStreamWriter w = SafeXml.writer(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("events");
            for (RegistryRecord r : records) {
              event(w, r, t);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
          } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
          }
        });
  }

  private static void event(XMLStreamWriter w, RegistryRecord r, Instant t)
      throws XMLStreamException {
    Geometry g = r.geometry();
    Geometry part = largestPart(g);
    boolean point = part instanceof Puntal;
    String type = point ? pointType(r.kind()) : SHAPE;
    w.writeStartElement("event");
    w.writeAttribute("version", "2.0");
    w.writeAttribute("uid", "skydas-" + r.id());
    w.writeAttribute("type", type);
    w.writeAttribute("time", t.toString());
    w.writeAttribute("start", t.toString());
    w.writeAttribute("stale", t.plus(STALE).toString());
    w.writeAttribute("how", "h-e");
    Point c = g.getInteriorPoint();
    w.writeEmptyElement("point");
    w.writeAttribute("lat", KmlExchange.plain(c.getY()));
    w.writeAttribute("lon", KmlExchange.plain(c.getX()));
    w.writeAttribute("hae", UNKNOWN);
    w.writeAttribute("ce", UNKNOWN);
    w.writeAttribute("le", UNKNOWN);
    w.writeStartElement("detail");
    w.writeEmptyElement("contact");
    w.writeAttribute("callsign", r.name() != null ? r.name() : r.id());
    w.writeStartElement("remarks");
    w.writeCharacters(remarks(r, g));
    w.writeEndElement();
    if (!point) {
      Coordinate[] vs =
          part instanceof Polygon p ? p.getExteriorRing().getCoordinates() : part.getCoordinates();
      for (Coordinate v : vs) {
        w.writeEmptyElement("link");
        w.writeAttribute("point", KmlExchange.plain(v.y) + "," + KmlExchange.plain(v.x));
      }
      w.writeEmptyElement("strokeColor");
      w.writeAttribute("value", r.kind() == RecordKind.MINEFIELD ? "-65536" : "-16776961");
      w.writeEmptyElement("strokeWeight");
      w.writeAttribute("value", "3.0");
      if (part instanceof LineString) {
        w.writeEmptyElement("labels_on");
        w.writeAttribute("value", "true");
      }
    }
    w.writeEndElement();
    w.writeEndElement();
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
