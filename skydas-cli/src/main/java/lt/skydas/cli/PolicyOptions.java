package lt.skydas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.BarrierPlan;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.plan.PlanPolicy;
import lt.skydas.plan.PolicyFile;
import lt.skydas.registry.Catalogs;
import lt.skydas.registry.RegistryPolicy;
import lt.skydas.registry.store.JdbcStore;
import picocli.CommandLine.Option;

/**
 * Which humanitarian policy a run is held to (docs/policy.md): an explicit {@code --policy FILE},
 * else the registry's ({@code --registry}, else {@code $SKYDAS_REGISTRY} when set), else the
 * built-in default. Never a plan's or a job's own: a plan may ask, and the run says what it got.
 */
final class PolicyOptions {
  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = {
        "The humanitarian policy file to hold the run to (JSON: ap_mines_enabled, ap_mine_zones,",
        "civilian_buffer_m, buffer_override_reason, protected_areas; docs/policy.md). Default:",
        "the registry's policy (--registry or $SKYDAS_REGISTRY), else the built-in one (AP mines",
        "off, 1000 m buffer). A plan's own policy is a request only."
      })
  Path file;

  @Option(
      names = "--registry",
      paramLabel = "FILE|URL",
      description = "Registry whose policy holds (default: $SKYDAS_REGISTRY when set).")
  String registry;

  @Option(
      names = {"--ap-mines-enabled", "--civilian-buffer-m"},
      hidden = true,
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "X")
  String removed;

  /** The policy the run is held to. */
  PlanPolicy resolve(ObstacleCatalog catalog) {
    if (removed != null) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--ap-mines-enabled and --civilian-buffer-m are gone: the policy is the registry's"
              + " (skydas registry policy set) or an explicit --policy FILE (docs/policy.md)");
    }
    if (file != null) {
      return PolicyFile.read(file, catalog);
    }
    String db = registryLocation();
    if (db == null) {
      return PlanPolicy.DEFAULT;
    }
    return fromRegistry(db, catalog);
  }

  /** {@code --registry}, else {@code $SKYDAS_REGISTRY} when set, else null. */
  String registryLocation() {
    if (registry != null) {
      return registry;
    }
    String env = System.getenv("SKYDAS_REGISTRY");
    return env == null || env.isBlank() ? null : env;
  }

  /** The policy in force in the registry at {@code location} (a .gpkg file or a JDBC URL). */
  static PlanPolicy fromRegistry(String location, ObstacleCatalog catalog) {
    if (!location.startsWith("jdbc:") && !Files.isRegularFile(Path.of(location))) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          location + ": no registry there (its policy holds the run; run `skydas registry init`)");
    }
    try (JdbcStore store = JdbcStore.open(location, false)) {
      return new RegistryPolicy(store, Catalogs.of(catalog), Clock.systemUTC()).current();
    }
  }

  /**
   * The line a run prints when the plan asked for other rules than it got, or null: "the plan asks
   * for AP mines on, …; it is held to …".
   */
  static String requestNote(BarrierPlan asked, PlanPolicy got) {
    PlanPolicy a = asked.policy();
    if (a.sameRules(got)) {
      return null;
    }
    return "Policy: the plan asks for "
        + a.summary()
        + "; it is held to "
        + got.summary()
        + " instead";
  }
}
