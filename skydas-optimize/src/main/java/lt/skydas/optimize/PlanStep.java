package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import lt.skydas.core.geo.Crs;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.SensorSite;

/**
 * Pipeline step "make the plan": the built options as a {@link BarrierPlan} (one obstacle per site,
 * named "type at site", geometry in WGS84 and LKS-94, year from the phasing; existing obstacles in
 * year 0; the chosen sensor candidates as {@link SensorSite}s with their year), with the status of
 * each pinned or existing obstacle and which obstacles are built watched.
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
   * @param watched ids of the obstacles built as watched options (their full delay counts in the
   *     model because a chosen sensor covers them)
   */
  record MadePlan(
      BarrierPlan plan, Map<String, String> fixedStatus, List<String> notes, Set<String> watched) {
    MadePlan {
      fixedStatus = Collections.unmodifiableMap(new LinkedHashMap<>(fixedStatus));
      notes = List.copyOf(notes);
      watched = Collections.unmodifiableSet(new TreeSet<>(watched));
    }

    /** This plan with the obstacles of {@code ids} (pins) listed as {@code status}. */
    MadePlan withStatus(java.util.Set<String> ids, String status) {
      Map<String, String> st = new LinkedHashMap<>(fixedStatus);
      for (String id : ids) {
        st.computeIfPresent(id, (k, v) -> status);
      }
      return new MadePlan(plan, st, notes, watched);
    }

    /** This plan with {@code more} sensor sites after its own (the protection step's). */
    MadePlan withSensors(List<SensorSite> more) {
      if (more.isEmpty()) {
        return this;
      }
      List<SensorSite> all = new ArrayList<>(plan.sensors());
      all.addAll(more);
      return new MadePlan(
          new BarrierPlan(plan.source(), plan.name(), plan.policy(), plan.obstacles(), all),
          fixedStatus,
          notes,
          watched);
    }
  }

  /**
   * @param builtOptions per option of {@code built}'s model: built in the plan
   * @param yearOfOption per option: its programme year (1-based; 0 or less: year 0)
   * @param crs the region's map CRS (the plan is written in lon/lat too)
   */
  static MadePlan make(
      ModelFactory.Built built,
      boolean[] builtOptions,
      int[] yearOfOption,
      PlanPolicy policy,
      Crs crs) {
    BarrierModel model = built.model();
    List<Obstacle> obstacles = new ArrayList<>();
    Map<String, String> fixedStatus = new LinkedHashMap<>();
    double standing_eur = 0;
    long standing = 0;
    List<SensorSite> sensors = new ArrayList<>();
    Set<String> watched = new TreeSet<>();
    for (int o = 0; o < builtOptions.length; o++) {
      if (!builtOptions[o] || built.depot(o) != null) {
        continue; // a depot site is no obstacle of the plan (the emplacement outcome lists it)
      }
      SensorCandidate c = built.sensor(o);
      if (c != null) {
        sensors.add(
            SensorSite.builder()
                .withId(c.id())
                .withName(String.format(Locale.ROOT, "%s %s", c.type().name(), c.id()))
                .withType(c.type())
                .withGeometry(crs.toWgs84(c.point_lks94()), c.point_lks94())
                .withYear(Math.max(0, yearOfOption[o]))
                .build());
        continue;
      }
      BarrierModel.Option op = model.options().get(o);
      if (built.watched()[o]) {
        watched.add(model.sites().get(op.site()));
      }
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
              crs.toWgs84(proto.geometry_lks94()),
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
    return new MadePlan(
        new BarrierPlan(PLAN_ID, PLAN_NAME, policy, obstacles, sensors),
        fixedStatus,
        notes,
        watched);
  }
}
