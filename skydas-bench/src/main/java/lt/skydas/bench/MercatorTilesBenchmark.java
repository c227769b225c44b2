package lt.skydas.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.MercatorTiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PNG map tile of a Lithuania-sized isochrone raster (issue 19): 100 m cells over 380 × 280 km
 * (3,800 × 2,800, seed 42, values 0–48 h, a tenth NaN), the tile over Vilnius at zoom 7 (national
 * view, from the pyramid), 10 and 14 (the raster itself); {@code png} includes the PNG encoding,
 * {@code argb} only the sampling. Setting up (the pyramid) is timed apart, once per trial.
 *
 * <pre>
 * java -Xmx2g -jar skydas-bench/target/benchmarks.jar MercatorTilesBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class MercatorTilesBenchmark {
  @Param({"7", "10", "14"})
  public int zoom;

  private MercatorTiles tiles;
  private int x;
  private int y;

  @Setup(Level.Trial)
  public void setUp() {
    int w = 3800, h = 2800;
    Random rnd = new Random(42);
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat() * 48;
    }
    tiles =
        new MercatorTiles(
            new FloatRaster(new GridSpec(300_000, 6_260_000, 100, w, h, Crs.LKS94), d));
    double lon = 25.28, lat = 54.69; // Vilnius
    double n = 1 << zoom;
    x = (int) Math.floor((lon + 180) / 360 * n);
    double r = Math.toRadians(lat);
    y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
  }

  @Benchmark
  public int[] argb() {
    return tiles.argb(zoom, x, y, MercatorTiles::hoursColor);
  }

  @Benchmark
  public byte[] png() {
    return tiles.png(zoom, x, y, MercatorTiles::hoursColor);
  }
}
