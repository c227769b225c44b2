package lt.skydas.assess.civil;

import com.google.ortools.Loader;
import com.google.ortools.graph.MaxFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many people have a place in a shelter within the access time (issue 17): the most people that
 * can be assigned to shelters within reach without filling any beyond its capacity — a maximum flow
 * from the demand points through the pairs within reach to the shelters (OR-Tools' max flow;
 * exact). People beyond every shelter's reach, and people within reach of full shelters, are not
 * covered. Immutable.
 *
 * @param access the access rule, in words ({@code 15 min walk (769 m straight line)})
 * @param people people in scope
 * @param reachable people within reach of at least one shelter (capacity aside)
 * @param covered people with a place within reach
 * @param capacity the shelters' places
 * @param shelters the number of shelters
 * @param assigned per shelter (the order given), the people assigned to it in one maximum flow
 * @param gaps the settlements with the most people without a place, most first (at most {@link
 *     #GAPS})
 */
public record ShelterCoverage(
    String access,
    long people,
    long reachable,
    long covered,
    long capacity,
    int shelters,
    long[] assigned,
    List<Gap> gaps) {

  /** Settlements listed in {@link #gaps}. */
  public static final int GAPS = 15;

  /** A settlement and its people without a shelter place. */
  public record Gap(String name, String place, long people, long uncovered) {}

  /**
   * The figures as JSON members ({@code access, people, covered, covered_pct, reachable, places,
   * shelters, most_without_place}), for {@code summary.json} of {@code assess} and {@code
   * shelters}.
   */
  public java.util.Map<String, Object> toJson() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("access", access);
    m.put("people", people);
    m.put("covered", covered);
    m.put("covered_pct", Math.round(coveredPct() * 10) / 10.0);
    m.put("reachable", reachable);
    m.put("places", capacity);
    m.put("shelters", shelters);
    List<Object> rows = new ArrayList<>();
    for (Gap g : gaps) {
      java.util.Map<String, Object> x = new java.util.LinkedHashMap<>();
      x.put("settlement", g.name());
      x.put("place", g.place());
      x.put("people", g.people());
      x.put("without_place", g.uncovered());
      rows.add(x);
    }
    m.put("most_without_place", rows);
    return m;
  }

  /** Covered people in percent of the people in scope (0 when there are none). */
  public double coveredPct() {
    return people == 0 ? 0 : 100.0 * covered / people;
  }

  /** The coverage of {@code demand} (from {@code residents}) by {@code sites} within {@code a}. */
  public static ShelterCoverage of(
      List<Resident> residents, Demand demand, List<ShelterSite> sites, ShelterAccess a) {
    return of(residents, demand, sites, a, ShelterPairs.of(demand, sites, a));
  }

  /** As {@link #of(List, Demand, List, ShelterAccess)} with the pairs already built. */
  public static ShelterCoverage of(
      List<Resident> residents,
      Demand demand,
      List<ShelterSite> sites,
      ShelterAccess a,
      ShelterPairs pairs) {
    int n = demand.size();
    int s = sites.size();
    long capacity = 0;
    for (ShelterSite site : sites) {
      capacity += site.capacity();
    }
    boolean[] reach = new boolean[n];
    for (int p : pairs.point()) {
      reach[p] = true;
    }
    long reachable = 0;
    for (int i = 0; i < n; i++) {
      if (reach[i]) {
        reachable += demand.people()[i];
      }
    }
    long[] assigned = new long[s];
    long[] servedAt = new long[n];
    long covered = 0;
    if (pairs.size() > 0) {
      Loader.loadNativeLibraries();
      MaxFlow f = new MaxFlow();
      // nodes: 0 source, 1 sink, 2..2+n-1 demand points, then the sites
      int source = 0;
      int sink = 1;
      int[] inArc = new int[n];
      java.util.Arrays.fill(inArc, -1);
      for (int i = 0; i < n; i++) {
        if (reach[i]) {
          inArc[i] = f.addArcWithCapacity(source, 2 + i, demand.people()[i]);
        }
      }
      for (int j = 0; j < s; j++) {
        for (int k = pairs.start()[j]; k < pairs.start()[j + 1]; k++) {
          int i = pairs.point()[k];
          f.addArcWithCapacity(2 + i, 2 + n + j, demand.people()[i]);
        }
      }
      int[] outArc = new int[s];
      for (int j = 0; j < s; j++) {
        outArc[j] = f.addArcWithCapacity(2 + n + j, sink, sites.get(j).capacity());
      }
      MaxFlow.Status st = f.solve(source, sink);
      if (st != MaxFlow.Status.OPTIMAL) {
        throw new IllegalStateException("shelter coverage: max flow ended " + st);
      }
      covered = f.getOptimalFlow();
      for (int j = 0; j < s; j++) {
        assigned[j] = f.getFlow(outArc[j]);
      }
      for (int i = 0; i < n; i++) {
        if (inArc[i] >= 0) {
          servedAt[i] = f.getFlow(inArc[i]);
        }
      }
    }
    return new ShelterCoverage(
        a.describe(),
        demand.total(),
        reachable,
        covered,
        capacity,
        s,
        assigned,
        gaps(residents, demand, servedAt));
  }

  private static List<Gap> gaps(List<Resident> residents, Demand demand, long[] servedAt) {
    long[] uncovered = new long[residents.size()];
    long[] people = new long[residents.size()];
    for (int i = 0; i < demand.size(); i++) {
      int r = demand.resident()[i];
      uncovered[r] += demand.people()[i] - servedAt[i];
      people[r] += demand.people()[i];
    }
    List<Gap> out = new ArrayList<>();
    for (int r = 0; r < residents.size(); r++) {
      if (uncovered[r] > 0) {
        Resident res = residents.get(r);
        out.add(new Gap(res.name(), res.place(), people[r], uncovered[r]));
      }
    }
    out.sort(Comparator.comparingLong(Gap::uncovered).reversed().thenComparing(Gap::name));
    return List.copyOf(out.subList(0, Math.min(GAPS, out.size())));
  }
}
