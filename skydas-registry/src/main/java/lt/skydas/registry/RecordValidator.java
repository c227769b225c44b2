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

  /** The six official languages of the Convention (CCW), as ISO 639-1 codes or English names. */
  static final Set<String> CCW_LANGUAGES =
      Set.of(
          "ar", "zh", "en", "fr", "ru", "es", "arabic", "chinese", "english", "french", "russian",
          "spanish");

  /** TA 4(b): red or orange, with a yellow reflecting border. */
  static final Set<String> SIGN_COLOURS = Set.of("red", "orange");

  private RecordValidator() {}

  /**
   * Every field that keeps {@code r} from being emplaced (empty for obstacles), in a fixed order:
   * perimeter, reference points, emplacing method, rows and mines, lots, laying time,
   * anti-handling, self-destruct, warning signs, protection.
   *
   * @param apType whether the record's catalog type lays AP mines (then Article 5 applies even if
   *     no lot says AP)
   */
  public static List<FieldError> emplacementErrors(RegistryRecord r, boolean apType) {
    List<FieldError> e = new ArrayList<>();
    if (r.kind() != RecordKind.MINEFIELD) {
      return e;
    }
    MinefieldData m = r.minefield();
    boolean remote = "remotely_delivered".equals(m.emplacingMethod());
    e.addAll(perimeter(r));
    e.addAll(referencePoints(m));
    e.addAll(emplacingMethod(m));
    e.addAll(minePositions(m, remote));
    e.addAll(lots(m));
    e.addAll(layingTime(m));
    e.addAll(antiHandling(m));
    e.addAll(selfDestruct(m, remote));
    e.addAll(warningSigns(m));
    e.addAll(protection(r, apType || anyAp(m.lots()), remote));
    return e;
  }

  /** The perimeter of an emplaced minefield is an area. */
  private static List<FieldError> perimeter(RegistryRecord r) {
    if (r.geometry() instanceof Polygon) {
      return List.of();
    }
    return List.of(
        new FieldError(
            "geometry",
            "the perimeter of an emplaced minefield must be a Polygon (is "
                + r.geometry().getGeometryType()
                + ")"));
  }

  /** Technical Annex 1: the location by reference to at least two reference points. */
  private static List<FieldError> referencePoints(MinefieldData m) {
    List<FieldError> e = new ArrayList<>();
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
    return e;
  }

  private static List<FieldError> emplacingMethod(MinefieldData m) {
    if (m.emplacingMethod() == null) {
      return List.of(
          new FieldError(
              "minefield.emplacing_method", "missing (hand, mechanical or remotely_delivered)"));
    }
    if (!METHODS.contains(m.emplacingMethod())) {
      return List.of(
          new FieldError(
              "minefield.emplacing_method",
              "'" + m.emplacingMethod() + "' is not one of hand, mechanical, remotely_delivered"));
    }
    return List.of();
  }

  /**
   * Technical Annex 1: the rows or the individual mine positions (not required for remotely
   * delivered mines), each a valid lon/lat.
   */
  private static List<FieldError> minePositions(MinefieldData m, boolean remote) {
    List<FieldError> e = new ArrayList<>();
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
    return e;
  }

  /**
   * Technical Annex 1: the type, number, fusing and life time of the mines laid; Technical Annex 2:
   * AP mines detectable.
   */
  private static List<FieldError> lots(MinefieldData m) {
    List<FieldError> e = new ArrayList<>();
    if (m.lots().isEmpty()) {
      e.add(new FieldError("minefield.lots", "the mine types and numbers laid are required"));
    }
    for (int i = 0; i < m.lots().size(); i++) {
      MineLot l = m.lots().get(i);
      String f = "minefield.lots[" + i + "]";
      if (blank(l.model())) {
        e.add(new FieldError(f + ".model", "missing"));
      }
      String cat = category(l);
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
      if ("AP".equals(cat) && !Boolean.TRUE.equals(l.detectable())) {
        e.add(
            new FieldError(
                f + ".detectable",
                "AP mines must be detectable (Technical Annex 2: 8 g of iron in one coherent mass)"));
      }
      markings(e, f, l);
    }
    return e;
  }

  /**
   * Technical Annex 1(d): each mine is marked with its country of origin, month and year of
   * production and its lot or serial number; the record holds them per lot.
   */
  private static void markings(List<FieldError> e, String f, MineLot l) {
    if (blank(l.countryOfOrigin())) {
      e.add(
          new FieldError(
              f + ".country_of_origin", "the marking's country of origin (Technical Annex 1(d))"));
    }
    if (blank(l.produced())) {
      e.add(
          new FieldError(
              f + ".produced",
              "the marking's month and year of production, YYYY-MM (Technical Annex 1(d))"));
    } else if (!l.produced().matches("(19|20)\\d\\d-(0[1-9]|1[0-2])")) {
      e.add(
          new FieldError(f + ".produced", "'" + clip(l.produced()) + "' is not a month, YYYY-MM"));
    }
    if (blank(l.lotNumber())) {
      e.add(
          new FieldError(
              f + ".lot_number", "the marking's lot or serial number (Technical Annex 1(d))"));
    }
  }

  /** A lot's category in upper case, or null if absent. */
  private static String category(MineLot l) {
    return l.category() == null ? null : l.category().toUpperCase(Locale.ROOT);
  }

  private static boolean anyAp(List<MineLot> lots) {
    for (MineLot l : lots) {
      if ("AP".equals(category(l))) {
        return true;
      }
    }
    return false;
  }

  /** Technical Annex 1: the date and time of laying, as ISO 8601 with an offset. */
  private static List<FieldError> layingTime(MinefieldData m) {
    List<FieldError> e = new ArrayList<>();
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
    return e;
  }

  /** Technical Annex 1: whether anti-handling devices are fitted, and which. */
  private static List<FieldError> antiHandling(MinefieldData m) {
    if (m.antiHandling() == null || m.antiHandling().fitted() == null) {
      return List.of(
          new FieldError(
              "minefield.anti_handling.fitted", "state whether anti-handling devices are fitted"));
    }
    if (m.antiHandling().fitted() && blank(m.antiHandling().description())) {
      return List.of(
          new FieldError(
              "minefield.anti_handling.description", "describe the anti-handling devices fitted"));
    }
    return List.of();
  }

  /**
   * Technical Annex 1: whether self-destruct or self-deactivation is fitted and its period;
   * remotely delivered mines must have it.
   */
  private static List<FieldError> selfDestruct(MinefieldData m, boolean remote) {
    List<FieldError> e = new ArrayList<>();
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
    if (remote && anyAp(m.lots()) && m.selfDestruct() != null) {
      technicalAnnex3(e, m.selfDestruct());
    }
    return e;
  }

  /**
   * Technical Annex 3 (Article 6): remotely delivered AP mines self-destruct within 30 days with no
   * more than 10 % failing, and self-deactivate so that no more than 1 in 1,000 still functions as
   * a mine 120 days after emplacement. The stated periods and reliabilities must meet both.
   */
  private static void technicalAnnex3(List<FieldError> e, MinefieldData.SelfDestruct sd) {
    String f = "minefield.self_destruct.";
    if (sd.selfDestruct_d() != null && sd.selfDestruct_d() > 30) {
      e.add(
          new FieldError(
              f + "self_destruct_d",
              "remotely delivered AP mines must self-destruct within 30 days (Technical Annex 3(a);"
                  + " is "
                  + sd.selfDestruct_d()
                  + ")"));
    }
    Double r = sd.selfDestructReliability();
    if (r == null || !(r >= 0.9 && r <= 1)) {
      e.add(
          new FieldError(
              f + "self_destruct_reliability",
              r == null
                  ? "state the share that self-destructs within the period (Technical Annex 3(a):"
                      + " at least 0.9)"
                  : "at least 0.9 and at most 1 (Technical Annex 3(a); is " + r + ")"));
    }
    Double d = sd.selfDeactivation_d();
    if (d == null || !(d > 0 && d <= 120)) {
      e.add(
          new FieldError(
              f + "self_deactivation_d",
              "remotely delivered AP mines must self-deactivate within 120 days (Technical Annex"
                  + " 3(b); is "
                  + d
                  + ")"));
    }
    Double q = sd.selfDeactivationReliability();
    if (q == null || !(q >= 0.999 && q <= 1)) {
      e.add(
          new FieldError(
              f + "self_deactivation_reliability",
              q == null
                  ? "state the share no longer functioning as a mine after 120 days (Technical"
                      + " Annex 3(b): at least 0.999)"
                  : "at least 0.999 and at most 1 (Technical Annex 3(b); is " + q + ")"));
    }
  }

  /** Technical Annex 4: the warning signs' shape, number and languages. */
  private static List<FieldError> warningSigns(MinefieldData m) {
    var w = m.warningSigns();
    if (w == null) {
      return List.of(
          new FieldError(
              "minefield.warning_signs", "the warning signs are required (Technical Annex 4)"));
    }
    List<FieldError> e = new ArrayList<>();
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
    } else if (w.languages().stream()
        .noneMatch(l -> l != null && CCW_LANGUAGES.contains(l.strip().toLowerCase(Locale.ROOT)))) {
      e.add(
          new FieldError(
              "minefield.warning_signs.languages",
              "none of " + w.languages() + " is a CCW official language (ar, zh, en, fr, ru, es)"));
    }
    signSize(e, w);
    if (blank(w.colour())) {
      e.add(
          new FieldError(
              "minefield.warning_signs.colour",
              "the signs' colour: red or orange with a yellow reflecting border (Technical Annex"
                  + " 4(b))"));
    } else if (!SIGN_COLOURS.contains(w.colour().strip().toLowerCase(Locale.ROOT))) {
      e.add(
          new FieldError(
              "minefield.warning_signs.colour",
              "'" + clip(w.colour()) + "' is not red or orange (Technical Annex 4(b))"));
    }
    return e;
  }

  /**
   * Technical Annex 4(a): a triangle at least 28 cm by 20 cm, a square at least 15 cm a side (the
   * larger side is the width for a triangle).
   */
  private static void signSize(List<FieldError> e, MinefieldData.WarningSigns w) {
    if (w.width_cm() == null || w.height_cm() == null) {
      e.add(
          new FieldError(
              "minefield.warning_signs." + (w.width_cm() == null ? "width_cm" : "height_cm"),
              "the signs' size in cm (Technical Annex 4(a))"));
      return;
    }
    double wide = Math.max(w.width_cm(), w.height_cm()),
        high = Math.min(w.width_cm(), w.height_cm());
    boolean ok =
        "square".equals(w.shape())
            ? high >= 15
            : !"triangle".equals(w.shape()) || (wide >= 28 && high >= 20);
    if (!ok) {
      e.add(
          new FieldError(
              "minefield.warning_signs.width_cm",
              String.format(
                  Locale.ROOT,
                  "%.0f × %.0f cm is below Technical Annex 4(a): %s",
                  w.width_cm(),
                  w.height_cm(),
                  "square".equals(w.shape()) ? "15 cm a side" : "28 × 20 cm")));
    }
  }

  /**
   * The perimeter marked; Article 5: an AP area (not remotely delivered) fenced and monitored, by
   * plan and in fact.
   */
  private static List<FieldError> protection(RegistryRecord r, boolean anyAp, boolean remote) {
    List<FieldError> e = new ArrayList<>();
    if (!r.marked()) {
      e.add(new FieldError("marked", "the perimeter is not marked yet (action mark)"));
    }
    if (!anyAp || remote) {
      return e;
    }
    MinefieldData m = r.minefield();
    if (m.fencing() == null || blank(m.fencing().kind())) {
      e.add(
          new FieldError(
              "minefield.fencing", "an AP area must be fenced or otherwise protected (Article 5)"));
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

  /** A user's value for a message: at most 40 characters. */
  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
