package lt.skydas.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One append-only event of the audit chain: who changed what, when, the state before and after
 * (canonical JSON, null before a creation) and the SHA-256 hash linking it to the previous event.
 * Immutable.
 *
 * @param seq position in the chain, 1, 2, 3 ... without gaps
 * @param entity {@code record} or {@code activity}
 * @param action {@code create}, {@code import}, {@code update}, or a lifecycle action id
 * @param prevHash the previous event's hash ({@link #GENESIS} for the first)
 * @param hash SHA-256 over all other fields, see {@link #computeHash}
 */
public record AuditEvent(
    long seq,
    Instant at,
    String actor,
    String role,
    String entity,
    String entityId,
    String action,
    String before,
    String after,
    String prevHash,
    String hash) {

  /** The previous hash of the first event. */
  public static final String GENESIS = "0".repeat(64);

  /** Builds the next event after {@code prevHash}, computing its hash. */
  public static AuditEvent next(
      long seq,
      Instant at,
      Actor actor,
      String entity,
      String entityId,
      String action,
      String before,
      String after,
      String prevHash) {
    String h =
        computeHash(
            seq,
            at,
            actor.name(),
            actor.role().id(),
            entity,
            entityId,
            action,
            before,
            after,
            prevHash);
    return new AuditEvent(
        seq,
        at,
        actor.name(),
        actor.role().id(),
        entity,
        entityId,
        action,
        before,
        after,
        prevHash,
        h);
  }

  /** Recomputes the hash from the stored fields. */
  public String recomputeHash() {
    return computeHash(seq, at, actor, role, entity, entityId, action, before, after, prevHash);
  }

  /**
   * SHA-256 (hex) over every field, each written as its length, a colon and its UTF-8 text (or
   * {@code -} for null), so no two different events share an encoding.
   */
  public static String computeHash(
      long seq,
      Instant at,
      String actor,
      String role,
      String entity,
      String entityId,
      String action,
      String before,
      String after,
      String prevHash) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String f :
        new String[] {
          Long.toString(seq),
          at.toString(),
          actor,
          role,
          entity,
          entityId,
          action,
          before,
          after,
          prevHash
        }) {
      if (f == null) {
        md.update((byte) '-');
      } else {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        md.update(b);
      }
      md.update((byte) ';');
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
