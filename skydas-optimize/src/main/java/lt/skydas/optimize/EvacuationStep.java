package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.Objective;
import lt.skydas.assess.civil.Evacuation;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Pipeline step "no settlement cut off" (issue 17, docs/civilians.md): a plan whose closures leave
 * a settlement in the attacker's reach no road to the rear breaks a humanitarian rule. After the
 * verification, while the plan cuts a settlement off, the plan's nearest road-cutting obstacle that
 * nobody can open and the optimiser chose (not pinned, not standing) leaves the plan; the
 * evacuation is checked again on the roads alone (the attacker's reach kept from the verification).
 * Each round drops at least one obstacle, so the step ends; the caller verifies the repaired plan.
 * A settlement no droppable obstacle frees stays listed (the verification reports it as a
 * violation).
 */
final class EvacuationStep {
  private EvacuationStep() {}

  /**
   * @param chosen the options built after the repair
   * @param dropped the obstacles (site ids) taken out, in order
   * @param freed the settlements they freed
   */
  record Repair(boolean[] chosen, List<String> dropped, List<String> freed) {
    boolean changed() {
      return !dropped.isEmpty();
    }

    String note() {
      return String.format(
          Locale.ROOT,
          "evacuation: %d obstacle(s) left out because they cut %d settlement(s) off from the rear"
              + " (%s): %s",
          dropped.size(),
          freed.size(),
          String.join(", ", freed.subList(0, Math.min(8, freed.size())))
              + (freed.size() > 8 ? " …" : ""),
          String.join(", ", dropped.subList(0, Math.min(12, dropped.size())))
              + (dropped.size() > 12 ? " …" : ""));
    }
  }

  static Repair repair(
      AssessmentRegion region,
      List<Objective> objectives,
      SpeedTable speeds,
      AssessmentResult verification,
      ModelFactory.Built built,
      boolean[] chosen,
      Progress progress) {
    boolean[] now = chosen.clone();
    List<String> dropped = new ArrayList<>();
    Set<String> freed = new LinkedHashSet<>();
    List<Evacuation.Row> cut = cutOff(verification.evacuations());
    if (cut.isEmpty()) {
      return new Repair(now, dropped, List.of());
    }
    progress.info(cut.size() + " settlement(s) cut off by the plan: leaving out their closures");
    Assessor assessor = new Assessor(region, objectives, Progress.NONE);
    BarrierPlan plan = verification.plan();
    Set<String> undroppable = undroppable(built, now);
    GeometryFactory gf = new GeometryFactory();
    while (!cut.isEmpty()) {
      int before = dropped.size();
      for (Evacuation.Row r : cut) {
        Point at = gf.createPoint(new Coordinate(r.x_m(), r.y_m()));
        plan.obstacles().stream()
            .filter(o -> o.type().blocksRoads() && !o.type().openable())
            .filter(o -> !undroppable.contains(o.id()) && !dropped.contains(o.id()))
            .min(Comparator.comparingDouble(o -> o.geometry_lks94().distance(at)))
            .ifPresent(
                o -> {
                  dropped.add(o.id());
                  freed.add(r.name());
                });
      }
      if (dropped.size() == before) {
        break; // nothing left to drop near them: the verification reports them
      }
      Set<String> out = Set.copyOf(dropped);
      List<Obstacle> kept = plan.obstacles().stream().filter(o -> !out.contains(o.id())).toList();
      plan = plan.withObstacles(kept);
      List<Evacuation> again = new ArrayList<>();
      for (Season s : seasons(verification)) {
        again.add(assessor.evacuate(plan, verification.cases(), speeds, s));
      }
      cut = cutOff(again);
    }
    Set<String> out = Set.copyOf(dropped);
    BarrierModel model = built.model();
    for (int o = 0; o < now.length; o++) {
      if (now[o] && out.contains(siteOf(model, o))) {
        now[o] = false;
      }
    }
    return new Repair(now, List.copyOf(dropped), List.copyOf(freed));
  }

  private static String siteOf(BarrierModel model, int option) {
    return model.sites().get(model.options().get(option).site());
  }

  /** The sites of chosen options the step may not drop: pinned or already standing. */
  private static Set<String> undroppable(ModelFactory.Built built, boolean[] chosen) {
    Set<String> out = new java.util.HashSet<>();
    BarrierModel model = built.model();
    for (int o = 0; o < chosen.length; o++) {
      if (chosen[o]
          && o < model.options().size()
          && (model.options().get(o).forced() || built.existing()[o])) {
        out.add(siteOf(model, o));
      }
    }
    return out;
  }

  private static List<Season> seasons(AssessmentResult r) {
    return r.evacuations().stream().map(Evacuation::season).distinct().toList();
  }

  /** The cut-off rows of every season, one per settlement name and place. */
  private static List<Evacuation.Row> cutOff(List<Evacuation> evacuations) {
    List<Evacuation.Row> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Evacuation e : evacuations) {
      for (Evacuation.Row r : e.cutOff()) {
        if (seen.add(r.name() + "@" + r.x_m() + "," + r.y_m())) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
