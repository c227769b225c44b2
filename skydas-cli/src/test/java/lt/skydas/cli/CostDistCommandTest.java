package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostDistCommandTest {
  @TempDir Path dir;

  /**
   * Plain Dijkstra with GRASS r.cost's move model, written independently of the engine: orthogonal
   * and diagonal moves cost the mean of the two frictions times the step; knight's moves the mean
   * of the four frictions (from, to and the two cells passed between) times the step.
   */
  static double[] reference(float[] f, int w, int h, double s, int[] starts, boolean knight) {
    double[] d = new double[w * h];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    PriorityQueue<double[]> q = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int st : starts) {
      if (!Float.isNaN(f[st])) {
        d[st] = 0;
        q.add(new double[] {0, st});
      }
    }
    boolean[] done = new boolean[w * h];
    while (!q.isEmpty()) {
      double[] top = q.poll();
      int u = (int) top[1];
      if (done[u]) {
        continue;
      }
      done[u] = true;
      int r = u / w;
      int c = u % w;
      for (int dr = -2; dr <= 2; dr++) {
        for (int dc = -2; dc <= 2; dc++) {
          int ar = Math.abs(dr);
          int ac = Math.abs(dc);
          boolean step = ar <= 1 && ac <= 1 && (ar + ac) > 0;
          boolean kn = knight && ((ar == 2 && ac == 1) || (ar == 1 && ac == 2));
          if (!step && !kn) {
            continue;
          }
          int rr = r + dr;
          int cc = c + dc;
          if (rr < 0 || cc < 0 || rr >= h || cc >= w) {
            continue;
          }
          int v = rr * w + cc;
          if (Float.isNaN(f[v])) {
            continue;
          }
          double cost;
          if (step) {
            double len = ar + ac == 2 ? s * Math.sqrt(2) : s;
            cost = ((double) f[u] + (double) f[v]) * (0.5 * len);
          } else {
            int m1;
            int m2;
            if (ar == 2) {
              m1 = (r + dr / 2) * w + c;
              m2 = (r + dr / 2) * w + cc;
            } else {
              m1 = r * w + c + dc / 2;
              m2 = rr * w + c + dc / 2;
            }
            if (Float.isNaN(f[m1]) || Float.isNaN(f[m2])) {
              continue;
            }
            int lo = Math.min(m1, m2);
            int hi = Math.max(m1, m2);
            cost =
                ((((double) f[u] + (double) f[v]) + (double) f[lo]) + (double) f[hi])
                    * (0.25 * (s * Math.sqrt(5)));
          }
          double nd = d[u] + cost;
          if (nd < d[v]) {
            d[v] = nd;
            q.add(new double[] {nd, v});
          }
        }
      }
    }
    return d;
  }

  @Test
  void outputMatchesReferenceDijkstraOnRandomFrictionSurfaces() throws Exception {
    for (int seed = 1; seed <= 12; seed++) {
      Random rnd = new Random(seed);
      int w = 20 + rnd.nextInt(40);
      int h = 20 + rnd.nextInt(40);
      double s = seed % 2 == 0 ? 25 : 10.5;
      float[] f = new float[w * h];
      for (int i = 0; i < f.length; i++) {
        f[i] = rnd.nextInt(8) == 0 ? Float.NaN : 0.5f + rnd.nextFloat() * 20;
      }
      GridSpec g = new GridSpec(500_000, 6_100_000, s, w, h, 3346);
      Path in = dir.resolve("f" + seed + ".tif");
      GeoTiff.writeFloat32(in, new FloatRaster(g, f));
      int a = rnd.nextInt(w * h);
      int b = rnd.nextInt(w * h);
      f[a] = 1;
      f[b] = 2;
      GeoTiff.writeFloat32(in, new FloatRaster(g, f));
      String start =
          String.format(
              Locale.ROOT,
              "%.3f,%.3f;%.3f,%.3f",
              g.centerX(a % w),
              g.centerY(a / w),
              g.centerX(b % w),
              g.centerY(b / w));
      boolean knight = seed % 3 == 0;
      Path out = dir.resolve("c" + seed + ".tif");
      CliRunner.Result r =
          knight
              ? CliRunner.run(
                  "costdist",
                  "--friction",
                  in.toString(),
                  "--start",
                  start,
                  "--out",
                  out.toString(),
                  "--knight",
                  "--quiet")
              : CliRunner.run(
                  "costdist",
                  "--friction",
                  in.toString(),
                  "--start",
                  start,
                  "--out",
                  out.toString(),
                  "--quiet");
      assertThat(r.exit()).as("seed %d: %s", seed, r.err()).isZero();
      FloatRaster got = GeoTiff.readFloat(out);
      assertThat(got.grid()).isEqualTo(g);
      double[] ref = reference(f, w, h, s, new int[] {a, b}, knight);
      for (int i = 0; i < f.length; i++) {
        float expected = Double.isFinite(ref[i]) ? (float) ref[i] : Float.NaN;
        assertThat(Float.floatToIntBits(got.data()[i]))
            .as("seed %d (knight %s) cell %d: %s vs %s", seed, knight, i, got.data()[i], expected)
            .isEqualTo(Float.floatToIntBits(expected));
      }
    }
  }

  @Test
  void badInputGivesOneLineAndExitCode() throws Exception {
    CliRunner.Result missing =
        CliRunner.run(
            "costdist",
            "--friction",
            dir.resolve("nope.tif").toString(),
            "--start",
            "1,2",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(missing.exit()).isEqualTo(4);
    assertThat(missing.err().strip())
        .contains("nope.tif")
        .doesNotContain("\n")
        .doesNotContain("Exception");

    GridSpec g = new GridSpec(0, 100, 10, 10, 10, 3346);
    float[] f = new float[100];
    Arrays.fill(f, 1);
    f[0] = Float.NaN;
    Path in = dir.resolve("in.tif");
    GeoTiff.writeFloat32(in, new FloatRaster(g, f));
    CliRunner.Result outside =
        CliRunner.run(
            "costdist",
            "--friction",
            in.toString(),
            "--start",
            "500,500",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(outside.exit()).isEqualTo(2);
    assertThat(outside.err()).contains("outside the raster");
    CliRunner.Result nodata =
        CliRunner.run(
            "costdist",
            "--friction",
            in.toString(),
            "--start",
            "5,95",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(nodata.err()).contains("nodata");
    CliRunner.Result garbage =
        CliRunner.run(
            "costdist",
            "--friction",
            in.toString(),
            "--start",
            "a,b",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(garbage.exit()).isEqualTo(2);
    f[5] = -1;
    GeoTiff.writeFloat32(in, new FloatRaster(g, f));
    CliRunner.Result negative =
        CliRunner.run(
            "costdist",
            "--friction",
            in.toString(),
            "--start",
            "55,55",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(negative.exit()).isEqualTo(3);
    assertThat(negative.err()).contains("cell (col 5, row 0)").contains("-1");
    Path text = Files.writeString(dir.resolve("text.tif"), "not a tiff");
    CliRunner.Result notTiff =
        CliRunner.run(
            "costdist",
            "--friction",
            text.toString(),
            "--start",
            "1,1",
            "--out",
            dir.resolve("o.tif").toString());
    assertThat(notTiff.exit()).isEqualTo(3);
    assertThat(Files.exists(dir.resolve("o.tif"))).isFalse();
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd :
        new String[][] {
          {"--help"},
          {"demo", "--help"},
          {"assess", "--help"},
          {"region", "--help"},
          {"region", "build", "--help"},
          {"region", "info", "--help"},
          {"costdist", "--help"},
          {"candidates", "--help"},
          {"catalog", "--help"}
        }) {
      CliRunner.Result r = CliRunner.run(cmd);
      assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:");
    }
  }
}
