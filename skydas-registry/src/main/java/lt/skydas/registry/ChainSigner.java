package lt.skydas.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/**
 * Signs a registry's audit chain into a checkpoint log, as the server does every few minutes and
 * the CLI after its changes: a checkpoint only when the chain has moved since the log's last one.
 * Thread-safe (one signer at a time).
 */
public final class ChainSigner {
  private final PrivateKey key;
  private final PublicKey pub;
  private final Path log;

  /**
   * @param privateKey the Ed25519 private key file ({@code <it>.pub} beside it)
   * @param log the checkpoint log (created 0600 if missing)
   */
  public ChainSigner(Path privateKey, Path log) {
    this.key = ChainKeys.readPrivate(privateKey);
    this.pub = ChainKeys.publicOf(privateKey);
    this.log = log;
    // a key whose .pub is not its own would sign checkpoints no verifier accepts
    Checkpoint probe = Checkpoint.sign(0, AuditEvent.GENESIS, java.time.Instant.EPOCH, key, pub);
    if (!probe.verifiedBy(pub)) {
      throw new lt.skydas.core.problem.SkydasProblem(
          lt.skydas.core.problem.ProblemCode.BAD_INPUT,
          ChainKeys.publicKeyPath(privateKey) + ": not the public key of " + privateKey);
    }
  }

  /** The log. */
  public Path log() {
    return log;
  }

  /** The key's id. */
  public String keyId() {
    return ChainKeys.keyId(pub);
  }

  /** What a verifier trusts: this key and the log's checkpoints. */
  public ChainTrust trust() {
    List<Checkpoint> cps = Files.exists(log) ? CheckpointLog.read(log) : List.of();
    return new ChainTrust(pub, cps, log.toString());
  }

  /**
   * Signs the chain's head if it moved since the log's last checkpoint (after verifying it).
   *
   * @return the new checkpoint, or null if the last one already holds the head
   * @throws lt.skydas.core.problem.SkydasProblem {@code TAMPERED} if the chain does not verify
   */
  public synchronized Checkpoint checkpointIfMoved(Registry reg) {
    List<Checkpoint> cps = Files.exists(log) ? CheckpointLog.read(log) : List.of();
    if (!cps.isEmpty()) {
      Checkpoint last = cps.get(cps.size() - 1);
      AuditEvent head = reg.store().read(c -> reg.store().audit().head(c));
      if (last.seq() == head.seq() && last.hash().equals(head.hash())) {
        return null; // unmoved (a head moved to another hash at the same seq is verified below)
      }
    }
    return reg.checkpoint(key, pub, log);
  }
}
