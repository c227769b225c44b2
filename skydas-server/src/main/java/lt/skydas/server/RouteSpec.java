package lt.skydas.server;

/**
 * One entry of the route table: method, path (Javalin syntax, {@code {id}} for parameters), who may
 * call it and a one-line summary. The table drives the access checks, the OpenAPI document and the
 * security tests (every unsafe route is tried without a session and with a wrong role).
 */
public record RouteSpec(String method, String path, Access access, String summary, String tag) {
  /** POST, PUT, PATCH and DELETE change state: they need the CSRF token with a cookie session. */
  public boolean unsafe() {
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }
}
