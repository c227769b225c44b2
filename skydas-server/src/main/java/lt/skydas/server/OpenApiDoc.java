package lt.skydas.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.0 document, generated from the route table so it cannot drift from the routes:
 * paths, methods, parameters, who may call each (in the description and the security requirement),
 * and the problem-details response for errors.
 */
final class OpenApiDoc {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

  private OpenApiDoc() {}

  static String of(List<RouteSpec> routes) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc = m.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", "Skydas API")
        .put("version", "0.1.0")
        .put(
            "description",
            "Counter-mobility planning, the obstacle and minefield registry, and OGC API Features."
                + " Errors are RFC 9457 problem details. Cookie sessions must send the"
                + " X-CSRF-Token header on unsafe methods.");
    ObjectNode comps = doc.putObject("components");
    ObjectNode schemes = comps.putObject("securitySchemes");
    schemes
        .putObject("session")
        .put("type", "apiKey")
        .put("in", "cookie")
        .put("name", SkydasServer.SESSION_COOKIE);
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    ObjectNode problem = comps.putObject("schemas").putObject("Problem");
    problem.put("type", "object");
    ObjectNode props = problem.putObject("properties");
    for (String f : List.of("type", "title", "detail", "instance", "code")) {
      props.putObject(f).put("type", "string");
    }
    props.putObject("status").put("type", "integer");
    ObjectNode paths = doc.putObject("paths");
    for (RouteSpec r : routes) {
      String p = r.path();
      ObjectNode path = paths.has(p) ? (ObjectNode) paths.get(p) : paths.putObject(p);
      ObjectNode op = path.putObject(r.method().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.put("description", "Access: " + r.access().describe() + ".");
      op.putArray("tags").add(r.tag());
      op.put(
          "operationId",
          r.method().toLowerCase(Locale.ROOT)
              + p.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_"));
      Matcher mm = PARAM.matcher(p);
      ArrayNode params = null;
      while (mm.find()) {
        if (params == null) {
          params = op.putArray("parameters");
        }
        params
            .addObject()
            .put("name", mm.group(1))
            .put("in", "path")
            .put("required", true)
            .putObject("schema")
            .put("type", "string");
      }
      if (r.access().login()) {
        ArrayNode sec = op.putArray("security");
        sec.addObject().putArray("session");
        sec.addObject().putArray("bearer");
      }
      ObjectNode resp = op.putObject("responses");
      resp.putObject("200").put("description", "success");
      resp.putObject("default")
          .put("description", "a problem")
          .putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return doc.toString();
  }
}
