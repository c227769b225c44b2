package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import lt.skydas.server.jobs.Job;
import lt.skydas.server.jobs.JobManager;

/**
 * The first visit shows results (issue 19): {@code skydas serve} takes an assessment written
 * outside it — the demo's {@code out/demo}, or {@code --assessment DIR} — as a finished, published
 * assessment job when the server has none published yet, so the map shows its avenues, civilians
 * and isochrones and the job list its times without running anything. Its summary becomes the job's
 * result (times per case and objective, cost, obstacles), its isochrone GeoTIFFs the overlay
 * images, and its report, plan and layers are copied into the job's folder. The same output (by its
 * {@code generated_at}) is taken once.
 */
final class FirstRun {
  static final String OWNER = "skydas";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FILES =
      List.of(
          "report.html",
          "summary.json",
          "avenues.geojson",
          "warning.geojson",
          "civilians.geojson",
          "plan.geojson",
          "emplacement.geojson");

  private FirstRun() {}

  /**
   * Adopts {@code dir} if it holds an assessment ({@code summary.json} with cases) and no
   * assessment is published yet; returns the job or null (with the reason on {@code log}).
   */
  static Job adopt(Path dir, JobManager jobs, java.io.PrintStream log) throws IOException {
    Path summaryFile = dir.resolve("summary.json");
    if (!Files.isRegularFile(summaryFile)) {
      return null;
    }
    JsonNode summary;
    try {
      summary = JSON.readTree(summaryFile.toFile());
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT, summaryFile + ": not a readable summary (" + e.getMessage() + ")");
    }
    if (!summary.path("cases").isArray()) {
      return null;
    }
    String stamp = summary.path("generated_at").asText("");
    for (Job.Snapshot s : jobs.list(null)) {
      if (s.type().equals("assess") && s.published()) {
        return null; // a shared assessment exists: the server's own results win
      }
    }
    for (Job.Snapshot s : jobs.list(null)) {
      JsonNode p = jobs.find(s.id()).map(jobs::params).orElse(null);
      if (p != null && stamp.equals(p.path("generated_at").asText(null))) {
        return null; // taken before (and unpublished since by an admin)
      }
    }
    ObjectNode params = JSON.createObjectNode();
    params.put("adopted_from", dir.toAbsolutePath().toString());
    params.put("generated_at", stamp);
    ObjectNode result = result(summary);
    Job job =
        jobs.adopt(
            "assess",
            OWNER,
            params,
            result,
            out -> {
              for (String f : FILES) {
                if (Files.isRegularFile(dir.resolve(f))) {
                  Files.copy(dir.resolve(f), out.resolve(f));
                }
              }
              isochrones(dir.resolve("isochrones"), out, result);
            });
    log.println(
        "Showing the assessment in "
            + dir
            + " on the map (job "
            + job.snapshot().id()
            + ", published; a newer published run replaces it)");
    return job;
  }

  /** The job result the web UI reads, from an assessment's summary.json. */
  static ObjectNode result(JsonNode summary) {
    ObjectNode res = JSON.createObjectNode();
    JsonNode plan = summary.path("plan");
    res.put("obstacles", plan.path("obstacles").asInt());
    res.put("cost_eur", plan.path("total_cost_eur").asDouble());
    res.put("clearance_liability_eur", plan.path("clearance_cost_eur").asDouble());
    res.put("violations", summary.path("violations").asInt());
    res.put("seconds", summary.path("seconds").asDouble());
    Map<String, String> names = new HashMap<>();
    summary
        .path("objectives")
        .forEach(o -> names.put(o.path("id").asText(), o.path("name").asText()));
    ArrayNode cases = res.putArray("cases");
    for (JsonNode c : summary.path("cases")) {
      ObjectNode o = cases.addObject();
      o.put("class", c.path("vehicle").asText());
      o.put("season", c.path("season").asText());
      ObjectNode times = o.putObject("objectives");
      for (JsonNode t : c.path("times")) {
        String id = t.path("objective").asText();
        ObjectNode x = times.putObject(id);
        x.put("name", names.getOrDefault(id, id));
        x.set("baseline_h", hours(t.get("baseline_s")));
        x.set("plan_h", hours(t.get("plan_s")));
        x.set("delay_h", hours(t.get("delay_s")));
      }
    }
    res.putArray("civilians");
    ArrayNode files = res.putArray("files");
    FILES.forEach(files::add);
    return res;
  }

  private static JsonNode hours(JsonNode seconds) {
    return seconds == null || !seconds.isNumber()
        ? JSON.nullNode()
        : JSON.getNodeFactory().numberNode(seconds.asDouble() / 3600);
  }

  /** Renders each case's isochrone GeoTIFF (hours) as the PNG the map overlays. */
  private static void isochrones(Path isoDir, Path out, ObjectNode result) throws IOException {
    ArrayNode list = result.putArray("isochrones");
    if (!Files.isDirectory(isoDir)) {
      return;
    }
    List<Path> tifs;
    try (Stream<Path> s = Files.list(isoDir)) {
      tifs = s.filter(p -> p.getFileName().toString().endsWith(".tif")).sorted().toList();
    }
    for (Path tif : tifs) {
      String id = tif.getFileName().toString().replace(".tif", "");
      FloatRaster hours = GeoTiff.readFloat(tif);
      String name = "isochrones-" + id + ".png";
      double[] e = lt.skydas.assess.report.IsochroneImage.write(hours, 2000, out.resolve(name));
      ObjectNode o = list.addObject();
      o.put("case", id);
      o.put("file", name);
      ArrayNode ext = o.putArray("extent");
      for (double v : e) {
        ext.add(v);
      }
      lt.skydas.core.geo.Crs crs = lt.skydas.core.geo.Crs.of(hours.grid().epsg());
      o.put("crs", "EPSG:" + crs.epsg());
      o.put("proj4", crs.proj4());
      String cog = "isochrones-" + id + ".tif";
      Files.copy(tif, out.resolve(cog));
      o.put("cog", cog);
    }
  }
}
