package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Action;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.server.Access;
import lt.skydas.server.SkydasServer;
import lt.skydas.server.auth.Principal;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The registry over HTTP: list and read records (GeoJSON features), create and edit them from
 * GeoJSON, lifecycle actions with optimistic locking (the record's {@code version}), activities and
 * the audit history. The registry checks roles again for every write.
 */
public final class RecordApi {
  static final int MAX_LIMIT = 10_000;
  private static final Access WRITERS =
      Access.roles(Role.PLANNER, Role.ENGINEER, Role.INSPECTOR, Role.ADMIN);

  private final SkydasServer s;
  private final Registry registry;
  private final Path uploads;
  private final long maxBody;

  public RecordApi(SkydasServer s, Registry registry, Path uploads, long maxBody) {
    this.s = s;
    this.registry = registry;
    this.uploads = uploads;
    this.maxBody = maxBody;
  }

  public void register() {
    s.route(
        HandlerType.GET, "/api/records", Access.ANY_USER, "registry", "List records", this::list);
    s.route(
        HandlerType.POST,
        "/api/records",
        Access.roles(Role.PLANNER, Role.ENGINEER, Role.ADMIN),
        "registry",
        "Create records from GeoJSON",
        this::create);
    s.route(
        HandlerType.GET,
        "/api/records/{id}",
        Access.ANY_USER,
        "registry",
        "Read a record",
        this::get);
    s.route(
        HandlerType.PUT,
        "/api/records/{id}",
        Access.roles(Role.PLANNER, Role.ENGINEER, Role.ADMIN),
        "registry",
        "Edit a record",
        this::update);
    s.route(
        HandlerType.POST,
        "/api/records/{id}/actions",
        WRITERS,
        "registry",
        "Take a lifecycle action",
        this::action);
    s.route(
        HandlerType.GET,
        "/api/records/{id}/history",
        Access.ANY_USER,
        "registry",
        "Audit history of a record",
        this::history);
    s.route(
        HandlerType.GET,
        "/api/records/{id}/activities",
        Access.ANY_USER,
        "registry",
        "Activities of a record",
        ctx -> s.send(ctx, 200, Map.of("activities", activities(registry.activities(id(ctx))))));
    s.route(
        HandlerType.POST,
        "/api/records/{id}/activities",
        Access.roles(Role.ENGINEER, Role.INSPECTOR),
        "registry",
        "Record an activity",
        this::addActivity);
    s.route(
        HandlerType.GET,
        "/api/activity-kinds",
        Access.ANY_USER,
        "registry",
        "Kinds of activity, who records them and their fields",
        ctx ->
            s.send(
                ctx,
                200,
                Map.of(
                    "kinds",
                    java.util.Arrays.stream(ActivityKind.values())
                        .map(
                            k ->
                                Map.of(
                                    "id",
                                    k.id(),
                                    "roles",
                                    k.roles().stream().map(Role::id).sorted().toList(),
                                    "fields",
                                    k.required()))
                        .toList())));
    s.route(
        HandlerType.GET,
        "/api/registry/verify",
        Access.ANY_USER,
        "registry",
        "Verify the audit chain",
        ctx -> s.send(ctx, 200, registry.verify()));
  }

  private static String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.length() > 100 || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "record id '" + clip(id) + "' is not valid");
    }
    return id;
  }

  static String clip(String s) {
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  private void list(Context ctx) {
    Envelope bbox = OgcApi.bbox(ctx.queryParam("bbox"));
    String st = ctx.queryParam("status");
    Status status = st == null ? null : Status.parse(st);
    if (st != null && status == null) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          "unknown status '"
              + clip(st)
              + "' (one of "
              + java.util.Arrays.stream(Status.values())
                  .map(Status::id)
                  .collect(java.util.stream.Collectors.joining(", "))
              + ")");
    }
    RecordKind kind = kind(ctx.queryParam("kind"));
    int limit = OgcApi.intParam(ctx, "limit", 1000, 1, MAX_LIMIT);
    int offset = OgcApi.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    List<RegistryRecord> rs = registry.list(bbox, status, kind, limit, offset);
    ctx.contentType("application/geo+json; charset=utf-8")
        .result(features(rs, Map.of("count", rs.size())));
  }

  static RecordKind kind(String k) {
    if (k == null) {
      return null;
    }
    try {
      return RecordKind.valueOf(k.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, "kind must be obstacle or minefield, not '" + clip(k) + "'");
    }
  }

  /** Records as a GeoJSON FeatureCollection (WGS84), with foreign members first. */
  static String features(List<RegistryRecord> rs, Map<String, ?> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter w = new GeoJsonWriter(out, 7, members)) {
      for (RegistryRecord r : rs) {
        w.feature(r.id(), r.geometry(), RegistryExchange.featureProperties(r));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private RegistryRecord load(String id) {
    return registry
        .find(id)
        .orElseThrow(() -> new SkydasProblem(ProblemCode.NOT_FOUND, "no record " + id));
  }

  private void get(Context ctx) throws Exception {
    RegistryRecord r = load(id(ctx));
    Principal p = SkydasServer.principal(ctx);
    JsonNode fc = s.json().readTree(features(List.of(r), Map.of()));
    var f = (com.fasterxml.jackson.databind.node.ObjectNode) fc.get("features").get(0);
    var offered = s.json().createArrayNode();
    for (Action a : Action.offered(r.status(), r.kind(), p.role())) {
      offered.add(a.id());
    }
    f.set("actions", offered);
    ctx.header("ETag", "\"" + r.version() + "\"");
    ctx.contentType("application/geo+json; charset=utf-8").result(f.toString());
  }

  /** Reads the uploaded GeoJSON through the registry's exchange reader (all its checks). */
  private List<RecordDraft> drafts(Context ctx) {
    return drafts(Bodies.json(ctx, s.json(), maxBody));
  }

  private List<RecordDraft> drafts(JsonNode doc) {
    if (doc.path("type").asText().equals("Feature")) {
      var fc = s.json().createObjectNode().put("type", "FeatureCollection");
      fc.putArray("features").add(doc);
      doc = fc;
    }
    Path tmp = null;
    try {
      Files.createDirectories(uploads);
      tmp = Files.createTempFile(uploads, "upload-", ".geojson");
      Files.write(tmp, s.json().writeValueAsBytes(doc));
      String staged = tmp.getFileName().toString();
      return RegistryExchange.read(tmp, RegistryExchange.Format.GEOJSON, maxBody).stream()
          .map(
              d ->
                  new RecordDraft(
                      d.id(),
                      d.type(),
                      d.name(),
                      d.status(),
                      d.geometry(),
                      d.marked(),
                      d.fenced(),
                      d.monitored(),
                      d.minefield(),
                      d.year(),
                      d.notes(),
                      d.where() == null ? null : d.where().replace(staged, "request body")))
          .toList();
    } catch (SkydasProblem e) {
      // name the request body, not the server's staging file
      String f = tmp.toString();
      String n = tmp.getFileName().toString();
      java.util.function.UnaryOperator<String> hide =
          m -> m.replace(f, "request body").replace(n, "request body");
      Map<String, Object> det = new LinkedHashMap<>();
      e.details()
          .forEach(
              (k, v) ->
                  det.put(
                      k,
                      v instanceof String x
                          ? hide.apply(x)
                          : v instanceof List<?> l
                              ? l.stream()
                                  .map(o -> o instanceof String x ? hide.apply(x) : o)
                                  .toList()
                              : v));
      throw new SkydasProblem(e.code(), hide.apply(e.getMessage()), det);
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.OUTPUT_FAILED, "could not stage the upload: " + e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private void create(Context ctx) {
    List<RecordDraft> ds = drafts(ctx);
    if (ds.isEmpty()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "the GeoJSON holds no features");
    }
    List<RegistryRecord> made = registry.importAll(SkydasServer.principal(ctx).actor(), ds, "api");
    ctx.status(201)
        .contentType("application/geo+json; charset=utf-8")
        .result(features(made, Map.of("count", made.size())));
  }

  private static long version(Context ctx, JsonNode body) {
    String m = ctx.header("If-Match");
    if (m != null) {
      try {
        return Long.parseLong(m.replace("\"", "").strip());
      } catch (NumberFormatException e) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "If-Match must be the record's version");
      }
    }
    if (body != null && body.path("version").canConvertToLong()) {
      return body.path("version").asLong();
    }
    throw new SkydasProblem(
        ProblemCode.BAD_INPUT,
        "give the version you edited (If-Match header or a top-level 'version'), so a concurrent"
            + " change is not lost");
  }

  private void update(Context ctx) {
    String id = id(ctx);
    JsonNode doc = Bodies.json(ctx, s.json(), maxBody);
    long v = version(ctx, doc);
    List<RecordDraft> ds = drafts(doc);
    if (ds.size() != 1) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "send exactly one feature to edit " + id);
    }
    RegistryRecord r = registry.update(SkydasServer.principal(ctx).actor(), id, v, ds.get(0));
    ctx.header("ETag", "\"" + r.version() + "\"");
    ctx.contentType("application/geo+json; charset=utf-8").result(features(List.of(r), Map.of()));
  }

  private void action(Context ctx) {
    String id = id(ctx);
    JsonNode b = Bodies.json(ctx, s.json(), 64 * 1024);
    String name = Bodies.text(b, "action", true);
    Action a = Action.parse(name);
    if (a == null) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          "unknown action '" + clip(name) + "' (one of " + Action.ids() + ")");
    }
    RegistryRecord r =
        registry.transition(SkydasServer.principal(ctx).actor(), id, version(ctx, b), a);
    ctx.header("ETag", "\"" + r.version() + "\"");
    ctx.contentType("application/geo+json; charset=utf-8").result(features(List.of(r), Map.of()));
  }

  private void history(Context ctx) {
    String id = id(ctx);
    load(id);
    s.send(ctx, 200, Map.of("events", registry.history(id)));
  }

  private List<Map<String, Object>> activities(List<Activity> as) {
    return as.stream()
        .map(
            a -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("id", a.id());
              m.put("record_id", a.recordId());
              m.put("kind", a.kind().id());
              m.put("at", a.at().toString());
              m.put("actor", a.actor());
              m.put("geometry", a.geometry() == null ? null : a.geometry().toText());
              m.put("data", a.data());
              return m;
            })
        .toList();
  }

  private void addActivity(Context ctx) {
    String id = id(ctx);
    JsonNode b = Bodies.json(ctx, s.json(), maxBody);
    ActivityKind k = ActivityKind.parse(Bodies.text(b, "kind", true));
    Geometry g = null;
    String wkt = Bodies.text(b, "geometry", false);
    if (wkt != null) {
      try {
        g =
            new org.locationtech.jts.io.WKTReader(
                    new org.locationtech.jts.geom.GeometryFactory(
                        new org.locationtech.jts.geom.PrecisionModel(), 4326))
                .read(wkt);
      } catch (org.locationtech.jts.io.ParseException e) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, "geometry is not valid WKT: " + e.getMessage());
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> data =
        b.has("data") && b.get("data").isObject()
            ? s.json().convertValue(b.get("data"), LinkedHashMap.class)
            : Map.of();
    Activity a = registry.addActivity(SkydasServer.principal(ctx).actor(), id, k, g, data);
    s.send(ctx, 201, activities(List.of(a)).get(0));
  }
}
