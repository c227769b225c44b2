package lt.skydas.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Monitoring of the minefields in the ground (Amended Protocol II, Article 5: marked, fenced and
 * monitored; Article 10: kept so until cleared): each minefield with mines in the ground is due an
 * inspection every {@code every} since its last recorded inspection (an {@code inspection}
 * activity's {@code date}), or since it was last changed when none is recorded. Its upkeep until it
 * is cleared is a recurring cost: the inspections a year at a cost each, and the repair of its
 * marking and fencing per km of perimeter a year ({@link Upkeep}; the figures are estimates the
 * caller may replace). Stateless.
 */
public final class Inspections {
  /** Statuses in which a minefield holds (or may hold) mines and must be watched. */
  public static final Set<Status> WATCHED =
      Set.of(
          Status.UNDER_CONSTRUCTION,
          Status.LAID,
          Status.EMPLACED,
          Status.BREACHED,
          Status.DAMAGED,
          Status.CLEARANCE_IN_PROGRESS);

  private Inspections() {}

  /**
   * The upkeep figures.
   *
   * @param inspection_eur one inspection visit (a team, a vehicle, a day)
   * @param repair_eurPerKmYear marking and fencing repair per km of perimeter a year
   */
  public record Upkeep(double inspection_eur, double repair_eurPerKmYear) {
    /**
     * Estimates: an inspection visit EUR 600 (two inspectors and a vehicle for a day); repair of
     * signs and a two-strand wire fence EUR 1,500 per km a year (a tenth of the fence and signs
     * renewed each year). docs/clearance.md.
     */
    public static final Upkeep DEFAULT = new Upkeep(600, 1500);
  }

  /** As {@link #of(Registry, Duration, Instant, Upkeep)} with the default upkeep figures. */
  public static List<Due> of(Registry reg, Duration every, Instant now) {
    return of(reg, every, now, Upkeep.DEFAULT);
  }

  /**
   * A minefield's inspection state.
   *
   * @param last its last inspection, or null when none is recorded
   * @param since what the interval counts from (the last inspection, else the record's last change)
   * @param due when the next inspection is due
   * @param overdue_d days past due, a part day counted whole (0: not overdue)
   * @param perimeter_m the marked perimeter (an area's boundary; a line's belt, 100 m deep unless
   *     the type says otherwise, all round)
   * @param upkeep_eurPerYear inspections and marking and fencing repair, a year
   */
  public record Due(
      RegistryRecord record,
      Instant last,
      Instant since,
      Instant due,
      long overdue_d,
      double perimeter_m,
      double upkeep_eurPerYear) {
    public boolean overdue() {
      return overdue_d > 0;
    }
  }

  /** Every watched minefield's inspection state at {@code now}, the most overdue first. */
  public static List<Due> of(Registry reg, Duration every, Instant now, Upkeep upkeep) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the inspection interval must be positive");
    }
    List<Due> out = new ArrayList<>();
    for (RegistryRecord r : reg.list(null, null, RecordKind.MINEFIELD, Integer.MAX_VALUE, 0)) {
      if (!WATCHED.contains(r.status())) {
        continue;
      }
      Instant last = null;
      for (Activity a : reg.activities(r.id())) {
        if (a.kind() == ActivityKind.INSPECTION) {
          Instant at = date(a.data().get("date"), a.at());
          last = last == null || at.isAfter(last) ? at : last;
        }
      }
      Instant since = last != null ? last : r.updatedAt();
      Instant due = since.plus(every);
      // days past due, a part day counted whole
      long over = (long) Math.ceil(Duration.between(due, now).toSeconds() / 86_400.0);
      double perimeter = perimeter_m(reg, r);
      double perYear =
          365.0 / Math.max(1, every.toDays()) * upkeep.inspection_eur()
              + perimeter / 1000 * upkeep.repair_eurPerKmYear();
      out.add(
          new Due(
              r, last, since, due, now.isAfter(due) ? Math.max(1, over) : 0, perimeter, perYear));
    }
    out.sort(
        Comparator.comparingLong(Due::overdue_d).reversed().thenComparing(d -> d.record().id()));
    return out;
  }

  /** The marked perimeter in metres, in the home country's grid. */
  static double perimeter_m(Registry reg, RegistryRecord r) {
    org.locationtech.jts.geom.Geometry g = reg.territory().crs().toMetric(r.geometry());
    if (g instanceof org.locationtech.jts.geom.Polygonal) {
      return g.getBoundary().getLength();
    }
    double depth =
        reg.catalogs()
            .obstacles()
            .findType(r.type())
            .map(t -> t.width_m() == null ? 100.0 : t.width_m())
            .orElse(100.0);
    return 2 * g.getLength() + 2 * depth;
  }

  /** An activity's date field (a day or a time), else when it was recorded. */
  private static Instant date(Object v, Instant recorded) {
    if (v == null) {
      return recorded;
    }
    String s = v.toString();
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        return recorded;
      }
    }
  }
}
