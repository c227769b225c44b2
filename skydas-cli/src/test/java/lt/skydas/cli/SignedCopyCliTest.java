package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import lt.skydas.registry.SignedCopy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, Technical Annex 1(c): copies held at a second site. The first site exports and backs up
 * with {@code --signed}; the second imports and restores with {@code --public-key} and takes
 * nothing from a copy whose signature does not hold: a record edited in an export, a backup whose
 * whole chain was rewritten and re-hashed (its signature document's hash rewritten to match), a
 * copy re-signed with another key.
 */
class SignedCopyCliTest {
  @TempDir Path dir;
  Path key;

  private CliRunner.Result run(String db, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = dir.resolve(db).toString();
    all[args.length + 2] = "--countries";
    all[args.length + 3] = "../data/baltic/countries.geojson.gz";
    return CliRunner.run(all);
  }

  @BeforeEach
  void firstSite() throws Exception {
    key = dir.resolve("site1.key");
    assertThat(CliRunner.run("registry", "keygen", "--out", key.toString()).exit()).isZero();
    assertThat(run("site1.gpkg", "registry", "init").exit()).isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "b1", "properties": {"type": "bunker", "name": "Bunkeris"},
           "geometry": {"type": "Point", "coordinates": [24.3, 55.3]}},
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}}]}
        """);
    CliRunner.Result imp =
        run("site1.gpkg", "registry", "import", plan.toString(), "--role", "planner");
    assertThat(imp.exit()).as(imp.err()).isZero();
  }

  @Test
  void aSignedExportIsImportedAtTheSecondSiteOnlyWhileItsSignatureHolds() throws Exception {
    Path copy = dir.resolve("copy.geojson");
    CliRunner.Result ex =
        run(
            "site1.gpkg",
            "registry",
            "export",
            copy.toString(),
            "--signed",
            "--signing-key",
            key.toString());
    assertThat(ex.exit()).as(ex.err()).isZero();
    assertThat(ex.out()).contains("Exported 2 records", "Signed copy.geojson with key ");
    assertThat(SignedCopy.sidecar(copy)).exists();

    assertThat(run("site2.gpkg", "registry", "init").exit()).isZero();
    CliRunner.Result in =
        run(
            "site2.gpkg",
            "registry",
            "import",
            copy.toString(),
            "--public-key",
            key + ".pub",
            "--role",
            "admin");
    assertThat(in.exit()).as(in.err()).isZero();
    assertThat(in.out())
        .contains("Signature holds: copy.geojson", "2 records", "Imported 2 records");

    // one name edited on the way: refused, exit 9, nothing stored at the third site
    Files.writeString(copy, Files.readString(copy).replace("Bunkeris", "Bunkeriz"));
    assertThat(run("site3.gpkg", "registry", "init").exit()).isZero();
    CliRunner.Result bad =
        run(
            "site3.gpkg",
            "registry",
            "import",
            copy.toString(),
            "--public-key",
            key + ".pub",
            "--role",
            "admin");
    assertThat(bad.exit()).isEqualTo(9);
    assertThat(bad.err().strip().lines().count()).isEqualTo(1);
    assertThat(bad.err()).contains("copy.geojson: changed since it was signed");
    assertThat(run("site3.gpkg", "registry", "list").out()).doesNotContain("b1");

    // --signed needs the key; a key alone does not sign
    CliRunner.Result nokey =
        run("site1.gpkg", "registry", "export", dir.resolve("x.csv").toString(), "--signed");
    assertThat(nokey.exit()).isEqualTo(2);
    assertThat(nokey.err()).contains("--signed needs the key");
  }

  @Test
  void aBackupWhoseChainWasRewrittenIsNotRestored() throws Exception {
    Path backup = dir.resolve("b.gpkg");
    CliRunner.Result b =
        run(
            "site1.gpkg",
            "registry",
            "backup",
            "--out",
            backup.toString(),
            "--signed",
            "--signing-key",
            key.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("Signed b.gpkg with key ", "(chain head seq 2)");
    CliRunner.Result ok =
        run(
            "restored.gpkg",
            "registry",
            "restore",
            backup.toString(),
            "--public-key",
            key + ".pub");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Signature holds: b.gpkg", "audit chain intact");

    // the insider rewrites the copy's whole chain and re-hashes it, and puts the new file's
    // SHA-256 and size into the signature document: the signature no longer holds
    Path forged = dir.resolve("forged.gpkg");
    Files.copy(backup, forged);
    ChainRewrite.reattributeFirstEvent(forged);
    ObjectNode sig =
        (ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SignedCopy.sidecar(backup).toFile());
    byte[] bytes = Files.readAllBytes(forged);
    sig.put("file", "forged.gpkg");
    sig.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    sig.put("bytes", bytes.length);
    Files.writeString(SignedCopy.sidecar(forged), sig.toString());
    CliRunner.Result caught =
        run(
            "restored2.gpkg",
            "registry",
            "restore",
            forged.toString(),
            "--public-key",
            key + ".pub");
    assertThat(caught.exit()).isEqualTo(9);
    assertThat(caught.err()).contains("forged.gpkg.sig: the signature does not verify");
    assertThat(dir.resolve("restored2.gpkg")).doesNotExist();

    // or re-signs it with a key of his own
    Path own = dir.resolve("insider.key");
    assertThat(CliRunner.run("registry", "keygen", "--out", own.toString()).exit()).isZero();
    Files.delete(SignedCopy.sidecar(forged));
    lt.skydas.registry.SignedCopy.sign(
        forged,
        2,
        1,
        "00".repeat(32),
        "insider",
        lt.skydas.registry.ChainKeys.readPrivate(own),
        lt.skydas.registry.ChainKeys.publicOf(own),
        java.time.Instant.now());
    CliRunner.Result other =
        run(
            "restored3.gpkg",
            "registry",
            "restore",
            forged.toString(),
            "--public-key",
            key + ".pub");
    assertThat(other.exit()).isEqualTo(9);
    assertThat(other.err()).contains("not with the key given");
  }
}
