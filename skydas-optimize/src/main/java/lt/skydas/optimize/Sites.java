package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.optimize.corridor.CorridorGraphBuilder.SiteTypes;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.ObstacleType;

/**
 * The pipeline's sites: the edited candidates with their catalog types, in candidate order (site
 * number = index). Immutable.
 *
 * @param list site number → its id, geometry (LKS-94) and the obstacle types it may take
 * @param indexById candidate id → site number
 */
record Sites(List<SiteTypes> list, Map<String, Integer> indexById) {
  Sites {
    list = List.copyOf(list);
    indexById = Map.copyOf(indexById);
  }

  /**
   * The candidates' types looked up in the catalog.
   *
   * @throws IllegalStateException if a candidate names a type the catalog lacks (candidates are
   *     generated from the same catalog)
   */
  static Sites of(List<Candidate> candidates, ObstacleCatalog catalog) {
    List<SiteTypes> sites = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Candidate c : candidates) {
      List<ObstacleType> types = new ArrayList<>();
      for (String id : c.types()) {
        types.add(catalog.findType(id).orElseThrow(() -> new IllegalStateException(id)));
      }
      index.put(c.id(), sites.size());
      sites.add(new SiteTypes(c.id(), c.geometry_lks94(), types));
    }
    return new Sites(sites, index);
  }

  int size() {
    return list.size();
  }

  SiteTypes get(int s) {
    return list.get(s);
  }
}
