package lt.skydas.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Writing responses: JSON ({@code application/json}), GeoJSON ({@code application/geo+json}) and
 * HTML, each in UTF-8; problems are thrown as {@link lt.skydas.core.problem.SkydasProblem} and
 * written by {@link Problems}. Thread-safe.
 */
public final class Responses {
  private final ObjectMapper json;

  public Responses(ObjectMapper json) {
    this.json = json;
  }

  /** The mapper the server writes JSON with (instants as ISO-8601 strings). */
  public ObjectMapper mapper() {
    return json;
  }

  /** Sends {@code body} (a map, list, record or tree) as JSON with this status. */
  public void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json; charset=utf-8")
          .result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a GeoJSON document, already written, with this status. */
  public void geoJson(Context ctx, int status, String body) {
    ctx.status(status).contentType("application/geo+json; charset=utf-8").result(body);
  }

  /** Sends a GeoJSON tree with this status. */
  public void geoJson(Context ctx, int status, JsonNode body) {
    geoJson(ctx, status, body.toString());
  }

  /** Sends an HTML page. */
  public void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
