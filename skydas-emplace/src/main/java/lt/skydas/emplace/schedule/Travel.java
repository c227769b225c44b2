package lt.skydas.emplace.schedule;

/**
 * Travel times by road between the locations of a scheduling problem (team homes, depots, sites),
 * in seconds; {@link Double#POSITIVE_INFINITY} where there is no road. Need not be symmetric.
 */
@FunctionalInterface
public interface Travel {
  double time_s(int from, int to);
}
