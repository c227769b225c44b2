package lt.skydas.registry;

import java.util.List;

/**
 * The minefield record that CCW Amended Protocol II, Technical Annex 1, asks for. Every field may
 * be missing while a minefield is planned; {@link RecordValidator} names what is still missing
 * before it may be emplaced. The perimeter is the record's polygon geometry. Immutable.
 *
 * @param referencePoints at least two fixed points the minefield is located from (TA 1(a))
 * @param rows the mine rows (row minefields: the location of the rows is sufficient)
 * @param mines individual mine positions, where feasible
 * @param lots mine types laid: model, category, number, fuse type and life time, detectability
 * @param emplacingMethod {@code hand}, {@code mechanical} or {@code remotely_delivered}
 * @param laidFrom date and time laying began (ISO 8601 with offset, e.g. 2027-05-03T08:00:00Z)
 * @param laidTo date and time laying ended (optional, same format)
 * @param antiHandling whether anti-handling devices are fitted, and which (stated even if none)
 * @param selfDestruct self-destruct and self-deactivation periods (stated even if none fitted)
 * @param warningSigns the warning signs on the perimeter (TA 4)
 * @param fencing fencing or other means of exclusion (AP areas, Article 5)
 * @param monitoring who monitors the area (AP areas, Article 5)
 */
public record MinefieldData(
    List<ReferencePoint> referencePoints,
    List<MineRow> rows,
    List<MinePosition> mines,
    List<MineLot> lots,
    String emplacingMethod,
    String laidFrom,
    String laidTo,
    AntiHandling antiHandling,
    SelfDestruct selfDestruct,
    WarningSigns warningSigns,
    Fencing fencing,
    Monitoring monitoring) {

  public MinefieldData {
    referencePoints = referencePoints == null ? List.of() : List.copyOf(referencePoints);
    rows = rows == null ? List.of() : List.copyOf(rows);
    mines = mines == null ? List.of() : List.copyOf(mines);
    lots = lots == null ? List.of() : List.copyOf(lots);
  }

  /** An empty record, as a planned minefield starts. */
  public static MinefieldData empty() {
    return new MinefieldData(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Total number of mines over all lots (0 if none are listed). */
  public long mineCount() {
    long n = 0;
    for (MineLot l : lots) {
      if (l.count() != null) {
        n += l.count();
      }
    }
    return n;
  }

  /** A fixed point a minefield is located from, in WGS84. */
  public record ReferencePoint(String name, Double lon, Double lat, String description) {}

  /** A row of mines: its line in WGS84 as [[lon, lat], ...], how many mines and of which model. */
  public record MineRow(String id, List<List<Double>> line, Integer mines, String model) {
    public MineRow {
      line = line == null ? List.of() : List.copyOf(line);
    }
  }

  /** One mine, in WGS84. */
  public record MinePosition(Double lon, Double lat, String model) {}

  /**
   * Mines of one model.
   *
   * @param category {@code AP} or {@code AT}
   * @param fuseLife_d fuse life time in days
   * @param detectable AP mines must be detectable (TA 2: at least 8 g of iron in one mass)
   * @param countryOfOrigin the marking's country of origin (TA 1(d)), e.g. {@code LT} or a name
   * @param produced the marking's month and year of production (TA 1(d)), {@code YYYY-MM}
   * @param lotNumber the marking's lot or serial number (TA 1(d))
   */
  public record MineLot(
      String model,
      String category,
      Integer count,
      String fuseType,
      Double fuseLife_d,
      Boolean detectable,
      String countryOfOrigin,
      String produced,
      String lotNumber) {
    /** A lot without its markings (as recorded before TA 1(d) was asked for). */
    public MineLot(
        String model,
        String category,
        Integer count,
        String fuseType,
        Double fuseLife_d,
        Boolean detectable) {
      this(model, category, count, fuseType, fuseLife_d, detectable, null, null, null);
    }
  }

  /** Anti-handling devices: {@code fitted} must be stated; a description when fitted. */
  public record AntiHandling(Boolean fitted, String description) {}

  /**
   * Self-destruct and self-deactivation: {@code fitted} must be stated; the periods in days when
   * fitted (required for remotely delivered mines), and the stated reliabilities (fractions, 0 to
   * 1) that Technical Annex 3 bounds for remotely delivered AP mines: at least 0.9 of them
   * self-destruct within 30 days, and at least 0.999 no longer function as a mine 120 days after
   * emplacement.
   */
  public record SelfDestruct(
      Boolean fitted,
      Double selfDestruct_d,
      Double selfDeactivation_d,
      Double selfDestructReliability,
      Double selfDeactivationReliability) {
    /** Without the stated reliabilities. */
    public SelfDestruct(Boolean fitted, Double selfDestruct_d, Double selfDeactivation_d) {
      this(fitted, selfDestruct_d, selfDeactivation_d, null, null);
    }
  }

  /**
   * Warning signs (TA 4).
   *
   * @param shape {@code triangle} (at least 28 × 20 cm) or {@code square} (at least 15 cm)
   * @param languages the languages of the word "mines" on them (a CCW official language and the
   *     local one)
   * @param width_cm the sign's width
   * @param height_cm the sign's height
   * @param colour {@code red} or {@code orange} (with a yellow reflecting border, TA 4(b))
   */
  public record WarningSigns(
      String shape,
      Integer count,
      Double spacing_m,
      List<String> languages,
      Double width_cm,
      Double height_cm,
      String colour) {
    public WarningSigns {
      languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Without size and colour. */
    public WarningSigns(String shape, Integer count, Double spacing_m, List<String> languages) {
      this(shape, count, spacing_m, languages, null, null, null);
    }
  }

  /** Fencing or other means of exclusion: what and how long. */
  public record Fencing(String kind, Double length_m) {}

  /** Monitoring by military personnel: which unit and how. */
  public record Monitoring(String unit, String method) {}
}
