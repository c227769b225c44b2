package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.PlanPolicy;

/**
 * Pipeline step "make the plan": the built options as a {@link BarrierPlan} (one obstacle per site,
 * named "type at site", geometry in WGS84 and LKS-94, year from the phasing; existing obstacles in
 * year 0), with the status of each pinned or existing obstacle.
 */
final class PlanStep {
  /** Plan id written into plan.geojson. */
  static final String PLAN_ID = "skydas optimize";

  /** Plan name written into plan.geojson. */
  static final String PLAN_NAME = "Optimised barrier plan";

  private PlanStep() {}

  /**
   * The plan and what it says about fixed obstacles.
   *
   * @param fixedStatus obstacle id → {@link OptimizationResult#EXISTING} or {@link
   *     OptimizationResult#PINNED}, in plan order; chosen obstacles are not listed
   * @param notes a note on the existing obstacles counted at no cost (empty if none)
   */
  record MadePlan(BarrierPlan plan, Map<String, String> fixedStatus, List<String> notes) {
    MadePlan {
      fixedStatus = Collections.unmodifiableMap(new LinkedHashMap<>(fixedStatus));
      notes = List.copyOf(notes);
    }
  }

  /**
   * @param builtOptions per option of {@code built}'s model: built in the plan
   * @param yearOfOption per option: its programme year (1-based; 0 or less: year 0)
   */
  static MadePlan make(
      ModelFactory.Built built, boolean[] builtOptions, int[] yearOfOption, PlanPolicy policy) {
    BarrierModel model = built.model();
    List<Obstacle> obstacles = new ArrayList<>();
    Map<String, String> fixedStatus = new LinkedHashMap<>();
    double standing_eur = 0;
    long standing = 0;
    for (int o = 0; o < builtOptions.length; o++) {
      if (!builtOptions[o]) {
        continue;
      }
      BarrierModel.Option op = model.options().get(o);
      Obstacle proto = built.obstacles().get(o);
      String id = model.sites().get(op.site());
      if (built.existing()[o]) {
        fixedStatus.put(id, OptimizationResult.EXISTING);
        standing_eur += proto.cost_eur();
        standing++;
      } else if (op.forced()) {
        fixedStatus.put(id, OptimizationResult.PINNED);
      }
      obstacles.add(
          new Obstacle(
              id,
              String.format(Locale.ROOT, "%s at %s", proto.type().name(), id),
              proto.type(),
              Crs.lks94().toWgs84(proto.geometry_lks94()),
              proto.geometry_lks94(),
              Math.max(0, yearOfOption[o])));
    }
    List<String> notes = new ArrayList<>();
    if (standing > 0) {
      notes.add(
          String.format(
              Locale.ROOT,
              "%d existing obstacle%s (EUR %,.0f to build today) in the plan at no cost",
              standing,
              standing == 1 ? "" : "s",
              standing_eur));
    }
    return new MadePlan(new BarrierPlan(PLAN_ID, PLAN_NAME, policy, obstacles), fixedStatus, notes);
  }
}
