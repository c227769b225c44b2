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
 * activity's {@code date}), or since it was last changed when none is recorded. Stateless.
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
   * A minefield's inspection state.
   *
   * @param last its last inspection, or null when none is recorded
   * @param since what the interval counts from (the last inspection, else the record's last change)
   * @param due when the next inspection is due
   * @param overdue_d days past due, a part day counted whole (0: not overdue)
   */
  public record Due(
      RegistryRecord record, Instant last, Instant since, Instant due, long overdue_d) {
    public boolean overdue() {
      return overdue_d > 0;
    }
  }

  /** Every watched minefield's inspection state at {@code now}, the most overdue first. */
  public static List<Due> of(Registry reg, Duration every, Instant now) {
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
      out.add(new Due(r, last, since, due, now.isAfter(due) ? Math.max(1, over) : 0));
    }
    out.sort(
        Comparator.comparingLong(Due::overdue_d).reversed().thenComparing(d -> d.record().id()));
    return out;
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
