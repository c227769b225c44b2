package lt.skydas.core.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * WKT from users (CSV cells, API bodies, CLI options), read with limits that JTS's recursive reader
 * lacks: text longer than {@link #MAX_CHARS} or parentheses nested deeper than {@link #MAX_DEPTH}
 * (a valid geometry collection of polygons needs 4; 5,000 overflow the stack) are refused before
 * parsing, as a {@link ParseException} the caller reports like any bad WKT. Stateless.
 */
public final class WktText {
  /** Deepest parenthesis nesting accepted. */
  public static final int MAX_DEPTH = 16;

  /** Longest WKT accepted (characters). */
  public static final int MAX_CHARS = 20_000_000;

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private WktText() {}

  /** Reads {@code wkt} as lon/lat (SRID 4326). */
  public static Geometry read(String wkt) throws ParseException {
    return read(wkt, WGS84);
  }

  /** Reads {@code wkt} with {@code factory}. */
  public static Geometry read(String wkt, GeometryFactory factory) throws ParseException {
    if (wkt.length() > MAX_CHARS) {
      throw new ParseException(wkt.length() + " characters, at most " + MAX_CHARS);
    }
    int depth = 0;
    for (int i = 0; i < wkt.length(); i++) {
      char c = wkt.charAt(i);
      if (c == '(' && ++depth > MAX_DEPTH) {
        throw new ParseException("parentheses nested more than " + MAX_DEPTH + " deep");
      } else if (c == ')') {
        depth--;
      }
    }
    try {
      return new WKTReader(factory).read(wkt);
    } catch (IllegalArgumentException e) {
      throw new ParseException(e.getMessage());
    }
  }
}
