package lt.skydas.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Role;
import lt.skydas.server.auth.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skydas user}: accounts of the web server (there is no default account). */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage accounts of `skydas serve`.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Disable.class,
      TokenCommand.class
    })
final class UserCommand implements Runnable {
  @Override
  public void run() {
    throw new SkydasProblem(ProblemCode.USAGE, "give a subcommand: add, list, disable or token");
  }

  static Accounts accounts(Registry r) {
    return new Accounts(r.store(), Clock.systemUTC(), Duration.ofHours(12));
  }

  /** Who the audit trail says changed an account from the command line. */
  static lt.skydas.registry.Actor cliActor() {
    return new lt.skydas.registry.Actor(
        "cli:" + System.getenv().getOrDefault("USER", "unknown"), lt.skydas.registry.Role.ADMIN);
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create a user. The password is read from the terminal (asked twice) or, with",
        "--password-stdin, from the first line of standard input; never from the command line."
      })
  static final class Add implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();

    @Parameters(index = "0", paramLabel = "NAME", description = "User name (lower case).")
    String name;

    @Option(
        names = "--role",
        required = true,
        description = "viewer, planner, engineer, inspector or admin.")
    String role;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
      Role r = Role.parse(role);
      String pw = stdin ? readStdin() : readConsole();
      try (Registry reg = db.open(true)) {
        Accounts.User u = accounts(reg).create(cliActor(), name, pw, r);
        System.out.println(
            "Created " + u.role().id() + " " + u.username() + " in " + reg.store().describe());
      }
      return 0;
    }

    private static String readStdin() throws java.io.IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      if (line == null) {
        throw new SkydasProblem(ProblemCode.USAGE, "--password-stdin: standard input is empty");
      }
      return line;
    }

    private static String readConsole() {
      Console c = System.console();
      if (c == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "no terminal to ask for the password: use --password-stdin");
      }
      char[] a = c.readPassword("Password: ");
      char[] b = c.readPassword("Again: ");
      if (a == null || b == null || !Arrays.equals(a, b)) {
        throw new SkydasProblem(ProblemCode.USAGE, "the two passwords differ");
      }
      return new String(a);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();

    @Override
    public Integer call() {
      try (Registry reg = db.open(false)) {
        for (Accounts.User u : accounts(reg).list()) {
          System.out.printf(
              "%-24s %-10s %s%s%n",
              u.username(), u.role().id(), u.createdAt(), u.disabled() ? "  (disabled)" : "");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user and end their sessions.")
  static final class Disable implements Callable<Integer> {
    @Mixin RegistryOptions.Db db = new RegistryOptions.Db();

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (Registry reg = db.open(false)) {
        accounts(reg).setDisabled(cliActor(), name, true);
        System.out.println("Disabled " + name);
      }
      return 0;
    }
  }
}
