package lt.skydas.server.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The routes of the server, declared in one place with who may call them. API classes add their
 * routes here; {@link #mount} registers every handler behind the {@link Gate}. Handlers are plain
 * functions of the request: they never see the server. Not thread-safe while routes are added;
 * read-only once mounted.
 */
public final class RouteTable {
  private record Route(RouteSpec spec, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Declares a route without a described response body. */
  public void add(
      HandlerType method, String path, Access access, String tag, String summary, Handler h) {
    add(method, path, access, tag, summary, null, h);
  }

  /**
   * Declares a route.
   *
   * @param response the OpenAPI schema of its 200 body (see {@link OpenApiDoc}), or null
   */
  public void add(
      HandlerType method,
      String path,
      Access access,
      String tag,
      String summary,
      String response,
      Handler h) {
    add(method, path, access, tag, summary, response, List.of(), h);
  }

  /** Declares a route with its query parameters (documented in the OpenAPI document). */
  public void add(
      HandlerType method,
      String path,
      Access access,
      String tag,
      String summary,
      String response,
      List<QueryParam> query,
      Handler h) {
    routes.add(
        new Route(new RouteSpec(method.name(), path, access, summary, tag, response, query), h));
  }

  /** The declared routes, in declaration order (read-only). */
  public List<RouteSpec> specs() {
    return Collections.unmodifiableList(routes.stream().map(Route::spec).toList());
  }

  /** Registers every route on the app, each behind the gate's checks. */
  public void mount(Javalin app, Gate gate) {
    for (Route r : routes) {
      app.addHttpHandler(
          HandlerType.valueOf(r.spec().method()),
          r.spec().path(),
          gate.guard(r.spec(), r.handler()));
    }
  }
}
