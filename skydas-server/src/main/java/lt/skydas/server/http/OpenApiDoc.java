package lt.skydas.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.skydas.registry.Action;
import lt.skydas.registry.Status;

/**
 * The OpenAPI 3.0 document, generated from the route table so it cannot drift from the routes:
 * paths, methods, parameters, who may call each (in the description and the security requirement),
 * the success body's schema where the route names one, and the problem-details response (with its
 * field errors) for errors.
 */
public final class OpenApiDoc {
  /** Schema of a registry record as returned by {@code GET /api/records/{id}}. */
  public static final String RECORD = "Record";

  /** Schema of the records listed by {@code GET /api/records}. */
  public static final String RECORDS = "Records";

  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

  private OpenApiDoc() {}

  /** The document for these routes, as JSON text. */
  public static String of(List<RouteSpec> routes) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc = m.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", "Skydas API")
        .put("version", "0.1.0")
        .put(
            "description",
            "Counter-mobility planning, the registry of obstacles, minefields and sensor sites,"
                + " and OGC API Features."
                + " Errors are RFC 9457 problem details. Cookie sessions must send the"
                + " X-CSRF-Token header on unsafe methods.");
    ObjectNode comps = doc.putObject("components");
    ObjectNode schemes = comps.putObject("securitySchemes");
    schemes
        .putObject("session")
        .put("type", "apiKey")
        .put("in", "cookie")
        .put("name", Gate.SESSION_COOKIE);
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    ObjectNode schemas = comps.putObject("schemas");
    problemSchemas(schemas);
    recordSchema(schemas);
    lifecycleSchemas(schemas);
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
      for (QueryParam q : r.query()) {
        if (params == null) {
          params = op.putArray("parameters");
        }
        ObjectNode qp =
            params
                .addObject()
                .put("name", q.name())
                .put("in", "query")
                .put("required", false)
                .put("description", q.description());
        if (q.commaList()) {
          qp.put("style", "form").put("explode", false);
        }
        qp.set("schema", m.valueToTree(q.schema()));
      }
      if (r.access().login()) {
        ArrayNode sec = op.putArray("security");
        sec.addObject().putArray("session");
        sec.addObject().putArray("bearer");
      }
      ObjectNode resp = op.putObject("responses");
      ObjectNode ok = resp.putObject("200").put("description", "success");
      if (r.response() != null) {
        ok.putObject("content")
            .putObject("application/geo+json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + r.response());
      }
      resp.putObject("default")
          .put("description", "a problem")
          .putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/Problem");
    }
    return doc.toString();
  }

  private static void problemSchemas(ObjectNode schemas) {
    ObjectNode fe = schemas.putObject("FieldError").put("type", "object");
    fe.put("description", "One invalid field or parameter.");
    ObjectNode feProps = fe.putObject("properties");
    feProps
        .putObject("field")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "path of the field (minefield.lots[0].fuse_type) or parameter (bbox)");
    feProps.putObject("message").put("type", "string").put("description", "what is wrong");
    feProps
        .putObject("where")
        .put("type", "string")
        .put("description", "the feature of an upload of several records, when there is one");
    fe.putArray("required").add("field").add("message");
    ObjectNode problem = schemas.putObject("Problem");
    problem.put("type", "object");
    ObjectNode props = problem.putObject("properties");
    for (String f : List.of("type", "title", "detail", "instance", "code")) {
      props.putObject(f).put("type", "string");
    }
    props.putObject("status").put("type", "integer");
    props
        .putObject("errors")
        .put("type", "array")
        .put("description", "every invalid field, when the problem is about fields")
        .putObject("items")
        .put("$ref", "#/components/schemas/FieldError");
  }

  private static void recordSchema(ObjectNode schemas) {
    ObjectNode rec = schemas.putObject(RECORD).put("type", "object");
    rec.put(
        "description",
        "A GeoJSON Feature (WGS84) with what the caller may do with it now, computed on the"
            + " server from the registry's lifecycle table for the caller's role and the record's"
            + " status.");
    ObjectNode p = rec.putObject("properties");
    p.putObject("type").put("type", "string");
    p.putObject("id").put("type", "string");
    p.putObject("geometry").put("type", "object");
    p.putObject("properties")
        .put("type", "object")
        .put(
            "description",
            "the record: id, kind (obstacle, minefield, sensor, depot or shelter), type (an id of"
                + " the obstacle or sensor catalog, /api/catalog, or depot or shelter), name, status (schema Status), year, notes,"
                + " marked, fenced,"
                + " monitored, minefield (the CCW record), height_m and azimuth_deg (sensor sites:"
                + " mast height in m, 0 to 3000, and the arc's centre in degrees from true north,"
                + " 0 to 360, required where the type's arc is under 360), depot (a depot's"
                + " stock by kind, items >= 0 of the kinds the catalog's emplacement blocks draw,"
                + " and storage note), shelter (a shelter's capacity_persons 1 to 100000,"
                + " protection and access), version");
    p.putObject("allowed_actions")
        .put("type", "array")
        .put(
            "description",
            "lifecycle actions the caller may take now, by the lifecycle of the record's"
                + " employment, or the depots' or shelters' (GET /api/statuses)")
        .putObject("items")
        .put("$ref", "#/components/schemas/Action");
    stringList(
        p,
        "allowed_edits",
        "edits the caller may make: details and geometry (planned records), as_laid (minefield"
            + " under construction), stock (depots), shelter (shelters)");
    stringList(p, "allowed_activities", "kinds of activity the caller may record on it");
    ObjectNode list = schemas.putObject(RECORDS).put("type", "object");
    list.put("description", "A GeoJSON FeatureCollection of records, with their count.");
    ObjectNode lp = list.putObject("properties");
    lp.putObject("type").put("type", "string");
    lp.putObject("count").put("type", "integer");
    lp.putObject("features")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/" + RECORD);
  }

  /** The enums of the registry's lifecycle: statuses and actions, in lifecycle order. */
  private static void lifecycleSchemas(ObjectNode schemas) {
    ObjectNode st = schemas.putObject("Status").put("type", "string");
    st.put(
        "description",
        "a record's lifecycle status; which ones a record passes through depends on its type's"
            + " employment (permanent, reserved or crisis-laid) or is a depot's or a shelter's"
            + " (GET /api/statuses)");
    ArrayNode se = st.putArray("enum");
    for (Status s : Status.values()) {
      se.add(s.id());
    }
    ObjectNode ac = schemas.putObject("Action").put("type", "string");
    ac.put("description", "a lifecycle action (POST /api/records/{id}/actions)");
    ArrayNode ae = ac.putArray("enum");
    for (Action a : Action.values()) {
      ae.add(a.id());
    }
  }

  private static void stringList(ObjectNode props, String name, String description) {
    props
        .putObject(name)
        .put("type", "array")
        .put("description", description)
        .putObject("items")
        .put("type", "string");
  }
}
