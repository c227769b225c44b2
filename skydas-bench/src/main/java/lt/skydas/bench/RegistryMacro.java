package lt.skydas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Registry macro benchmark: bulk import of N obstacle records (points and short lines at random
 * places in Lithuania; every record fully checked, audited and hash-chained) in one transaction,
 * then bounding-box queries that return about 1,000 records.
 *
 * <p>Usage: {@code RegistryMacro [N=100000] [DB=<temp>.gpkg | jdbc:postgresql://...] [seed=1]}. Run
 * from the repository root (it reads data/baltic/countries.geojson.gz). A PostGIS database must be
 * empty (a fresh database).
 */
public final class RegistryMacro {
  private RegistryMacro() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String db =
        args.length > 1
            ? args[1]
            : Files.createTempDirectory("skydas-bench").resolve("registry.gpkg").toString();
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Territory lt = Territory.load(Path.of("data/baltic/countries.geojson.gz"), "LT");
    GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    Random rnd = new Random(seed);
    List<RecordDraft> drafts = new ArrayList<>(n);
    String[] points = {"bunker", "road_control_point", "bridge_demolition"};
    String[] lines = {"dragons_teeth", "at_ditch", "drainage_ditch", "roadside_tree_line"};
    while (drafts.size() < n) {
      double lon = 21.0 + rnd.nextDouble() * 5.9;
      double lat = 53.9 + rnd.nextDouble() * 2.5;
      Geometry g;
      String type;
      if (rnd.nextBoolean()) {
        g = gf.createPoint(new Coordinate(lon, lat));
        type = points[rnd.nextInt(points.length)];
      } else {
        double a = rnd.nextDouble() * Math.PI;
        double len = 0.002 + rnd.nextDouble() * 0.01;
        g =
            gf.createLineString(
                new Coordinate[] {
                  new Coordinate(lon, lat),
                  new Coordinate(lon + len * Math.cos(a), lat + len * Math.sin(a) * 0.6)
                });
        type = lines[rnd.nextInt(lines.length)];
      }
      if (lt.placementProblem(g) == null) {
        drafts.add(
            RecordDraft.planned(String.format(Locale.ROOT, "o%07d", drafts.size()), type, g)
                .withName("Obstacle " + drafts.size()));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "registry macro: %,d records, seed %d, store %s%n",
        n,
        seed,
        db.replaceAll("password=[^&]*", "password=***"));
    try (Registry reg =
        new Registry(JdbcStore.open(db, true), ObstacleCatalog.defaults(), lt, Clock.systemUTC())) {
      if (reg.count() != 0) {
        throw new IllegalStateException(
            "the benchmark needs an empty registry; " + db + " has " + reg.count() + " records");
      }
      long t0 = System.nanoTime();
      reg.importAll(new Actor("bench", Role.PLANNER), drafts, "RegistryMacro seed " + seed);
      double import_s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "import: %,d records in %.2f s (%,.0f records/s), %s%n",
          n,
          import_s,
          n / import_s,
          reg.store().describe());
      // a box returning about 1,000 records: Lithuania is ~65,000 km2, so ~n/1000 boxes of it
      double side = Math.sqrt(5.9 * 2.5 * 0.55 * 1000.0 / n);
      double[] ms = new double[50];
      int[] sizes = new int[ms.length];
      Random q = new Random(seed + 1);
      for (int i = -20; i < ms.length; i++) { // 20 warm-up queries
        double x = 23.0 + q.nextDouble() * 2.0;
        double y = 54.5 + q.nextDouble() * 1.0;
        Envelope box = new Envelope(x, x + side * 1.6, y, y + side);
        long s = System.nanoTime();
        int got = reg.list(box, null, null, 1000, 0).size();
        if (i >= 0) {
          ms[i] = (System.nanoTime() - s) / 1e6;
          sizes[i] = got;
        }
      }
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "bbox query (limit 1000, mean %.0f records returned): median %.1f ms, p90 %.1f ms, max %.1f ms over %d queries%n",
          Arrays.stream(sizes).average().orElse(0),
          sorted[sorted.length / 2],
          sorted[(int) (sorted.length * 0.9)],
          sorted[sorted.length - 1],
          ms.length);
      long v0 = System.nanoTime();
      var v = reg.verify();
      System.out.printf(
          Locale.ROOT,
          "verify: %s, %,d events in %.2f s%n",
          v.ok() ? "intact" : "PROBLEMS " + v.problems(),
          v.events(),
          (System.nanoTime() - v0) / 1e9);
    }
  }
}
