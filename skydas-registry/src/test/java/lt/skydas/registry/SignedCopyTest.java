package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, Technical Annex 1(c): a signed copy verifies with the public key and is refused, naming
 * what does not hold, when the file changes in any byte, when the file is changed and the signature
 * document's hash rewritten to match, when the document is signed by another key, when it is
 * missing or when it signs another file.
 */
class SignedCopyTest {
  @TempDir Path dir;

  private Path key(String name) {
    Path k = dir.resolve(name);
    ChainKeys.generate(k);
    return k;
  }

  private SignedCopy sign(Path file, Path key) {
    return SignedCopy.sign(
        file,
        3,
        7,
        "ab".repeat(32),
        "admin",
        ChainKeys.readPrivate(key),
        ChainKeys.publicOf(key),
        Instant.parse("2027-05-03T08:00:00Z"));
  }

  private static ProblemCode code(Runnable r) {
    try {
      r.run();
      return null;
    } catch (SkydasProblem p) {
      return p.code();
    }
  }

  @Test
  void aCopyVerifiesAndAnyChangeIsRefused() throws Exception {
    Path k = key("site.key");
    Path file = dir.resolve("handover.geojson");
    Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
    SignedCopy c = sign(file, k);
    assertThat(SignedCopy.sidecar(file)).exists();
    SignedCopy v = SignedCopy.verify(file, ChainKeys.publicOf(k));
    assertThat(v).isEqualTo(c);
    assertThat(v.chainSeq()).isEqualTo(7);
    assertThat(v.records()).isEqualTo(3);

    // one byte changed
    byte[] b = Files.readAllBytes(file);
    b[10] ^= 1;
    Files.write(file, b);
    assertThatThrownBy(() -> SignedCopy.verify(file, ChainKeys.publicOf(k)))
        .hasMessageContaining("handover.geojson: changed since it was signed");
    assertThat(code(() -> SignedCopy.verify(file, ChainKeys.publicOf(k))))
        .isEqualTo(ProblemCode.TAMPERED);

    // and its hash and size rewritten in the signature document: the signature no longer holds
    ObjectNode o = (ObjectNode) RecordCodec.JSON.readTree(SignedCopy.sidecar(file).toFile());
    o.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
    o.put("bytes", b.length);
    Files.writeString(SignedCopy.sidecar(file), o.toString());
    assertThatThrownBy(() -> SignedCopy.verify(file, ChainKeys.publicOf(k)))
        .hasMessageContaining("the signature does not verify");

    // re-signed by someone else's key
    Path other = key("other.key");
    sign(file, other);
    assertThatThrownBy(() -> SignedCopy.verify(file, ChainKeys.publicOf(k)))
        .hasMessageContaining("signed with key " + ChainKeys.keyId(ChainKeys.publicOf(other)))
        .hasMessageContaining("not with the key given");
  }

  @Test
  void aCopyWithoutItsSignatureOrUnderAnotherNameIsRefused() throws Exception {
    Path k = key("site.key");
    Path file = dir.resolve("a.csv");
    Files.writeString(file, "id\nx\n");
    assertThat(code(() -> SignedCopy.verify(file, ChainKeys.publicOf(k))))
        .isEqualTo(ProblemCode.NOT_FOUND);
    sign(file, k);
    Path renamed = dir.resolve("b.csv");
    Files.copy(file, renamed);
    Files.copy(SignedCopy.sidecar(file), SignedCopy.sidecar(renamed));
    assertThatThrownBy(() -> SignedCopy.verify(renamed, ChainKeys.publicOf(k)))
        .hasMessageContaining("signs the file 'a.csv', not 'b.csv'");
    Files.writeString(SignedCopy.sidecar(file), "{\"format\": \"something else\"}");
    assertThat(code(() -> SignedCopy.verify(file, ChainKeys.publicOf(k))))
        .isEqualTo(ProblemCode.BAD_INPUT);
  }
}
