package lt.skydas.registry;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.registry.MinefieldData.MineLot;
import lt.skydas.registry.MinefieldData.MinePosition;
import lt.skydas.registry.MinefieldData.MineRow;
import lt.skydas.registry.MinefieldData.ReferencePoint;
import org.locationtech.jts.geom.Polygon;

/**
 * Is a minefield record complete as CCW Amended Protocol II, Technical Annex 1 and Article 5
 * demand? {@link #emplacementErrors} lists every missing or invalid field at once; a minefield may
 * not reach {@link Status#EMPLACED} while the list is not empty. Stateless.
 */
public final class RecordValidator {
  static final Set<String> METHODS = Set.of("hand", "mechanical", "remotely_delivered");
  static final Set<String> SHAPES = Set.of("triangle", "square");

  private RecordValidator() {}

  /** Every field that keeps {@code r} from being emplaced (empty for obstacles). */
  public static List<FieldError> emplacementErrors(RegistryRecord r, boolean apType) {
    List<FieldError> e = new ArrayList<>();
    if (r.kind() != RecordKind.MINEFIELD) {
      return e;
    }
    if (!(r.geometry() instanceof Polygon)) {
      e.add(
          new FieldError(
              "geometry",
              "the perimeter of an emplaced minefield must be a Polygon (is "
                  + r.geometry().getGeometryType()
                  + ")"));
    }
    MinefieldData m = r.minefield();
    boolean remote = "remotely_delivered".equals(m.emplacingMethod());
    if (m.referencePoints().size() < 2) {
      e.add(
          new FieldError(
              "minefield.reference_points",
              "at least two reference points are required (has "
                  + m.referencePoints().size()
                  + ")"));
    }
    for (int i = 0; i < m.referencePoints().size(); i++) {
      ReferencePoint p = m.referencePoints().get(i);
      String f = "minefield.reference_points[" + i + "]";
      if (blank(p.name())) {
        e.add(new FieldError(f + ".name", "missing"));
      }
      lonLat(e, f, p.lon(), p.lat());
    }
    if (m.emplacingMethod() == null) {
      e.add(
          new FieldError(
              "minefield.emplacing_method", "missing (hand, mechanical or remotely_delivered)"));
    } else if (!METHODS.contains(m.emplacingMethod())) {
      e.add(
          new FieldError(
              "minefield.emplacing_method",
              "'" + m.emplacingMethod() + "' is not one of hand, mechanical, remotely_delivered"));
    }
    if (!remote && m.rows().isEmpty() && m.mines().isEmpty()) {
      e.add(
          new FieldError(
              "minefield.rows", "the rows or the individual mine positions are required"));
    }
    for (int i = 0; i < m.rows().size(); i++) {
      MineRow row = m.rows().get(i);
      String f = "minefield.rows[" + i + "]";
      if (row.line().size() < 2) {
        e.add(new FieldError(f + ".line", "a row needs at least two points"));
      }
      for (int j = 0; j < row.line().size(); j++) {
        List<Double> c = row.line().get(j);
        if (c == null || c.size() < 2) {
          e.add(new FieldError(f + ".line[" + j + "]", "not a [lon, lat] pair"));
        } else {
          lonLat(e, f + ".line[" + j + "]", c.get(0), c.get(1));
        }
      }
    }
    for (int i = 0; i < m.mines().size(); i++) {
      MinePosition p = m.mines().get(i);
      lonLat(e, "minefield.mines[" + i + "]", p.lon(), p.lat());
    }
    if (m.lots().isEmpty()) {
      e.add(new FieldError("minefield.lots", "the mine types and numbers laid are required"));
    }
    boolean anyAp = apType;
    for (int i = 0; i < m.lots().size(); i++) {
      MineLot l = m.lots().get(i);
      String f = "minefield.lots[" + i + "]";
      if (blank(l.model())) {
        e.add(new FieldError(f + ".model", "missing"));
      }
      String cat = l.category() == null ? null : l.category().toUpperCase(Locale.ROOT);
      if (cat == null) {
        e.add(new FieldError(f + ".category", "missing (AP or AT)"));
      } else if (!cat.equals("AP") && !cat.equals("AT")) {
        e.add(new FieldError(f + ".category", "'" + l.category() + "' is not AP or AT"));
      }
      if (l.count() == null) {
        e.add(new FieldError(f + ".count", "missing"));
      } else if (l.count() < 1) {
        e.add(new FieldError(f + ".count", "must be at least 1 (is " + l.count() + ")"));
      }
      if (blank(l.fuseType())) {
        e.add(new FieldError(f + ".fuse_type", "missing"));
      }
      if (l.fuseLife_d() == null) {
        e.add(new FieldError(f + ".fuse_life_d", "missing (fuse life time in days)"));
      } else if (!(l.fuseLife_d() > 0)) {
        e.add(new FieldError(f + ".fuse_life_d", "must be positive (is " + l.fuseLife_d() + ")"));
      }
      if ("AP".equals(cat)) {
        anyAp = true;
        if (!Boolean.TRUE.equals(l.detectable())) {
          e.add(
              new FieldError(
                  f + ".detectable",
                  "AP mines must be detectable (Technical Annex 2: 8 g of iron in one coherent mass)"));
        }
      }
    }
    if (m.laidFrom() == null) {
      e.add(new FieldError("minefield.laid_from", "the date and time of laying are required"));
    } else {
      time(e, "minefield.laid_from", m.laidFrom());
    }
    if (m.laidTo() != null && time(e, "minefield.laid_to", m.laidTo()) && m.laidFrom() != null) {
      try {
        if (OffsetDateTime.parse(m.laidTo()).isBefore(OffsetDateTime.parse(m.laidFrom()))) {
          e.add(new FieldError("minefield.laid_to", "is before laid_from"));
        }
      } catch (DateTimeParseException ignored) {
        // reported above
      }
    }
    if (m.antiHandling() == null || m.antiHandling().fitted() == null) {
      e.add(
          new FieldError(
              "minefield.anti_handling.fitted", "state whether anti-handling devices are fitted"));
    } else if (m.antiHandling().fitted() && blank(m.antiHandling().description())) {
      e.add(
          new FieldError(
              "minefield.anti_handling.description", "describe the anti-handling devices fitted"));
    }
    if (m.selfDestruct() == null || m.selfDestruct().fitted() == null) {
      e.add(
          new FieldError(
              "minefield.self_destruct.fitted",
              "state whether self-destruct or self-deactivation is fitted"));
    } else if (m.selfDestruct().fitted() || remote) {
      if (m.selfDestruct().selfDestruct_d() == null || !(m.selfDestruct().selfDestruct_d() > 0)) {
        e.add(
            new FieldError(
                "minefield.self_destruct.self_destruct_d",
                remote
                    ? "remotely delivered mines need their self-destruction period (Technical Annex 1(b))"
                    : "the self-destruct period in days is required when fitted"));
      }
    }
    if (remote && (m.selfDestruct() == null || !Boolean.TRUE.equals(m.selfDestruct().fitted()))) {
      e.add(
          new FieldError(
              "minefield.self_destruct.fitted", "remotely delivered mines must self-destruct"));
    }
    if (m.warningSigns() == null) {
      e.add(
          new FieldError(
              "minefield.warning_signs", "the warning signs are required (Technical Annex 4)"));
    } else {
      var w = m.warningSigns();
      if (w.shape() == null || !SHAPES.contains(w.shape())) {
        e.add(
            new FieldError(
                "minefield.warning_signs.shape",
                "triangle or square required (is " + w.shape() + ")"));
      }
      if (w.count() == null || w.count() < 1) {
        e.add(new FieldError("minefield.warning_signs.count", "at least one sign"));
      }
      if (w.languages().size() < 2) {
        e.add(
            new FieldError(
                "minefield.warning_signs.languages",
                "\"mines\" in a CCW official language and the local language (has "
                    + w.languages().size()
                    + ")"));
      }
    }
    if (!r.marked()) {
      e.add(new FieldError("marked", "the perimeter is not marked yet (action mark)"));
    }
    if (anyAp && !remote) {
      if (m.fencing() == null || blank(m.fencing().kind())) {
        e.add(
            new FieldError(
                "minefield.fencing",
                "an AP area must be fenced or otherwise protected (Article 5)"));
      }
      if (m.monitoring() == null || blank(m.monitoring().unit())) {
        e.add(
            new FieldError(
                "minefield.monitoring",
                "an AP area must be monitored by military personnel (Article 5)"));
      }
      if (!r.fenced()) {
        e.add(new FieldError("fenced", "the AP area is not fenced yet (action fence)"));
      }
      if (!r.monitored()) {
        e.add(new FieldError("monitored", "the AP area is not monitored yet (action monitor)"));
      }
    }
    return e;
  }

  private static void lonLat(List<FieldError> e, String f, Double lon, Double lat) {
    if (lon == null || lat == null) {
      e.add(new FieldError(f, "lon and lat are required"));
    } else if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      e.add(new FieldError(f, "(" + lon + ", " + lat + ") is not a WGS84 lon/lat"));
    }
  }

  private static boolean time(List<FieldError> e, String f, String s) {
    try {
      OffsetDateTime.parse(s);
      return true;
    } catch (DateTimeParseException x) {
      e.add(
          new FieldError(
              f, "'" + s + "' is not an ISO 8601 date-time with offset (2027-05-03T08:00:00Z)"));
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
