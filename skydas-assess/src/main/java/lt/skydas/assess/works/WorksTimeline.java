package lt.skydas.assess.works;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import lt.skydas.assess.Assessor;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;

/**
 * Friendly transit time along each reinforcement route as the works complete: one step at {@code
 * asOf} and one at each later end date of a project not cancelled, with the projects in effect on
 * that day (ADR 0019).
 */
public final class WorksTimeline {
  private WorksTimeline() {}

  /**
   * One day of the timeline.
   *
   * @param inEffect ids of the projects in effect that day
   * @param transit_s per route ({@link Assessor#routes()} order), s; +Inf where cut
   */
  public record Step(LocalDate day, List<String> inEffect, double[] transit_s) {}

  /** The timeline; the first step is {@code asOf}, the last has every project done. */
  public static List<Step> compute(
      Assessor a, WorksEffects fx, Season s, SpeedTable speeds, int convoyMlc, LocalDate asOf) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(asOf);
    for (WorksProgramme.Project p : fx.programme().projects()) {
      if (p.status() != WorksProgramme.Status.CANCELLED && p.end().isAfter(asOf)) {
        days.add(p.end());
      }
    }
    double[] base = a.friendlyEdgeCosts(s, speeds);
    List<Step> out = new ArrayList<>();
    for (LocalDate d : days) {
      List<String> on = new ArrayList<>();
      for (WorksProgramme.Project p : fx.programme().projects()) {
        if (p.inEffect(d)) {
          on.add(p.id());
        }
      }
      out.add(
          new Step(d, List.copyOf(on), a.routeTransit_s(s, speeds, fx.costs(base, d, convoyMlc))));
    }
    return out;
  }
}
