package lt.skydas.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.Role;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a restart lost running and finished jobs. They are kept in the registry's store; one
 * running when the server stopped comes back interrupted and can be run again.
 */
class JobPersistenceTest {
  @TempDir Path dir;

  static JobType job(CountDownLatch release) {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER);
      }

      @Override
      public void validate(JsonNode params) {}

      @Override
      public JsonNode run(JsonNode params, Path out, Progress progress) throws Exception {
        if (params.path("wait").asBoolean()) {
          release.await();
        }
        Files.writeString(out.resolve("avenues.geojson"), "{}");
        return new ObjectMapper().createObjectNode().put("n", params.path("n").asInt());
      }
    };
  }

  static void await(JobManager m, String id, Job.State s) throws InterruptedException {
    for (int i = 0; i < 400 && m.find(id).orElseThrow().snapshot().state() != s; i++) {
      Thread.sleep(25);
    }
    assertThat(m.find(id).orElseThrow().snapshot().state()).isEqualTo(s);
  }

  @Test
  void finishedJobsSurviveARestartAndARunningOneComesBackInterrupted() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CountDownLatch never = new CountDownLatch(1);
    try (JdbcStore store = JdbcStore.open(dir.resolve("reg.gpkg").toString(), true)) {
      JobManager before =
          new JobManager(
              Map.of("assess", job(never)),
              dir.resolve("work"),
              1,
              Clock.systemUTC(),
              new JobStore(store));
      Job done = before.submit("assess", "ona", json.readTree("{\"n\": 7}"));
      await(before, done.id(), Job.State.SUCCEEDED);
      before.publish(done, "ona");
      Job running = before.submit("assess", "ona", json.readTree("{\"wait\": true, \"n\": 8}"));
      await(before, running.id(), Job.State.RUNNING);

      // the server dies here (no orderly close); a new one starts on the same store
      JobManager after =
          new JobManager(
              Map.of("assess", job(never)),
              dir.resolve("work"),
              1,
              Clock.systemUTC(),
              new JobStore(store));
      Job.Snapshot d = after.find(done.id()).orElseThrow().snapshot();
      assertThat(d.state()).isEqualTo(Job.State.SUCCEEDED);
      assertThat(d.owner()).isEqualTo("ona");
      assertThat(d.result().get("n").asInt()).isEqualTo(7);
      assertThat(d.publishedBy()).isEqualTo("ona");
      assertThat(after.find(done.id()).orElseThrow().dir().resolve("avenues.geojson")).exists();
      Job.Snapshot r = after.find(running.id()).orElseThrow().snapshot();
      assertThat(r.state()).isEqualTo(Job.State.INTERRUPTED);
      assertThat(r.error()).contains("the server stopped while this job was running");
      assertThat(after.list("ona")).hasSize(2);

      // run again with the same parameters
      Job again =
          after.submit("assess", "ona", after.params(after.find(running.id()).orElseThrow()));
      assertThat(after.params(again).get("n").asInt()).isEqualTo(8);
      never.countDown();
      await(after, again.id(), Job.State.SUCCEEDED);
      before.close();
      after.close();
    }
  }
}
