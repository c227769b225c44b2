package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import lt.skydas.assess.seam.SeamAnalysis;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.assess.seam.SeamClosers;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the allies' lines meet: gaps at the tri-points, and meeting points to agree. */
@Command(
    name = "seams",
    mixinStandardHelpOptions = true,
    description = {
      "Seam analysis of two or more countries' lines (issue 16): at each tri-point where an",
      "allied border of the region (LT-PL, LT-LV) meets a hostile country, the gap between the",
      "two lines' ends (km, where), how far each line stops short of the tri-point, and a",
      "meeting point proposed on the allied border. A line is a Skydas plan or a neighbour's",
      "file (GeoJSON, GeoPackage, KML, CSV in WGS84) or another Skydas server's OGC API",
      "Features items URL; every feature must lie on its owner's side of the border.",
      "Writes seams.json, seams.geojson (gaps and tri-points), meeting-points.gpkg (to hand to",
      "the neighbour) and seams.html."
    })
final class SeamsCommand implements Callable<Integer> {
  @Option(
      names = "--line",
      required = true,
      paramLabel = "CC=FILE|URL",
      description = {
        "A country's line: its ISO code, '=', and a file or an OGC API Features items URL",
        "(e.g. LT=out/demo/plan.geojson, PL=east-shield.gpkg). Give at least two."
      })
  List<String> lines;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory (replaced when complete).")
  Path out;

  @Option(
      names = "--radius-km",
      paramLabel = "KM",
      defaultValue = "20",
      description = "How far from a tri-point a line's obstacles count (default ${DEFAULT-VALUE}).")
  double radiusKm;

  @Option(
      names = "--assessment",
      paramLabel = "DIR",
      description =
          "Output directory of skydas assess or optimize over the same region: lists the avenues"
              + " of approach that pass through each seam's gap, and the delay each avoids: the"
              + " attacker's time to its objective with the gap closed (by the weaker of the two"
              + " lines' end types) less with it open, the lines' obstacles in full.")
  Path assessment;

  @Option(
      names = "--no-timing",
      description =
          "With --assessment: list the avenues through each seam without timing what closing it"
              + " would cost the attacker (default: timed on the region's full model, one search"
              + " per case with the lines and one per seam and case with the gap closed).")
  boolean noTiming;

  @Option(
      names = "--candidates",
      paramLabel = "SITES.geojson",
      description =
          "Candidate sites of the region (skydas candidates' output): names, per seam and side,"
              + " the site that would narrow the gap most.")
  Path candidates;

  @Mixin RegionOptions region = new RegionOptions();

  @Option(names = "--quiet", description = "Print only errors and the output path.")
  boolean quiet;

  @Override
  public Integer call() {
    if (!(radiusKm > 0 && radiusKm <= 200)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--radius-km must be within 0..200");
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (String l : lines) {
      int eq = l.indexOf('=');
      String cc = eq < 0 ? "" : l.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      if (eq < 0 || Country.fromIso(cc) == null || Country.fromIso(cc) == Country.NONE) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--line \"" + l + "\" is not COUNTRY=FILE|URL with an ISO code (LT=plan.geojson)");
      }
      if (given.put(cc, l.substring(eq + 1)) != null) {
        throw new SkydasProblem(ProblemCode.USAGE, "--line: " + cc + " is given twice");
      }
    }
    if (given.size() < 2) {
      throw new SkydasProblem(ProblemCode.USAGE, "--line: give at least two countries' lines");
    }
    ConsoleProgress progress = ConsoleProgress.forStderr(quiet);
    RegionStore.Loaded loaded = region.load(progress);
    Region pack = loaded.pack();
    Set<String> hostile = new LinkedHashSet<>();
    pack.definition().hostileCountries().forEach(c -> hostile.add(c.name()));
    for (String cc : given.keySet()) {
      if (hostile.contains(cc)) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--line: " + cc + " is a hostile country of this region");
      }
    }
    Map<String, SeamLines.Read> lines = new LinkedHashMap<>();
    given.forEach((cc, src) -> lines.put(cc, SeamLines.read(cc, src, pack)));
    Map<String, SeamAnalysis.Line> read = new LinkedHashMap<>();
    lines.forEach((cc, l) -> read.put(cc, l.line()));
    long t0 = System.nanoTime();
    List<Seam> seams = new SeamAnalysis(radiusKm * 1000).analyse(pack.borders(), hostile, read);
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<List<SeamAvenues.Through>> through =
        assessment == null ? null : SeamAvenues.of(assessment, seams, pack.crs(), radiusKm * 1000);
    List<String> closedWith = null;
    if (through != null && !noTiming) {
      SeamDelays.Timed timed = SeamDelays.of(loaded.region(), seams, lines, through, progress);
      through = timed.through();
      closedWith = timed.closedWith();
    }
    List<List<SeamClosers.Closer>> closers =
        candidates == null ? null : closers(seams, read, SeamLines.sites(candidates, pack));
    SeamWriter.write(out, seams, through, closedWith, closers, read, pack.crs(), radiusKm, seconds);
    if (!quiet) {
      List<String> report = new ArrayList<>();
      for (int i = 0; i < seams.size(); i++) {
        report.add(
            SeamWriter.line(seams.get(i), pack.crs())
                + (through == null ? "" : SeamWriter.avenuesLine(through.get(i)))
                + (closedWith != null
                        && closedWith.get(i) == null
                        && seams.get(i).status() == SeamAnalysis.Status.GAP
                        && !through.get(i).isEmpty()
                    ? "; not timed: neither line has an obstacle of a catalog type (its 'type')"
                    : "")
                + (closers == null ? "" : SeamWriter.closersLine(closers.get(i))));
      }
      if (report.isEmpty()) {
        report.add("No tri-point of the region's allied borders has both countries' lines.");
      }
      report.forEach(System.out::println);
    }
    System.out.println("Seams: " + out.resolve("seams.html"));
    return 0;
  }

  private List<List<SeamClosers.Closer>> closers(
      List<Seam> seams,
      Map<String, SeamAnalysis.Line> lines,
      Map<String, List<SeamClosers.Site>> sites) {
    List<List<SeamClosers.Closer>> out = new ArrayList<>();
    for (Seam s : seams) {
      String[] ab = s.allies().split("-");
      out.add(
          SeamClosers.best(
              s,
              radiusKm * 1000,
              ab[0],
              lines.get(ab[0]).features(),
              sites.getOrDefault(ab[0], List.of()),
              ab[1],
              lines.get(ab[1]).features(),
              sites.getOrDefault(ab[1], List.of())));
    }
    return out;
  }
}
