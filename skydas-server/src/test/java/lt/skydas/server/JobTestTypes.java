package lt.skydas.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;

/** Job types for the job-manager tests: the real registry verification, and a long counter. */
final class JobTestTypes {
  private JobTestTypes() {}

  /** Verifies the registry's chain (the real work) and writes the report as report.json. */
  static JobType verify(Registry reg) {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER, Role.ADMIN);
      }

      @Override
      public void validate(JsonNode p) {}

      @Override
      public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
        progress.begin("verify", 1);
        JsonNode r =
            new ObjectMapper()
                .valueToTree(reg == null ? java.util.Map.of("events", 0) : reg.verify());
        Files.writeString(dir.resolve("report.json"), r.toString());
        progress.advance(1);
        progress.end();
        return r;
      }
    };
  }

  /**
   * Counts to {@code steps} (a parameter), reporting each step; {@code started} opens once it runs.
   * Cancellation must stop it through its progress reports.
   */
  static JobType counter(CountDownLatch started) {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER);
      }

      @Override
      public void validate(JsonNode p) {
        if (!p.path("steps").canConvertToInt() || p.path("steps").asInt() < 1) {
          throw new lt.skydas.core.problem.SkydasProblem(
              lt.skydas.core.problem.ProblemCode.BAD_INPUT, "steps must be a positive integer");
        }
      }

      @Override
      public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
        int n = p.get("steps").asInt();
        progress.begin("counting", n);
        started.countDown();
        for (int i = 1; i <= n; i++) {
          Thread.sleep(5);
          progress.advance(i);
        }
        progress.end();
        return new ObjectMapper().createObjectNode().put("counted", n);
      }
    };
  }

  /** Writes {@code iso.tif}: a 600 x 400 Cloud-Optimised GeoTIFF of hours (LKS-94). */
  static JobType cog() {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER);
      }

      @Override
      public void validate(JsonNode p) {}

      @Override
      public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
        int w = 600, h = 400;
        float[] d = new float[w * h];
        for (int i = 0; i < d.length; i++) {
          d[i] = (i % w) / 10f;
        }
        lt.skydas.raster.GeoTiff.writeFloat32Cog(
            dir.resolve("iso.tif"),
            new lt.skydas.raster.FloatRaster(
                new lt.skydas.core.geo.GridSpec(480_000, 6_200_000, 100, w, h, 3346), d),
            "h",
            "test hours");
        return new ObjectMapper().createObjectNode().put("cog", "iso.tif");
      }
    };
  }

  /**
   * Writes one case's isochrones as an assessment does: {@code isochrones-tracked-summer.tif}, a
   * 600 x 400 Cloud-Optimised GeoTIFF of hours (LKS-94, west edge on 24° E), listed in the result.
   */
  static JobType isochrones() {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER);
      }

      @Override
      public void validate(JsonNode p) {}

      @Override
      public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
        lt.skydas.raster.GeoTiff.writeFloat32Cog(
            dir.resolve("isochrones-tracked-summer.tif"), isochroneRaster(), "h", "test hours");
        var res = new ObjectMapper().createObjectNode();
        res.putArray("isochrones")
            .addObject()
            .put("case", "tracked-summer")
            .put("cog", "isochrones-tracked-summer.tif");
        return res;
      }
    };
  }

  /** The raster {@link #isochrones()} writes: hours growing eastward, NaN in the west tenth. */
  static lt.skydas.raster.FloatRaster isochroneRaster() {
    int w = 600, h = 400;
    float[] d = new float[w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = i % w < 60 ? Float.NaN : (i % w) / 10f;
    }
    return new lt.skydas.raster.FloatRaster(
        new lt.skydas.core.geo.GridSpec(500_000, 6_100_000, 100, w, h, 3346), d);
  }
}
