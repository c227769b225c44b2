package lt.skydas.region;

/**
 * Land-cover classes of the region raster, with stable byte codes. Where layers overlap the higher
 * {@link #precedence()} wins: WATER > RIVER > STREAM > BUILT_UP > INDUSTRIAL > WETLAND_SOFT >
 * WETLAND_FIRM > FOREST > OPEN. The names match the terrain rows of the mobility speed table.
 */
public enum LandCover {
  /** Outside every country polygon and not sea: no data. */
  NODATA(0, 0),
  /** Land not covered by another class: fields, meadows, clearings. */
  OPEN(1, 1),
  FOREST(2, 2),
  /** Marsh, reedbed, wet meadow. */
  WETLAND_FIRM(3, 3),
  /** Bog, swamp, fen, tidal flat, unspecified wetland. */
  WETLAND_SOFT(4, 4),
  /** Lakes, reservoirs, river surfaces, lagoon and sea. */
  WATER(5, 9),
  /** River and canal centre lines (supercover). */
  RIVER(6, 8),
  /** Stream centre lines (supercover), shipped within 20 km of the borders. */
  STREAM(7, 7),
  /** Residential areas. */
  BUILT_UP(8, 6),
  /** Industrial, commercial, retail and railway land. */
  INDUSTRIAL(9, 5);

  private final byte code;
  private final int precedence;

  LandCover(int code, int precedence) {
    this.code = (byte) code;
    this.precedence = precedence;
  }

  public byte code() {
    return code;
  }

  public int precedence() {
    return precedence;
  }

  private static final LandCover[] BY_CODE = new LandCover[256];

  static {
    for (LandCover c : values()) {
      BY_CODE[c.code & 0xff] = c;
    }
  }

  /** The class with this code, or null. */
  public static LandCover fromCode(int code) {
    return code < 0 || code > 255 ? null : BY_CODE[code];
  }

  /** Terrain name per unsigned code (null where no class has the code). */
  public static String[] namesByCode() {
    String[] names = new String[10];
    for (LandCover c : values()) {
      names[c.code] = c.name();
    }
    return names;
  }
}
