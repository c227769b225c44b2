package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Registry;
import lt.skydas.server.auth.Accounts;
import lt.skydas.server.auth.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas user token}: read-only API tokens for GIS clients (issue 19), the same as {@code
 * POST/GET/DELETE /api/tokens}. The rows are authenticated with the server's session key, so give
 * the server's {@code --work-dir} (default {@code skydas-work}).
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Issue, list and revoke read-only API tokens for GIS clients.",
    subcommands = {
      TokenCommand.Issue.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
final class TokenCommand implements Runnable {
  @Override
  public void run() {
    throw new SkydasProblem(ProblemCode.USAGE, "give a subcommand: issue, list or revoke");
  }

  /** The server's work folder (where its session key is). */
  static final class Work {
    @Option(
        names = "--work-dir",
        defaultValue = "skydas-work",
        paramLabel = "DIR",
        description =
            "The server's --work-dir, which holds its session key (default ${DEFAULT-VALUE}).")
    Path workDir;

    ApiTokens tokens(Registry reg) {
      Path key = workDir.toAbsolutePath().resolve("session.key");
      if (!java.nio.file.Files.isRegularFile(key)) {
        // a new key here would sign tokens the server (with its own key) never takes
        throw new SkydasProblem(
            ProblemCode.NOT_FOUND,
            "no session key at "
                + key
                + ": give the --work-dir `skydas serve` runs with (it makes the key on its first"
                + " start)");
      }
      return new Accounts(
              reg.store(), Clock.systemUTC(), Duration.ofHours(12), Accounts.sessionKey(key))
          .tokens();
    }
  }

  @Command(
      name = "issue",
      mixinStandardHelpOptions = true,
      description = "Issue a read-only token; its secret is printed once.")
  static final class Issue implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();
    @Mixin Work work = new Work();

    @Option(names = "--name", required = true, description = "Who or what it is for (QGIS HQ).")
    String name;

    @Option(
        names = "--days",
        defaultValue = "90",
        description = "Days it lives, 1..366 (default ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
      if (days < 1 || days > 366) {
        throw new SkydasProblem(ProblemCode.USAGE, "--days must be 1..366");
      }
      try (Registry reg = db.open(false)) {
        ApiTokens.Issued i =
            work.tokens(reg).issue(UserCommand.cliActor(), name, Duration.ofDays(days));
        System.out.println(
            "Issued "
                + i.token().id()
                + " \""
                + i.token().name()
                + "\", read-only, until "
                + i.token().expiresAt());
        System.out.println(
            "Secret (shown once; the GIS client sends it as Authorization: Bearer …):");
        System.out.println(i.secret());
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();
    @Mixin Work work = new Work();

    @Override
    public Integer call() {
      Instant now = Instant.now();
      try (Registry reg = db.open(false)) {
        for (ApiTokens.Token t : work.tokens(reg).list()) {
          System.out.printf(
              "%-17s %-30s %-5s until %s%s%n",
              t.id(),
              t.name(),
              t.scope(),
              t.expiresAt(),
              t.revokedAt() != null
                  ? "  (revoked " + t.revokedAt() + ")"
                  : t.live(now) ? "" : "  (expired)");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();
    @Mixin Work work = new Work();

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id (tok-…).")
    String id;

    @Override
    public Integer call() {
      try (Registry reg = db.open(false)) {
        ApiTokens.Token t = work.tokens(reg).revoke(UserCommand.cliActor(), id);
        System.out.println("Revoked " + t.id() + " \"" + t.name() + "\"");
      }
      return 0;
    }
  }
}
