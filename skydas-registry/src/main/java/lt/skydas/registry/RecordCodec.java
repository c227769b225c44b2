package lt.skydas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Canonical JSON of records and activities: snake_case keys in sorted order, geometry as WKT, times
 * as ISO 8601 instants. The same value always gives the same text, so the text is what the audit
 * chain hashes and what verification compares. Thread-safe.
 */
public final class RecordCodec {
  /** Shared mapper: sorted keys, snake_case, nulls left out. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private RecordCodec() {}

  /** Canonical JSON text of a record. */
  public static String toJson(RegistryRecord r) {
    return write(toTree(r));
  }

  /** The record as a JSON object (the canonical form). */
  public static ObjectNode toTree(RegistryRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", r.id());
    o.put("kind", r.kind().id());
    o.put("type", r.type());
    if (r.name() != null) {
      o.put("name", r.name());
    }
    o.put("status", r.status().id());
    o.put("geometry", wkt(r.geometry()));
    o.put("marked", r.marked());
    o.put("fenced", r.fenced());
    o.put("monitored", r.monitored());
    if (r.minefield() != null) {
      o.set("minefield", JSON.valueToTree(r.minefield()));
    }
    if (r.height_m() != null) {
      o.put("height_m", r.height_m());
    }
    if (r.azimuth_deg() != null) {
      o.put("azimuth_deg", r.azimuth_deg());
    }
    if (r.depot() != null) {
      o.set("depot", JSON.valueToTree(r.depot()));
    }
    if (r.shelter() != null) {
      o.set("shelter", JSON.valueToTree(r.shelter()));
    }
    if (r.year() != null) {
      o.put("year", r.year());
    }
    if (r.notes() != null) {
      o.put("notes", r.notes());
    }
    if (r.source() != null) {
      o.put("source", r.source());
    }
    o.put("version", r.version());
    o.put("created_at", r.createdAt().toString());
    o.put("updated_at", r.updatedAt().toString());
    return sorted(o);
  }

  /** Parses the canonical JSON text of a record. */
  public static RegistryRecord fromJson(String json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored record is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Parses the canonical JSON text of a record whose geometry is already decoded (from the geometry
   * column: faster than its WKT).
   */
  public static RegistryRecord fromJson(String json, Geometry geometry) {
    try {
      return fromTree(JSON.readTree(json), geometry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored record is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static RegistryRecord fromTree(JsonNode o) {
    return fromTree(o, null);
  }

  static RegistryRecord fromTree(JsonNode o, Geometry g) {
    try {
      MinefieldData mf =
          o.hasNonNull("minefield")
              ? JSON.treeToValue(o.get("minefield"), MinefieldData.class)
              : null;
      return new RegistryRecord(
          o.get("id").asText(),
          RecordKind.valueOf(o.get("kind").asText().toUpperCase(java.util.Locale.ROOT)),
          o.get("type").asText(),
          text(o, "name"),
          Status.parse(o.get("status").asText()),
          g != null ? g : geometry(o.get("geometry").asText()),
          o.path("marked").asBoolean(false),
          o.path("fenced").asBoolean(false),
          o.path("monitored").asBoolean(false),
          mf,
          o.hasNonNull("height_m") ? o.get("height_m").asDouble() : null,
          o.hasNonNull("azimuth_deg") ? o.get("azimuth_deg").asDouble() : null,
          o.hasNonNull("depot") ? JSON.treeToValue(o.get("depot"), DepotData.class) : null,
          o.hasNonNull("shelter") ? JSON.treeToValue(o.get("shelter"), ShelterData.class) : null,
          o.hasNonNull("year") ? o.get("year").asInt() : null,
          text(o, "notes"),
          text(o, "source"),
          o.get("version").asLong(),
          Instant.parse(o.get("created_at").asText()),
          Instant.parse(o.get("updated_at").asText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored minefield record is not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** Canonical JSON text of any tree (keys sorted at every level). */
  public static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n instanceof ObjectNode o ? sorted(o) : n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Canonical JSON text of any value Jackson can map (records, maps, lists). */
  public static String writeValue(Object v) {
    return write((JsonNode) JSON.valueToTree(v));
  }

  private static ObjectNode sorted(ObjectNode o) {
    ObjectNode s = JSON.createObjectNode();
    o.properties().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                s.set(e.getKey(), e.getValue() instanceof ObjectNode c ? sorted(c) : e.getValue()));
    return s;
  }

  private static String text(JsonNode o, String k) {
    return o.hasNonNull(k) ? o.get(k).asText() : null;
  }

  /** WKT with full precision (round-trips every double). */
  public static String wkt(Geometry g) {
    return new WKTWriter(2).write(g);
  }

  public static Geometry geometry(String wkt) {
    try {
      return new WKTReader(WGS84).read(wkt);
    } catch (ParseException e) {
      throw new IllegalStateException("stored geometry is not valid WKT: " + e.getMessage(), e);
    }
  }
}
