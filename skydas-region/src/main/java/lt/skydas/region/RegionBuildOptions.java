package lt.skydas.region;

import java.nio.file.Path;

/**
 * How to build a region pack.
 *
 * @param layersDir folder with the layer files ({@code roads_main.geojson[.gz]} …)
 * @param outDir the pack directory to write (replaced only when the build succeeds)
 * @param cellSize_m raster cell size in metres (5..1000)
 * @param margin_km extent around the home country's bounding box
 * @param home ISO alpha-2 code of the country the pack is centred on
 * @param dem ground elevation to store in the pack ({@code dem.tif}), or null for none
 */
public record RegionBuildOptions(
    Path layersDir, Path outDir, double cellSize_m, double margin_km, String home, DemSource dem) {
  public RegionBuildOptions {
    if (!(cellSize_m >= 5 && cellSize_m <= 1000)) {
      throw new IllegalArgumentException("cell size must be within 5..1000 m, not " + cellSize_m);
    }
    if (!(margin_km >= 0 && margin_km <= 200)) {
      throw new IllegalArgumentException("margin must be within 0..200 km, not " + margin_km);
    }
  }

  /** Without a DEM. */
  public RegionBuildOptions(
      Path layersDir, Path outDir, double cellSize_m, double margin_km, String home) {
    this(layersDir, outDir, cellSize_m, margin_km, home, null);
  }

  /** A copy that stores {@code dem} (null: none) in the pack. */
  public RegionBuildOptions withDem(DemSource dem) {
    return new RegionBuildOptions(layersDir, outDir, cellSize_m, margin_km, home, dem);
  }

  /** 100 m cells, 25 km margin around Lithuania. */
  public static RegionBuildOptions defaults(Path layersDir, Path outDir) {
    return new RegionBuildOptions(layersDir, outDir, 100, 25, "LT");
  }
}
