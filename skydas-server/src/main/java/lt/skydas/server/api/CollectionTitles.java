package lt.skydas.server.api;

/** The titles of the OGC collections, as the collection list and the HTML pages show them. */
final class CollectionTitles {
  private CollectionTitles() {}

  /** The title of a feature collection (a region layer's names its licence). */
  static String of(String id) {
    return switch (id) {
      case "obstacles" -> "Registered obstacles";
      case "minefields" -> "Registered minefields";
      case "sensors" -> "Registered sensor, EW and counter-drone sites";
      case "depots" -> "Registered ammunition and stock depots";
      case "shelters" -> "Registered civil-protection shelters (capacity, protection, status)";
      case OgcApi.AVENUES -> "Avenues of approach (newest published assessment)";
      case OgcApi.WARNING -> "Warning time (newest published assessment)";
      case OgcApi.CIVILIANS ->
          "Settlements in the attacker's 48 h reach: evacuation time, warning needed, cut off"
              + " (newest published assessment)";
      case OgcApi.NEIGHBOURS ->
          "Neighbours' lines: other countries' obstacles and sensors as imported, read-only"
              + " (owner and provenance on each)";
      case OgcApi.COVERAGE ->
          "Observed area per target class of the registered sensor sites (recomputed when they"
              + " change)";
      default -> "Region layer " + id + " (© OpenStreetMap contributors, ODbL)";
    };
  }
}
