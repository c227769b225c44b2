package lt.skydas.core.geojson;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature as read: geometry in the file's coordinates (lon/lat for RFC 7946),
 * properties as plain Java values ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}, nested {@code Map}/{@code List}).
 *
 * @param id the feature's {@code id} member as text, or {@code null} when it has none
 * @param index zero-based position in the file's {@code features} array
 */
public record Feature(String id, int index, Geometry geometry, Map<String, Object> properties) {

  /** A label for messages: {@code feature 12 (id "x")}. */
  public String label() {
    return label(index, id);
  }

  public static String label(int index, String id) {
    return id == null ? "feature " + index : "feature " + index + " (id \"" + id + "\")";
  }

  /** String property or {@code null}. */
  public String string(String key) {
    Object v = properties.get(key);
    return v == null ? null : v.toString();
  }

  /** Numeric property or {@code NaN} when absent or not a number. */
  public double number(String key) {
    Object v = properties.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
