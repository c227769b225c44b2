package lt.skydas.region;

import java.util.Locale;

/** Road classes of the road graph; names match the road rows of the mobility speed table. */
public enum RoadClass {
  MOTORWAY,
  TRUNK,
  PRIMARY,
  SECONDARY,
  TERTIARY,
  MINOR,
  TRACK,
  PATH;

  /**
   * Maps an OpenMapTiles {@code class} value ({@code primary}, {@code primary_link}, {@code minor},
   * {@code service}, {@code track}, {@code path} …) to a road class, or null if unknown.
   */
  public static RoadClass fromOsm(String cls) {
    if (cls == null) {
      return null;
    }
    String c = cls.toLowerCase(Locale.ROOT).replace("_link", "").replace("_construction", "");
    return switch (c) {
      case "motorway" -> MOTORWAY;
      case "trunk" -> TRUNK;
      case "primary" -> PRIMARY;
      case "secondary" -> SECONDARY;
      case "tertiary" -> TERTIARY;
      case "minor", "service", "residential", "unclassified", "living_street", "road" -> MINOR;
      case "track" -> TRACK;
      case "path", "footway", "cycleway", "bridleway", "steps" -> PATH;
      default -> null;
    };
  }
}
