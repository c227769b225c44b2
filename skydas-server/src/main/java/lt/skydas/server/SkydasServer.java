package lt.skydas.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Registry;
import lt.skydas.server.api.AccountApi;
import lt.skydas.server.api.JobApi;
import lt.skydas.server.api.OgcApi;
import lt.skydas.server.api.RecordApi;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.LoginThrottle;
import lt.skydas.server.auth.Principal;
import lt.skydas.server.jobs.JobManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code skydas serve} (Javalin on Jetty): the JSON API under {@code /api}, OGC
 * API – Features under {@code /ogc}, the OpenAPI document at {@code /api/openapi.json} and the web
 * UI's bundled assets at {@code /}. Every route is declared once in the route table with who may
 * call it; the wrapper checks the session, the role and, for unsafe methods, the CSRF token and the
 * Origin before the handler runs. Errors are RFC 9457 problem details.
 */
public final class SkydasServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SkydasServer.class);
  public static final String SESSION_COOKIE = "skydas_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String PRINCIPAL = "skydas.principal";

  private final ServerConfig config;
  private final Registry registry;
  private final Accounts accounts;
  private final JobManager jobs;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(
              new com.fasterxml.jackson.databind.module.SimpleModule()
                  .addSerializer(
                      java.time.Instant.class,
                      com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));
  private final List<RouteSpec> routes = new ArrayList<>();
  private final Javalin app;

  public SkydasServer(ServerConfig config, Registry registry, Accounts accounts, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.accounts = accounts;
    this.jobs = new JobManager(config.jobTypes(), config.workDir(), 1, clock);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.maxRequestSize = config.maxBody_bytes();
              cfg.router.ignoreTrailingSlashes = true;
              if (SkydasServer.class.getResource("/web/index.html") != null) {
                cfg.staticFiles.add(
                    sf -> {
                      sf.hostedPath = "/";
                      sf.directory = "/web";
                      sf.location = Location.CLASSPATH;
                      sf.precompress = false;
                    });
              }
            });
    app.before(this::headers);
    app.exception(SkydasProblem.class, (e, ctx) -> Problems.write(ctx, json, e));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> Problems.write(ctx, json, codeFor(e.getStatus()), e.getMessage(), Map.of()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500);
          ctx.contentType("application/problem+json; charset=utf-8");
          ctx.result(
              json.createObjectNode()
                  .put("type", Problems.TYPE_BASE + "internal-error")
                  .put("title", "Internal error")
                  .put("status", 500)
                  .put("detail", "the server failed; the error is in its log")
                  .put("instance", ctx.path())
                  .toString());
        });
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty() || "Not Found".equals(ctx.result())) {
            Problems.write(
                ctx, json, ProblemCode.NOT_FOUND, "no resource at " + ctx.path(), Map.of());
          }
        });
    app.error(
        405,
        ctx ->
            Problems.write(
                ctx,
                json,
                ProblemCode.USAGE,
                "method " + ctx.method() + " is not allowed on " + ctx.path(),
                Map.of()));
    LoginThrottle throttle = new LoginThrottle(clock);
    new AccountApi(this, accounts, throttle, config).register();
    new RecordApi(this, registry, config.workDir().resolve("uploads"), config.maxBody_bytes())
        .register();
    new OgcApi(this, registry, config.layers(), jobs).register();
    new JobApi(this, jobs).register();
    new lt.skydas.server.api.ProgrammeApi(this, registry).register();
    route(
        HandlerType.GET,
        "/api/openapi.json",
        Access.PUBLIC,
        "meta",
        "This API as an OpenAPI 3.0 document",
        ctx ->
            ctx.contentType("application/vnd.oai.openapi+json; charset=utf-8")
                .result(OpenApiDoc.of(routes)));
    route(
        HandlerType.GET,
        "/api/health",
        Access.PUBLIC,
        "meta",
        "Liveness and the database in use",
        ctx ->
            send(
                ctx,
                200,
                Map.of(
                    "status",
                    "ok",
                    "database",
                    registry.store().isGeoPackage() ? "geopackage" : "postgis",
                    "schema",
                    registry.store().schemaVersion())));
  }

  /** Starts listening; returns this. */
  public SkydasServer start() {
    app.start(config.host(), config.port());
    return this;
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://"
        + (config.host().contains(":") ? "[" + config.host() + "]" : config.host())
        + ":"
        + port();
  }

  /** The route table (read-only). */
  public List<RouteSpec> routes() {
    return Collections.unmodifiableList(routes);
  }

  public long maxBody() {
    return config.maxBody_bytes();
  }

  public ObjectMapper json() {
    return json;
  }

  public JobManager jobs() {
    return jobs;
  }

  /** Declares a route and registers it behind the access checks. */
  public void route(
      HandlerType method, String path, Access access, String tag, String summary, Handler h) {
    RouteSpec spec = new RouteSpec(method.name(), path, access, summary, tag);
    routes.add(spec);
    app.addHttpHandler(
        method,
        path,
        ctx -> {
          Principal p = authenticate(ctx).orElse(null);
          if (access.login()) {
            if (p == null) {
              throw new SkydasProblem(
                  ProblemCode.UNAUTHENTICATED,
                  "log in first: " + spec.method() + " " + spec.path() + " needs a session");
            }
            if (!access.allows(p.role())) {
              throw new SkydasProblem(
                  ProblemCode.FORBIDDEN,
                  "role "
                      + p.role().id()
                      + " may not: "
                      + summary.toLowerCase(java.util.Locale.ROOT)
                      + " (needs "
                      + access.describe()
                      + ")");
            }
          }
          if (spec.unsafe()) {
            checkOrigin(ctx);
            if (p != null && p.viaCookie() && !Accounts.same(ctx.header(CSRF_HEADER), p.csrf())) {
              throw new SkydasProblem(
                  ProblemCode.FORBIDDEN,
                  "missing or wrong " + CSRF_HEADER + " header (it comes with the login response)");
            }
          }
          ctx.attribute(PRINCIPAL, p);
          h.handle(ctx);
        });
  }

  /** The caller, when the route needed a login (never null there). */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  private Optional<Principal> authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return accounts.session(auth.substring(7).strip(), false);
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    return cookie == null ? Optional.empty() : accounts.session(cookie, true);
  }

  /** Unsafe requests from a browser must come from this origin (a second CSRF defence). */
  private static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    String host = ctx.header("Host");
    try {
      URI o = URI.create(origin);
      String oh = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
      if (host != null && oh.equalsIgnoreCase(host)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // fall through: an unparseable Origin is refused
    }
    throw new SkydasProblem(
        ProblemCode.FORBIDDEN, "cross-origin request refused (Origin " + origin + ")");
  }

  private void headers(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    if (ctx.path().startsWith("/api")) {
      ctx.header("Cache-Control", "no-store");
    }
    String len = ctx.header("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.strip()) > config.maxBody_bytes()) {
          throw new SkydasProblem(
              ProblemCode.TOO_LARGE,
              "request body of "
                  + len.strip()
                  + " bytes is over the limit of "
                  + config.maxBody_bytes()
                  + " bytes",
              Map.of("limit_bytes", config.maxBody_bytes()));
        }
      } catch (NumberFormatException e) {
        throw new SkydasProblem(ProblemCode.USAGE, "bad Content-Length header");
      }
    }
  }

  /** Sends a JSON body. */
  public void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status)
          .contentType("application/json; charset=utf-8")
          .result(json.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ProblemCode codeFor(int status) {
    return switch (status) {
      case 401 -> ProblemCode.UNAUTHENTICATED;
      case 403 -> ProblemCode.FORBIDDEN;
      case 404 -> ProblemCode.NOT_FOUND;
      case 409 -> ProblemCode.CONFLICT;
      case 413 -> ProblemCode.TOO_LARGE;
      case 429 -> ProblemCode.TOO_MANY_REQUESTS;
      case 503 -> ProblemCode.STORAGE_FAILED;
      default -> ProblemCode.USAGE;
    };
  }

  @Override
  public void close() {
    app.stop();
    jobs.close();
  }
}
