package lt.skydas.region;

/** Countries of the region raster, by ISO 3166 alpha-2, with stable byte codes (0 = none/sea). */
public enum Country {
  NONE(0),
  LT(1),
  BY(2),
  RU(3),
  PL(4),
  LV(5);

  private final byte code;

  Country(int code) {
    this.code = (byte) code;
  }

  public byte code() {
    return code;
  }

  /** The country with this ISO alpha-2 code, or null. */
  public static Country fromIso(String iso2) {
    if (iso2 == null) {
      return null;
    }
    for (Country c : values()) {
      if (c != NONE && c.name().equalsIgnoreCase(iso2)) {
        return c;
      }
    }
    return null;
  }

  public static Country fromCode(int code) {
    for (Country c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return NONE;
  }
}
