package lt.skydas.assess.report;

import lt.skydas.raster.TimeRamp;

/** The time ramp used by the map, legend and isochrone images ({@link TimeRamp}), as CSS. */
final class Colors {
  private Colors() {}

  static int rgb(double hours) {
    return TimeRamp.rgb(hours);
  }

  static String css(double hours) {
    return String.format("#%06x", rgb(hours));
  }

  static String label(int i) {
    return i < TimeRamp.classes() - 1
        ? fmt(TimeRamp.lower_h(i)) + "–" + fmt(TimeRamp.upper_h(i)) + " h"
        : "≥ " + fmt(TimeRamp.lower_h(i)) + " h";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
