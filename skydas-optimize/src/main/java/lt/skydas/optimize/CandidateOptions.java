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
 * @param mineStrip_m each belt also gets a mined strip this far (m) in front of it, on the enemy's
 *     side: the same corridor and tie-in crossings, offering minefields only. With the belt's ditch
 *     or blocks behind it the two form an obstacle group that takes two breaching techniques (mine
 *     clearance, then gap crossing): each delays the attacker, as in the assessment, where crossing
 *     both costs both. 0 for none
 */
public record CandidateOptions(
    List<Double> beltDepths_m,
    double maxPiece_m,
    double bridgeDepth_m,
    PlanPolicy policy,
    boolean avoidProtectedAreas,
    boolean tieIns,
    double flankReach_m,
    double mineStrip_m) {
  /** Flank belts reach this far from a hostile country's border with an ally by default (m). */
  public static final double DEFAULT_FLANK_REACH_M = 60_000;

  /** Mined strips lie this far (m) in front of their belts by default. */
  public static final double DEFAULT_MINE_STRIP_M = 300;

  /** As the canonical constructor, with the default mined strips. */
  public CandidateOptions(
      List<Double> beltDepths_m,
      double maxPiece_m,
      double bridgeDepth_m,
      PlanPolicy policy,
      boolean avoidProtectedAreas,
      boolean tieIns,
      double flankReach_m) {
    this(
        beltDepths_m,
        maxPiece_m,
        bridgeDepth_m,
        policy,
        avoidProtectedAreas,
        tieIns,
        flankReach_m,
        DEFAULT_MINE_STRIP_M);
  }

  /** As the canonical constructor, with flank belts at the default reach and mined strips. */
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
    if (!(mineStrip_m >= 0 && mineStrip_m <= 2_000)) {
      throw new IllegalArgumentException("a mined strip must lie 0..2,000 m in front of its belt");
    }
    for (double d : beltDepths_m) {
      if (mineStrip_m > 0 && d - mineStrip_m < 100) {
        throw new IllegalArgumentException(
            "the mined strip of the belt at "
                + d / 1000
                + " km would lie less than 100 m from the border: put the belt deeper");
      }
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
   * Belts at 3, 8 and 15 km, each with a mined strip 300 m in front, 3 km pieces, bridges within 20
   * km, default policy, tie-ins, flank belts within 60 km.
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
