package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writer killed with SIGKILL in the middle of an import loses nothing it reported committed and
 * leaves nothing of the batch it was writing. A child JVM ({@link DurabilityChild}) imports batches
 * of {@value #BATCH} records, one transaction each, printing {@code committed <batch> <ids>} after
 * each commit; after {@value #BATCHES_BEFORE_KILL} such lines the parent waits a seeded random part
 * of one batch's duration and kills it. Then, reopening the store:
 *
 * <ul>
 *   <li>every batch {@code 0..C-1} the child reported committed is there with all its records;
 *   <li>at most one more batch, {@code C} (committed, killed before it printed), is there, and then
 *       whole;
 *   <li>no other record exists, so the count is {@code C×BATCH} or {@code (C+1)×BATCH};
 *   <li>the audit chain verifies and holds exactly one event per record.
 * </ul>
 */
class DurabilityTest {
  static final int BATCH = 500;
  static final int BATCHES_BEFORE_KILL = 3;

  /** The child stops after this many (it is killed long before; see DurabilityChild's grid). */
  static final int MAX_BATCHES = 40;

  static final long SEED = 20_251_202L;
  static final Pattern COMMITTED = Pattern.compile("committed (\\d+) (\\d+)");
  static final Pattern BATCH_ID = Pattern.compile("b(\\d+)-\\d+");

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void killedWriterLosesNoCommittedBatchAndLeavesNoPartialOne(
      TestDatabases.Store kind, @TempDir Path dir) throws Exception {
    String db = kind.fresh(dir);
    Random rnd = new Random(SEED + kind.ordinal());
    Path stderr = dir.resolve("child.err");
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(
        List.of(
            "-Xmx512m",
            "-ea",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            DurabilityChild.class.getName(),
            db,
            StoreContractTest.COUNTRIES.toAbsolutePath().toString(),
            Integer.toString(BATCH),
            Integer.toString(MAX_BATCHES)));
    Process child =
        new ProcessBuilder(cmd)
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    // the child's stdin stays open while this JVM lives: if it dies, the child sees EOF and quits
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = in.readLine()) != null; ) {
                      lines.add(l);
                    }
                  } catch (IOException e) {
                    lines.add("reader failed: " + e);
                  }
                });

    String ctx = kind + ", seed " + (SEED + kind.ordinal());
    List<String> seen = new ArrayList<>();
    long[] at = new long[BATCHES_BEFORE_KILL];
    long delayMs;
    boolean aliveAtKill;
    try {
      while (seen.size() < BATCHES_BEFORE_KILL) {
        String l = lines.poll(180, TimeUnit.SECONDS);
        if (l == null || !COMMITTED.matcher(l).matches()) {
          fail(
              "%s: child printed %s after %s; stderr:%n%s",
              ctx, l == null ? "nothing for 180 s" : "'" + l + "'", seen, read(stderr));
        }
        at[seen.size()] = System.nanoTime();
        seen.add(l);
      }
      long batchMs =
          Math.max(1, (at[BATCHES_BEFORE_KILL - 1] - at[BATCHES_BEFORE_KILL - 2]) / 1_000_000);
      delayMs = rnd.nextLong(batchMs);
      Thread.sleep(delayMs);
      aliveAtKill = child.isAlive();
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS))
          .as("%s: child ends after SIGKILL", ctx)
          .isTrue();
      assertThat(child.isAlive()).isFalse();
      ctx +=
          ", one batch took about "
              + batchMs
              + " ms, killed "
              + delayMs
              + " ms after batch "
              + (BATCHES_BEFORE_KILL - 1);
    } finally {
      child.destroyForcibly();
      child.getOutputStream().close();
    }
    assertThat(aliveAtKill)
        .as("%s: the child must still be writing when killed; stderr:%n%s", ctx, read(stderr))
        .isTrue();
    assertThat(child.exitValue()).as("%s: exit status of a SIGKILLed JVM", ctx).isEqualTo(137);
    if (kind == TestDatabases.Store.GEOPACKAGE) {
      // a rollback journal left behind means the kill landed inside the write transaction
      ctx +=
          Files.exists(Path.of(db + "-journal"))
              ? ", inside a transaction"
              : ", between transactions";
    }
    reader.join(10_000);

    // every complete "committed" line, including those printed while the parent slept
    int committed = 0;
    List<String> all = new ArrayList<>(seen);
    for (String l; (l = lines.poll()) != null; ) {
      all.add(l);
    }
    for (String l : all) {
      Matcher m = COMMITTED.matcher(l);
      if (m.matches()) {
        assertThat(Integer.parseInt(m.group(1)))
            .as("%s: batches reported in order", ctx)
            .isEqualTo(committed);
        assertThat(Integer.parseInt(m.group(2)))
            .as("%s: ids in batch %s", ctx, committed)
            .isEqualTo(BATCH);
        committed++;
      }
    }
    final int reported = committed;
    final String where = ctx + ", " + reported + " batch(es) reported committed";
    checkStore(db, reported, where);
  }

  /** The rule in the class comment, for {@code reported} batches reported committed. */
  private static void checkStore(String db, int committed, String ctx) {
    try (Registry r = StoreContractTest.registry(db, false)) {
      TreeMap<Integer, Integer> perBatch = countPerBatch(r.store(), ctx);
      long total = r.count();
      for (int b = 0; b < committed; b++) {
        assertThat(perBatch.getOrDefault(b, 0))
            .as("%s: records of reported batch %s", ctx, b)
            .isEqualTo(BATCH);
      }
      assertThat(perBatch.keySet())
          .as("%s: batches present (only the reported ones and at most the one after)", ctx)
          .allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(committed));
      if (perBatch.containsKey(committed)) {
        assertThat(perBatch.get(committed))
            .as("%s: batch %s committed unreported, so it must be whole", ctx, committed)
            .isEqualTo(BATCH);
      }
      assertThat(total)
          .as("%s: record count", ctx)
          .isIn((long) committed * BATCH, (long) (committed + 1) * BATCH);
      VerifyReport v = r.verify();
      assertThat(v.ok()).as("%s: verify problems: %s", ctx, v.problems()).isTrue();
      assertThat(v.events()).as("%s: one audit event per record", ctx).isEqualTo(total);
      System.out.println("durability " + ctx + ": " + total + " records after the kill, verified");
    }
  }

  private static TreeMap<Integer, Integer> countPerBatch(RegistryStore s, String ctx) {
    return s.read(
        c -> {
          TreeMap<Integer, Integer> out = new TreeMap<>();
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT id FROM records")) {
            while (rs.next()) {
              Matcher m = BATCH_ID.matcher(rs.getString(1));
              assertThat(m.matches()).as("%s: unexpected id %s", ctx, rs.getString(1)).isTrue();
              out.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
          }
          return out;
        });
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
