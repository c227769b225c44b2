package lt.skydas.optimize;

import java.util.List;
import lt.skydas.observe.SiteProtection;
import lt.skydas.plan.SensorSite;

/**
 * What the protection step bought for the named sites ({@link ProtectOptions}) and what the plan's
 * sensors verifiably protect. Immutable.
 *
 * @param source where the named sites came from
 * @param points the named sites, LKS-94
 * @param required sites that must be protected ({@link ProtectOptions#required})
 * @param candidates EW and counter-drone candidates offered
 * @param chosen the sites bought (in the plan's sensors, year 1)
 * @param protectedCount sites the chosen candidates protect in the step's model
 * @param bound at most this many sites can be protected within the money (proven when {@code
 *     optimal})
 * @param cost_eur purchase plus upkeep over the programme of the chosen sites
 * @param optimal both stages of the covering problem were proven optimal
 * @param conflictsAvoided candidate pairs the model kept apart (a jammer would deny the other)
 * @param verified per named site, its protection by all of the final plan's sensor sites
 * @param notes what the user should know (sites nothing can protect, the ceiling binds …)
 */
public record Protection(
    String source,
    List<SiteProtection.NamedPoint> points,
    int required,
    int candidates,
    List<SensorSite> chosen,
    int protectedCount,
    int bound,
    double cost_eur,
    boolean optimal,
    int conflictsAvoided,
    List<SiteProtection> verified,
    List<String> notes) {
  public Protection {
    points = List.copyOf(points);
    chosen = List.copyOf(chosen);
    verified = List.copyOf(verified);
    notes = List.copyOf(notes);
  }

  /** No named sites: nothing bought. */
  public static Protection none() {
    return new Protection("", List.of(), 0, 0, List.of(), 0, 0, 0, true, 0, List.of(), List.of());
  }

  /** How many named sites. */
  public int siteCount() {
    return points.size();
  }

  /** True when there were named sites to protect. */
  public boolean enabled() {
    return !points.isEmpty();
  }

  /** Sites the final plan protects, verified. */
  public long verifiedCount() {
    return verified.stream().filter(SiteProtection::isProtected).count();
  }

  /** This result with the verified protection of the final plan. */
  public Protection withVerified(List<SiteProtection> v) {
    return new Protection(
        source,
        points,
        required,
        candidates,
        chosen,
        protectedCount,
        bound,
        cost_eur,
        optimal,
        conflictsAvoided,
        v,
        notes);
  }
}
