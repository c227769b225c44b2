package lt.skydas.registry;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * An inspection, incident, clearance task or land release linked to a record. Append-only.
 *
 * @param geometry WGS84; required for a land release (the released polygon), else may be null
 * @param data the fields, keyed in snake_case (see {@link ActivityKind#required()})
 */
public record Activity(
    String id,
    String recordId,
    ActivityKind kind,
    Instant at,
    String actor,
    Geometry geometry,
    Map<String, Object> data) {
  public Activity {
    data = java.util.Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** Canonical JSON, as hashed in the audit chain. */
  public String toJson() {
    var o = RecordCodec.JSON.createObjectNode();
    o.put("id", id);
    o.put("record_id", recordId);
    o.put("kind", kind.id());
    o.put("at", at.toString());
    o.put("actor", actor);
    if (geometry != null) {
      o.put("geometry", RecordCodec.wkt(geometry));
    }
    o.set("data", RecordCodec.JSON.valueToTree(data));
    return RecordCodec.write(o);
  }

  @SuppressWarnings("unchecked")
  public static Activity fromJson(String json) {
    try {
      var o = RecordCodec.JSON.readTree(json);
      return new Activity(
          o.get("id").asText(),
          o.get("record_id").asText(),
          ActivityKind.parse(o.get("kind").asText()),
          Instant.parse(o.get("at").asText()),
          o.get("actor").asText(),
          o.hasNonNull("geometry") ? RecordCodec.geometry(o.get("geometry").asText()) : null,
          RecordCodec.JSON.treeToValue(o.get("data"), Map.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored activity is not valid JSON", e);
    }
  }
}
