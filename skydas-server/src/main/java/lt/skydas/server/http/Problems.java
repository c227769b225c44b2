package lt.skydas.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9457 problem details: {@code application/problem+json} with {@code type} (a stable URI per
 * problem code), {@code title}, {@code status}, {@code detail} (the one line the CLI would print),
 * {@code instance} (the request path), {@code code}, and the problem's details as extension
 * members. Field-level problems are always {@code errors: [{field, message}]} (plus {@code where}
 * for a feature of a multi-record upload, null otherwise), from the registry's {@link
 * lt.skydas.registry.FieldError}s. Thread-safe.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  static final String TYPE_BASE = "https://skydas.lt/problems/";

  private Problems() {}

  /**
   * Maps every failure of a handler to a problem: {@link SkydasProblem}s as they are, Javalin's
   * HTTP exceptions by status, unknown routes and methods, and bugs as a 500 whose cause is only in
   * the log.
   */
  public static void install(Javalin app, ObjectMapper json) {
    app.exception(SkydasProblem.class, (e, ctx) -> write(ctx, json, e));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, json, codeFor(e.getStatus()), e.getMessage(), Map.of()));
    app.exception(Exception.class, (e, ctx) -> internal(ctx, json, e));
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty() || "Not Found".equals(ctx.result())) {
            write(ctx, json, ProblemCode.NOT_FOUND, "no resource at " + ctx.path(), Map.of());
          }
        });
    app.error(
        405,
        ctx ->
            write(
                ctx,
                json,
                ProblemCode.USAGE,
                "method " + ctx.method() + " is not allowed on " + ctx.path(),
                Map.of()));
  }

  private static void internal(Context ctx, ObjectMapper json, Exception e) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    ctx.status(500);
    ctx.contentType("application/problem+json; charset=utf-8");
    ctx.result(
        json.createObjectNode()
            .put("type", TYPE_BASE + "internal-error")
            .put("title", "Internal error")
            .put("status", 500)
            .put("detail", "the server failed; the error is in its log")
            .put("instance", ctx.path())
            .toString());
  }

  public static void write(Context ctx, ObjectMapper json, SkydasProblem p) {
    write(ctx, json, p.code(), p.getMessage(), p.details());
  }

  public static void write(
      Context ctx, ObjectMapper json, ProblemCode code, String detail, Map<String, ?> details) {
    ObjectNode o = json.createObjectNode();
    o.put("type", TYPE_BASE + code.slug());
    o.put("title", title(code));
    o.put("status", code.httpStatus());
    o.put("detail", detail);
    o.put("instance", ctx.path());
    o.put("code", code.slug());
    if (details != null) {
      for (Map.Entry<String, ?> e : details.entrySet()) {
        if (!o.has(e.getKey())) {
          o.set(e.getKey(), json.valueToTree(e.getValue()));
        }
      }
    }
    ctx.status(code.httpStatus());
    if (code == ProblemCode.UNAUTHENTICATED) {
      // RFC 9110: a 401 says how to authenticate (a GIS client then sends its token)
      ctx.header("WWW-Authenticate", "Bearer realm=\"skydas\"");
    }
    ctx.contentType("application/problem+json; charset=utf-8");
    ctx.result(o.toString());
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

  static String title(ProblemCode c) {
    return switch (c) {
      case USAGE -> "Bad request";
      case BAD_INPUT -> "Invalid input";
      case NOT_FOUND -> "Not found";
      case OUTPUT_FAILED -> "Output failed";
      case INFEASIBLE -> "Infeasible";
      case CONFLICT -> "Conflict";
      case FORBIDDEN -> "Forbidden";
      case TAMPERED -> "Integrity check failed";
      case STORAGE_FAILED -> "Storage unavailable";
      case UNAUTHENTICATED -> "Authentication required";
      case TOO_LARGE -> "Content too large";
      case TOO_MANY_REQUESTS -> "Too many requests";
    };
  }
}
