package lt.skydas.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process, capturing stdout, stderr and the exit code. */
final class CliRunner {
  record Result(int exit, String out, String err) {}

  private CliRunner() {}

  /**
   * Runs the CLI. A registry command given {@code --role} without a way to authenticate ({@code
   * --user} with {@code --password-stdin}, {@code --token}) acts in the explicit single-user mode
   * ({@code --single-user}) the tests' private registries allow; {@code RegistryCliTest} tests the
   * authenticated paths.
   */
  static Result run(String... args) {
    java.util.List<String> a = java.util.List.of(args);
    if (a.size() > 0
        && a.get(0).equals("registry")
        && !java.util.Set.of("show", "list", "export", "verify", "history").contains(a.get(1))
        && a.contains("--role")
        && !a.contains("--password-stdin")
        && !a.contains("--token")
        && !a.contains("--single-user")) {
      String[] more = java.util.Arrays.copyOf(args, args.length + 1);
      more[args.length] = "--single-user";
      args = more;
    }
    return runAsGiven(null, args);
  }

  /** Runs the CLI exactly as given, with {@code stdin} (null: none) as standard input. */
  static synchronized Result runAsGiven(String stdin, String... args) {
    java.io.InputStream oldIn = System.in;
    if (stdin != null) {
      System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return capture(args);
    } finally {
      System.setIn(oldIn);
    }
  }

  private static Result capture(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = SkydasCli.run(args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
