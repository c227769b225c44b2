package lt.skydas.optimize;

import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;

/** The sensor catalog types a user offers the optimiser, looked up and checked. Stateless. */
final class OfferedTypes {
  private OfferedTypes() {}

  /**
   * The catalog type {@code id}.
   *
   * @param what the role in words ({@code "sensor type"}, {@code "counter-drone type"} …)
   * @param allRound also require an all-round type (candidates are placed without an azimuth)
   * @throws SkydasProblem USAGE naming the type
   */
  static SensorType require(SensorCatalog catalog, String id, String what, boolean allRound) {
    SensorType t =
        catalog
            .findType(id)
            .orElseThrow(
                () ->
                    new SkydasProblem(
                        ProblemCode.USAGE, what + " " + id + " is not in the sensor catalog"));
    if (allRound && !SensorSite.isOmnidirectional(t)) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          id + " covers a " + Math.round(t.arc_deg()) + "° arc: offer all-round types only");
    }
    return t;
  }
}
