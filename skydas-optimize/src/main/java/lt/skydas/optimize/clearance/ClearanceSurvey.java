package lt.skydas.optimize.clearance;

import java.util.ArrayList;
import java.util.List;

/**
 * Land release by survey before clearance (GICHD land release; IMAS 07.11): a suspected hazardous
 * area (SHA) is first surveyed without entering it (non-technical survey, NTS), which cancels the
 * catalog's expected share of it; what is left is entered with a technical survey (TS), which
 * reduces it by its share; the rest is a confirmed hazardous area to clear. The shares are the
 * catalog's expectations ({@code release_share}, sourced), so the area to clear and the survey
 * effort are expected figures, not a schedule of the survey teams. Without a survey kind in the
 * catalog a suspected area is cleared whole. Stateless.
 */
public final class ClearanceSurvey {
  private ClearanceSurvey() {}

  /**
   * What the surveys release and cost.
   *
   * @param areas every area as it will be cleared (suspected ones reduced)
   * @param surveyed_m2 suspected area surveyed
   * @param cancelled_m2 released by non-technical survey
   * @param reduced_m2 released by technical survey
   * @param ntsDays NTS team working days
   * @param tsDays TS team working days
   * @param cost_eur both surveys' cost
   */
  public record Result(
      List<HazardArea> areas,
      double surveyed_m2,
      double cancelled_m2,
      double reduced_m2,
      double ntsDays,
      double tsDays,
      double cost_eur) {}

  /** Applies the catalog's first NTS and TS kinds to the suspected areas. */
  public static Result apply(List<HazardArea> areas, ClearanceAssets cat) {
    ClearanceAsset nts = first(cat, ClearanceAsset.NTS);
    ClearanceAsset ts = first(cat, ClearanceAsset.TS);
    List<HazardArea> out = new ArrayList<>();
    double surveyed = 0, cancelled = 0, reduced = 0, ntsDays = 0, tsDays = 0, cost = 0;
    for (HazardArea a : areas) {
      if (!a.suspected() || (nts == null && ts == null)) {
        out.add(a);
        continue;
      }
      surveyed += a.area_m2();
      double left = a.area_m2();
      if (nts != null && nts.productivity_m2PerDay(a) > 0) {
        double d = nts.mobilisation_days() + left / nts.productivity_m2PerDay(a);
        ntsDays += d;
        cost += d * nts.cost_eurPerDay();
        cancelled += left * nts.releaseShare();
        left *= 1 - nts.releaseShare();
      }
      if (ts != null && ts.productivity_m2PerDay(a) > 0 && left > 0) {
        double d = ts.mobilisation_days() + left / ts.productivity_m2PerDay(a);
        tsDays += d;
        cost += d * ts.cost_eurPerDay();
        reduced += left * ts.releaseShare();
        left *= 1 - ts.releaseShare();
      }
      if (left >= 1) {
        out.add(
            new HazardArea(
                a.id(),
                left,
                a.categories(),
                a.vegetation(),
                a.priority(),
                a.x_m(),
                a.y_m(),
                false,
                a.soil()));
      }
    }
    return new Result(out, surveyed, cancelled, reduced, ntsDays, tsDays, cost);
  }

  private static ClearanceAsset first(ClearanceAssets cat, String kind) {
    for (ClearanceAsset a : cat.assets()) {
      if (a.kind().equals(kind)) {
        return a;
      }
    }
    return null;
  }
}
