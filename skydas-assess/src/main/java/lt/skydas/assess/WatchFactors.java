package lt.skydas.assess;

import java.util.Arrays;
import java.util.List;
import lt.skydas.mobility.VehicleClass;
import lt.skydas.observe.ObstacleWatch;
import lt.skydas.plan.Obstacle;

/**
 * How much of each obstacle's delay counts, per obstacle and target class: {@link
 * lt.skydas.plan.ObstacleType#watchedFactor(double)} of the share of it the plan's sensors observe
 * — vehicles for tracked and wheeled movers, persons for dismounted troops. A factor of 1 counts
 * the catalog delay in full. Immutable; thread-safe.
 */
public final class WatchFactors {
  private final double[] vehicle;
  private final double[] person;

  private WatchFactors(double[] vehicle, double[] person) {
    this.vehicle = vehicle;
    this.person = person;
  }

  /** Every obstacle counted in full (no sensors in the plan, or the watch assumed). */
  public static WatchFactors full(int obstacleCount) {
    double[] one = new double[obstacleCount];
    Arrays.fill(one, 1.0);
    return new WatchFactors(one, one);
  }

  /**
   * The factors of {@code obstacles} from their watch by vehicle and by person coverage (both in
   * obstacle order, one per obstacle).
   */
  public static WatchFactors of(
      List<Obstacle> obstacles, List<ObstacleWatch> vehicles, List<ObstacleWatch> persons) {
    if (vehicles.size() != obstacles.size() || persons.size() != obstacles.size()) {
      throw new IllegalArgumentException("one watch per obstacle");
    }
    double[] v = new double[obstacles.size()];
    double[] p = new double[obstacles.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = obstacles.get(i).type().watchedFactor(vehicles.get(i).observedShare());
      p[i] = obstacles.get(i).type().watchedFactor(persons.get(i).observedShare());
    }
    return new WatchFactors(v, p);
  }

  /**
   * These factors with every obstacle not {@code present} set to 0: it delays no one (an obstacle
   * not yet in place when the attacker reaches it, issue 15).
   */
  public WatchFactors onlyWhere(boolean[] present) {
    if (present.length != vehicle.length) {
      throw new IllegalArgumentException("one flag per obstacle");
    }
    double[] v = vehicle.clone();
    double[] p = person.clone();
    for (int i = 0; i < v.length; i++) {
      if (!present[i]) {
        v[i] = 0;
        p[i] = 0;
      }
    }
    return new WatchFactors(v, p);
  }

  /** The factor (0..1) on obstacle {@code obstacle}'s delays for movers of class {@code v}. */
  public double factor(int obstacle, VehicleClass v) {
    return v == VehicleClass.DISMOUNTED ? person[obstacle] : vehicle[obstacle];
  }

  public int obstacleCount() {
    return vehicle.length;
  }

  /** True if some obstacle counts less than in full for some class. */
  public boolean reducesAny() {
    for (int i = 0; i < vehicle.length; i++) {
      if (vehicle[i] < 1 || person[i] < 1) {
        return true;
      }
    }
    return false;
  }
}
