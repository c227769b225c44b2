package lt.skydas.optimize;

import java.util.List;
import lt.skydas.plan.PlanPolicy;

/**
 * How candidates are generated.
 *
 * @param beltDepths_m belts on the friendly side, as distances from the hostile border
 * @param maxPiece_m corridor pieces longer than this are split
 * @param bridgeDepth_m bridges up to this distance from the border are candidates
 * @param policy humanitarian policy: mine types are offered only where it allows them
 * @param avoidProtectedAreas no candidate inside a protected area
 * @param tieIns also offer line obstacles where the belt crosses forest and wetland (slow-go for
 *     tracked vehicles, so corridors alone are easily bypassed)
 * @param flankReach_m belts also run behind the stretches of the borders with allies (LT–PL, LT–LV)
 *     within this distance (m) of a hostile country's border with that ally: an attacker from
 *     Kaliningrad or Belarus can cross the ally's corner (the Suwałki gap) and enter behind every
 *     belt of the hostile borders; 0 for none
 */
public record CandidateOptions(
    List<Double> beltDepths_m,
    double maxPiece_m,
    double bridgeDepth_m,
    PlanPolicy policy,
    boolean avoidProtectedAreas,
    boolean tieIns,
    double flankReach_m) {
  /** Flank belts reach this far from a hostile country's border with an ally by default (m). */
  public static final double DEFAULT_FLANK_REACH_M = 60_000;

  /** As the canonical constructor, with flank belts at the default reach. */
  public CandidateOptions(
      List<Double> beltDepths_m,
      double maxPiece_m,
      double bridgeDepth_m,
      PlanPolicy policy,
      boolean avoidProtectedAreas,
      boolean tieIns) {
    this(
        beltDepths_m,
        maxPiece_m,
        bridgeDepth_m,
        policy,
        avoidProtectedAreas,
        tieIns,
        DEFAULT_FLANK_REACH_M);
  }

  public CandidateOptions {
    beltDepths_m = List.copyOf(beltDepths_m);
    if (beltDepths_m.isEmpty() || beltDepths_m.stream().anyMatch(d -> !(d > 0) || d > 200_000)) {
      throw new IllegalArgumentException("belt depths must be within (0, 200 km]");
    }
    if (!(flankReach_m >= 0 && flankReach_m <= 500_000)) {
      throw new IllegalArgumentException("flank reach must be within 0..500 km");
    }
    if (!(maxPiece_m >= 100)) {
      throw new IllegalArgumentException("corridor pieces must be allowed at least 100 m");
    }
  }

  /** Corridor pieces longer than this are split by default (m). */
  public static final double DEFAULT_MAX_PIECE_M = 3_000;

  /** Bridges up to this distance from the border are candidates by default (m). */
  public static final double DEFAULT_BRIDGE_DEPTH_M = 20_000;

  /**
   * Belts at 3, 8 and 15 km, 3 km pieces, bridges within 20 km, default policy, tie-ins, flank
   * belts within 60 km.
   */
  public static CandidateOptions defaults() {
    return new CandidateOptions(
        List.of(3_000.0, 8_000.0, 15_000.0),
        DEFAULT_MAX_PIECE_M,
        DEFAULT_BRIDGE_DEPTH_M,
        PlanPolicy.DEFAULT,
        true,
        true);
  }
}
