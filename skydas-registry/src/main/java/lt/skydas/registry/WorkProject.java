package lt.skydas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A dual-use works project in the registry (issue 16): a road section or a bridge rebuilt for
 * military mobility, with its calendar, cost, lifecycle, progress and load class before and after.
 * Immutable; {@link WorkLifecycle} moves it.
 *
 * @param kind {@code road} (a line) or {@code bridge} (a point)
 * @param status planned, approved, under_construction, completed or cancelled
 * @param donePct 0 while planned or approved, 1..99 under construction, 100 completed
 * @param speedAfter_kmh a road's convoy speed after the works (null for a bridge)
 * @param geometry WGS84
 * @param version 1 when entered, +1 per change
 */
public record WorkProject(
    String id,
    String name,
    String kind,
    LocalDate start,
    LocalDate end,
    double cost_eur,
    String status,
    int donePct,
    int mlcBefore,
    int mlcAfter,
    Double speedAfter_kmh,
    Geometry geometry,
    long version) {
  public WorkProject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(geometry, "geometry");
  }

  /** The audit entity id of a project ({@code work:S-131-1}): never a record id. */
  public static String entityId(String id) {
    return "work:" + id;
  }

  WorkProject with(String status, int donePct, long version) {
    return new WorkProject(
        id,
        name,
        kind,
        start,
        end,
        cost_eur,
        status,
        donePct,
        mlcBefore,
        mlcAfter,
        speedAfter_kmh,
        geometry,
        version);
  }

  /** Canonical JSON text (sorted keys), as stored and chained. */
  public String toJson() {
    ObjectNode o = RecordCodec.JSON.createObjectNode();
    o.put("id", id);
    if (name != null) {
      o.put("name", name);
    }
    o.put("kind", kind);
    o.put("start", start.toString());
    o.put("end", end.toString());
    o.put("cost_eur", cost_eur);
    o.put("status", status);
    o.put("done_pct", donePct);
    o.put("mlc_before", mlcBefore);
    o.put("mlc_after", mlcAfter);
    if (speedAfter_kmh != null) {
      o.put("speed_after_kmh", speedAfter_kmh);
    }
    o.put("geometry", RecordCodec.wkt(geometry));
    o.put("version", version);
    try {
      return RecordCodec.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WorkProject fromJson(String json) {
    try {
      JsonNode o = RecordCodec.JSON.readTree(json);
      return new WorkProject(
          o.path("id").asText(),
          o.hasNonNull("name") ? o.get("name").asText() : null,
          o.path("kind").asText(),
          LocalDate.parse(o.path("start").asText()),
          LocalDate.parse(o.path("end").asText()),
          o.path("cost_eur").asDouble(),
          o.path("status").asText(),
          o.path("done_pct").asInt(),
          o.path("mlc_before").asInt(),
          o.path("mlc_after").asInt(),
          o.hasNonNull("speed_after_kmh") ? o.get("speed_after_kmh").asDouble() : null,
          RecordCodec.geometry(o.path("geometry").asText()),
          o.path("version").asLong());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("unreadable works project: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s, %s, %d %%)", id, kind, status, donePct);
  }
}
