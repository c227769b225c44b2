package lt.skydas.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.ChainKeys;
import lt.skydas.registry.ChainSigner;
import lt.skydas.registry.ChainTrust;
import lt.skydas.registry.Checkpoint;
import lt.skydas.registry.CheckpointLog;
import lt.skydas.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code skydas registry keygen} and {@code skydas registry checkpoint}, and the options of a
 * signed {@code verify}: the audit chain's head signed with an Ed25519 key held outside the
 * database, into a checkpoint log an auditor keeps (ADR 0024).
 */
final class RegistrySigning {
  private RegistrySigning() {}

  static final String KEY_ENV = "SKYDAS_SIGNING_KEY";
  static final String PUBLIC_ENV = "SKYDAS_PUBLIC_KEY";
  static final String LOG_ENV = "SKYDAS_CHECKPOINTS";

  static Path orEnv(Path given, String env) {
    if (given != null) {
      return given;
    }
    String v = System.getenv(env);
    return v == null || v.isBlank() ? null : Path.of(v);
  }

  /** Where the key and the log are, for signing. */
  static final class Signing {
    @Option(
        names = "--signing-key",
        paramLabel = "FILE",
        description =
            "Ed25519 private key (from `registry keygen`; default $SKYDAS_SIGNING_KEY); its .pub beside it.")
    Path key;

    @Option(
        names = "--checkpoints",
        paramLabel = "FILE",
        description = "Checkpoint log, appended to (default $SKYDAS_CHECKPOINTS).")
    Path log;

    /** The signer given, or null when neither the key nor the log is (serve without signing). */
    ChainSigner signerIfGiven() {
      return orEnv(key, KEY_ENV) == null && orEnv(log, LOG_ENV) == null ? null : signer();
    }

    ChainSigner signer() {
      Path k = orEnv(key, KEY_ENV);
      Path l = orEnv(log, LOG_ENV);
      if (k == null || l == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "give --signing-key FILE and --checkpoints FILE (or $"
                + KEY_ENV
                + " and $"
                + LOG_ENV
                + "); create a key with: skydas registry keygen --out FILE");
      }
      return new ChainSigner(k, l);
    }
  }

  /** What a signed verify trusts. */
  static final class Trust {
    @Option(
        names = "--public-key",
        paramLabel = "FILE",
        description =
            "The signer's Ed25519 public key (the .pub of `registry keygen`; default $SKYDAS_PUBLIC_KEY).")
    Path key;

    @Option(
        names = "--checkpoints",
        paramLabel = "FILE",
        description =
            "Signed checkpoints to verify against (default $SKYDAS_CHECKPOINTS): catches a chain rewritten from its first event.")
    Path log;

    /** The trust given, or null for an unsigned verify. */
    ChainTrust trust() {
      Path k = orEnv(key, PUBLIC_ENV);
      Path l = orEnv(log, LOG_ENV);
      if (k == null && l == null) {
        return null;
      }
      if (k == null || l == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "a signed verify needs both --public-key FILE and --checkpoints FILE (or $"
                + PUBLIC_ENV
                + " and $"
                + LOG_ENV
                + ")");
      }
      return new ChainTrust(ChainKeys.readPublic(k), CheckpointLog.read(l), l.toString());
    }
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Create an Ed25519 key pair for signing the audit chain: FILE (private, mode 0600) and",
        "FILE.pub. Keep the private key off the database's machine if you can; give the .pub to",
        "every auditor. An existing file is never overwritten."
      })
  static final class Keygen implements Callable<Integer> {
    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Private key file.")
    Path out;

    @Override
    public Integer call() {
      String id = ChainKeys.generate(out);
      System.out.println(
          "Signing key "
              + id
              + ": private "
              + out
              + " (0600), public "
              + ChainKeys.publicKeyPath(out));
      return 0;
    }
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Verify the audit chain, then sign its head into the checkpoint log (nothing is signed",
        "when it does not verify: exit 9). Run it after changes (cron, a systemd timer) or let",
        "`skydas serve --signing-key` do it; keep copies of the log where the database's",
        "operator cannot rewrite them."
      })
  static final class CheckpointCmd implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin Signing signing;

    @Override
    public Integer call() {
      ChainSigner signer = signing.signer();
      try (Registry r = db.open(false)) {
        Checkpoint cp = signer.checkpointIfMoved(r);
        if (cp == null) {
          System.out.println(
              "Nothing to sign: the last checkpoint of "
                  + signer.log()
                  + " holds the chain's head");
        } else {
          System.out.printf(
              Locale.ROOT,
              "Signed seq %d (hash %s) at %s with key %s into %s%n",
              cp.seq(),
              cp.hash(),
              cp.at(),
              cp.keyId(),
              signer.log());
        }
        return 0;
      }
    }
  }
}
