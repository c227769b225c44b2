package lt.skydas.region;

import lt.skydas.core.geo.GridSpec;

/**
 * A digital elevation model for a region build ({@link RegionBuildOptions#dem()}): ground elevation
 * brought onto the region grid by the caller (the CLI resamples a GeoTIFF with skydas-observe's
 * {@code DemResampler}, which refuses geographic CRSs, absurd values and a DEM of another region).
 * The builder adds what needs the pack: the share of land cells without elevation ({@link
 * PackDem}).
 */
public interface DemSource {
  /** The DEM's name for messages and the pack metadata (its file path). */
  String name();

  /**
   * Ground elevation per cell of {@code grid}, metres ({@code grid.cellCount()} values, row 0
   * north; NaN = no elevation).
   *
   * @throws lt.skydas.core.problem.SkydasProblem BAD_INPUT naming the DEM when it cannot be used
   */
  float[] onto(GridSpec grid);
}
