package lt.skydas.assess.civil;

/**
 * Travel times from a shelter to the people around it over a network (roads, paths and the terrain
 * between them), for {@link ShelterPairs}: the alternative to the straight line times a detour of
 * {@link ShelterAccess}. Implemented in {@code lt.skydas.assess.CivilAccess} on the region's
 * mobility network.
 */
public interface AccessPaths {
  /**
   * The farthest straight-line distance (m) between a shelter and a demand point that the network
   * can connect within {@code limit_s}: the limit at the network's fastest speed, plus what its
   * discretisation may add (a cell's diagonal).
   */
  double reach_m(double limit_s);

  /**
   * Writes to {@code out[k]} the travel time (s) from a shelter at ({@code x_m}, {@code y_m}) to
   * the demand point {@code points[k]} of {@code demand}, for {@code k < n}; {@code +Inf} where the
   * point is not reached within {@code limit_s}. Thread-safe (each thread uses its own search).
   */
  void times(
      double x_m, double y_m, double limit_s, Demand demand, int[] points, int n, double[] out);

  /** The network in words, for the access rule ({@code roads, paths and terrain, dry season}). */
  String describe();
}
