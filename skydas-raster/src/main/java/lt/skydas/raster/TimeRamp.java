package lt.skydas.raster;

/**
 * The arrival-time colour ramp shared by the report, its legend, the isochrone images and the map
 * tiles: hours to an RGB colour in seven classes (&lt; 1, 2, 4, 8, 16, 32 h, and beyond).
 * Stateless.
 */
public final class TimeRamp {
  private static final double[] BOUNDS_H = {1, 2, 4, 8, 16, 32};

  private static final int[] RGB = {
    0x7f0000, 0xc62828, 0xef6c00, 0xf9a825, 0x9ccc65, 0x26a69a, 0x90a4ae
  };

  private TimeRamp() {}

  /** The number of classes (the last one open-ended). */
  public static int classes() {
    return RGB.length;
  }

  /** Upper bound in hours of class {@code i}; +∞ for the last. */
  public static double upper_h(int i) {
    return i < BOUNDS_H.length ? BOUNDS_H[i] : Double.POSITIVE_INFINITY;
  }

  /** Lower bound in hours of class {@code i}. */
  public static double lower_h(int i) {
    return i == 0 ? 0 : BOUNDS_H[i - 1];
  }

  /** The colour of class {@code i} as 0xRRGGBB. */
  public static int rgbOfClass(int i) {
    return RGB[i];
  }

  /** The colour (0xRRGGBB) of an arrival after {@code hours}. */
  public static int rgb(double hours) {
    for (int i = 0; i < BOUNDS_H.length; i++) {
      if (hours < BOUNDS_H[i]) {
        return RGB[i];
      }
    }
    return RGB[RGB.length - 1];
  }
}
