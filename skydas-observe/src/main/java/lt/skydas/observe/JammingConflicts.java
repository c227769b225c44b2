package lt.skydas.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.SensorType;

/**
 * Where a plan's own jammers would blind its own sensors and links: every friendly site within a
 * jammer's radius whose type, or type's category, the jammer's catalog entry says it denies; and,
 * per jammer, the kinds of friendly system it denies everywhere in its radius (GNSS receivers,
 * drone links, radios — whatever of ours relies on them). Distances in LKS-94, between the sites'
 * geometries (a fence sensor's line counts from its nearest point). Stateless.
 */
public final class JammingConflicts {
  private JammingConflicts() {}

  /**
   * One friendly site a jammer would deny.
   *
   * @param distance_m from the jammer to the nearest point of the site, m
   */
  public record Conflict(
      String jammerId,
      String jammerType,
      String siteId,
      String siteType,
      double distance_m,
      double radius_m) {
    /** One line for a planner. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "jammer %s (%s) would deny %s (%s) %.1f km away, within its %.0f km radius",
          jammerId,
          jammerType,
          siteId,
          siteType,
          distance_m / 1000,
          radius_m / 1000);
    }
  }

  /**
   * What one jammer denies beyond listed sites.
   *
   * @param systems the system kinds denied in its radius ({@code gnss}, {@code uas_link}, {@code
   *     radio})
   */
  public record Blanket(String jammerId, String jammerType, double radius_m, List<String> systems) {
    public Blanket {
      systems = List.copyOf(systems);
    }
  }

  /** Every conflict among {@code sites}, in plan order of jammer then site. */
  public static List<Conflict> conflicts(List<SensorSite> sites) {
    List<Conflict> out = new ArrayList<>();
    for (SensorSite j : sites) {
      SensorType.Jamming jam = j.type().findJamming().orElse(null);
      if (jam == null) {
        continue;
      }
      for (SensorSite s : sites) {
        if (s == j || !denied(jam, s.type())) {
          continue;
        }
        double d = j.geometry_lks94().distance(s.geometry_lks94());
        if (d <= jam.radius_m()) {
          out.add(new Conflict(j.id(), j.type().id(), s.id(), s.type().id(), d, jam.radius_m()));
        }
      }
    }
    return out;
  }

  /** The system kinds each jammer of the plan denies in its radius, jammers in plan order. */
  public static List<Blanket> blankets(List<SensorSite> sites) {
    List<Blanket> out = new ArrayList<>();
    for (SensorSite j : sites) {
      j.type()
          .findJamming()
          .ifPresent(
              jam -> {
                List<String> systems =
                    jam.denies().stream().filter(SYSTEM_KINDS::contains).toList();
                if (!systems.isEmpty()) {
                  out.add(new Blanket(j.id(), j.type().id(), jam.radius_m(), systems));
                }
              });
    }
    return out;
  }

  private static final List<String> SYSTEM_KINDS = List.of("gnss", "uas_link", "radio");

  /** Whether {@code jam} denies sites of type {@code t} in its radius (by type id or category). */
  public static boolean denied(SensorType.Jamming jam, SensorType t) {
    return jam.denies().contains(t.id()) || jam.denies().contains(t.category().id());
  }
}
