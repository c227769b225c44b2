package lt.skydas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lt.skydas.core.problem.SkydasProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code skydas} command line. User-fixable problems print one line on stderr and exit with the
 * problem's code; bugs print a short line and write the full trace to a log file.
 */
@Command(
    name = "skydas",
    mixinStandardHelpOptions = true,
    versionProvider = SkydasCli.Version.class,
    description = "Skydas: plan, assess and register a border counter-mobility line.",
    subcommands = {
      DemoCommand.class,
      AssessCommand.class,
      CiviliansCommand.class,
      OptimizeCommand.class,
      EmplaceCommand.class,
      CandidatesCommand.class,
      RegionCommand.class,
      CostDistCommand.class,
      ViewshedCommand.class,
      CoverageCommand.class,
      SeamsCommand.class,
      WorksCommand.class,
      ShelterCommand.class,
      ClearanceCommand.class,
      CatalogCommand.class,
      RegistryCommand.class,
      ServeCommand.class,
      UserCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SkydasCli implements Runnable {
  /** Exit code for internal errors (bugs), after sysexits' EX_SOFTWARE. */
  public static final int EXIT_BUG = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SkydasCli());
    cl.setExecutionExceptionHandler(SkydasCli::onException);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static int onException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    Throwable t = ex;
    if (t instanceof SkydasProblem p) {
      err.println("skydas: " + p.getMessage());
      err.flush();
      return p.code().exitCode();
    }
    if (t instanceof OutOfMemoryError) {
      err.println(
          "skydas: out of memory; give the JVM more heap (SKYDAS_HEAP=16g ./skydas ...) or use a"
              + " coarser cell size");
      err.flush();
      return EXIT_BUG;
    }
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    String where = "";
    try {
      Path log = Files.createTempFile("skydas-error-", ".log");
      Files.writeString(log, sw.toString());
      where = " (full trace in " + log + ")";
    } catch (Exception ignored) {
      err.println(sw);
    }
    err.println("skydas: internal error, please report it: " + t + where);
    err.flush();
    return EXIT_BUG;
  }

  /** Version from the jar manifest, or "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SkydasCli.class.getPackage().getImplementationVersion();
      return new String[] {"skydas " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
