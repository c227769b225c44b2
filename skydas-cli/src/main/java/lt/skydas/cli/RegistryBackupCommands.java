package lt.skydas.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Registry;
import lt.skydas.registry.Territory;
import lt.skydas.registry.VerifyReport;
import lt.skydas.registry.store.JdbcStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skydas registry backup} and {@code skydas registry restore}. */
final class RegistryBackupCommands {
  private RegistryBackupCommands() {}

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Back up the registry while it is in use: a GeoPackage copy (SQLite backup API; writes wait",
        "the seconds it takes, every write acknowledged before it is in it) or, for PostGIS, a",
        "pg_dump archive (a consistent snapshot). The file is created 0600 and never overwritten.",
        "Keep it, like the checkpoint log, where the database's operator cannot rewrite it."
      })
  static final class Backup implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin CopySigning.Sign sign;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Backup file.")
    Path out;

    @Override
    public Integer call() {
      long t0 = System.nanoTime();
      try (Registry r = db.open(false)) {
        long events = r.verify().events();
        ((JdbcStore) r.store()).backupTo(out);
        System.out.printf(
            Locale.ROOT,
            "Backed up %s (%d audit events) to %s in %.1f s%n",
            r.store().describe(),
            events,
            out,
            (System.nanoTime() - t0) / 1e9);
        // a GeoPackage copy's own head is signed; a PostGIS archive's is checked when restored
        sign.signIfAsked(r, out, r.count(), JdbcStore.headOf(out));
      }
      return 0;
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup into --db: a new .gpkg file (never over an existing one) or an empty",
        "PostGIS database (pg_restore). Then verify the restored audit chain: exit 9 if it does not",
        "hold (a backup edited since it was made)."
      })
  static final class Restore implements Callable<Integer> {
    @Mixin RegistryOptions.Db db;
    @Mixin CopySigning.Check check;

    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup file.")
    Path backup;

    @Override
    public Integer call() {
      if (db.db == null) {
        throw new SkydasProblem(
            ProblemCode.USAGE, "give the registry to restore into with --db FILE.gpkg|URL");
      }
      lt.skydas.registry.SignedCopy signed = check.verifyIfAsked(backup);
      JdbcStore store = JdbcStore.restore(backup, db.location());
      Path c =
          db.countries != null
              ? db.countries
              : RegionStore.shippedLayers().resolve("countries.geojson.gz");
      try (Registry r =
          new Registry(
              store,
              ObstacleCatalog.defaults(),
              Territory.load(c, db.home.toUpperCase(Locale.ROOT)),
              Clock.systemUTC())) {
        VerifyReport v = r.verify();
        if (!v.ok()) {
          for (String p : v.problems()) {
            System.out.println("TAMPERED: " + p);
          }
          throw new SkydasProblem(
              ProblemCode.TAMPERED,
              "restored "
                  + store.describe()
                  + " but its audit chain does not verify: "
                  + v.problems().get(0));
        }
        if (signed != null
            && JdbcStore.headOf(backup) != null
            && (v.events() != signed.chainSeq() || !v.headHash().equals(signed.chainHash()))) {
          throw new SkydasProblem(
              ProblemCode.TAMPERED,
              "restored "
                  + store.describe()
                  + " but its audit chain ends at seq "
                  + v.events()
                  + " ("
                  + v.headHash().substring(0, 16)
                  + "…), not at the signed head seq "
                  + signed.chainSeq()
                  + " ("
                  + signed.chainHash().substring(0, Math.min(16, signed.chainHash().length()))
                  + "…)");
        }
        System.out.printf(
            Locale.ROOT,
            "Restored %s into %s: audit chain intact, %d events, %d records; head %s%n",
            backup,
            store.describe(),
            v.events(),
            v.records(),
            v.headHash());
      }
      return 0;
    }
  }
}
