package lt.skydas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.ReinforcementRoute;
import lt.skydas.assess.report.ReportHtml;
import lt.skydas.assess.works.WorksEffects;
import lt.skydas.assess.works.WorksProgramme;
import lt.skydas.assess.works.WorksProgramme.Project;
import lt.skydas.assess.works.WorksTimeline;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Dual-use road and bridge works and what they do for friendly transit as they complete. */
@Command(
    name = "works",
    mixinStandardHelpOptions = true,
    description = {
      "Dual-use works (issue 16): a programme of road sections and bridges with their calendar,",
      "cost, status, progress and military load class before and after (a skydas-works/1 file;",
      "the shipped examples/suwalki-corridor-works.json is illustrative), checked against the",
      "region's roads, and the friendly convoys' transit time on every reinforcement route of",
      "the region as the projects complete: today and at each project's end date.",
      "Writes works.json, works.geojson and works.html."
    })
final class WorksCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--works",
      paramLabel = "FILE",
      description = "Works file (default: the shipped examples/suwalki-corridor-works.json).")
  Path works;

  @Option(
      names = "--registry",
      paramLabel = "FILE|URL",
      description =
          "Take the projects from this registry (a .gpkg file or a jdbc:postgresql:// URL; see"
              + " skydas registry works) instead of a works file.")
  String registry;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "The day the timeline starts (default today), e.g. 2026-01-01.")
  String asOf;

  @Option(
      names = "--convoy-mlc",
      paramLabel = "MLC",
      defaultValue = "60",
      description =
          "The convoy's military load class: a bridge carrying less is closed to it"
              + " (default ${DEFAULT-VALUE}).")
  int convoyMlc;

  @Option(
      names = "--season",
      paramLabel = "SEASON",
      defaultValue = "dry",
      description = "Season of the transit times: dry, wet or frozen (default ${DEFAULT-VALUE}).")
  String season;

  @Mixin RegionOptions region = new RegionOptions();

  @Option(names = "--quiet", description = "Print only errors and the output path.")
  boolean quiet;

  /** The registry's projects as a works file in a temporary folder (deleted at exit). */
  private static Path fromRegistry(String location) {
    try (lt.skydas.registry.store.JdbcStore store =
        lt.skydas.registry.store.JdbcStore.open(location, false)) {
      List<lt.skydas.registry.WorkProject> ws = store.read(c -> store.works().list(c));
      if (ws.isEmpty()) {
        throw new SkydasProblem(ProblemCode.NOT_FOUND, "no works project in " + store.describe());
      }
      Path dir = java.nio.file.Files.createTempDirectory("skydas-works");
      dir.toFile().deleteOnExit();
      Path f = dir.resolve("registry-works.json");
      RegistryWorksCommand.writeFile(ws, "works of " + store.describe(), f);
      f.toFile().deleteOnExit();
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Integer call() {
    if (convoyMlc < 1 || convoyMlc > 200) {
      throw new SkydasProblem(ProblemCode.USAGE, "--convoy-mlc must be within 1..200");
    }
    Season s = Season.parse(season, "--season");
    LocalDate day;
    try {
      day = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new SkydasProblem(ProblemCode.USAGE, "--as-of \"" + asOf + "\" is not a date");
    }
    Path file =
        works != null
            ? works
            : RegionStore.home().resolve("examples").resolve("suwalki-corridor-works.json");
    if (registry != null && works != null) {
      throw new SkydasProblem(ProblemCode.USAGE, "give --works or --registry, not both");
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    if (registry != null) {
      file = fromRegistry(registry);
    }
    WorksProgramme w = WorksProgramme.read(file, loaded.pack().crs());
    Assessor a =
        new Assessor(
            loaded.region(),
            lt.skydas.assess.ObjectivesReader.of(loaded.region().definition()),
            progress);
    WorksEffects fx = WorksEffects.of(w, a.network(), loaded.region().roads());
    progress.begin("transit as the works complete", -1);
    List<WorksTimeline.Step> t =
        WorksTimeline.compute(a, fx, s, SpeedTable.defaults(), convoyMlc, day);
    progress.end();
    List<ReinforcementRoute> routes = a.routes();
    AtomicOutput.writeDirectory(
        out,
        dir -> {
          Files.writeString(
              dir.resolve("works.json"), JSON.writeValueAsString(json(w, t, routes, s, day)));
          try (OutputStream os = Files.newOutputStream(dir.resolve("works.geojson"));
              GeoJsonWriter g = new GeoJsonWriter(new BufferedOutputStream(os), 6)) {
            for (Project p : w.projects()) {
              g.feature(p.id(), p.geometry(), project(p));
            }
          }
          Files.writeString(dir.resolve("works.html"), html(w, t, routes, s));
        });
    if (!quiet) {
      System.out.printf(
          Locale.ROOT,
          "%s: %d projects, EUR %.1f m%s%n",
          w.name(),
          w.projects().size(),
          w.cost_eur() / 1e6,
          w.illustrative() ? " (illustrative)" : "");
      for (int i = 0; i < routes.size(); i++) {
        StringBuilder b = new StringBuilder("Transit " + routes.get(i).name() + ":");
        for (WorksTimeline.Step x : t) {
          b.append(' ').append(x.day()).append(' ').append(h(x.transit_s()[i])).append(" h;");
        }
        System.out.println(b);
      }
    }
    System.out.println("Works: " + out.resolve("works.html"));
    return 0;
  }

  private static Map<String, Object> project(Project p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
    m.put("start", p.start().toString());
    m.put("end", p.end().toString());
    m.put("cost_eur", Math.round(p.cost_eur()));
    m.put("status", p.status().id());
    m.put("done_pct", p.donePct());
    m.put("mlc_before", p.mlcBefore());
    m.put("mlc_after", p.mlcAfter());
    if (!Double.isNaN(p.speedAfter_kmh())) {
      m.put("speed_after_kmh", p.speedAfter_kmh());
      m.put("length_km", Math.round(p.geometry_map().getLength()) / 1000.0);
    }
    return m;
  }

  private static Map<String, Object> json(
      WorksProgramme w,
      List<WorksTimeline.Step> t,
      List<ReinforcementRoute> routes,
      Season s,
      LocalDate day) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.name());
    m.put("source", w.source());
    m.put("illustrative", w.illustrative());
    m.put("as_of", day.toString());
    m.put("season", s.id());
    m.put("cost_eur", Math.round(w.cost_eur()));
    List<Object> ps = new ArrayList<>();
    w.projects().forEach(p -> ps.add(project(p)));
    m.put("projects", ps);
    List<Object> steps = new ArrayList<>();
    for (WorksTimeline.Step x : t) {
      Map<String, Object> st = new LinkedHashMap<>();
      st.put("day", x.day().toString());
      st.put("in_effect", x.inEffect());
      Map<String, Object> tr = new LinkedHashMap<>();
      for (int i = 0; i < routes.size(); i++) {
        tr.put(routes.get(i).id(), Double.isFinite(x.transit_s()[i]) ? h(x.transit_s()[i]) : null);
      }
      st.put("transit_h", tr);
      steps.add(st);
    }
    m.put("timeline", steps);
    return m;
  }

  private static String html(
      WorksProgramme w, List<WorksTimeline.Step> t, List<ReinforcementRoute> routes, Season s) {
    StringBuilder h = new StringBuilder();
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Skydas works</title><style>body{font:14px sans-serif;margin:2em}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}")
        .append("</style></head><body><h1>")
        .append(ReportHtml.esc(w.name()))
        .append("</h1>");
    if (w.illustrative()) {
      h.append("<p><strong>Illustrative:</strong> the public figures give no exact location;")
          .append(" sections, dates, costs and load classes are examples.</p>");
    }
    h.append("<h2>Friendly transit as the works complete (")
        .append(s.id())
        .append(" season, hours)</h2><table><thead><tr><th>Day</th>");
    routes.forEach(r -> h.append("<th>").append(ReportHtml.esc(r.name())).append("</th>"));
    h.append("<th>Projects in effect</th></tr></thead><tbody>");
    for (WorksTimeline.Step x : t) {
      h.append("<tr><td>").append(x.day()).append("</td>");
      for (double v : x.transit_s()) {
        h.append("<td>").append(Double.isFinite(v) ? h(v) : "cut").append("</td>");
      }
      h.append("<td>").append(x.inEffect().size()).append("</td></tr>");
    }
    h.append("</tbody></table><h2>Projects</h2><table><thead><tr><th>Id</th><th>Name</th>")
        .append("<th>Kind</th><th>Start</th><th>End</th><th>Status</th><th>Done</th>")
        .append("<th>MLC</th><th>Cost (EUR m)</th></tr></thead><tbody>");
    for (Project p : w.projects()) {
      h.append("<tr><td>")
          .append(ReportHtml.esc(p.id()))
          .append("</td><td>")
          .append(ReportHtml.esc(p.name()))
          .append("</td><td>")
          .append(p.kind().name().toLowerCase(Locale.ROOT))
          .append("</td><td>")
          .append(p.start())
          .append("</td><td>")
          .append(p.end())
          .append("</td><td>")
          .append(p.status().id())
          .append("</td><td>")
          .append(p.donePct())
          .append(" %</td><td>")
          .append(p.mlcBefore())
          .append(" → ")
          .append(p.mlcAfter())
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", p.cost_eur() / 1e6))
          .append("</td></tr>");
    }
    h.append("</tbody></table><p>Map data © OpenStreetMap contributors (ODbL).</p></body></html>");
    return h.toString();
  }

  private static double h(double s) {
    return Math.round(s / 36.0) / 100.0;
  }
}
