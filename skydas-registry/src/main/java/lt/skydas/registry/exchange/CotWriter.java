package lt.skydas.registry.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import lt.skydas.core.cot.CotEnvelope;
import lt.skydas.core.cot.CotEventWriter;
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
 *       is a friendly ground point {@code a-f-G}; a shelter a friendly ground installation {@code
 *       a-f-G-I}. Multi-part geometries send their largest part (the remarks say so).
 *   <li>{@code how="h-e"} (human, estimated: entered, not sensed); {@code time} and {@code start}
 *       are the export time, {@code stale} a year later (obstacles do not move).
 *   <li>{@code <point>} is the geometry's interior point; height and errors unknown (9999999.0).
 *   <li>{@code <detail>}: {@code <contact callsign>} is the name (or id), {@code <remarks>} the
 *       type, status and mine count (a depot: its stock by kind).
 * </ul>
 *
 * The envelope, the {@code <point>} and the escaping are {@link CotEventWriter}'s (skydas-core),
 * shared with the emplacement timeline. Stateless.
 */
final class CotWriter {
  static final String SHAPE = "u-d-f";
  static final String MINES_POINT = "a-f-G-E-X-M";
  static final String OBSTACLE_POINT = "a-f-G";
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

  /** The CoT atom of a point record of this kind. */
  static String pointType(RecordKind kind) {
    return switch (kind) {
      case MINEFIELD -> MINES_POINT;
      case SENSOR -> SENSOR_POINT;
      case OBSTACLE -> OBSTACLE_POINT;
      case DEPOT -> DEPOT_POINT;
      case SHELTER -> SHELTER_POINT;
    };
  }

  static void write(List<RegistryRecord> records, Path file, Instant now) {
    Instant t = now.truncatedTo(ChronoUnit.MILLIS);
    AtomicOutput.writeFile(
        file,
        out -> {
          try (CotEventWriter cot = new CotEventWriter(out)) {
            for (RegistryRecord r : records) {
              event(cot, r, t);
            }
          }
        });
  }

  private static void event(CotEventWriter cot, RegistryRecord r, Instant t) throws IOException {
    Geometry g = r.geometry();
    Geometry part = largestPart(g);
    boolean point = part instanceof Puntal;
    Point c = g.getInteriorPoint();
    cot.startEvent(
        new CotEnvelope(
            "skydas-" + r.id(),
            point ? pointType(r.kind()) : SHAPE,
            CotEventWriter.HOW_ESTIMATED,
            t,
            t,
            t.plus(STALE),
            c.getY(),
            c.getX()));
    cot.contact(r.name() != null ? r.name() : r.id());
    cot.remarks(remarks(r, g));
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
