package lt.skydas.optimize;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A place an obstacle could be built, with the catalog types that fit it. Immutable.
 *
 * @param id stable within one candidate set ({@code b5-c12}, {@code b5-r3}, {@code br-40})
 * @param kind what the site is
 * @param belt_m depth of the belt (distance from the hostile border), 0 for bridges
 * @param geometry_lks94 a line across an open corridor, or a point on a road or bridge
 * @param types catalog ids that fit the site and pass the hard constraints, cheapest first
 */
public record Candidate(
    String id, Kind kind, double belt_m, Geometry geometry_lks94, List<String> types) {
  /** Kinds of candidate site. */
  public enum Kind {
    /** Open ground between NO-GO terrain, crossed by the belt: ditches, blocks, minefields. */
    CORRIDOR,
    /**
     * Slow-go ground (forest, wetland, small streams: passable in some class or season) crossed by
     * the belt: the line obstacles that tie a belt into terrain an attacker would otherwise push
     * through around the corridors.
     */
    TIE_IN,
    /**
     * Built-up or industrial ground crossed by the belt (a village or yard the line runs through):
     * concrete blocks along its edge and streets. No ditches, and no mines (the civilian buffer).
     */
    BUILT_UP,
    /** A road crossing the belt: control points, blocks. */
    ROAD,
    /** A road bridge near the border: prepared demolition. */
    BRIDGE,
    /** A site the user added, or an obstacle that already stands ({@code optimize --sites}). */
    USER
  }

  public Candidate {
    types = List.copyOf(types);
  }
}
