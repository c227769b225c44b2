package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.Lifecycle;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.OpenApiDoc;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;

/**
 * The registry over HTTP: list and read records (GeoJSON features; one record comes with what the
 * caller may do with it), create and edit them from GeoJSON, lifecycle actions with optimistic
 * locking (the record's {@code version}), activities and the audit history. The registry checks
 * roles again for every write.
 */
public final class RecordApi {
  static final int MAX_LIMIT = 10_000;
  private static final Access WRITERS =
      Access.roles(Role.PLANNER, Role.ENGINEER, Role.INSPECTOR, Role.ADMIN);
  private static final Access EDITORS = Access.roles(Role.PLANNER, Role.ENGINEER, Role.ADMIN);

  private final Registry registry;
  private final Requests requests;
  private final Responses responses;
  private final RecordUploads uploads;

  public RecordApi(
      Registry registry, Requests requests, Responses responses, Path uploads, long maxBody_bytes) {
    this.registry = registry;
    this.requests = requests;
    this.responses = responses;
    this.uploads = new RecordUploads(responses.mapper(), uploads, maxBody_bytes);
  }

  /** Declares the registry's routes. */
  public void routes(RouteTable t) {
    Access any = Access.ANY_USER;
    t.add(
        HandlerType.GET,
        "/api/records",
        any,
        "registry",
        "List records",
        OpenApiDoc.RECORDS,
        this::list);
    t.add(
        HandlerType.POST,
        "/api/records",
        EDITORS,
        "registry",
        "Create records from GeoJSON",
        this::create);
    t.add(
        HandlerType.GET,
        "/api/records/{id}",
        any,
        "registry",
        "Read a record",
        OpenApiDoc.RECORD,
        this::get);
    t.add(HandlerType.PUT, "/api/records/{id}", EDITORS, "registry", "Edit a record", this::update);
    t.add(
        HandlerType.GET,
        "/api/inspections",
        any,
        "registry",
        "Minefields in the ground and their next inspection, overdue first (every_days, default 30)",
        this::inspections);
    t.add(
        HandlerType.GET,
        "/api/records/{id}/sheet",
        any,
        "registry",
        "A minefield's printable record sheet (HTML; CCW Amended Protocol II, Technical Annex 1(a))",
        this::sheet);
    t.add(
        HandlerType.POST,
        "/api/records/{id}/actions",
        WRITERS,
        "registry",
        "Take a lifecycle action",
        this::action);
    t.add(
        HandlerType.GET,
        "/api/records/{id}/history",
        any,
        "registry",
        "Audit history of a record",
        this::history);
    t.add(
        HandlerType.GET,
        "/api/records/{id}/activities",
        any,
        "registry",
        "Activities of a record",
        this::activities);
    t.add(
        HandlerType.POST,
        "/api/records/{id}/activities",
        Access.roles(Role.ENGINEER, Role.INSPECTOR),
        "registry",
        "Record an activity",
        this::addActivity);
    t.add(
        HandlerType.GET,
        "/api/activity-kinds",
        any,
        "registry",
        "Kinds of activity, who records them and their fields",
        this::activityKinds);
    t.add(
        HandlerType.GET,
        "/api/statuses",
        any,
        "registry",
        "The lifecycle statuses in order, which of them an assessment of the registry counts, and"
            + " the lifecycle of each employment (permanent, reserved, crisis-laid) and of depots",
        this::statuses);
    t.add(
        HandlerType.GET,
        "/api/registry/verify",
        any,
        "registry",
        "Verify the audit chain",
        ctx -> responses.json(ctx, 200, registry.verify()));
  }

  private static String id(Context ctx) {
    return Requests.recordId(ctx, "id");
  }

  private RegistryRecord load(String id) {
    return registry
        .find(id)
        .orElseThrow(() -> new SkydasProblem(ProblemCode.NOT_FOUND, "no record " + id));
  }

  /**
   * A page of records: {@code count}, and {@code next_offset} when more may follow (the limit was
   * reached, or the page was cut at {@link RecordPages#MAX_VERTICES} vertices: then also {@code
   * cut: true}).
   */
  private void list(Context ctx) {
    int limit = Requests.intParam(ctx, "limit", 1000, 1, MAX_LIMIT);
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    RecordPages.Page page =
        RecordPages.read(
            registry, Requests.bbox(ctx), Requests.status(ctx), Requests.kind(ctx), limit, offset);
    List<RegistryRecord> rs = page.records();
    Map<String, Object> members = new java.util.LinkedHashMap<>();
    members.put("count", rs.size());
    if (page.cut() || rs.size() == limit) {
      members.put("next_offset", offset + rs.size());
    }
    if (page.cut()) {
      members.put("cut", true);
    }
    Role role = Requests.principal(ctx).role();
    responses.geoJson(
        ctx, 200, RecordJson.featuresWithOffers(registry, rs, role, members, responses.mapper()));
  }

  private void get(Context ctx) {
    RegistryRecord r = load(id(ctx));
    Role role = Requests.principal(ctx).role();
    ctx.header("ETag", "\"" + r.version() + "\"");
    responses.geoJson(ctx, 200, RecordJson.feature(registry, r, role, responses.mapper()));
  }

  private void create(Context ctx) {
    List<RecordDraft> ds = uploads.drafts(requests.json(ctx));
    if (ds.isEmpty()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "the GeoJSON holds no features");
    }
    List<RegistryRecord> made = registry.importAll(Requests.principal(ctx).actor(), ds, "api");
    responses.geoJson(ctx, 201, RecordJson.features(made, Map.of("count", made.size())));
  }

  private void update(Context ctx) {
    String id = id(ctx);
    JsonNode doc = requests.json(ctx);
    long v = Requests.version(ctx, doc);
    List<RecordDraft> ds = uploads.drafts(doc);
    if (ds.size() != 1) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "send exactly one feature to edit " + id);
    }
    sendChanged(ctx, registry.update(Requests.principal(ctx).actor(), id, v, ds.get(0)));
  }

  private void action(Context ctx) {
    String id = id(ctx);
    JsonNode b = requests.json(ctx, 64 * 1024);
    var a = Requests.action(b);
    long v = Requests.version(ctx, b);
    sendChanged(ctx, registry.transition(Requests.principal(ctx).actor(), id, v, a));
  }

  private void sendChanged(Context ctx, RegistryRecord r) {
    ctx.header("ETag", "\"" + r.version() + "\"");
    responses.geoJson(ctx, 200, RecordJson.features(List.of(r), Map.of()));
  }

  private void history(Context ctx) {
    String id = id(ctx);
    load(id);
    responses.json(ctx, 200, Map.of("events", registry.history(id)));
  }

  private void inspections(Context ctx) {
    int every = 30;
    String q = ctx.queryParam("every_days");
    if (q != null) {
      try {
        every = Integer.parseInt(q.strip());
      } catch (NumberFormatException e) {
        every = -1;
      }
      if (every < 1 || every > 3650) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT, "every_days must be a whole number of days, 1 to 3650");
      }
    }
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (var d :
        lt.skydas.registry.Inspections.of(
            registry, java.time.Duration.ofDays(every), java.time.Instant.now())) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("id", d.record().id());
      m.put("status", d.record().status().id());
      m.put("last_inspection", d.last() == null ? null : d.last().toString());
      m.put("due", d.due().toString());
      m.put("overdue", d.overdue());
      m.put("overdue_days", d.overdue_d());
      m.put("perimeter_m", d.perimeter_m());
      m.put("upkeep_eur_per_year", d.upkeep_eurPerYear());
      out.add(m);
    }
    responses.json(ctx, 200, Map.of("every_days", every, "minefields", out));
  }

  private void sheet(Context ctx) {
    String html =
        lt.skydas.registry.exchange.MinefieldSheet.of(registry, id(ctx), java.time.Instant.now());
    responses.html(ctx, html);
  }

  private void activities(Context ctx) {
    responses.json(ctx, 200, Map.of("activities", views(registry.activities(id(ctx)))));
  }

  private void activityKinds(Context ctx) {
    List<Map<String, Object>> kinds =
        Arrays.stream(ActivityKind.values())
            .map(
                k ->
                    Map.<String, Object>of(
                        "id",
                        k.id(),
                        "roles",
                        k.roles().stream().map(Role::id).sorted().toList(),
                        "fields",
                        k.required()))
            .toList();
    responses.json(ctx, 200, Map.of("kinds", kinds));
  }

  private void statuses(Context ctx) {
    List<Map<String, Object>> out =
        Arrays.stream(Status.values())
            .map(
                st ->
                    Map.<String, Object>of(
                        "id", st.id(), "standing", st.standing(), "in_ground", st.inGround()))
            .toList();
    Map<String, Object> lifecycles = new LinkedHashMap<>();
    for (Lifecycle lc : Lifecycle.all().values()) {
      lifecycles.put(
          lc.id(),
          Map.of(
              "statuses",
              lc.statuses().stream().map(Status::id).toList(),
              "steps",
              lc.steps().stream().map(RecordApi::step).toList()));
    }
    responses.json(ctx, 200, Map.of("statuses", out, "lifecycles", lifecycles));
  }

  /** One lifecycle step for the wire: action, from, to (null: keeps the status), roles. */
  private static Map<String, Object> step(Lifecycle.Step st) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", st.action().id());
    m.put("from", st.from().stream().sorted().map(Status::id).toList());
    m.put("to", st.to() == null ? null : st.to().id());
    m.put("roles", st.roles().stream().sorted().map(Role::id).toList());
    return m;
  }

  private static List<Map<String, Object>> views(List<Activity> as) {
    return as.stream().map(RecordApi::view).toList();
  }

  private static Map<String, Object> view(Activity a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("record_id", a.recordId());
    m.put("kind", a.kind().id());
    m.put("at", a.at().toString());
    m.put("actor", a.actor());
    m.put("geometry", a.geometry() == null ? null : a.geometry().toText());
    m.put("data", a.data());
    return m;
  }

  private void addActivity(Context ctx) {
    String id = id(ctx);
    JsonNode b = requests.json(ctx);
    ActivityKind k = ActivityKind.parse(Requests.text(b, "kind", true));
    Geometry g = wkt(Requests.text(b, "geometry", false));
    @SuppressWarnings("unchecked")
    Map<String, Object> data =
        b.has("data") && b.get("data").isObject()
            ? responses.mapper().convertValue(b.get("data"), LinkedHashMap.class)
            : Map.of();
    Activity a = registry.addActivity(Requests.principal(ctx).actor(), id, k, g, data);
    responses.json(ctx, 201, view(a));
  }

  /** The WGS84 geometry of an activity (a land release's area), or null when not given. */
  private static Geometry wkt(String wkt) {
    if (wkt == null) {
      return null;
    }
    try {
      return lt.skydas.core.geo.WktText.read(wkt);
    } catch (ParseException e) {
      throw Requests.invalid("geometry", "geometry is not valid WKT: " + e.getMessage());
    }
  }
}
