package lt.skydas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A neighbour's line as this registry holds it (issue 16): another country's obstacles and sensors,
 * imported whole and read-only, and where they came from. Only a new import of the same country's
 * line replaces it; nothing edits it. Immutable.
 *
 * @param country ISO 3166-1 alpha-2 code of the owner (not the registry's home country)
 * @param source where it was read from: a file name or an OGC API Features items URL
 * @param sha256 SHA-256 of its features' canonical form ({@link #digest}), which the audit chain
 *     holds: a feature changed outside Skydas no longer matches it
 * @param features how many features it has
 * @param importedAt when it was imported
 * @param importedBy who imported it ({@link Actor#name})
 * @param note the importer's note (agreement, date of the neighbour's data …), or null
 */
public record NeighbourLine(
    String country,
    String source,
    String sha256,
    int features,
    Instant importedAt,
    String importedBy,
    String note) {
  public NeighbourLine {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(importedAt, "importedAt");
    Objects.requireNonNull(importedBy, "importedBy");
  }

  /** The audit entity id of a country's line ({@code line:PL}): never a record id. */
  public static String entityId(String country) {
    return "line:" + country;
  }

  /** Canonical JSON text (sorted keys), as stored and chained. */
  public String toJson() {
    ObjectNode o = RecordCodec.JSON.createObjectNode();
    o.put("country", country);
    o.put("source", source);
    o.put("sha256", sha256);
    o.put("features", features);
    o.put("imported_at", importedAt.toString());
    o.put("imported_by", importedBy);
    if (note != null) {
      o.put("note", note);
    }
    try {
      return RecordCodec.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static NeighbourLine fromJson(String json) {
    try {
      JsonNode o = RecordCodec.JSON.readTree(json);
      return new NeighbourLine(
          o.path("country").asText(),
          o.path("source").asText(),
          o.path("sha256").asText(),
          o.path("features").asInt(),
          Instant.parse(o.path("imported_at").asText()),
          o.path("imported_by").asText(),
          o.hasNonNull("note") ? o.get("note").asText() : null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("unreadable neighbour line: " + e.getMessage(), e);
    }
  }

  /**
   * SHA-256 over the features in id order, each as id, type, name, status and canonical WKT
   * separated by NUL: the same for the same line however its rows are stored.
   */
  public static String digest(List<NeighbourFeature> features) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (NeighbourFeature f :
          features.stream().sorted(Comparator.comparing(NeighbourFeature::id)).toList()) {
        for (String s :
            new String[] {
              f.id(),
              f.type(),
              f.name() == null ? "" : f.name(),
              f.status() == null ? "" : f.status(),
              RecordCodec.wkt(f.geometry())
            }) {
          md.update(s.getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
