package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.costdist.CostDistanceSearch;
import lt.skydas.costdist.CostGrid;
import lt.skydas.costdist.Query;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Accumulated cost over a friction raster, the GIS way (GRASS r.cost's move model): the cost of a
 * move is the mean of the two cells' frictions times the step length.
 */
@Command(
    name = "costdist",
    mixinStandardHelpOptions = true,
    description = {
      "Accumulated cost from start points over a friction GeoTIFF (GRASS r.cost move model).",
      "Friction is cost per map unit; nodata cells are impassable. The output is a Float32 GeoTIFF",
      "with the input's georeferencing; unreachable cells are nodata."
    })
final class CostDistCommand implements Callable<Integer> {
  @Option(
      names = "--friction",
      required = true,
      paramLabel = "IN.tif",
      description = "Single-band friction GeoTIFF.")
  Path friction;

  @Option(
      names = "--start",
      required = true,
      paramLabel = "X,Y[;X,Y...]",
      description = "Start points in the raster's CRS, separated by ';'.")
  String start;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.tif",
      description = "Output GeoTIFF (Float32).")
  Path out;

  @Option(
      names = "--knight",
      description = "Also use knight's moves (16 neighbours), as r.cost -k.")
  boolean knight;

  @Option(names = "--max-cost", paramLabel = "COST", description = "Stop at this accumulated cost.")
  Double maxCost;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    FloatRaster in = GeoTiff.readFloat(friction);
    GridSpec g = in.grid();
    float[] f = in.data();
    for (int i = 0; i < f.length; i++) {
      float v = f[i];
      if (v < 0 || v == Float.POSITIVE_INFINITY || v == Float.NEGATIVE_INFINITY) {
        throw SkydasProblem.badInput(
            friction.toString(),
            "cell (col " + (i % g.width()) + ", row " + (i / g.width()) + ")",
            "friction must be finite and >= 0 (or nodata), found " + v);
      }
    }
    int[] sources = parseStarts(g, f);
    if (maxCost != null && !(maxCost >= 0)) {
      throw new SkydasProblem(ProblemCode.USAGE, "--max-cost must be >= 0, not " + maxCost);
    }
    CostGrid grid =
        new CostGrid(
            g.width(),
            g.height(),
            g.cellSize(),
            f,
            null,
            knight ? CostGrid.Neighbourhood.SIXTEEN : CostGrid.Neighbourhood.EIGHT);
    CostDistanceSearch search = new CostDistanceSearch(grid);
    Query q = Query.from(sources);
    if (maxCost != null) {
      q = q.withCutoff(maxCost);
    }
    search.run(q);
    float[] cost = new float[g.cellCount()];
    int reached = 0;
    double max = 0;
    for (int i = 0; i < cost.length; i++) {
      double c = search.cost(i);
      if (Double.isFinite(c)) {
        cost[i] = (float) c;
        reached++;
        max = Math.max(max, c);
      } else {
        cost[i] = Float.NaN;
      }
    }
    GeoTiff.writeFloat32(out, new FloatRaster(g, cost));
    if (!quiet) {
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: %d x %d cells, %d start cell(s), %d reached, max cost %.6g, %.2f s%n",
          out,
          g.width(),
          g.height(),
          sources.length,
          reached,
          max,
          s);
    }
    return 0;
  }

  private int[] parseStarts(GridSpec g, float[] f) {
    List<Integer> cells = new ArrayList<>();
    for (String part : start.split(";")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      double[] xy = MapPoints.parse("--start", p, "the raster's CRS");
      double x = xy[0];
      double y = xy[1];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new SkydasProblem(ProblemCode.USAGE, "--start: \"" + p + "\" is not finite");
      }
      int cell = g.cellAt(x, y);
      if (cell < 0) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            String.format(
                Locale.ROOT,
                "--start: point %s lies outside the raster (x %.3f..%.3f, y %.3f..%.3f)",
                p,
                g.minX(),
                g.maxX(),
                g.minY(),
                g.maxY()));
      }
      if (Float.isNaN(f[cell])) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "--start: point " + p + " lies on a nodata (impassable) cell");
      }
      cells.add(cell);
    }
    if (cells.isEmpty()) {
      throw new SkydasProblem(ProblemCode.USAGE, "--start: give at least one point X,Y");
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }
}
