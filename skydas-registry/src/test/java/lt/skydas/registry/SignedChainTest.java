package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An insider with write access to the database rewrites the whole chain consistently (every hash
 * recomputed from the first event on, the head moved): the hashes alone cannot tell, the signed
 * checkpoints held outside the database do.
 */
abstract class SignedChainTest {
  abstract TestDatabases.Store store();

  @TempDir Path dir;
  String location;
  Registry reg;
  Path key;
  Path log;
  PrivateKey priv;
  PublicKey pub;

  /** Five events: create a, create b, approve a, start a, rename b; a key; a checkpoint. */
  @BeforeEach
  void fill() {
    location = store().fresh(dir);
    reg = Fixtures.open(location);
    reg.create(PLANNER, RecordDraft.planned("a", "at_ditch", Fixtures.line(24.2, 55.2, 0.01)));
    reg.create(PLANNER, RecordDraft.planned("b", "bunker", Fixtures.point(24.3, 55.3)));
    reg.transition(ADMIN, "a", 1, Action.APPROVE);
    reg.transition(ENGINEER, "a", 2, Action.START_CONSTRUCTION);
    reg.update(PLANNER, "b", 1, TestDrafts.edit().withName("Bunker Nr. 7").build());
    key = dir.resolve("signing.key");
    log = dir.resolve("checkpoints.log");
    ChainKeys.generate(key);
    priv = ChainKeys.readPrivate(key);
    pub = ChainKeys.publicOf(key);
  }

  @AfterEach
  void close() {
    if (reg != null) {
      reg.close();
    }
  }

  ChainTrust trust() {
    return new ChainTrust(pub, CheckpointLog.read(log), "checkpoints.log");
  }

  /** Every event in seq order. */
  List<AuditEvent> events() {
    List<AuditEvent> all = new ArrayList<>(reg.history("a"));
    all.addAll(reg.history("b"));
    all.sort(Comparator.comparingLong(AuditEvent::seq));
    return all;
  }

  /**
   * What an insider with the database does: the first creation and the approval are re-attributed
   * to someone else, then every hash from the first event on is recomputed, each previous hash
   * relinked, the head moved.
   */
  void rewriteWholeChain() {
    String prev = AuditEvent.GENESIS;
    for (AuditEvent e : events()) {
      String actor = e.seq() == 1 || e.seq() == 3 ? "someone-else" : e.actor();
      String h =
          AuditEvent.computeHash(
              e.seq(),
              e.at(),
              actor,
              e.role(),
              e.entity(),
              e.entityId(),
              e.action(),
              e.before(),
              e.after(),
              prev);
      reg.store()
          .executeRaw(
              "UPDATE audit_events SET actor = '"
                  + actor
                  + "', prev_hash = '"
                  + prev
                  + "', hash = '"
                  + h
                  + "' WHERE seq = "
                  + e.seq());
      prev = h;
    }
    reg.store().executeRaw("UPDATE audit_head SET hash = '" + prev + "' WHERE id = 1");
  }

  @Test
  void aWholeChainRewrittenConsistentlyIsCaughtByTheSignedCheckpoint() {
    Checkpoint cp = reg.checkpoint(priv, pub, log);
    assertThat(cp.seq()).isEqualTo(5);
    assertThat(reg.verify(trust()).problems()).isEmpty();
    assertThat(reg.verify(trust()).checkpoints()).isEqualTo(1);

    rewriteWholeChain();

    assertThat(reg.history("a").get(1).actor()).isEqualTo("someone-else");
    // the unkeyed chain cannot tell: this is the attack
    assertThat(reg.verify().problems()).isEmpty();
    // the checkpoint can
    assertThat(reg.verify(trust()).problems())
        .containsExactly(
            "event seq 5 (b, update): its hash differs from the checkpoint signed "
                + cp.at()
                + " (the chain was rewritten at or before seq 5)");
    // and a rewritten chain is never signed
    assertThatThrownBy(() -> reg.checkpoint(priv, pub, log))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("not signed, the chain does not verify")
        .satisfies(e -> assertThat(((SkydasProblem) e).code()).isEqualTo(ProblemCode.TAMPERED));
    assertThat(CheckpointLog.read(log)).hasSize(1);
  }

  @Test
  void everyCheckpointOnTheRewrittenStretchIsNamed() {
    Checkpoint early =
        Checkpoint.sign(
            2, events().get(1).hash(), java.time.Instant.parse("2026-12-31T00:00:00Z"), priv, pub);
    CheckpointLog.append(log, early);
    Checkpoint late = reg.checkpoint(priv, pub, log);
    assertThat(reg.verify(trust()).checkpoints()).isEqualTo(2);
    assertThat(reg.verify(trust()).lastCheckpoint()).isEqualTo(late);

    rewriteWholeChain();

    assertThat(reg.verify(trust()).problems())
        .containsExactly(
            "event seq 2 (b, create): its hash differs from the checkpoint signed "
                + early.at()
                + " (the chain was rewritten at or before seq 2)",
            "event seq 5 (b, update): its hash differs from the checkpoint signed "
                + late.at()
                + " (the chain was rewritten at or before seq 5)");
  }

  @Test
  void aChainCutBackBeforeACheckpointIsCaught() {
    Checkpoint cp = reg.checkpoint(priv, pub, log);
    AuditEvent fourth = events().get(3);
    reg.store().executeRaw("DELETE FROM audit_events WHERE seq = 5");
    reg.store()
        .executeRaw("UPDATE audit_head SET seq = 4, hash = '" + fourth.hash() + "' WHERE id = 1");
    reg.store().executeRaw("DELETE FROM records WHERE id = 'b'");
    reg.store().executeRaw("DELETE FROM audit_events WHERE entity_id = 'b'");
    assertThat(reg.verify(trust()).problems())
        .contains(
            "the chain ends at seq 4 but a checkpoint signed "
                + cp.at()
                + " holds seq 5 (events deleted and the chain rebuilt shorter)");
  }

  @Test
  void aForgedOrForeignCheckpointIsRefused() throws Exception {
    Checkpoint cp = reg.checkpoint(priv, pub, log);
    String line = Files.readString(log).strip();
    // the insider edits the signed hash to match a rewritten chain
    Files.writeString(log, line.replace(cp.hash(), "f".repeat(64)) + "\n");
    assertThat(reg.verify(trust()).problems())
        .containsExactly(
            "checkpoint 1 of checkpoints.log (seq 5): its signature does not verify (the checkpoint"
                + " was forged or edited)");
    // or signs with a key of their own
    Path other = dir.resolve("other.key");
    ChainKeys.generate(other);
    Files.writeString(log, "");
    CheckpointLog.append(
        log,
        Checkpoint.sign(
            5, cp.hash(), cp.at(), ChainKeys.readPrivate(other), ChainKeys.publicOf(other)));
    assertThat(reg.verify(trust()).problems())
        .containsExactly(
            "checkpoint 1 of checkpoints.log (seq 5): signed by key "
                + ChainKeys.keyId(ChainKeys.publicOf(other))
                + ", not by the key given ("
                + ChainKeys.keyId(pub)
                + ")");
  }

  @Test
  void laterEventsAreUnsignedUntilTheNextCheckpoint() {
    reg.checkpoint(priv, pub, log);
    reg.update(PLANNER, "b", 2, TestDrafts.edit().withName("Bunker Nr. 8").build());
    VerifyReport v = reg.verify(trust());
    assertThat(v.problems()).isEmpty();
    assertThat(v.lastCheckpoint().seq()).isEqualTo(5);
    assertThat(v.unsignedEvents()).isEqualTo(1);
    Checkpoint next = reg.checkpoint(priv, pub, log);
    assertThat(next.seq()).isEqualTo(6);
    v = reg.verify(trust());
    assertThat(v.checkpoints()).isEqualTo(2);
    assertThat(v.unsignedEvents()).isZero();
  }

  @Test
  void keysAndLogsAreTheOwnersAloneAndNeverOverwritten() throws Exception {
    reg.checkpoint(priv, pub, log);
    assertThat(PrivateFiles.readableByOthers(key)).isFalse();
    assertThat(PrivateFiles.readableByOthers(log)).isFalse();
    if (store() == TestDatabases.Store.GEOPACKAGE) {
      assertThat(PrivateFiles.readableByOthers(Path.of(location)))
          .as("the registry file")
          .isFalse();
    }
    assertThatThrownBy(() -> ChainKeys.generate(key))
        .hasMessage(key + ": already exists; a signing key is never overwritten");
    assertThat(ChainKeys.readPrivate(key).getEncoded()).isEqualTo(priv.getEncoded());
    assertThatThrownBy(() -> ChainKeys.readPrivate(ChainKeys.publicKeyPath(key)))
        .hasMessageContaining("no PEM block '-----BEGIN PRIVATE KEY-----'");
  }

  @Test
  void aMalformedLogIsNamedByLine() throws Exception {
    reg.checkpoint(priv, pub, log);
    Files.writeString(
        log, "# checkpoints\n" + Files.readString(log) + "skydas-checkpoint/1 7 xyz\n");
    assertThatThrownBy(() -> CheckpointLog.read(log))
        .hasMessage(
            log
                + " line 3: not a checkpoint line ('skydas-checkpoint/1 seq hash time key"
                + " signature')");
    String good = Files.readAllLines(log).get(1);
    Files.writeString(log, good.replaceFirst(" 5 ", " -5 ") + "\n");
    assertThatThrownBy(() -> CheckpointLog.read(log))
        .hasMessage(log + " line 1: seq -5 is negative");
  }
}

/** {@link SignedChainTest} on the embedded GeoPackage. */
class SignedChainGeoPackageTest extends SignedChainTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/**
 * {@link SignedChainTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}; failed in CI).
 */
class SignedChainPostgisTest extends SignedChainTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
