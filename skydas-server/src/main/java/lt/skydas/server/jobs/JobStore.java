package lt.skydas.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.registry.RegistryStore;

/**
 * Jobs kept in the registry's store (table {@code skydas_job}, migration V7), so a restart loses
 * none (issue 18): the manager writes a job when it is submitted and at each change of state, and
 * loads them all when it starts. Progress (step, done, total) is kept in memory only. Thread-safe
 * (the store serialises access).
 */
public final class JobStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryStore store;

  public JobStore(RegistryStore store) {
    this.store = store;
  }

  /** Inserts or replaces a job's row. */
  void save(Job j) {
    Job.Snapshot s = j.snapshot();
    store.write(
        c -> {
          try (PreparedStatement d = c.prepareStatement("DELETE FROM skydas_job WHERE id = ?")) {
            d.setString(1, s.id());
            d.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO skydas_job (id, type, owner, params, state, step, submitted_at,"
                      + " started_at, finished_at, error, result, published_by, published_at, dir)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, s.id());
            p.setString(2, s.type());
            p.setString(3, s.owner());
            p.setString(4, j.params.toString());
            p.setString(5, s.state().name());
            p.setString(6, s.step());
            p.setString(7, s.submittedAt().toString());
            p.setString(8, text(s.startedAt()));
            p.setString(9, text(s.finishedAt()));
            p.setString(10, s.error());
            p.setString(11, s.result() == null ? null : s.result().toString());
            p.setString(12, s.publishedBy());
            p.setString(13, text(s.publishedAt()));
            p.setString(14, j.dir.toString());
            p.executeUpdate();
          }
          return null;
        });
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(String s) {
    return s == null ? null : Instant.parse(s);
  }

  /** Every stored job, as a job that does not run (its worker is gone). */
  List<Job> loadAll() {
    return store.read(
        c -> {
          List<Job> out = new ArrayList<>();
          try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id, type, owner, params, state, step, submitted_at, started_at,"
                          + " finished_at, error, result, published_by, published_at, dir"
                          + " FROM skydas_job");
              ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              try {
                out.add(
                    Job.restored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        JSON.readTree(rs.getString(4)),
                        Path.of(rs.getString(14)),
                        Job.State.valueOf(rs.getString(5)),
                        rs.getString(6),
                        instant(rs.getString(7)),
                        instant(rs.getString(8)),
                        instant(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11) == null ? null : JSON.readTree(rs.getString(11)),
                        rs.getString(12),
                        instant(rs.getString(13))));
              } catch (com.fasterxml.jackson.core.JsonProcessingException
                  | IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger(JobStore.class)
                    .warn(
                        "job {}: its stored row is unreadable ({}); left out",
                        rs.getString(1),
                        e.toString());
              }
            }
          }
          return out;
        });
  }
}
