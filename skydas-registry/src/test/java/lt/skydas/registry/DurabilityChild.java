package lt.skydas.registry;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The child process of {@link DurabilityTest}: imports batches of bunkers, one {@code importAll}
 * transaction each, until killed, and after each commit prints {@code committed <batch> <ids>}.
 * Batch {@code N} holds ids {@code b<N>-0 .. b<N>-<size-1>} at points no other batch uses.
 *
 * <p>Arguments: store location, countries file, batch size, number of batches. Quits when its stdin
 * ends, so it does not outlive the test JVM.
 */
public final class DurabilityChild {
  /**
   * Points per row of the grid the records sit on: 25.30..25.45 E, from 54.55 N up by 0.0003° a
   * row, so 40 batches of 500 stay south-east of Vilnius (54.55..54.61 N).
   */
  static final int GRID_COLUMNS = 100;

  private DurabilityChild() {}

  public static void main(String[] args) {
    // the parent holds our stdin open; EOF means it is gone (killed test run): stop writing
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent writes nothing
                }
              } catch (java.io.IOException e) {
                // treat like EOF
              }
              Runtime.getRuntime().halt(3);
            });
    String location = args[0];
    Territory territory = Territory.withoutCivilianGround(Path.of(args[1]), "LT");
    int size = Integer.parseInt(args[2]);
    int batches = Integer.parseInt(args[3]);
    GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    Actor actor = new Actor("durability-child", Role.PLANNER);
    PrintStream out = System.out;
    try (Registry r =
        new Registry(
            JdbcStore.open(location, true),
            ObstacleCatalog.defaults(),
            territory,
            Clock.systemUTC())) {
      for (int b = 0; b < batches; b++) {
        List<RecordDraft> drafts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          long g = (long) b * size + i;
          double lon = 25.30 + (g % GRID_COLUMNS) * 0.0015;
          double lat = 54.55 + (g / GRID_COLUMNS) * 0.0003;
          drafts.add(
              RecordDraft.planned(
                  batchPrefix(b) + i, "bunker", gf.createPoint(new Coordinate(lon, lat))));
        }
        List<RegistryRecord> stored = r.importAll(actor, drafts, "durability batch " + b);
        out.println("committed " + b + " " + stored.size());
        out.flush();
      }
    }
    out.println("done");
    out.flush();
  }

  static String batchPrefix(int batch) {
    return "b" + batch + "-";
  }
}
