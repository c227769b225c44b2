package lt.skydas.server.http;

import java.util.Map;

/**
 * One query parameter of a route, as the OpenAPI document states it: name, description, JSON
 * Schema, and whether a list is written comma-separated ({@code style: form, explode: false}).
 */
public record QueryParam(
    String name, String description, Map<String, Object> schema, boolean commaList) {
  public QueryParam {
    schema = Map.copyOf(schema);
  }
}
