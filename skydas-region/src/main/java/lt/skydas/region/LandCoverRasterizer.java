package lt.skydas.region;

import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.progress.Progress;
import lt.skydas.raster.Rasterizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Burns the land-cover and country rasters of a region. Polygons by cell centre, river and stream
 * lines by supercover (so a river is a 4-connected chain of cells); where layers overlap the class
 * of higher {@link LandCover#precedence()} wins, independent of the order of burning. Cells outside
 * every country polygon and not covered by water stay {@link LandCover#NODATA}. Stateless.
 */
final class LandCoverRasterizer {
  /** Landuse classes that are known but not a land-cover class of their own (left as they are). */
  static final Set<String> LANDUSE_IGNORED = Set.of("military", "cemetery");

  static final Set<String> LANDUSE_INDUSTRIAL =
      Set.of("industrial", "commercial", "retail", "railway");

  private static final byte[] PRECEDENCE = new byte[256];

  static {
    for (LandCover c : LandCover.values()) {
      PRECEDENCE[c.code() & 0xff] = (byte) c.precedence();
    }
  }

  private LandCoverRasterizer() {}

  /** Classifies a feature, or returns null to skip it (after reporting it when unknown). */
  private interface Classifier {
    LandCover of(Feature f);
  }

  static void rasterize(
      GridSpec grid,
      Map<Country, Geometry> countries,
      Map<String, List<Layers.Item>> read,
      Layers layers,
      byte[] lc,
      byte[] country,
      ImportIssues issues,
      Progress progress) {
    progress.begin("rasterising land cover and countries", 8);
    byte open = LandCover.OPEN.code();
    for (Map.Entry<Country, Geometry> e : countries.entrySet()) {
      byte code = e.getKey().code();
      Rasterizer.fillPolygonal(
          grid,
          e.getValue(),
          c -> {
            country[c] = code;
            lc[c] = open;
          });
    }
    progress.advance(1);
    fill(grid, lc, read.get("landcover_forest"), f -> LandCover.FOREST, false);
    progress.advance(2);
    String wetFile = layers.fileName("landcover_wetland");
    fill(grid, lc, read.get("landcover_wetland"), f -> wetland(f, wetFile, issues), false);
    progress.advance(3);
    String luFile = layers.fileName("landuse");
    fill(
        grid,
        lc,
        read.get("landuse"),
        f -> {
          String cls = f.string("class");
          if (cls != null && LANDUSE_INDUSTRIAL.contains(cls)) {
            return LandCover.INDUSTRIAL;
          }
          if (cls == null || !LANDUSE_IGNORED.contains(cls)) {
            report(issues, luFile, f, "unknown landuse class \"" + cls + "\"", "skipped");
          }
          return null;
        },
        false);
    progress.advance(4);
    fill(grid, lc, read.get("residential_areas"), f -> LandCover.BUILT_UP, false);
    progress.advance(5);
    fill(grid, lc, read.get("streams_border_zone"), f -> LandCover.STREAM, true);
    progress.advance(6);
    String wwFile = layers.fileName("waterways");
    fill(
        grid,
        lc,
        read.get("waterways"),
        f ->
            switch (String.valueOf(f.string("class"))) {
              case "river", "canal" -> LandCover.RIVER;
              case "stream" -> LandCover.STREAM;
              default -> {
                report(
                    issues,
                    wwFile,
                    f,
                    "unknown waterway class \"" + f.string("class") + "\"",
                    "skipped");
                yield null;
              }
            },
        true);
    progress.advance(7);
    fill(grid, lc, read.get("water_areas"), f -> LandCover.WATER, false);
    progress.advance(8);
    progress.end();
  }

  private static void fill(
      GridSpec g, byte[] lc, List<Layers.Item> items, Classifier cls, boolean lines) {
    for (Layers.Item it : items) {
      LandCover c = cls.of(it.feature());
      if (c == null) {
        continue;
      }
      byte code = c.code();
      int prec = c.precedence();
      Rasterizer.CellVisitor v =
          cell -> {
            if (PRECEDENCE[lc[cell] & 0xff] < prec) {
              lc[cell] = code;
            }
          };
      if (lines) {
        Rasterizer.burnLines(g, it.metric(), v);
      } else {
        Rasterizer.fillPolygonal(g, it.metric(), v);
      }
    }
  }

  /**
   * Wetland subclass to class: marsh, reedbed, wet_meadow, saltmarsh → firm; bog, swamp, fen,
   * tidalflat and none → soft; anything else soft, reported.
   */
  static LandCover wetland(Feature f, String file, ImportIssues issues) {
    String s = f.string("subclass");
    if (s == null) {
      return LandCover.WETLAND_SOFT;
    }
    return switch (s) {
      case "marsh", "reedbed", "wet_meadow", "saltmarsh" -> LandCover.WETLAND_FIRM;
      case "bog", "swamp", "fen", "tidalflat" -> LandCover.WETLAND_SOFT;
      default -> {
        report(
            issues,
            file,
            f,
            "unknown wetland subclass \"" + s + "\"",
            "treated as soft wetland (WETLAND_SOFT)");
        yield LandCover.WETLAND_SOFT;
      }
    };
  }

  private static void report(
      ImportIssues issues, String file, Feature f, String reason, String action) {
    Geometry g = f.geometry();
    Coordinate c = g.isEmpty() ? null : g.getInteriorPoint().getCoordinate();
    if (c == null) {
      c = g.getCoordinate();
    }
    issues.add(
        file,
        f.label(),
        reason,
        action,
        c == null ? Double.NaN : c.x,
        c == null ? Double.NaN : c.y);
  }
}
