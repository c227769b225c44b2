package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import lt.skydas.registry.Registry;
import lt.skydas.server.auth.Accounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skydas user token issue/list/revoke}: the server takes what the command issued. */
class TokenCommandTest {
  @TempDir Path dir;

  @Test
  void issueListRevoke() throws Exception {
    String db = dir.resolve("reg.gpkg").toString();
    String work = dir.resolve("work").toString();
    String countries = "../data/baltic/countries.geojson.gz";
    assertThat(CliRunner.run("registry", "init", "--db", db, "--countries", countries).exit())
        .isZero();
    assertThat(
            CliRunner.run(
                    "user",
                    "token",
                    "list",
                    "--db",
                    db,
                    "--countries",
                    countries,
                    "--work-dir",
                    work)
                .err())
        .contains("no session key at")
        .contains("the --work-dir `skydas serve` runs with");
    // as `skydas serve --work-dir work` does on its first start
    java.nio.file.Files.createDirectories(Path.of(work));
    Accounts.sessionKey(Path.of(work, "session.key"));
    CliRunner.Result issued =
        CliRunner.run(
            "user",
            "token",
            "issue",
            "--name",
            "QGIS HQ",
            "--days",
            "30",
            "--db",
            db,
            "--countries",
            countries,
            "--work-dir",
            work);
    assertThat(issued.exit()).as(issued.err()).isZero();
    String secret =
        issued.out().lines().filter(l -> l.startsWith("skt_")).findFirst().orElseThrow();
    String id = issued.out().replaceAll("(?s).*Issued (tok-[0-9a-f]{12}).*", "$1");

    try (Registry reg = openAs(db, countries)) {
      Accounts server =
          new Accounts(
              reg.store(),
              Clock.systemUTC(),
              Duration.ofHours(1),
              Accounts.sessionKey(Path.of(work, "session.key")));
      assertThat(server.tokens().principal(secret)).isPresent();
    }
    CliRunner.Result list =
        CliRunner.run(
            "user", "token", "list", "--db", db, "--countries", countries, "--work-dir", work);
    assertThat(list.out()).contains(id, "QGIS HQ", "read").doesNotContain(secret);
    assertThat(
            CliRunner.run(
                    "user",
                    "token",
                    "revoke",
                    id,
                    "--db",
                    db,
                    "--countries",
                    countries,
                    "--work-dir",
                    work)
                .out())
        .contains("Revoked " + id);
    try (Registry reg = openAs(db, countries)) {
      Accounts server =
          new Accounts(
              reg.store(),
              Clock.systemUTC(),
              Duration.ofHours(1),
              Accounts.sessionKey(Path.of(work, "session.key")));
      assertThat(server.tokens().principal(secret)).isEmpty();
    }
    assertThat(
            CliRunner.run(
                    "user",
                    "token",
                    "issue",
                    "--name",
                    "x",
                    "--days",
                    "400",
                    "--db",
                    db,
                    "--countries",
                    countries,
                    "--work-dir",
                    work)
                .err())
        .contains("--days must be 1..366");
  }

  private static Registry openAs(String db, String countries) {
    picocli.CommandLine cl = new picocli.CommandLine(new Holder());
    cl.parseArgs("--db", db, "--countries", countries);
    return ((Holder) cl.getCommand()).db.open(false);
  }

  @picocli.CommandLine.Command(name = "holder")
  static final class Holder {
    @picocli.CommandLine.Mixin RegistryOptions.Db db = new RegistryOptions.Db();
  }
}
