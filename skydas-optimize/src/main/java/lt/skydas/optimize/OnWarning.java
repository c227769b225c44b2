package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lt.skydas.emplace.Forces;
import lt.skydas.optimize.model.BarrierModel;

/**
 * What the emplacement model did to an optimisation (issue 15): the planning warning, the options
 * dropped because the forces cannot put them in place before the attacker comes, the engineer
 * capacity rows with what the plan uses of them, and the stock the plan's crisis-laid obstacles
 * draw from each depot. Immutable.
 *
 * @param enabled false: every type counted in full (the rest is empty)
 * @param warning_h the planning warning time
 * @param floor_h the floor of the default planning warning
 * @param warningGiven the user gave the planning warning (else the default: the floor)
 * @param forcesOrigin where the forces came from
 * @param dropped options dropped, by type
 * @param rows the capacity rows, with the plan's use
 * @param stock per depot and stock kind: drawn by the plan, held
 * @param onWarningCost_eur what the plan's reserved and crisis-laid obstacles cost
 * @param obstacleCost_eur what all the plan's obstacles cost
 * @param notes pins that cannot be in place
 * @param check the emplacement timeline and race on the final plan ({@code --verify-emplacement});
 *     null when not run
 * @param curve the plan's delay on the model against warning time ({@link WarningCurve}); empty
 *     when not computed
 */
public record OnWarning(
    boolean enabled,
    double warning_h,
    double floor_h,
    boolean warningGiven,
    String forcesOrigin,
    List<EmplacementStep.Dropped> dropped,
    List<RowUse> rows,
    List<DepotStock> stock,
    double onWarningCost_eur,
    double obstacleCost_eur,
    List<String> notes,
    EmplacementCheck.Result check,
    List<WarningCurve.Point> curve) {
  public OnWarning {
    curve = List.copyOf(curve);
    dropped = List.copyOf(dropped);
    rows = List.copyOf(rows);
    stock = List.copyOf(stock);
    notes = List.copyOf(notes);
  }

  /**
   * A capacity row: its team types (joined by +) and threshold, the plan's minutes and the limit.
   */
  public record RowUse(
      String name, String teamTypes, double threshold_h, long used_min, long limit_min) {
    /** Filled to {@link BudgetRows#TIGHT} of its limit. */
    public boolean binds() {
      return limit_min > 0 ? used_min >= BudgetRows.TIGHT * limit_min : used_min > 0;
    }
  }

  /** Stock of one kind at one depot: what the plan's crisis-laid obstacles draw, what it holds. */
  public record DepotStock(String depot, String kind, double drawn, double held) {}

  /** The emplacement model off. */
  public static OnWarning none() {
    return new OnWarning(
        false,
        Double.NaN,
        Double.NaN,
        false,
        "",
        List.of(),
        List.of(),
        List.of(),
        0,
        0,
        List.of(),
        null,
        List.of());
  }

  /** The plan's share of obstacle cost put in place on warning, 0..1. */
  public double onWarningShare() {
    return obstacleCost_eur > 0 ? onWarningCost_eur / obstacleCost_eur : 0;
  }

  /** Options dropped over all types. */
  public int droppedCount() {
    return dropped.stream().mapToInt(EmplacementStep.Dropped::count).sum();
  }

  /**
   * The outcome for the chosen options of a built model.
   *
   * @param chosen per option of {@code built}'s model: in the plan
   */
  static OnWarning of(
      EmplacementOptions opt,
      Forces forces,
      EmplacementStep.Outcome step,
      ModelFactory.Built built,
      boolean[] chosen) {
    BarrierModel m = built.model();
    List<RowUse> rows = new ArrayList<>();
    for (ModelFactory.WorkRow r : step.rows()) {
      BarrierModel.Budget b =
          m.budgets().stream().filter(x -> x.name().equals(r.name())).findFirst().orElseThrow();
      long used = 0;
      for (int o = 0; o < chosen.length; o++) {
        used += chosen[o] ? b.coefficient()[o] : 0;
      }
      rows.add(new RowUse(r.name(), r.teamTypes(), r.threshold_h(), used, b.limit()));
    }
    Map<String, double[]> drawn = new TreeMap<>();
    double onWarning = 0;
    double all = 0;
    for (int o = 0; o < chosen.length; o++) {
      if (!chosen[o] || built.obstacles().get(o) == null) {
        continue;
      }
      all += built.buildCost_eur()[o];
      BarrierModel.Option op = m.options().get(o);
      if (!built.obstacles().get(o).type().emplacement().onWarning()) {
        continue;
      }
      onWarning += built.buildCost_eur()[o];
      EmplacementStep.OptionWork w = step.work().getOrDefault(op.site(), Map.of()).get(op.type());
      if (w == null || w.depot() < 0) {
        continue;
      }
      for (Map.Entry<String, Double> k : w.stock().entrySet()) {
        String key = forces.depots().get(w.depot()).id() + "\u0000" + k.getKey();
        drawn.computeIfAbsent(key, x -> new double[1])[0] += k.getValue();
      }
    }
    List<DepotStock> stock = new ArrayList<>();
    for (Forces.Depot d : forces.depots()) {
      for (Map.Entry<String, Double> k : new TreeMap<>(d.stock()).entrySet()) {
        double[] x = drawn.get(d.id() + "\u0000" + k.getKey());
        if (x != null || k.getValue() > 0) {
          stock.add(new DepotStock(d.id(), k.getKey(), x == null ? 0 : x[0], k.getValue()));
        }
      }
    }
    return new OnWarning(
        true,
        opt.warning_h(),
        opt.warningFloor_h(),
        !Double.isNaN(opt.planningWarning_h()),
        forces.origin(),
        step.dropped(),
        rows,
        stock,
        onWarning,
        all,
        step.notes(),
        null,
        List.of());
  }

  /** The same with the emplacement check of the final plan. */
  OnWarning withCheck(EmplacementCheck.Result c) {
    return with(c, curve);
  }

  /** The same with the delay against warning time. */
  OnWarning withCurve(List<WarningCurve.Point> c) {
    return with(check, c);
  }

  private OnWarning with(EmplacementCheck.Result c, List<WarningCurve.Point> points) {
    return new OnWarning(
        enabled,
        warning_h,
        floor_h,
        warningGiven,
        forcesOrigin,
        dropped,
        rows,
        stock,
        onWarningCost_eur,
        obstacleCost_eur,
        notes,
        c,
        points);
  }
}
