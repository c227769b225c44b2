package lt.skydas.registry;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * A signed statement that the audit chain had reached event {@code seq} with hash {@code hash} at
 * time {@code at}: whoever holds the public key can later tell whether the chain up to there is
 * still the one signed, without trusting the database or its operator. Immutable.
 *
 * <p>One line of a checkpoint log: {@code skydas-checkpoint/1 <seq> <hash> <at> <key id> <Ed25519
 * signature, base64>}. The signature covers {@link #message()}: the format tag, seq, hash, time and
 * key id, each on its own line.
 *
 * @param seq the chain's last event when signed (0: an empty chain)
 * @param hash that event's hash (64 hex digits; the genesis hash for an empty chain)
 * @param at when it was signed (UTC)
 * @param keyId {@link ChainKeys#keyId} of the signing key
 * @param signature Ed25519 over {@link #message()}
 */
public record Checkpoint(long seq, String hash, Instant at, String keyId, byte[] signature) {
  static final String TAG = "skydas-checkpoint/1";

  /** Signs the chain head {@code (seq, hash)} at {@code at}. */
  public static Checkpoint sign(long seq, String hash, Instant at, PrivateKey key, PublicKey pub) {
    String id = ChainKeys.keyId(pub);
    return new Checkpoint(seq, hash, at, id, ChainKeys.sign(key, message(seq, hash, at, id)));
  }

  /** Whether the signature is {@code key}'s over this checkpoint's content. */
  public boolean verifiedBy(PublicKey key) {
    return ChainKeys.verifies(key, message(), signature);
  }

  /** The signed bytes. */
  public byte[] message() {
    return message(seq, hash, at, keyId);
  }

  private static byte[] message(long seq, String hash, Instant at, String keyId) {
    return (TAG + "\n" + seq + "\n" + hash + "\n" + at + "\n" + keyId + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The log line (no newline). */
  public String line() {
    return TAG
        + " "
        + seq
        + " "
        + hash
        + " "
        + at
        + " "
        + keyId
        + " "
        + Base64.getEncoder().encodeToString(signature);
  }

  /**
   * Parses a log line, or a bad-input problem naming {@code where} (file and line number) and what
   * is wrong.
   */
  public static Checkpoint parse(String line, String where) {
    String[] f = line.strip().split(" ");
    if (f.length != 6 || !TAG.equals(f[0])) {
      throw bad(where, "not a checkpoint line ('" + TAG + " seq hash time key signature')");
    }
    long seq;
    try {
      seq = Long.parseLong(f[1]);
    } catch (NumberFormatException e) {
      throw bad(where, "seq '" + shorten(f[1]) + "' is not a number");
    }
    if (seq < 0) {
      throw bad(where, "seq " + seq + " is negative");
    }
    if (!f[2].matches("[0-9a-f]{64}")) {
      throw bad(where, "hash '" + shorten(f[2]) + "' is not 64 hex digits");
    }
    Instant at;
    try {
      at = Instant.parse(f[3]);
    } catch (DateTimeParseException e) {
      throw bad(where, "time '" + shorten(f[3]) + "' is not an ISO-8601 instant");
    }
    if (!f[4].matches("[0-9a-f]{16}")) {
      throw bad(where, "key id '" + shorten(f[4]) + "' is not 16 hex digits");
    }
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(f[5]);
    } catch (IllegalArgumentException e) {
      throw bad(where, "the signature is not base64");
    }
    if (sig.length != 64) {
      throw bad(where, "the signature has " + sig.length + " bytes, an Ed25519 one 64");
    }
    return new Checkpoint(seq, f[2], at, f[4], sig);
  }

  private static SkydasProblem bad(String where, String what) {
    return new SkydasProblem(ProblemCode.BAD_INPUT, where + ": " + what);
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() <= 40 ? t : t.substring(0, 40) + "…";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.seq == seq
        && c.hash.equals(hash)
        && c.at.equals(at)
        && c.keyId.equals(keyId)
        && java.util.Arrays.equals(c.signature, signature);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(seq, hash, at, keyId, java.util.Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return line();
  }
}
