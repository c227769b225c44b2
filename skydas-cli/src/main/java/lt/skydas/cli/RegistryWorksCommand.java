package lt.skydas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.assess.works.WorksProgramme;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.Registry;
import lt.skydas.registry.WorkLifecycle;
import lt.skydas.registry.WorkProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas registry works}: dual-use road and bridge works as registry records with their own
 * lifecycle (ADR 0019): entered from a works file, moved by role, exported back as a works file for
 * {@code skydas works} (or read by it with {@code --registry}).
 */
@Command(
    name = "works",
    mixinStandardHelpOptions = true,
    description = {
      "Dual-use works in the registry: import a skydas-works/1 file, list, move a project along",
      "planned → approved (admin) → under construction → completed (engineer, with progress), or",
      "cancel (admin); export as a works file. Every change is in the audit chain."
    },
    subcommands = {
      RegistryWorksCommand.Import.class,
      RegistryWorksCommand.ListWorks.class,
      RegistryWorksCommand.Transition.class,
      RegistryWorksCommand.Export.class
    })
final class RegistryWorksCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A works file's projects as registry projects (version 0: the registry numbers them). */
  static List<WorkProject> projects(WorksProgramme w) {
    List<WorkProject> out = new ArrayList<>();
    for (WorksProgramme.Project p : w.projects()) {
      out.add(
          new WorkProject(
              p.id(),
              p.name(),
              p.kind().name().toLowerCase(Locale.ROOT),
              p.start(),
              p.end(),
              p.cost_eur(),
              p.status().id(),
              p.donePct(),
              p.mlcBefore(),
              p.mlcAfter(),
              Double.isNaN(p.speedAfter_kmh()) ? null : p.speedAfter_kmh(),
              p.geometry(),
              0));
    }
    return out;
  }

  /** Registry projects as a works file ({@code skydas-works/1}), written atomically. */
  static void writeFile(List<WorkProject> ws, String name, Path file) {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("format", WorksProgramme.FORMAT);
    root.put("name", name);
    ArrayNode ps = root.putArray("projects");
    for (WorkProject w : ws) {
      ObjectNode p = ps.addObject();
      p.put("id", w.id());
      if (w.name() != null) {
        p.put("name", w.name());
      }
      p.put("kind", w.kind());
      p.put("start", w.start().toString());
      p.put("end", w.end().toString());
      p.put("cost_eur", w.cost_eur());
      p.put("status", w.status());
      p.put("done_pct", w.donePct());
      p.put("mlc_before", w.mlcBefore());
      p.put("mlc_after", w.mlcAfter());
      if (w.speedAfter_kmh() != null) {
        p.put("speed_after_kmh", w.speedAfter_kmh());
      }
      p.put("version", w.version());
      p.set("geometry", geometry(om, w.geometry()));
    }
    AtomicOutput.writeString(file, root.toPrettyString());
  }

  /** A geometry as a GeoJSON object, through the project's streaming writer. */
  private static com.fasterxml.jackson.databind.JsonNode geometry(
      ObjectMapper om, org.locationtech.jts.geom.Geometry g) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (lt.skydas.core.geojson.GeoJsonWriter w = new lt.skydas.core.geojson.GeoJsonWriter(b, 7)) {
      w.feature(null, g, java.util.Map.of());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      return om.readTree(b.toByteArray()).path("features").get(0).path("geometry");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Enter the projects of a works file (skydas-works/1): planners enter planned ones,"
              + " admins any status. All or nothing.")
  static final class Import implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

    @Parameters(paramLabel = "FILE", description = "Works file.")
    Path file;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        WorksProgramme w = WorksProgramme.read(file, r.territory().crs());
        List<WorkProject> stored =
            r.works().importAll(who.actor(r), projects(w), file.getFileName().toString());
        System.out.printf(
            Locale.ROOT,
            "Entered %d works projects from %s into %s%s%n",
            stored.size(),
            file,
            r.store().describe(),
            w.illustrative() ? " (the file marks them illustrative)" : "");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects.")
  static final class ListWorks implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        List<WorkProject> ws = r.works().list();
        for (WorkProject w : ws) {
          System.out.printf(
              Locale.ROOT,
              "%-14s %-6s %-18s %3d %%  %s → %s  EUR %,.0f  MLC %d → %d  v%d  %s%n",
              w.id(),
              w.kind(),
              w.status(),
              w.donePct(),
              w.start(),
              w.end(),
              w.cost_eur(),
              w.mlcBefore(),
              w.mlcAfter(),
              w.version(),
              w.name() == null ? "" : w.name());
        }
        System.out.println(ws.size() + " works project(s)");
      }
      return 0;
    }
  }

  @Command(
      name = "transition",
      mixinStandardHelpOptions = true,
      description = "Move a project: approve, start, progress, complete or cancel.")
  static final class Transition implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

    @Parameters(index = "0", paramLabel = "ID", description = "The project.")
    String id;

    @Parameters(
        index = "1",
        paramLabel = "ACTION",
        description = "approve, start, progress, complete or cancel.")
    String action;

    @Option(
        names = "--version",
        required = true,
        paramLabel = "N",
        description = "The version you saw (a concurrent change is refused).")
    long version;

    @Option(
        names = "--done-pct",
        paramLabel = "PCT",
        description = "Progress for start and progress, 1..99.")
    Integer donePct;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        WorkProject w = r.works().transition(who.actor(r), id, version, action, donePct);
        System.out.printf(
            Locale.ROOT,
            "%s: %s, %d %% done, version %d (actions: %s)%n",
            w.id(),
            w.status(),
            w.donePct(),
            w.version(),
            String.join(", ", WorkLifecycle.actions()));
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the projects as a works file, for skydas works --works FILE.")
  static final class Export implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Parameters(paramLabel = "FILE", description = "Works file to write (replaced atomically).")
    Path file;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        List<WorkProject> ws = r.works().list();
        writeFile(ws, "works of " + r.store().describe(), file);
        System.out.printf(Locale.ROOT, "Exported %d works projects to %s%n", ws.size(), file);
      }
      return 0;
    }
  }
}
