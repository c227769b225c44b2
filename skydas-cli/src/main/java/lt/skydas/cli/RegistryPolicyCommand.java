package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.PolicyFile;
import lt.skydas.registry.Registry;
import lt.skydas.registry.StoredPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skydas registry policy}: the humanitarian policy the registry owns (docs/policy.md) —
 * shown, its versions listed, set by an admin from a policy file with a reason (audited), or
 * exported as a policy file for {@code --policy}.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = {
      "The humanitarian policy in force (AP mines and where, civilian buffer, protected areas by",
      "obstacle kind): show it, list its versions, set a new one (admin, with --reason; a buffer",
      "below 500 m also needs buffer_override_reason in the file), or export it as a policy file."
    },
    subcommands = {
      RegistryPolicyCommand.Show.class,
      RegistryPolicyCommand.Set.class,
      RegistryPolicyCommand.HistoryCmd.class,
      RegistryPolicyCommand.Export.class
    })
final class RegistryPolicyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "The policy in force.")
  static final class Show implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        PlanPolicy p = r.policy().current();
        System.out.println(p.summary());
        r.policy()
            .stored()
            .ifPresent(
                s ->
                    System.out.printf(
                        Locale.ROOT, "set %s by %s: %s%n", s.setAt(), s.setBy(), s.reason()));
        System.out.println(PolicyFile.toJson(p).toPrettyString());
      }
      return 0;
    }
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description =
          "Set a new version from a policy file (admin). Refused whole, the old policy staying in"
              + " force: another role, no --reason, or a file the policy reader refuses.")
  static final class Set implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin RegistryOptions.Who who;

    @Parameters(paramLabel = "FILE", description = "Policy file (JSON).")
    Path file;

    @Option(
        names = "--reason",
        required = true,
        paramLabel = "TEXT",
        description = "Why the policy changes (goes into the audit trail).")
    String reason;

    @Override
    public Integer call() {
      JsonNode doc;
      String name = file.getFileName().toString();
      try {
        doc = new ObjectMapper().readTree(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        throw new SkydasProblem(ProblemCode.NOT_FOUND, file + ": policy file not found");
      } catch (IOException e) {
        throw SkydasProblem.badInput(name, null, "not a JSON policy (" + firstLine(e) + ")");
      }
      try (Registry r = db.open(false)) {
        StoredPolicy s = r.policy().set(who.actor(r), doc, reason, name);
        System.out.printf(
            Locale.ROOT,
            "Policy version %d in force in %s: %s%n",
            s.version(),
            r.store().describe(),
            r.policy().current().summary());
      }
      return 0;
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Every version: when, who, why.")
  static final class HistoryCmd implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        var h = r.policy().history();
        if (h.isEmpty()) {
          System.out.println("No policy set: the built-in default holds.");
        }
        for (StoredPolicy s : h) {
          System.out.printf(
              Locale.ROOT, "v%d  %s  %s  %s%n", s.version(), s.setAt(), s.setBy(), s.reason());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the policy in force as a policy file (for --policy elsewhere).")
  static final class Export implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Override
    public Integer call() {
      try (Registry r = db.open(false)) {
        var json = PolicyFile.toJson(r.policy().current());
        json.remove("source");
        AtomicOutput.writeString(out, json.toPrettyString() + "\n");
        System.out.println("Wrote " + out);
      }
      return 0;
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
