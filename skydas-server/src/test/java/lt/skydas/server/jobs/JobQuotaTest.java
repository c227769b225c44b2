package lt.skydas.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.registry.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, finding 4: 45 parallel submissions got 33 places of a global 32 (the count was not
 * atomic), and one user could fill the queue for everyone.
 */
class JobQuotaTest {
  @TempDir Path dir;

  /** A job that holds its worker until released. */
  static JobType blocking(CountDownLatch release) {
    return new JobType() {
      @Override
      public Set<Role> roles() {
        return Set.of(Role.PLANNER, Role.ADMIN);
      }

      @Override
      public void validate(JsonNode params) {}

      @Override
      public JsonNode run(JsonNode params, Path dir, Progress progress) throws Exception {
        release.await();
        return new ObjectMapper().createObjectNode();
      }
    };
  }

  @Test
  void parallelSubmissionsAreCountedAtomicallyPerUserAndInTotal() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    JsonNode none = new ObjectMapper().createObjectNode();
    try (JobManager jobs =
        new JobManager(Map.of("hold", blocking(release)), dir, 1, Clock.systemUTC())) {
      ExecutorService pool = Executors.newFixedThreadPool(45);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 45; i++) {
        tries.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    jobs.submit("hold", "ona", none);
                    return true;
                  } catch (SkydasProblem e) {
                    assertThat(e.code()).isEqualTo(ProblemCode.TOO_MANY_REQUESTS);
                    assertThat(e.getMessage()).contains("of your jobs are queued or running");
                    return false;
                  }
                }));
      }
      go.countDown();
      int accepted = 0;
      for (Future<Boolean> f : tries) {
        accepted += f.get() ? 1 : 0;
      }
      pool.shutdown();
      assertThat(accepted).isEqualTo(JobManager.MAX_PER_USER);

      // other users fill what is left for non-admins
      int users =
          (JobManager.MAX_QUEUED - JobManager.RESERVED_FOR_ADMINS) / JobManager.MAX_PER_USER;
      for (int u = 1; u < users; u++) {
        for (int k = 0; k < JobManager.MAX_PER_USER; k++) {
          jobs.submit("hold", "user" + u, none);
        }
      }
      assertThatThrownBy(() -> jobs.submit("hold", "latecomer", none))
          .isInstanceOf(SkydasProblem.class)
          .hasMessageContaining("jobs are queued or running on this server");
      // the admins' reserve
      for (int k = 0; k < JobManager.RESERVED_FOR_ADMINS; k++) {
        jobs.submit("hold", "admin" + k, true, none);
      }
      assertThatThrownBy(() -> jobs.submit("hold", "admin-x", true, none))
          .hasMessageContaining(JobManager.MAX_QUEUED + " jobs are queued or running");
      release.countDown();
    }
  }
}
