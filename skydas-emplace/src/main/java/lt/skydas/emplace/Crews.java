package lt.skydas.emplace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lt.skydas.emplace.schedule.Team;

/** The teams of the forces' units, one {@link Team} per crew, homes at location = unit index. */
final class Crews {
  private Crews() {}

  /** Teams of every unit; a unit's home is location {@code unitIndex}. */
  static List<Team> of(Forces forces) {
    List<Team> teams = new ArrayList<>();
    for (int u = 0; u < forces.units().size(); u++) {
      Forces.Unit unit = forces.units().get(u);
      for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(unit.teams()).entrySet()) {
        for (int k = 1; k <= e.getValue(); k++) {
          teams.add(
              new Team(
                  unit.id() + "/" + e.getKey() + "-" + k,
                  unit.id(),
                  e.getKey(),
                  u,
                  unit.readiness_h() * 3600.0));
        }
      }
    }
    return teams;
  }
}
