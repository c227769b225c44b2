package lt.skydas.registry;

import java.security.PublicKey;
import java.util.List;

/**
 * What a verifier trusts beyond the database: the public key of the signer and the signed
 * checkpoints it holds. With it, {@code verify} catches a chain rewritten consistently from its
 * first event on (every hash recomputed), which the hashes alone cannot. Immutable.
 *
 * @param key the signer's Ed25519 public key
 * @param checkpoints the checkpoints, in log order
 * @param source where they came from (a file name), for messages
 */
public record ChainTrust(PublicKey key, List<Checkpoint> checkpoints, String source) {
  public ChainTrust {
    checkpoints = List.copyOf(checkpoints);
  }
}
