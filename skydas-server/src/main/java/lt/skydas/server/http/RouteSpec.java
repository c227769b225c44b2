package lt.skydas.server.http;

/**
 * One entry of the route table: method, path (Javalin syntax, {@code {id}} for parameters), who may
 * call it, a one-line summary, its OpenAPI tag and the schema of its success response. The table
 * drives the access checks, the OpenAPI document and the security tests (every unsafe route is
 * tried without a session and with a wrong role).
 *
 * @param response name of a schema in the OpenAPI document's components for the 200 body; null when
 *     the body is not described
 * @param query the query parameters the OpenAPI document lists (path parameters come from the path)
 */
public record RouteSpec(
    String method,
    String path,
    Access access,
    String summary,
    String tag,
    String response,
    java.util.List<QueryParam> query) {
  public RouteSpec {
    query = query == null ? java.util.List.of() : java.util.List.copyOf(query);
  }

  /** A route without query parameters to document. */
  public RouteSpec(
      String method, String path, Access access, String summary, String tag, String response) {
    this(method, path, access, summary, tag, response, java.util.List.of());
  }

  /** POST, PUT, PATCH and DELETE change state: they need the CSRF token with a cookie session. */
  public boolean unsafe() {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }
}
