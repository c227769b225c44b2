package lt.skydas.assess.report;

import java.util.Locale;

/** How the report writes hours, minutes, euros and plain numbers ("–" for what is not finite). */
final class ReportFormat {
  private ReportFormat() {}

  static String hours(double s) {
    if (!Double.isFinite(s)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f h", s / 3600);
  }

  /**
   * Minutes of delay per EUR 1 m, or per EUR 100 m when that keeps the figure readable (large
   * programmes buy well under a minute per million at any one objective).
   */
  static String delayPerEuro(double delay_s, double meur) {
    if (!(meur > 0) || !Double.isFinite(delay_s)) {
      return "–";
    }
    double perM = delay_s / 60 / meur;
    return perM >= 1 || perM == 0
        ? String.format(Locale.ROOT, "%.1f min per €1 m", perM)
        : String.format(Locale.ROOT, "%.1f min per €100 m", perM * 100);
  }

  static String minutes(double s) {
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.0f min", s / 60) : "–";
  }

  static String eur(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "€%.1f m", v / 1e6);
    }
    return String.format(Locale.ROOT, "€%,.0f", v);
  }

  static String fmt0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String fmt1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
