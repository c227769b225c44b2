package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Role;
import lt.skydas.server.auth.Principal;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import lt.skydas.server.jobs.Job;
import lt.skydas.server.jobs.JobManager;
import lt.skydas.server.jobs.JobType;

/**
 * Background jobs: start one ({@code POST /api/jobs/{type}} with its parameters), poll its state
 * and progress, cancel it, and fetch its output files by name. Users see their own jobs and the
 * published ones (read only); admins see all. File names are matched against the job folder's
 * listing, never joined as paths.
 */
public final class JobApi {
  private final JobManager jobs;
  private final Requests requests;
  private final Responses responses;

  public JobApi(JobManager jobs, Requests requests, Responses responses) {
    this.jobs = jobs;
    this.requests = requests;
    this.responses = responses;
  }

  /** Declares the job routes. */
  public void routes(RouteTable s) {
    s.add(HandlerType.GET, "/api/jobs", Access.ANY_USER, "jobs", "List jobs", this::list);
    s.add(
        HandlerType.POST,
        "/api/jobs/{type}",
        Access.roles(Role.PLANNER, Role.ADMIN),
        "jobs",
        "Start a job",
        this::submit);
    s.add(
        HandlerType.GET,
        "/api/jobs/{id}/status",
        Access.ANY_USER,
        "jobs",
        "A job's state",
        this::status);
    s.add(
        HandlerType.POST,
        "/api/jobs/{id}/cancel",
        Access.roles(Role.PLANNER, Role.ADMIN),
        "jobs",
        "Cancel a job",
        this::cancel);
    s.add(
        HandlerType.POST,
        "/api/jobs/{id}/rerun",
        Access.roles(Role.PLANNER, Role.ADMIN),
        "jobs",
        "Run a job again with its parameters (e.g. one a restart interrupted)",
        this::rerun);
    s.add(
        HandlerType.POST,
        "/api/jobs/{id}/publish",
        Access.roles(Role.PLANNER, Role.ADMIN),
        "jobs",
        "Publish a finished job's layers as the shared ones",
        this::publish);
    s.add(
        HandlerType.GET,
        "/api/jobs/{id}/files/{name}",
        Access.ANY_USER,
        "jobs",
        "Download a job's output file",
        this::file);
    // GDAL's /vsicurl/ asks for the size first
    s.add(
        HandlerType.HEAD,
        "/api/jobs/{id}/files/{name}",
        Access.ANY_USER,
        "jobs",
        "The size and type of a job's output file",
        this::fileHead);
  }

  static Map<String, Object> view(Job.Snapshot j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("type", j.type());
    m.put("owner", j.owner());
    m.put("state", j.state().id());
    m.put("step", j.step());
    m.put("done", j.done());
    m.put("total", j.total());
    m.put("fraction", j.fraction());
    m.put("submitted_at", j.submittedAt().toString());
    m.put("started_at", j.startedAt() == null ? null : j.startedAt().toString());
    m.put("finished_at", j.finishedAt() == null ? null : j.finishedAt().toString());
    m.put("error", j.error());
    m.put("result", j.result());
    m.put("published_by", j.publishedBy());
    m.put("published_at", j.publishedAt() == null ? null : j.publishedAt().toString());
    return m;
  }

  private void list(Context ctx) {
    Principal p = Requests.principal(ctx);
    // one's own jobs (all for an admin) and the published ones everyone shares
    List<Map<String, Object>> out =
        jobs.list(null).stream()
            .filter(j -> p.role() == Role.ADMIN || j.owner().equals(p.username()) || j.published())
            .map(JobApi::view)
            .toList();
    responses.json(ctx, 200, Map.of("jobs", out, "types", jobs.types().keySet()));
  }

  private void submit(Context ctx) {
    Principal p = Requests.principal(ctx);
    String type = ctx.pathParam("type");
    JobType t = jobs.type(type);
    if (!t.roles().contains(p.role())) {
      throw new SkydasProblem(
          ProblemCode.FORBIDDEN, "role " + p.role().id() + " may not start a " + type + " job");
    }
    start(ctx, p, type, requests.json(ctx));
  }

  /** Queues a job as the caller; 202 with its view, or 429 with Retry-After beyond the limits. */
  private void start(Context ctx, Principal p, String type, JsonNode params) {
    Job j;
    try {
      j = jobs.submit(type, p.username(), p.role() == Role.ADMIN, params);
    } catch (SkydasProblem e) {
      if (e.code() == ProblemCode.TOO_MANY_REQUESTS) {
        ctx.header("Retry-After", Long.toString(JobManager.RETRY_AFTER_S));
      }
      throw e;
    }
    ctx.header("Location", "/api/jobs/" + j.id() + "/status");
    responses.json(ctx, 202, view(j.snapshot()));
  }

  /** A job its owner or an admin may act on (cancel, run again, publish). */
  private Job own(Context ctx) {
    Principal p = Requests.principal(ctx);
    Job j =
        jobs.find(ctx.pathParam("id"))
            .orElseThrow(() -> new SkydasProblem(ProblemCode.NOT_FOUND, "no such job"));
    if (p.role() != Role.ADMIN && !j.owner().equals(p.username())) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, "no such job");
    }
    return j;
  }

  private Job visible(Context ctx) {
    return visible(jobs, ctx);
  }

  /**
   * The job of the path's {@code id} if the caller may read it: their own, any for an admin, and
   * every published one; else a 404 (never a 403: another user's job is not confirmed to exist).
   */
  static Job visible(JobManager jobs, Context ctx) {
    Principal p = Requests.principal(ctx);
    Job j =
        jobs.find(ctx.pathParam("id"))
            .orElseThrow(() -> new SkydasProblem(ProblemCode.NOT_FOUND, "no such job"));
    if (p.role() != Role.ADMIN && !j.owner().equals(p.username()) && !j.snapshot().published()) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, "no such job");
    }
    return j;
  }

  private void status(Context ctx) {
    responses.json(ctx, 200, view(visible(ctx).snapshot()));
  }

  private void cancel(Context ctx) {
    Job j = own(ctx);
    if (!jobs.cancel(j)) {
      throw new SkydasProblem(
          ProblemCode.CONFLICT,
          "job " + j.id() + " has already ended (" + j.snapshot().state().id() + ")");
    }
    responses.json(ctx, 202, view(j.snapshot()));
  }

  /** Starts a new job of the same type and parameters as one the caller can see. */
  private void rerun(Context ctx) {
    Job old = own(ctx);
    Principal p = Requests.principal(ctx);
    String type = old.snapshot().type();
    JobType t = jobs.type(type);
    if (!t.roles().contains(p.role())) {
      throw new SkydasProblem(
          ProblemCode.FORBIDDEN, "role " + p.role().id() + " may not start a " + type + " job");
    }
    start(ctx, p, type, jobs.params(old));
  }

  /**
   * Makes a finished job's layers (avenues, warning, civilians) the ones every user sees in the OGC
   * collections and the web map; the owner or an admin only.
   */
  private void publish(Context ctx) {
    Job j = own(ctx);
    if (!jobs.publish(j, Requests.principal(ctx).username())) {
      throw new SkydasProblem(
          ProblemCode.CONFLICT,
          "job "
              + j.id()
              + " has not succeeded ("
              + j.snapshot().state().id()
              + "); only a finished run is published");
    }
    responses.json(ctx, 200, view(j.snapshot()));
  }

  private void fileHead(Context ctx) throws Exception {
    Path found = found(visible(ctx), ctx.pathParam("name"));
    String name = ctx.pathParam("name");
    ctx.status(200)
        .contentType(contentType(name))
        .header("Accept-Ranges", name.endsWith(".tif") ? "bytes" : "none")
        .header("Content-Length", Long.toString(Files.size(found)));
  }

  private void file(Context ctx) throws Exception {
    Job j = visible(ctx);
    String name = ctx.pathParam("name");
    Path found = found(j, name);
    String ct = contentType(name);
    ctx.contentType(ct);
    if (ct.startsWith("text/html") || ct.equals("application/octet-stream")) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
    }
    if (name.endsWith(".tif")) {
      // a Cloud-Optimised GeoTIFF: answered by byte ranges, so QGIS and GDAL (/vsicurl/) read
      // only the tiles and overviews they draw
      lt.skydas.server.http.ByteRanges.serve(ctx, found, ct);
      return;
    }
    try (InputStream in = Files.newInputStream(found)) {
      ctx.result(in.readAllBytes());
    }
  }

  private static String contentType(String name) {
    return name.endsWith(".geojson")
        ? "application/geo+json"
        : name.endsWith(".json")
            ? "application/json"
            : name.endsWith(".png")
                ? "image/png"
                : name.endsWith(".tif")
                    ? "image/tiff; application=geotiff; profile=cloud-optimized"
                    : name.endsWith(".html")
                        ? "text/html; charset=utf-8"
                        : "application/octet-stream";
  }

  /** The job folder's file of this name (matched against its listing, never joined), or a 404. */
  private static Path found(Job j, String name) throws java.io.IOException {
    Path found = null;
    try (var ls = Files.list(j.dir())) {
      for (Path p : (Iterable<Path>) ls::iterator) {
        if (Files.isRegularFile(p) && p.getFileName().toString().equals(name)) {
          found = p;
        }
      }
    }
    if (found == null) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, "job " + j.id() + " has no file '" + Requests.clip(name) + "'");
    }
    return found;
  }
}
