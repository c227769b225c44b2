package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/** Reading request bodies within the size limit, and JSON with clear errors. */
final class Bodies {
  private Bodies() {}

  /** The body, at most {@code max} bytes (else 413), whatever the Content-Length said. */
  static byte[] read(Context ctx, long max) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        throw new SkydasProblem(
            ProblemCode.TOO_LARGE,
            "request body is over the limit of " + max + " bytes",
            Map.of("limit_bytes", max));
      }
      return b;
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "could not read the request body: " + e.getMessage());
    }
  }

  /** A JSON object body (Content-Type application/json), or a problem saying what is wrong. */
  static JsonNode json(Context ctx, ObjectMapper json, long max) {
    String ct = ctx.contentType();
    if (ct == null
        || !(ct.startsWith("application/json") || ct.startsWith("application/geo+json"))) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "send the body as application/json (got " + ct + ")");
    }
    byte[] b = read(ctx, max);
    try {
      JsonNode n = json.readTree(b);
      if (n == null || !n.isObject()) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "the body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "request body is not valid JSON: " + m);
    }
  }

  static String text(JsonNode o, String field, boolean required) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "field '" + field + "' is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "field '" + field + "' must be a string");
    }
    return v.asText();
  }
}
