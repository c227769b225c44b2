package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.observe.DemResampler;
import lt.skydas.region.Region;
import lt.skydas.region.RegionBuildOptions;
import lt.skydas.region.RegionBuildReport;
import lt.skydas.region.RegionBuilder;
import lt.skydas.region.RegionDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Region packs: build one from layers, or describe one. */
@Command(
    name = "region",
    mixinStandardHelpOptions = true,
    description = "Build or inspect region packs.",
    subcommands = {RegionCommand.Build.class, RegionCommand.Info.class})
final class RegionCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Build a region pack from OpenMapTiles-schema GeoJSON layers (the shipped data/baltic or",
        "your own with the same file names and properties): land-cover and country rasters in",
        "the region's CRS, the road graph, settlements, borders, and issues.geojson listing",
        "import problems.",
        "The region (home countries, hostile borders, CRS, objectives, friendly routes) comes from",
        "a region definition (--definition); the pack keeps it as definition.json."
      })
  static final class Build implements Callable<Integer> {
    @Option(
        names = "--layers",
        paramLabel = "DIR",
        description = "Layer folder (default: the shipped data/baltic).")
    Path layers;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Pack directory to write (replaced when complete).")
    Path out;

    @Option(
        names = "--definition",
        paramLabel = "ID|FILE",
        defaultValue = "lithuania",
        description = {
          "A built-in region (lithuania: LKS-94; suwalki-gap: LT + PL in ETRS89-LAEA;",
          "baltic-south: LT + PL + LV in ETRS89-LAEA) or a",
          "region file (JSON: format, id, name, home, crs, extent, hostile_borders, objectives,",
          "friendly_routes; see docs/regions.md). Default ${DEFAULT-VALUE}."
        })
    String definition;

    @Option(
        names = "--cell-size",
        paramLabel = "M",
        defaultValue = "100",
        description = "Cell size in metres (default ${DEFAULT-VALUE}; 50 and 25 work on 24 GiB).")
    double cellSize;

    @Option(
        names = "--margin-km",
        paramLabel = "KM",
        defaultValue = "25",
        description = "Extent around the home countries (default ${DEFAULT-VALUE}).")
    double margin;

    @Option(
        names = "--dem",
        paramLabel = "DEM.tif",
        description = {
          "Ground elevation to store in the pack (dem.tif): a GeoTIFF in a projected CRS,",
          "resampled onto the region grid; used by coverage when no --dem is given. Refused:",
          "a geographic CRS, another region, elevations outside -500..9000 m, or more than 1 %%",
          "of the land without elevation (fewer holes are filled from their neighbours)."
        })
    Path dem;

    @Option(
        names = "--buildings",
        paramLabel = "FILE",
        description = {
          "A buildings layer (GeoJSON points, or footprint polygons; optional area_m2) for the",
          "civilian buffers and exposure. Default: the layers folder's buildings.geojson[.gz] or",
          "buildings_border_zone.geojson[.gz]. Refused whole, naming the feature: another CRS,",
          "duplicate ids, a negative area, or a building in no home country of the region."
        })
    Path buildings;

    @Option(names = "--quiet", description = "Print only the summary.")
    boolean quiet;

    @Override
    public Integer call() {
      if (!(cellSize >= 5 && cellSize <= 1000)) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--cell-size must be within 5..1000 m, not " + cellSize);
      }
      if (!(margin >= 0 && margin <= 200)) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--margin-km must be within 0..200, not " + margin);
      }
      Path dir = layers != null ? layers : RegionStore.shippedLayers();
      RegionBuildReport r =
          RegionBuilder.build(
              new RegionBuildOptions(
                      dir, out, cellSize, margin, RegionDefinition.resolve(definition))
                  .withDem(dem == null ? null : DemResampler.source(dem))
                  .withBuildings(buildings),
              ConsoleProgress.forStderr(quiet));
      System.out.printf(
          Locale.ROOT,
          "%s: %d x %d cells of %.0f m, %d road nodes, %d road edges, %d settlements, %.1f s%n",
          r.pack(),
          r.width(),
          r.height(),
          r.cellSize_m(),
          r.roadNodes(),
          r.roadEdges(),
          r.settlements(),
          r.seconds());
      System.out.printf(
          Locale.ROOT,
          "%d import issue(s) in %s%n",
          r.issues(),
          r.pack().resolve("issues.geojson"));
      r.issueSummary().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %5d  %s%n", v, k));
      var meta = RegionStore.metadata(r.pack());
      System.out.printf(
          Locale.ROOT,
          "%,d buildings from %s%n",
          meta.path("buildings").asInt(),
          meta.path("buildings_source").asText("no buildings layer"));
      if (dem != null) {
        var entry = RegionStore.metadata(r.pack()).path("dem");
        System.out.printf(
            Locale.ROOT,
            "DEM %s stored as %s (%d hole cell(s) filled, %d left without elevation)%n",
            dem,
            r.pack().resolve(entry.path("file").asText()),
            entry.path("holes_filled").asInt(),
            entry.path("holes_left").asInt());
      }
      return 0;
    }
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a region pack.")
  static final class Info implements Callable<Integer> {
    @Option(
        names = "--region",
        required = true,
        paramLabel = "PACK",
        description = "Region pack directory.")
    Path pack;

    @Override
    public Integer call() {
      Region r = Region.load(pack);
      System.out.println(r.metadata().toPrettyString());
      return 0;
    }
  }
}
