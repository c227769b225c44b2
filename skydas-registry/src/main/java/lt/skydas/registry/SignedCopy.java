package lt.skydas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * A signed copy of the registry (CCW Amended Protocol II, Technical Annex 1(c): records held
 * safely, copies kept elsewhere): an export or a backup file and beside it {@code FILE.sig}, a
 * small JSON document signed with the registry's Ed25519 signing key ({@link ChainKeys}) over the
 * file's name, size and SHA-256, the number of records, the audit chain's head when the copy was
 * made, who made it and when. A second site holding the public key checks a copy before it accepts
 * it ({@link #verify}): a file changed in any byte, a signature document edited (its hash updated
 * to an edited file's), or one signed by another key is refused, naming what does not hold. A
 * backup restored from a verified copy must also end its chain at the signed head (so a chain
 * rewritten and re-hashed inside the copy is caught even without the file hash). Stateless.
 *
 * @param file the copy's file name (without folders)
 * @param bytes its size
 * @param sha256 its SHA-256, hex
 * @param records records in it (as exported or backed up)
 * @param chainSeq the audit chain's head when it was made
 * @param chainHash the head's hash
 * @param at when it was signed (UTC)
 * @param by the account that made it
 * @param keyId {@link ChainKeys#keyId} of the signing key
 * @param signature Ed25519 over {@link #message()}
 */
public record SignedCopy(
    String file,
    long bytes,
    String sha256,
    long records,
    long chainSeq,
    String chainHash,
    Instant at,
    String by,
    String keyId,
    byte[] signature) {
  static final String TAG = "skydas-signed-copy/1";

  /** The signature document beside {@code file}: {@code FILE.sig}. */
  public static Path sidecar(Path file) {
    return file.resolveSibling(file.getFileName() + ".sig");
  }

  /**
   * Signs {@code file} as it is now and writes {@code FILE.sig} beside it (atomically).
   *
   * @param chainSeq the audit chain's head the copy holds (verified by the caller first)
   * @param chainHash the head's hash
   */
  public static SignedCopy sign(
      Path file,
      long records,
      long chainSeq,
      String chainHash,
      String by,
      PrivateKey key,
      PublicKey pub,
      Instant at) {
    String[] digest = digest(file);
    String id = ChainKeys.keyId(pub);
    SignedCopy unsigned =
        new SignedCopy(
            file.getFileName().toString(),
            Long.parseLong(digest[1]),
            digest[0],
            records,
            chainSeq,
            chainHash,
            at,
            by,
            id,
            new byte[0]);
    SignedCopy c =
        new SignedCopy(
            unsigned.file,
            unsigned.bytes,
            unsigned.sha256,
            records,
            unsigned.chainSeq,
            unsigned.chainHash,
            at,
            by,
            id,
            ChainKeys.sign(key, unsigned.message()));
    AtomicOutput.writeString(sidecar(file), c.json().toPrettyString() + "\n");
    return c;
  }

  /**
   * Checks {@code file} against its {@code FILE.sig} and {@code key}: the signature, the key, the
   * file's name, size and SHA-256.
   *
   * @return the verified signature document
   * @throws SkydasProblem NOT_FOUND without a signature document, BAD_INPUT for a malformed one,
   *     TAMPERED (exit 9) naming what does not hold
   */
  public static SignedCopy verify(Path file, PublicKey key) {
    Path sig = sidecar(file);
    SignedCopy c = read(sig);
    String id = ChainKeys.keyId(key);
    if (!c.keyId.equals(id)) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          sig + ": signed with key " + c.keyId + ", not with the key given (" + id + ")");
    }
    if (!c.verifiedBy(key)) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          sig + ": the signature does not verify: the signature document was edited");
    }
    if (!c.file.equals(file.getFileName().toString())) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          sig + ": signs the file '" + c.file + "', not '" + file.getFileName() + "'");
    }
    String[] d = digest(file);
    if (Long.parseLong(d[1]) != c.bytes || !d[0].equals(c.sha256)) {
      throw new SkydasProblem(
          ProblemCode.TAMPERED,
          file
              + ": changed since it was signed (SHA-256 "
              + d[0].substring(0, 16)
              + "…, "
              + d[1]
              + " bytes; signed "
              + c.sha256.substring(0, Math.min(16, c.sha256.length()))
              + "…, "
              + c.bytes
              + " bytes)");
    }
    return c;
  }

  /** Whether the signature is {@code key}'s over this document's content. */
  public boolean verifiedBy(PublicKey key) {
    return ChainKeys.verifies(key, message(), signature);
  }

  /** The signed bytes: every field but the signature, one per line. */
  public byte[] message() {
    return (TAG
            + "\nfile="
            + file
            + "\nbytes="
            + bytes
            + "\nsha256="
            + sha256
            + "\nrecords="
            + records
            + "\nchain_seq="
            + chainSeq
            + "\nchain_hash="
            + chainHash
            + "\nat="
            + at
            + "\nby="
            + by
            + "\nkey_id="
            + keyId
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The signature document. */
  public ObjectNode json() {
    ObjectNode o = RecordCodec.JSON.createObjectNode();
    o.put("format", TAG);
    o.put("file", file);
    o.put("bytes", bytes);
    o.put("sha256", sha256);
    o.put("records", records);
    o.put("chain_seq", chainSeq);
    o.put("chain_hash", chainHash);
    o.put("at", at.toString());
    o.put("by", by);
    o.put("key_id", keyId);
    o.put("signature", Base64.getEncoder().encodeToString(signature));
    return o;
  }

  /** Reads a signature document, or a problem naming it and what is wrong. */
  static SignedCopy read(Path sig) {
    JsonNode o;
    try {
      if (Files.size(sig) > 65_536) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, sig + ": too large for a signature");
      }
      o = RecordCodec.JSON.readTree(Files.readString(sig, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          sig + ": no signature beside the copy (made without --signing-key?)");
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, sig + ": not JSON: " + e.getMessage());
    }
    if (o == null || !TAG.equals(o.path("format").asText())) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, sig + ": not a " + TAG + " document");
    }
    try {
      return new SignedCopy(
          text(o, "file", sig),
          o.path("bytes").asLong(-1),
          text(o, "sha256", sig),
          o.path("records").asLong(-1),
          o.path("chain_seq").asLong(-1),
          text(o, "chain_hash", sig),
          Instant.parse(text(o, "at", sig)),
          text(o, "by", sig),
          text(o, "key_id", sig),
          Base64.getDecoder().decode(text(o, "signature", sig)));
    } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, sig + ": malformed: " + e.getMessage());
    }
  }

  private static String text(JsonNode o, String field, Path sig) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, sig + ": no '" + field + "'");
    }
    return v.asText();
  }

  /** [SHA-256 hex, size] of a file. */
  private static String[] digest(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long n = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
        n += r;
      }
      return new String[] {HexFormat.of().formatHex(md.digest()), Long.toString(n)};
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": no such file");
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, file + ": cannot read: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedCopy c
        && java.util.Arrays.equals(message(), c.message())
        && java.util.Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(message());
  }

  @Override
  public String toString() {
    return TAG + " " + file + " sha256=" + sha256 + " key=" + keyId;
  }
}
