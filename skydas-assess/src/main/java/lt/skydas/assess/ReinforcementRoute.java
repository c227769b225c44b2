package lt.skydas.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lt.skydas.region.RegionDefinition;

/**
 * A friendly reinforcement route: from where allied forces enter to where they must get to, both
 * objectives of the region ({@link RegionDefinition#friendlyRoutes()}). Lithuania's run from the
 * LT–PL road crossings of the Suwałki corridor (Kalvarija–Budzisko, Lazdijai–Ogrodniki) to Kaunas
 * and to Vilnius.
 */
public record ReinforcementRoute(String id, String name, Objective from, Objective to) {

  /** Largest acceptable increase of friendly travel time, percent of the unobstructed time. */
  public static final double DEFAULT_LIMIT_PCT = 10;

  /** The built-in Lithuania region's routes. */
  public static List<ReinforcementRoute> defaults() {
    return of(RegionDefinition.lithuania());
  }

  /** The routes of {@code region}, their ends taken from its objectives. */
  public static List<ReinforcementRoute> of(RegionDefinition region) {
    Map<String, Objective> byId =
        ObjectivesReader.of(region).stream()
            .collect(Collectors.toMap(Objective::id, Function.identity()));
    List<ReinforcementRoute> out = new ArrayList<>();
    for (RegionDefinition.Route r : region.friendlyRoutes()) {
      Objective from = byId.get(r.from());
      Objective to = byId.get(r.to());
      if (from == null || to == null) {
        throw new IllegalArgumentException(
            "route " + r.id() + " of region " + region.id() + " names an unknown objective");
      }
      out.add(new ReinforcementRoute(r.id(), r.name(), from, to));
    }
    return List.copyOf(out);
  }
}
