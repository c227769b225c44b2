package lt.skydas.assess.civil;

import java.util.List;

/**
 * The people a shelter count of an assessment is about: those whose settlement the attacker reaches
 * within {@link #HOURS} with the plan in the worst case (the case reaching the most people within
 * that time). Stateless.
 */
public final class AtRisk {
  /** The horizon of the count: the exposure table's longest, 48 h. */
  public static final double HOURS = 48;

  private AtRisk() {}

  /**
   * The demand of the residents the worst of {@code exposures} reaches within {@link #HOURS} (every
   * resident when there are no exposures).
   */
  public static Demand demand(List<Resident> residents, List<Exposure> exposures) {
    Exposure worst = null;
    long most = -1;
    for (Exposure e : exposures) {
      long people = 0;
      for (int i = 0; i < e.planArrival_h().length; i++) {
        if (e.planArrival_h()[i] <= HOURS) {
          people += residents.get(i).population();
        }
      }
      if (people > most) {
        most = people;
        worst = e;
      }
    }
    if (worst == null || worst.planArrival_h().length != residents.size()) {
      return Demand.of(residents);
    }
    boolean[] in = new boolean[residents.size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = worst.planArrival_h()[i] <= HOURS;
    }
    return Demand.spread(residents, in, Demand.CELL_M, Demand.DENSITY_PER_KM2);
  }
}
