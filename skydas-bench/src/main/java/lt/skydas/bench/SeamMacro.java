package lt.skydas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import lt.skydas.assess.seam.SeamAnalysis;
import lt.skydas.assess.seam.SeamAnalysis.Seam;
import lt.skydas.core.geo.Crs;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.exchange.RegistryExchange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Macro benchmark of issue 16's seam goal: two imported lines of N obstacles each (default 1,000;
 * 500 m ditch segments at random on each country's own ground within 40 km of its borders with the
 * other), read from GeoJSON as {@code skydas seams} reads them, projected into the pack's CRS and
 * analysed at every tri-point, in ≤ 10 s. Fixed seed.
 *
 * <pre>
 * java -cp skydas-bench/target/benchmarks.jar lt.skydas.bench.SeamMacro PACK [A=LT] [B=PL] [N]
 * </pre>
 */
public final class SeamMacro {
  private SeamMacro() {}

  public static void main(String[] args) throws Exception {
    Region pack = Region.load(Path.of(args[0]));
    String a = args.length > 1 ? args[1] : "LT";
    String b = args.length > 2 ? args[2] : "PL";
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Path dir = Files.createTempDirectory("seam-macro");
    Geometry border = pack.borders().get(a + "-" + b);
    if (border == null) {
      border = pack.borders().get(b + "-" + a);
    }
    Crs crs = pack.crs();
    Map<String, Path> files = new LinkedHashMap<>();
    Random rnd = new Random(16);
    for (String cc : List.of(a, b)) {
      files.put(cc, write(dir, cc, pack.countryPolygon(Country.fromIso(cc)), border, crs, rnd, n));
    }
    long t0 = System.nanoTime();
    Map<String, SeamAnalysis.Line> lines = new LinkedHashMap<>();
    for (var e : files.entrySet()) {
      List<Geometry> out = new ArrayList<>();
      for (RecordDraft d : RegistryExchange.read(e.getValue(), RegistryExchange.Format.GEOJSON)) {
        out.add(crs.toMetric(d.geometry()));
      }
      lines.put(e.getKey(), new SeamAnalysis.Line(e.getKey(), e.getValue().toString(), out));
    }
    double read = (System.nanoTime() - t0) / 1e9;
    Set<String> hostile = new LinkedHashSet<>();
    pack.definition().hostileCountries().forEach(c -> hostile.add(c.name()));
    t0 = System.nanoTime();
    List<Seam> seams =
        new SeamAnalysis(SeamAnalysis.DEFAULT_RADIUS_M).analyse(pack.borders(), hostile, lines);
    double analyse = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%d + %d obstacles (%s, %s): read and projected %.2f s, %d seams analysed %.3f s; total"
            + " %.2f s (goal <= 10 s)%n",
        n,
        n,
        a,
        b,
        read,
        seams.size(),
        analyse,
        read + analyse);
    for (Seam s : seams) {
      System.out.printf(
          Locale.ROOT,
          "  %s at %s: %s, gap %.2f km (%d and %d obstacles near)%n",
          s.allies(),
          s.hostile(),
          s.status(),
          s.gap_m() / 1000,
          s.nearA(),
          s.nearB());
    }
  }

  /** N random 500 m segments on {@code own} ground within 40 km of {@code border}, as GeoJSON. */
  private static Path write(
      Path dir, String cc, Geometry own, Geometry border, Crs crs, Random rnd, int n)
      throws Exception {
    PreparedGeometry in = PreparedGeometryFactory.prepare(own);
    Envelope env = border.getEnvelopeInternal();
    env.expandBy(40_000);
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    int made = 0;
    var gf = own.getFactory();
    while (made < n) {
      double x = env.getMinX() + rnd.nextDouble() * env.getWidth();
      double y = env.getMinY() + rnd.nextDouble() * env.getHeight();
      double angle = rnd.nextDouble() * Math.PI;
      Coordinate p = new Coordinate(x, y);
      Coordinate q = new Coordinate(x + 500 * Math.cos(angle), y + 500 * Math.sin(angle));
      Geometry seg = gf.createLineString(new Coordinate[] {p, q});
      if (!in.covers(seg) || border.distance(seg) > 40_000) {
        continue;
      }
      Coordinate lp = crs.toWgs84(p.x, p.y, new Coordinate());
      Coordinate lq = crs.toWgs84(q.x, q.y, new Coordinate());
      sb.append(made == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"type\":\"Feature\",\"id\":\"%s-%d\",\"properties\":{\"type\":\"at_ditch\"},"
                      + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],"
                      + "[%.7f,%.7f]]}}",
                  cc,
                  made,
                  lp.x,
                  lp.y,
                  lq.x,
                  lq.y));
      made++;
    }
    Path f = dir.resolve(cc + ".geojson");
    Files.writeString(f, sb.append("]}"));
    return f;
  }
}
