package lt.skydas.region;

import java.nio.file.Path;

/**
 * How to build a region pack.
 *
 * @param layersDir folder with the layer files ({@code roads_main.geojson[.gz]} …)
 * @param outDir the pack directory to write (replaced only when the build succeeds)
 * @param cellSize_m raster cell size in metres (5..1000)
 * @param margin_km extent around the home countries' bounding box
 * @param definition the region: home countries, hostile borders, CRS, objectives, friendly routes
 * @param dem ground elevation to store in the pack ({@code dem.tif}), or null for none
 * @param buildings a buildings layer (GeoJSON points or footprints, {@link BuildingsImport}), or
 *     null for the layers folder's {@code buildings.geojson[.gz]} or {@code
 *     buildings_border_zone.geojson[.gz]} when present
 */
public record RegionBuildOptions(
    Path layersDir,
    Path outDir,
    double cellSize_m,
    double margin_km,
    RegionDefinition definition,
    DemSource dem,
    Path buildings) {
  public RegionBuildOptions {
    if (!(cellSize_m >= 5 && cellSize_m <= 1000)) {
      throw new IllegalArgumentException("cell size must be within 5..1000 m, not " + cellSize_m);
    }
    if (!(margin_km >= 0 && margin_km <= 200)) {
      throw new IllegalArgumentException("margin must be within 0..200 km, not " + margin_km);
    }
    if (definition == null) {
      throw new IllegalArgumentException("a region definition is required");
    }
  }

  /** With the layers folder's buildings. */
  public RegionBuildOptions(
      Path layersDir,
      Path outDir,
      double cellSize_m,
      double margin_km,
      RegionDefinition definition,
      DemSource dem) {
    this(layersDir, outDir, cellSize_m, margin_km, definition, dem, null);
  }

  /** Without a DEM. */
  public RegionBuildOptions(
      Path layersDir, Path outDir, double cellSize_m, double margin_km, RegionDefinition def) {
    this(layersDir, outDir, cellSize_m, margin_km, def, null);
  }

  /**
   * The built-in region of home country {@code home} (only {@code "LT"}: Lithuania), without a DEM.
   */
  public RegionBuildOptions(
      Path layersDir, Path outDir, double cellSize_m, double margin_km, String home) {
    this(layersDir, outDir, cellSize_m, margin_km, forHome(home), null);
  }

  private static RegionDefinition forHome(String home) {
    if (!"LT".equals(home)) {
      throw new IllegalArgumentException(
          "no built-in region for home country " + home + "; give a region definition");
    }
    return RegionDefinition.lithuania();
  }

  /** A copy that stores {@code dem} (null: none) in the pack. */
  public RegionBuildOptions withDem(DemSource dem) {
    return new RegionBuildOptions(
        layersDir, outDir, cellSize_m, margin_km, definition, dem, buildings);
  }

  /** A copy that reads its buildings from {@code file} (null: the layers folder's). */
  public RegionBuildOptions withBuildings(Path file) {
    return new RegionBuildOptions(layersDir, outDir, cellSize_m, margin_km, definition, dem, file);
  }

  /** 100 m cells, 25 km margin around Lithuania. */
  public static RegionBuildOptions defaults(Path layersDir, Path outDir) {
    return new RegionBuildOptions(layersDir, outDir, 100, 25, RegionDefinition.lithuania());
  }
}
