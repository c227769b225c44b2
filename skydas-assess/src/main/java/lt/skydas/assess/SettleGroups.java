package lt.skydas.assess;

import java.util.Arrays;

/**
 * What a search from the attacker's start must settle for {@link Assessor#objectiveTimes} and the
 * arrival at each obstacle of a plan to be final, as target groups ({@link
 * lt.skydas.costdist.Query#withTargetGroups}): each objective's nodes, and each obstacle's cells
 * and the sources of the road pieces it cuts. The first settled node of a group is its earliest, so
 * a search that stops when every group has one gives the same times as one that covers the region
 * ({@code RaceSearchTargetsTest}).
 */
final class SettleGroups {
  private SettleGroups() {}

  /** The groups for {@code assessor}'s objectives and {@code effects}' obstacles (may be null). */
  static int[][] of(Assessor assessor, PlanEffects effects) {
    int[][] objectiveNodes = assessor.objectiveNodes();
    int n = effects == null ? 0 : effects.plan().obstacles().size();
    int[][] groups = new int[objectiveNodes.length + n][];
    System.arraycopy(objectiveNodes, 0, groups, 0, objectiveNodes.length);
    for (int o = 0; o < n; o++) {
      int[] cells = effects.cells(o);
      int[] edges = effects.edges(o);
      int[] g = Arrays.copyOf(cells, cells.length + edges.length);
      for (int k = 0; k < edges.length; k++) {
        g[cells.length + k] = assessor.edgeSource(edges[k]);
      }
      groups[objectiveNodes.length + o] = g;
    }
    return groups;
  }
}
