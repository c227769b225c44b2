package lt.skydas.optimize;

import java.util.List;
import java.util.Objects;
import lt.skydas.observe.SiteProtection;

/**
 * The optional objective term "coverage of named sites": which points (bridges, control points,
 * depots, shelters — any point layer) {@code skydas optimize} protects against small UAS, and with
 * which EW and counter-drone types. A site counts as protected as {@link SiteProtection} measures
 * it: a drone over it is detected by a chosen sensor and within reach of a chosen effector or
 * jammer. The money comes from the programme's total and its EW ceiling ({@link
 * Programme.Ceilings#ew_eur}). Immutable.
 *
 * @param sites the named sites, LKS-94; empty for none (the step is skipped)
 * @param source where the sites come from (a file name), for messages
 * @param share at least this share of the sites must be protected (0..1); when the money cannot buy
 *     it the most that can be protected is, and the result says so
 * @param detectorTypes sensor catalog types offered to detect drones (sensors or counter-drone
 *     sensors, all-round)
 * @param effectorTypes catalog types offered to defeat them (counter-drone effectors or jammers,
 *     all-round)
 */
public record ProtectOptions(
    List<SiteProtection.NamedPoint> sites,
    String source,
    double share,
    List<String> detectorTypes,
    List<String> effectorTypes) {
  /**
   * The RF drone detector (EUR 120 000 and 12 000 a year, 5 km) and the tethered-drone radar (EUR
   * 450 000 and 60 000 a year, 3 km on small UAS, but not denied by a drone-link jammer).
   */
  public static final List<String> DEFAULT_DETECTORS =
      List.of("rf_drone_detector", "tethered_drone_radar");

  /**
   * The interceptor drone (EUR 200 000 and 120 000 a year, 10 km) and the drone-link jammer (EUR
   * 350 000 and 35 000 a year, 5 km; it would deny our own RF detectors and interceptors nearby,
   * which the model forbids).
   */
  public static final List<String> DEFAULT_EFFECTORS =
      List.of("interceptor_drone", "uas_link_jammer");

  public ProtectOptions {
    sites = List.copyOf(sites);
    Objects.requireNonNull(source, "source");
    detectorTypes = List.copyOf(detectorTypes);
    effectorTypes = List.copyOf(effectorTypes);
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("protected share must be within 0..1");
    }
  }

  /** Nothing to protect. */
  public static ProtectOptions none() {
    return new ProtectOptions(List.of(), "", 1, DEFAULT_DETECTORS, DEFAULT_EFFECTORS);
  }

  /** {@code sites} from {@code source}, all to be protected, with the default types. */
  public static ProtectOptions all(List<SiteProtection.NamedPoint> sites, String source) {
    return new ProtectOptions(sites, source, 1, DEFAULT_DETECTORS, DEFAULT_EFFECTORS);
  }

  /** True when there is something to protect. */
  public boolean enabled() {
    return !sites.isEmpty() && share > 0;
  }

  /** How many sites must be protected: {@code ceil(share × sites)}. */
  public int required() {
    return (int) Math.ceil(share * sites.size() - 1e-9);
  }
}
