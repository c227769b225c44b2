package lt.skydas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lt.skydas.plan.HumanitarianCheck;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleType;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.Violation;

/**
 * The humanitarian rules on registry records: an obstacle or minefield record is checked against
 * the policy in force ({@link RegistryPolicy}) and the territory's civilians and protected areas
 * ({@link Territory#humanitarian()}) when it is created, imported, edited, or moved toward the
 * ground (approved, prepared, stocked, ordered, laid, executed, emplaced, under construction).
 * Clearance and land release are never refused: a record that breaks today's policy may always be
 * taken out of the ground. Nor is the record of mines already laid ({@code laid → emplaced}: the
 * complete Amended Protocol II record of what is in the ground must never be blocked), while a
 * repair (new mines) is checked. Each refusal is a field error naming the rule, the record and the
 * distance. Thread-safe.
 */
final class HumanitarianRules {
  /** Statuses that put or keep a record on its way into the ground. */
  static final Set<Status> TOWARD_GROUND =
      Set.of(
          Status.APPROVED,
          Status.UNDER_CONSTRUCTION,
          Status.PREPARED,
          Status.STOCKED,
          Status.ORDERED,
          Status.LAID,
          Status.EXECUTED,
          Status.EMPLACED);

  /** True when a move from {@code from} to {@code to} must meet the rules. */
  static boolean checksMove(Status from, Status to) {
    return from != to
        && TOWARD_GROUND.contains(to)
        && !(from == Status.LAID && to == Status.EMPLACED);
  }

  private final Catalogs catalogs;
  private final Territory territory;

  HumanitarianRules(Catalogs catalogs, Territory territory) {
    this.catalogs = catalogs;
    this.territory = territory;
  }

  private static void flushMore(List<FieldError> out, int more) {
    if (more > 0) {
      FieldError f = out.remove(out.size() - 1);
      out.add(
          new FieldError(
              f.field(),
              f.message() + "; and " + more + " more civilian feature(s) within the buffer",
              f.where()));
    }
  }

  /** N of a check message's "(and N more civilian features)", else 0. */
  private static int moreIn(String m) {
    var x = java.util.regex.Pattern.compile("\\(and (\\d+) more").matcher(m);
    return x.find() ? Integer.parseInt(x.group(1)) : 0;
  }

  private static String stripMore(String m) {
    int i = m.indexOf(" (and ");
    return i < 0 ? m : m.substring(0, i);
  }

  /**
   * The lots of {@code r} (a minefield) that hold anti-personnel mines, as {@code "PMN-4 × 200
   * (AP)"}; empty for none.
   */
  static List<String> apLots(RegistryRecord r) {
    if (r.minefield() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (MinefieldData.MineLot l : r.minefield().lots()) {
      if (l.category() != null && l.category().strip().equalsIgnoreCase("AP")) {
        out.add(
            (l.model() == null ? "a lot" : l.model())
                + (l.count() == null ? "" : " × " + l.count())
                + " (AP)");
      }
    }
    return out;
  }

  /** The rules {@code r} breaks under {@code policy}, as field errors (none for non-obstacles). */
  List<FieldError> check(RegistryRecord r, PlanPolicy policy) {
    if (r.kind() != RecordKind.OBSTACLE && r.kind() != RecordKind.MINEFIELD) {
      return List.of();
    }
    ObstacleType type = catalogs.obstacles().findType(r.type()).orElse(null);
    if (type == null || r.geometry() == null) {
      return List.of();
    }
    List<String> apLots = apLots(r);
    if (!apLots.isEmpty() && !type.mines().hasAp()) {
      // the lots say what is in the ground: AP mines under an AT type are AP mines
      type =
          type.withMines(
              type.mines() == ObstacleType.MineKind.NONE
                  ? ObstacleType.MineKind.AP
                  : ObstacleType.MineKind.MIXED);
    }
    HumanitarianCheck check = territory.humanitarian();
    Obstacle o =
        new Obstacle(
            r.id(), r.name(), type, r.geometry(), territory.crs().toMetric(r.geometry()), 0);
    List<FieldError> out = new ArrayList<>();
    Violation.Rule last = null;
    int more = 0;
    for (Violation v : check.check(o, policy)) {
      if (v.rule() == last) {
        // the nearest feature of each rule is named; the rest are counted
        more += 1 + moreIn(v.message());
        continue;
      }
      flushMore(out, more);
      more = moreIn(v.message());
      last = v.rule();
      boolean byLots =
          !apLots.isEmpty()
              && (v.rule() == Violation.Rule.AP_MINES_NOT_ENABLED
                  || v.rule() == Violation.Rule.AP_MINES_OUTSIDE_ZONES);
      out.add(
          new FieldError(
              byLots ? "minefield.lots" : "geometry",
              v.rule().id()
                  + ": "
                  + stripMore(v.message())
                  + (byLots ? " (its lots: " + String.join(", ", apLots) + ")" : "")
                  + (v.message().contains(policy.source())
                      ? ""
                      : " (policy: " + policy.source() + ")")));
    }
    flushMore(out, more);
    return out;
  }
}
