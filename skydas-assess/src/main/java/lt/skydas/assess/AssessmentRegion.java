package lt.skydas.assess;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.mobility.network.RoadInput;
import lt.skydas.plan.CivilianFeature;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.ProtectedArea;
import lt.skydas.region.RegionDefinition;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What an assessment needs of a region, in LKS-94 metres: terrain, roads, where attackers start,
 * where civilians live, and map layers for the report. Built from a region pack by {@link
 * RegionInputs}, or by hand in tests. Immutable by contract (arrays are not copied).
 *
 * @param landCoverNames speed-table terrain name per land-cover byte code
 * @param attackerStartCells cells on the attacker's side of the border where movement starts
 * @param borders border lines by pair ("LT-BY" …), for the report map
 * @param mapLayers other report layers by name (e.g. "roads", "water"), may be empty
 * @param ground_m ground elevation per cell (m) from the pack's DEM ({@code region build --dem}),
 *     null for flat ground; line of sight uses it
 * @param attackerClosed cells the attacker's searches never enter off road, null for none: the
 *     hostile territory beyond the start band ({@link RegionInputs}). Every attacker path through
 *     it off road comes back through the band, where it could have started at no cost, so pruning
 *     it changes no time to an objective but a third of the work on the real region (ADR 0014).
 *     Roads there stay open: the attacker may still drive behind the border from one crossing to
 *     another
 * @param definition the region as data: home countries, the hostile borders the attacker starts
 *     behind, objectives and friendly routes
 * @param protectedAreas national parks, reserves …: which obstacle kinds may lie in them is the
 *     policy's rule
 * @param residents the home countries' settlements with their people (exposure, mine neighbours)
 */
public record AssessmentRegion(
    String name,
    GridSpec grid,
    byte[] landCover,
    String[] landCoverNames,
    RoadInput roads,
    int[] attackerStartCells,
    List<CivilianFeature> civilians,
    Map<String, Geometry> borders,
    Map<String, Geometry> mapLayers,
    float[] ground_m,
    BitSet attackerClosed,
    RegionDefinition definition,
    List<ProtectedArea> protectedAreas,
    List<lt.skydas.assess.civil.Resident> residents) {

  public AssessmentRegion {
    protectedAreas = protectedAreas == null ? List.of() : List.copyOf(protectedAreas);
    residents = residents == null ? List.of() : List.copyOf(residents);
  }

  /** Without protected areas (hand-made regions). */
  public AssessmentRegion(
      String name,
      GridSpec grid,
      byte[] landCover,
      String[] landCoverNames,
      RoadInput roads,
      int[] attackerStartCells,
      List<CivilianFeature> civilians,
      Map<String, Geometry> borders,
      Map<String, Geometry> mapLayers,
      float[] ground_m,
      BitSet attackerClosed,
      RegionDefinition definition) {
    this(
        name,
        grid,
        landCover,
        landCoverNames,
        roads,
        attackerStartCells,
        civilians,
        borders,
        mapLayers,
        ground_m,
        attackerClosed,
        definition,
        List.of(),
        List.of());
  }

  /**
   * The humanitarian check of this region: its civilians (settlements, residential areas,
   * buildings) and protected areas, in its CRS. Builds an index: keep it, do not call per obstacle.
   */
  public HumanitarianCheck humanitarian() {
    return new HumanitarianCheck(civilians, protectedAreas, grid.epsg());
  }

  /** Of the built-in Lithuania region ({@link RegionDefinition#lithuania()}). */
  public AssessmentRegion(
      String name,
      GridSpec grid,
      byte[] landCover,
      String[] landCoverNames,
      RoadInput roads,
      int[] attackerStartCells,
      List<CivilianFeature> civilians,
      Map<String, Geometry> borders,
      Map<String, Geometry> mapLayers,
      float[] ground_m,
      BitSet attackerClosed) {
    this(
        name,
        grid,
        landCover,
        landCoverNames,
        roads,
        attackerStartCells,
        civilians,
        borders,
        mapLayers,
        ground_m,
        attackerClosed,
        RegionDefinition.lithuania());
  }

  /** Key prefix in {@link #mapLayers} of a home country's land ("home:LT"), unsimplified. */
  public static final String HOME_LAYER = "home:";

  /**
   * The land of home country {@code iso} (map CRS, as the pack holds it), or null when the region
   * was made without it (hand-made test regions).
   */
  public Geometry homePolygon(String iso) {
    return mapLayers.get(HOME_LAYER + iso);
  }

  /** The hostile border pairs the attacker starts behind ("LT-BY" …). */
  /** The calling thread's transformer between lon/lat and the region's map CRS. */
  public lt.skydas.core.geo.Crs crs() {
    return lt.skydas.core.geo.Crs.of(grid().epsg());
  }

  public List<String> hostileBorders() {
    return definition.hostileBorders();
  }

  /** A region with no cell closed to the attacker. */
  public AssessmentRegion(
      String name,
      GridSpec grid,
      byte[] landCover,
      String[] landCoverNames,
      RoadInput roads,
      int[] attackerStartCells,
      List<CivilianFeature> civilians,
      Map<String, Geometry> borders,
      Map<String, Geometry> mapLayers,
      float[] ground_m) {
    this(
        name,
        grid,
        landCover,
        landCoverNames,
        roads,
        attackerStartCells,
        civilians,
        borders,
        mapLayers,
        ground_m,
        null);
  }

  /** A region on flat ground (no DEM). */
  public AssessmentRegion(
      String name,
      GridSpec grid,
      byte[] landCover,
      String[] landCoverNames,
      RoadInput roads,
      int[] attackerStartCells,
      List<CivilianFeature> civilians,
      Map<String, Geometry> borders,
      Map<String, Geometry> mapLayers) {
    this(
        name,
        grid,
        landCover,
        landCoverNames,
        roads,
        attackerStartCells,
        civilians,
        borders,
        mapLayers,
        null);
  }

  /**
   * {@code friction} (a fresh array of the attacker's, one value per cell) with the cells closed to
   * the attacker made impassable (+Inf, as a land cover of speed 0), in place.
   *
   * @return {@code friction}
   */
  public float[] attackerFriction(float[] friction) {
    if (attackerClosed != null) {
      for (int c = attackerClosed.nextSetBit(0); c >= 0; c = attackerClosed.nextSetBit(c + 1)) {
        friction[c] = Float.POSITIVE_INFINITY;
      }
    }
    return friction;
  }

  /** The grid's extent; plan and objective features must lie inside it. */
  public Envelope extent() {
    return new Envelope(grid.minX(), grid.maxX(), grid.minY(), grid.maxY());
  }
}
