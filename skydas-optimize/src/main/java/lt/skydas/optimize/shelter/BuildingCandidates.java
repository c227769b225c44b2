package lt.skydas.optimize.shelter;

import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.region.Buildings;

/**
 * Candidate shelter sites from a region's buildings (issue 17): the basements of the largest
 * buildings, each adapted to a shelter of {@link #USABLE_SHARE} of its footprint at {@link
 * #M2_PER_PERSON}, costing {@link #SITE_EUR} plus {@link #PLACE_EUR} per place. Reasoned estimates
 * (docs/civilians.md); a candidate file gives its own capacities and costs. Stateless.
 */
public final class BuildingCandidates {
  /** Usable share of a building's footprint in its basement (stairs, walls, plant rooms aside). */
  public static final double USABLE_SHARE = 0.5;

  /**
   * Floor area per person: 0.75 m² (the order of Nordic civil-defence shelter norms, 0.6 to 1 m²
   * per person).
   */
  public static final double M2_PER_PERSON = 0.75;

  /** Per site: blast doors, filtered ventilation, signs (EUR). */
  public static final double SITE_EUR = 25_000;

  /** Per place: seating, water, sanitation, lighting (EUR). */
  public static final double PLACE_EUR = 120;

  private BuildingCandidates() {}

  /** The {@code max} largest buildings of at least {@code minArea_m2}, largest first. */
  public static List<ShelterSite> of(Buildings b, double minArea_m2, int max) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      if (b.area_m2(i) >= minArea_m2) {
        idx.add(i);
      }
    }
    idx.sort((i, j) -> Float.compare(b.area_m2(j), b.area_m2(i)));
    List<ShelterSite> out = new ArrayList<>();
    for (int i : idx.subList(0, Math.min(max, idx.size()))) {
      int cap = (int) Math.floor(b.area_m2(i) * USABLE_SHARE / M2_PER_PERSON);
      out.add(
          new ShelterSite(
              "building-" + i,
              "basement of a " + Math.round(b.area_m2(i)) + " m² building",
              b.x_m(i),
              b.y_m(i),
              cap,
              SITE_EUR + PLACE_EUR * cap));
    }
    return out;
  }
}
