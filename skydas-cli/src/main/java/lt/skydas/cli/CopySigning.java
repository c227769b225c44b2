package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.ChainKeys;
import lt.skydas.registry.Registry;
import lt.skydas.registry.SignedCopy;
import lt.skydas.registry.VerifyReport;
import picocli.CommandLine.Option;

/**
 * Signed copies of the registry (Technical Annex 1(c), docs/copies.md): {@code --signed} with the
 * signing key on {@code export} and {@code backup}; {@code --public-key} on {@code import} and
 * {@code restore}, which check the copy before they take anything from it.
 */
final class CopySigning {
  private CopySigning() {}

  /** The options of a command that writes a copy. */
  static final class Sign {
    @Option(
        names = "--signed",
        description =
            "Sign the copy: FILE.sig beside it (the file's SHA-256, the record count and the audit"
                + " chain's head, Ed25519) for a second site to verify before it accepts it.")
    boolean signed;

    @Option(
        names = "--signing-key",
        paramLabel = "FILE",
        description =
            "With --signed: the Ed25519 private key (from `registry keygen`; default"
                + " $SKYDAS_SIGNING_KEY); its .pub beside it.")
    Path key;

    /**
     * Signs {@code file} if asked: the chain is verified first (a tampered chain is never signed).
     * The head signed is the live chain's (an export), or {@code copy}'s when given (a backup: the
     * head the copy itself ends at, whatever was written since).
     */
    void signIfAsked(Registry r, Path file, long records) {
      signIfAsked(r, file, records, null);
    }

    void signIfAsked(
        Registry r, Path file, long records, lt.skydas.registry.store.JdbcStore.CopyHead copy) {
      Path k = RegistrySigning.orEnv(key, RegistrySigning.KEY_ENV);
      if (!signed) {
        if (key != null) {
          throw new SkydasProblem(ProblemCode.USAGE, "--signing-key signs only with --signed");
        }
        return;
      }
      if (k == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "--signed needs the key: --signing-key FILE (or $"
                + RegistrySigning.KEY_ENV
                + "); create one with: skydas registry keygen --out FILE");
      }
      VerifyReport v = r.verify();
      if (!v.ok()) {
        throw new SkydasProblem(
            ProblemCode.TAMPERED,
            "the audit chain does not verify, so the copy is not signed: " + v.problems().get(0));
      }
      SignedCopy c =
          SignedCopy.sign(
              file,
              copy != null ? copy.records() : records,
              copy != null ? copy.seq() : v.events(),
              copy != null ? copy.hash() : v.headHash(),
              System.getProperty("user.name", "unknown"),
              ChainKeys.readPrivate(k),
              ChainKeys.publicOf(k),
              Instant.now());
      System.out.printf(
          Locale.ROOT,
          "Signed %s with key %s into %s (chain head seq %d)%n",
          file.getFileName(),
          c.keyId(),
          SignedCopy.sidecar(file),
          c.chainSeq());
    }
  }

  /** The options of a command that takes a copy in. */
  static final class Check {
    @Option(
        names = "--public-key",
        paramLabel = "FILE",
        description =
            "Accept the copy only if FILE.sig beside it is this key's signature over it (the .pub"
                + " of `registry keygen` at the first site; default $SKYDAS_PUBLIC_KEY).")
    Path key;

    /** The verified signature, or null when no key is given (an unsigned import). */
    SignedCopy verifyIfAsked(Path file) {
      Path k = RegistrySigning.orEnv(key, RegistrySigning.PUBLIC_ENV);
      if (k == null) {
        return null;
      }
      SignedCopy c = SignedCopy.verify(file, ChainKeys.readPublic(k));
      System.out.printf(
          Locale.ROOT,
          "Signature holds: %s, signed by key %s at %s (%d records, chain head seq %d)%n",
          file.getFileName(),
          c.keyId(),
          c.at(),
          c.records(),
          c.chainSeq());
      return c;
    }
  }
}
