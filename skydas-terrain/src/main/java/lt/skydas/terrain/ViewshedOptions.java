package lt.skydas.terrain;

import java.util.Locale;

/**
 * The parameters of one viewshed, as GRASS {@code r.viewshed -b -c -r}: observer and target heights
 * above the surface, a maximum distance, and Earth curvature with atmospheric refraction.
 *
 * <p>Curvature lowers every elevation at horizontal distance {@code d} from the observer by {@code
 * d² / (2 R) · (1 − k)} metres, {@code R} = {@link #earthRadius_m()} and {@code k} = {@link
 * #refractionCoeff()} (r.viewshed's {@code adjust_for_curvature}: R is the semi-major axis of the
 * location's ellipsoid, 6 378 137 m for GRS80 / LKS-94). Immutable; build with {@link #builder()}.
 */
public final class ViewshedOptions {
  /** GRS80 semi-major axis, the radius r.viewshed uses in an LKS-94 (EPSG:3346) location. */
  public static final double GRS80_SEMI_MAJOR_AXIS_M = 6_378_137.0;

  /** Standard refraction for visible light (r.viewshed's default 0.14286). */
  public static final double STANDARD_REFRACTION = 1.0 / 7.0;

  private final double observerHeight_m;
  private final double targetHeight_m;
  private final double maxDistance_m;
  private final boolean curvature;
  private final double refractionCoeff;
  private final double earthRadius_m;

  private ViewshedOptions(Builder b) {
    this.observerHeight_m = b.observerHeight_m;
    this.targetHeight_m = b.targetHeight_m;
    this.maxDistance_m = b.maxDistance_m;
    this.curvature = b.curvature;
    this.refractionCoeff = b.refractionCoeff;
    this.earthRadius_m = b.earthRadius_m;
    check(Double.isFinite(observerHeight_m), "observer height", observerHeight_m);
    check(Double.isFinite(targetHeight_m) && targetHeight_m >= 0, "target height", targetHeight_m);
    check(maxDistance_m > 0, "max distance", maxDistance_m);
    check(refractionCoeff >= 0 && refractionCoeff < 1, "refraction coefficient", refractionCoeff);
    check(earthRadius_m > 0 && Double.isFinite(earthRadius_m), "earth radius", earthRadius_m);
  }

  private static void check(boolean ok, String what, double value) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "bad %s: %s", what, value));
    }
  }

  /** Defaults: observer 1.75 m, target 0 m, unlimited distance, curvature and k = 1/7 on. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder copy() {
    Builder b = new Builder();
    b.observerHeight_m = observerHeight_m;
    b.targetHeight_m = targetHeight_m;
    b.maxDistance_m = maxDistance_m;
    b.curvature = curvature;
    b.refractionCoeff = refractionCoeff;
    b.earthRadius_m = earthRadius_m;
    return b;
  }

  /** Height of the eye above the observer cell's surface, metres (r.viewshed default 1.75). */
  public double observerHeight_m() {
    return observerHeight_m;
  }

  /** Height above each target cell's surface that must be seen, metres, ≥ 0. */
  public double targetHeight_m() {
    return targetHeight_m;
  }

  /** Cells whose centre is farther than this from the observer's are not computed; may be +Inf. */
  public double maxDistance_m() {
    return maxDistance_m;
  }

  /** Whether elevations are lowered for Earth curvature (r.viewshed {@code -c}). */
  public boolean curvature() {
    return curvature;
  }

  /** Refraction coefficient k in [0, 1) applied with curvature (r.viewshed {@code -r}). */
  public double refractionCoeff() {
    return refractionCoeff;
  }

  /** Earth radius R for the curvature drop, metres. */
  public double earthRadius_m() {
    return earthRadius_m;
  }

  /** The drop factor c of {@code drop = c · d²}: {@code (1 − k) / (2R)}, or 0 without curvature. */
  public double curvatureDropPerSquareMetre() {
    return curvature ? (1.0 - refractionCoeff) / (2.0 * earthRadius_m) : 0.0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ViewshedOptions[observer %.3f m, target %.3f m, max %s m, curvature %s, k %.5f, R %.0f m]",
        observerHeight_m,
        targetHeight_m,
        maxDistance_m,
        curvature,
        refractionCoeff,
        earthRadius_m);
  }

  /** Builder; every {@code withX} returns this. Validation happens in {@link #build()}. */
  public static final class Builder {
    private double observerHeight_m = 1.75;
    private double targetHeight_m = 0.0;
    private double maxDistance_m = Double.POSITIVE_INFINITY;
    private boolean curvature = true;
    private double refractionCoeff = STANDARD_REFRACTION;
    private double earthRadius_m = GRS80_SEMI_MAJOR_AXIS_M;

    private Builder() {}

    public Builder withObserverHeight_m(double v) {
      observerHeight_m = v;
      return this;
    }

    public Builder withTargetHeight_m(double v) {
      targetHeight_m = v;
      return this;
    }

    public Builder withMaxDistance_m(double v) {
      maxDistance_m = v;
      return this;
    }

    public Builder withCurvature(boolean v) {
      curvature = v;
      return this;
    }

    public Builder withRefractionCoeff(double v) {
      refractionCoeff = v;
      return this;
    }

    public Builder withEarthRadius_m(double v) {
      earthRadius_m = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException for a non-finite observer height, a negative or non-finite
     *     target height, a max distance ≤ 0 or NaN, k outside [0, 1) or a bad radius
     */
    public ViewshedOptions build() {
      return new ViewshedOptions(this);
    }
  }
}
