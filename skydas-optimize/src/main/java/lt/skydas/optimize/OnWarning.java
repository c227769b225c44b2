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
 * @param storage the depots' storage for the plan's stock, and the depot sites it builds
 * @param robust when planned for several warning times: the model objective of the plan at each
 *     (empty: the planning warning alone)
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
    List<WarningCurve.Point> curve,
    Storage storage,
    List<AtWarning> robust) {
  public OnWarning {
    robust = List.copyOf(robust);
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

  /**
   * The storage row of one stock kind ({@link DepotStorage}).
   *
   * @param stored items the plan's on-warning obstacles draw
   * @param standing what the forces' depots store
   * @param built what the depot sites the plan builds add
   */
  public record StorageUse(String kind, long stored, long standing, long built) {
    /** Filled to {@link BudgetRows#TIGHT} of the room. */
    public boolean binds() {
      long room = standing + built;
      return room > 0 ? stored >= BudgetRows.TIGHT * room : stored > 0;
    }
  }

  /**
   * The depots' storage and the depot sites.
   *
   * @param kinds one per storage row
   * @param built the depot sites the plan builds
   * @param offered the depot sites the forces offer
   * @param built_eur what the built sites cost
   */
  public record Storage(
      List<StorageUse> kinds, List<Forces.DepotSite> built, int offered, double built_eur) {
    public Storage {
      kinds = List.copyOf(kinds);
      built = List.copyOf(built);
    }

    static Storage none() {
      return new Storage(List.of(), List.of(), 0, 0);
    }
  }

  /**
   * The plan's model objective at one of the warning times planned for.
   *
   * @param planning the planning warning
   * @param emptyObjective the objective of the empty plan (the same at every warning)
   */
  public record AtWarning(
      double warning_h, double objective, double emptyObjective, boolean planning) {}

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
        List.of(),
        Storage.none(),
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
   * @param forces the forces with the depot sites the plan builds
   * @param stepForces the forces of the step (its depot numbers)
   * @param chosen per option of {@code built}'s model: in the plan
   */
  static OnWarning of(
      EmplacementOptions opt,
      Forces forces,
      Forces stepForces,
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
        String key = stepForces.depots().get(w.depot()).id() + "\u0000" + k.getKey();
        drawn.computeIfAbsent(key, x -> new double[1])[0] += k.getValue();
      }
    }
    List<StorageUse> kinds = new ArrayList<>();
    for (BarrierModel.Budget b : m.budgets()) {
      if (!b.name().startsWith(DepotStorage.ROW_PREFIX)) {
        continue;
      }
      long stored = 0;
      long added = 0;
      for (int o = 0; o < chosen.length; o++) {
        long c = chosen[o] ? b.coefficient()[o] : 0;
        stored += Math.max(0, c);
        added -= Math.min(0, c);
      }
      kinds.add(
          new StorageUse(
              b.name().substring(DepotStorage.ROW_PREFIX.length()), stored, b.limit(), added));
    }
    List<Forces.DepotSite> sites = new ArrayList<>();
    double sites_eur = 0;
    int offered = 0;
    for (int o = 0; o < chosen.length; o++) {
      if (built.depot(o) != null) {
        offered++;
        if (chosen[o]) {
          sites.add(built.depot(o));
          sites_eur += built.depot(o).build_eur();
        }
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
        List.of(),
        new Storage(kinds, sites, offered, sites_eur),
        List.of());
  }

  /** The same with the emplacement check of the final plan. */
  OnWarning withCheck(EmplacementCheck.Result c) {
    return with(c, curve, robust);
  }

  /** The same with the delay against warning time. */
  OnWarning withCurve(List<WarningCurve.Point> c) {
    return with(check, c, robust);
  }

  /** The same with the objective at each warning time planned for. */
  OnWarning withRobust(List<AtWarning> r) {
    return with(check, curve, r);
  }

  private OnWarning with(
      EmplacementCheck.Result c, List<WarningCurve.Point> points, List<AtWarning> r) {
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
        points,
        storage,
        r);
  }
}
