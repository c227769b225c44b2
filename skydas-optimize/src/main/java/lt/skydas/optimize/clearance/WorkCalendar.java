package lt.skydas.optimize.clearance;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A team's working days as calendar dates: from the start date, each month the asset works in
 * ({@code months}) holds {@code working_days_per_month} working days spread evenly over it; other
 * months are skipped (frozen ground, snow). Stateless.
 */
public final class WorkCalendar {
  private WorkCalendar() {}

  /** The date on which working day {@code day} (0 = the start) of a team of {@code k} falls. */
  public static LocalDate date(LocalDate start, ClearanceAsset k, int wdPerMonth, double day) {
    if (!(day >= 0) || k.months().isEmpty()) {
      return start;
    }
    YearMonth m = YearMonth.from(start);
    // the start month counts from the start day on
    double firstShare =
        (m.lengthOfMonth() - start.getDayOfMonth() + 1) / (double) m.lengthOfMonth();
    double left = day;
    for (int guard = 0; guard < 12 * 200; guard++) {
      if (k.months().contains(m.getMonthValue())) {
        double share = m.equals(YearMonth.from(start)) ? firstShare : 1;
        double here = wdPerMonth * share;
        if (left <= here) {
          int offset = (int) Math.floor(left / wdPerMonth * m.lengthOfMonth());
          LocalDate d = (share < 1 ? start : m.atDay(1)).plusDays(offset);
          return d.isAfter(m.atEndOfMonth()) ? m.atEndOfMonth() : d;
        }
        left -= here;
      }
      m = m.plusMonths(1);
    }
    throw new IllegalArgumentException("working day " + day + " lies more than 200 years out");
  }
}
