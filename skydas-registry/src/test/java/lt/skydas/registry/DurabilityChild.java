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
 * <p>Arguments: store location, countries file, batch size, number of batches.
 */
public final class DurabilityChild {
  /** Points per row of the grid the records sit on (about 25.30..25.60 E, from 54.55 N up). */
  static final int GRID_COLUMNS = 100;

  private DurabilityChild() {}

  public static void main(String[] args) {
    String location = args[0];
    Territory territory = Territory.load(Path.of(args[1]), "LT");
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
          double lon = 25.30 + (g % GRID_COLUMNS) * 0.003;
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
