package lt.skydas.cli;

import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.NeighbourFeature;
import lt.skydas.registry.NeighbourLine;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas registry neighbour-line}: a neighbour's line (another country's obstacles and
 * sensors) kept read-only in the registry with its provenance; imported whole, replaced only by a
 * new import, exported for {@code skydas seams} or QGIS.
 */
@Command(
    name = "neighbour-line",
    mixinStandardHelpOptions = true,
    description = {
      "A neighbour's line in the registry, read-only, with its provenance (source, SHA-256, who,",
      "when): import (replacing the country's line before), list, export."
    },
    subcommands = {
      RegistryNeighboursCommand.Import.class,
      RegistryNeighboursCommand.ListLines.class,
      RegistryNeighboursCommand.Export.class
    })
final class RegistryNeighboursCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a neighbour's line from a file (GeoJSON, GeoPackage, KML, CSV in WGS84) or another",
        "Skydas server's OGC API Features items URL. Every feature must be of a catalog type and on",
        "the owner's side of the border; all or nothing. Replaces the country's line imported before."
      })
  static final class Import implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

    @Option(
        names = "--country",
        required = true,
        paramLabel = "CC",
        description = "The owner's ISO code (PL, LV …).")
    String country;

    @Option(
        names = "--note",
        paramLabel = "TEXT",
        description = "Kept with the provenance: the agreement, the date of the neighbour's data.")
    String note;

    @Parameters(paramLabel = "FILE|URL", description = "The line's source.")
    String source;

    @Override
    public Integer call() {
      String cc = country.trim().toUpperCase(Locale.ROOT);
      List<RecordDraft> drafts = SeamLines.drafts(source);
      try (Registry r = db.open(false)) {
        NeighbourLine l = r.importNeighbourLine(who.actor(r), cc, source, note, drafts);
        System.out.printf(
            Locale.ROOT,
            "Imported %s's line: %d features from %s (sha256 %s…), read-only in %s%n",
            l.country(),
            l.features(),
            l.source(),
            l.sha256().substring(0, 12),
            r.store().describe());
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The neighbours' lines held, with their provenance.")
  static final class ListLines implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        List<NeighbourLine> lines = r.neighbourLines();
        if (lines.isEmpty()) {
          System.out.println("No neighbour's line in " + r.store().describe());
        }
        for (NeighbourLine l : lines) {
          System.out.printf(
              Locale.ROOT,
              "%s  %5d features  from %s  imported %s by %s  sha256 %s%s%n",
              l.country(),
              l.features(),
              l.source(),
              l.importedAt(),
              l.importedBy(),
              l.sha256(),
              l.note() == null ? "" : "  (" + l.note() + ")");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Write a neighbour's line as GeoJSON (WGS84), each feature with its owner and provenance:"
              + " for skydas seams --line CC=FILE or QGIS.")
  static final class Export implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Option(
        names = "--country",
        required = true,
        paramLabel = "CC",
        description = "The owner's ISO code.")
    String country;

    @Parameters(paramLabel = "FILE", description = "GeoJSON file to write (replaced atomically).")
    Path file;

    @Override
    public Integer call() {
      String cc = country.trim().toUpperCase(Locale.ROOT);
      try (Registry r = db.open(false)) {
        NeighbourLine line =
            r.neighbourLines().stream()
                .filter(l -> l.country().equals(cc))
                .findFirst()
                .orElseThrow(
                    () ->
                        new SkydasProblem(
                            ProblemCode.NOT_FOUND,
                            "no line of " + cc + " in " + r.store().describe()));
        List<NeighbourFeature> fs = r.neighbourFeatures(cc, null);
        AtomicOutput.writeFile(
            file,
            os -> {
              try (GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(os), 7)) {
                for (NeighbourFeature f : fs) {
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("type", f.type());
                  p.put("name", f.name());
                  p.put("status", f.status());
                  p.put("owner", f.country());
                  p.put("source", line.source());
                  p.put("imported_at", line.importedAt().toString());
                  p.put("sha256", line.sha256());
                  w.feature(f.id(), f.geometry(), p);
                }
              }
            });
        System.out.printf(
            Locale.ROOT, "Exported %s's line: %d features to %s%n", cc, fs.size(), file);
      }
      return 0;
    }
  }
}
