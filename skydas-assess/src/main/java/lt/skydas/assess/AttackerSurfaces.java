package lt.skydas.assess;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.mobility.network.MobilityCosts;
import lt.skydas.mobility.network.MobilityNetwork;

/**
 * The attacker's cost surfaces without a plan, per vehicle class, season and speed table: the
 * friction grid (the hostile interior closed, ADR 0014) and the network's edge costs. {@link #get}
 * keeps them while memory allows (about 0.1 GB each on the real region at 100 m): {@link
 * Assessor#arrivals} and {@link RaceSearch} search each case many times. Thread-safe.
 */
final class AttackerSurfaces {
  /** A friction grid and the edge costs on it. Shared, never modified. */
  record Surface(float[] friction, double[] edgeBase) {}

  private record Key(VehicleClass v, Season s, SpeedTable speeds) {}

  private final AssessmentRegion region;
  private final MobilityNetwork net;
  private final Map<Key, SoftReference<Surface>> kept = new ConcurrentHashMap<>();

  AttackerSurfaces(AssessmentRegion region, MobilityNetwork net) {
    this.region = region;
    this.net = net;
  }

  /** The surface of {@code v}, {@code s} and {@code speeds}, computed once while kept. */
  Surface get(VehicleClass v, Season s, SpeedTable speeds) {
    Key key = new Key(v, s, speeds);
    SoftReference<Surface> ref = kept.get(key);
    Surface got = ref == null ? null : ref.get();
    if (got == null) {
      got = compute(v, s, speeds);
      kept.put(key, new SoftReference<>(got));
    }
    return got;
  }

  /** A fresh surface, not kept (its arrays are the caller's). */
  Surface compute(VehicleClass v, Season s, SpeedTable speeds) {
    float[] friction =
        region.attackerFriction(
            MobilityCosts.friction(region.landCover(), region.landCoverNames(), speeds, v, s));
    return new Surface(friction, MobilityCosts.edgeCosts(net, friction, speeds, v, s));
  }
}
