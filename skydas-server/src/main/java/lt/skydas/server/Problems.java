package lt.skydas.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * RFC 9457 problem details: {@code application/problem+json} with {@code type} (a stable URI per
 * problem code), {@code title}, {@code status}, {@code detail} (the one line the CLI would print),
 * {@code instance} (the request path) and the problem's details as extension members.
 */
public final class Problems {
  static final String TYPE_BASE = "https://skydas.lt/problems/";

  private Problems() {}

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
    ctx.contentType("application/problem+json; charset=utf-8");
    ctx.result(o.toString());
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
