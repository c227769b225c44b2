package lt.skydas.assess.report;

/** The time ramp used by the map, legend and isochrone images: hours to an RGB colour. */
final class Colors {
  /** Upper bounds (hours) of the classes; the last class is open-ended. */
  static final double[] BOUNDS_H = {1, 2, 4, 8, 16, 32};

  static final int[] RGB = {0x7f0000, 0xc62828, 0xef6c00, 0xf9a825, 0x9ccc65, 0x26a69a, 0x90a4ae};

  private Colors() {}

  static int rgb(double hours) {
    for (int i = 0; i < BOUNDS_H.length; i++) {
      if (hours < BOUNDS_H[i]) {
        return RGB[i];
      }
    }
    return RGB[RGB.length - 1];
  }

  static String css(double hours) {
    return String.format("#%06x", rgb(hours));
  }

  static String label(int i) {
    double lo = i == 0 ? 0 : BOUNDS_H[i - 1];
    return i < BOUNDS_H.length
        ? fmt(lo) + "–" + fmt(BOUNDS_H[i]) + " h"
        : "≥ " + fmt(BOUNDS_H[BOUNDS_H.length - 1]) + " h";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
