package lt.skydas.plan;

/**
 * A finding about a sensor site that is worth a planner's attention but breaks no rule, such as a
 * jammer inside a civilian buffer. Immutable.
 *
 * @param sensorId the site it concerns
 * @param near what it is near, e.g. {@code settlement Kaimas}
 * @param distance_m distance to it, m
 * @param message one line a planner reads, starting with {@code jammer near <place>}
 */
public record SensorWarning(String sensorId, String near, double distance_m, String message) {}
