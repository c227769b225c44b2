package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry command line, end to end on a GeoPackage. */
class RegistryCliTest {
  @TempDir Path dir;

  private CliRunner.Result run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = dir.resolve("reg.gpkg").toString();
    all[args.length + 2] = "--countries";
    all[args.length + 3] = "../data/baltic/countries.geojson.gz";
    return CliRunner.run(all);
  }

  /** Issue 20: {@code registry sheet} writes a minefield's printable record sheet. */
  @Test
  void aMinefieldsRecordSheetIsWrittenAndAnObstacleHasNone() throws Exception {
    assertThat(run("registry", "init").exit()).isZero();
    Path plan = dir.resolve("mf.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "m1", "properties": {"type": "at_minefield", "name": "Laukas"},
           "geometry": {"type": "Polygon", "coordinates":
             [[[23.73, 55.09], [23.734, 55.09], [23.734, 55.094], [23.73, 55.094], [23.73, 55.09]]]}},
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}}]}
        """);
    CliRunner.Result imp = run("registry", "import", plan.toString(), "--role", "planner");
    assertThat(imp.exit()).as(imp.err()).isZero();
    Path out = dir.resolve("m1.html");
    CliRunner.Result r = run("registry", "sheet", "m1", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("record sheet of m1 written to " + out);
    assertThat(Files.readString(out))
        .contains("Minefield record m1 — Laukas", "<svg", "Incomplete:", "minefield.lots");
    CliRunner.Result ditch =
        run("registry", "sheet", "d1", "--out", dir.resolve("d1.html").toString());
    assertThat(ditch.exit()).isEqualTo(3);
    assertThat(ditch.err().strip())
        .contains("d1 is not a minefield (obstacle): only a minefield has a record sheet");
    assertThat(dir.resolve("d1.html")).doesNotExist();
  }

  /**
   * keygen, checkpoint and a signed verify; then an insider rewrites the whole chain consistently
   * (every hash recomputed, the head moved): the unsigned verify passes, the signed one exits 9.
   */
  @Test
  void signedCheckpointsCatchAChainRewrittenFromItsFirstEvent() throws Exception {
    Path key = dir.resolve("keys/signing.key");
    Files.createDirectories(key.getParent());
    Path log = dir.resolve("checkpoints.log");
    CliRunner.Result gen = CliRunner.run("registry", "keygen", "--out", key.toString());
    assertThat(gen.exit()).as(gen.err()).isZero();
    assertThat(gen.out()).contains("Signing key ", "(0600), public " + key + ".pub");
    assertThat(CliRunner.run("registry", "keygen", "--out", key.toString()).err())
        .contains("already exists; a signing key is never overwritten");

    assertThat(run("registry", "init").exit()).isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch", "name": "Griovys"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}}]}
        """);
    assertThat(run("registry", "import", plan.toString(), "--role", "planner").exit()).isZero();
    assertThat(run("registry", "transition", "d1", "approve", "--role", "admin").exit()).isZero();

    String[] signing = {"--signing-key", key.toString(), "--checkpoints", log.toString()};
    String[] trust = {"--public-key", key + ".pub", "--checkpoints", log.toString()};
    CliRunner.Result cp = run(concat(new String[] {"registry", "checkpoint"}, signing));
    assertThat(cp.exit()).as(cp.err()).isZero();
    assertThat(cp.out()).contains("Signed seq 2 (hash ", "into " + log);
    assertThat(run(concat(new String[] {"registry", "checkpoint"}, signing)).out())
        .contains("Nothing to sign: the last checkpoint of " + log + " holds the chain's head");
    assertThat(run("registry", "verify").out())
        .contains("Audit chain intact: 2 events", "Unsigned check: a chain rewritten");
    CliRunner.Result signed = run(concat(new String[] {"registry", "verify"}, trust));
    assertThat(signed.exit()).as(signed.err()).isZero();
    assertThat(signed.out())
        .contains("Signed: 1 checkpoint(s) of " + log + " hold; the latest at seq 2");
    CliRunner.Result half = run("registry", "verify", "--public-key", key + ".pub");
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err())
        .contains("a signed verify needs both --public-key FILE and --checkpoints");

    // the insider: re-attribute the import to someone else and recompute the whole chain
    ChainRewrite.reattributeFirstEvent(dir.resolve("reg.gpkg"));
    assertThat(run("registry", "verify").exit()).as("the unkeyed chain cannot tell").isZero();
    CliRunner.Result caught = run(concat(new String[] {"registry", "verify"}, trust));
    assertThat(caught.exit()).isEqualTo(9);
    assertThat(caught.out())
        .contains(
            "TAMPERED: event seq 2 (d1, approve): its hash differs from the checkpoint signed");
    CliRunner.Result refused = run(concat(new String[] {"registry", "checkpoint"}, signing));
    assertThat(refused.exit()).isEqualTo(9);
    assertThat(refused.err()).contains("not signed, the chain does not verify");
  }

  @Test
  void backupAndRestoreFromTheCommandLine() throws Exception {
    assertThat(run("registry", "init").exit()).isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "b1", "properties": {"type": "bunker"},
           "geometry": {"type": "Point", "coordinates": [24.3, 55.3]}}]}
        """);
    assertThat(run("registry", "import", plan.toString(), "--role", "planner").exit()).isZero();
    Path copy = dir.resolve("backups/reg-copy.gpkg");
    Files.createDirectories(copy.getParent());
    CliRunner.Result b = run("registry", "backup", "--out", copy.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("Backed up GeoPackage", "(1 audit events) to " + copy);
    assertThat(run("registry", "backup", "--out", copy.toString()).err())
        .contains("already exists; a backup is never overwritten");
    Path restored = dir.resolve("restored.gpkg");
    CliRunner.Result r =
        CliRunner.run(
            "registry",
            "restore",
            copy.toString(),
            "--db",
            restored.toString(),
            "--countries",
            "../data/baltic/countries.geojson.gz");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("audit chain intact, 1 events, 1 records");
  }

  /**
   * Issue 18: the CLI acts as an authenticated account and the audit records it; --single-user is
   * refused once the registry has accounts; a role other than the account's is refused.
   */
  @Test
  void registryChangesAreMadeAsAnAuthenticatedAccount() throws Exception {
    String db = dir.resolve("reg.gpkg").toString();
    String countries = "../data/baltic/countries.geojson.gz";
    assertThat(run("registry", "init").exit()).isZero();
    String pw = "correct horse battery staple";
    CliRunner.Result add =
        CliRunner.runAsGiven(
            pw + "\n",
            "user",
            "add",
            "ona",
            "--role",
            "planner",
            "--password-stdin",
            "--db",
            db,
            "--countries",
            countries);
    assertThat(add.exit()).as(add.err() + add.out()).isZero();
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "b1", "properties": {"type": "bunker"},
           "geometry": {"type": "Point", "coordinates": [24.3, 55.3]}}]}
        """);
    String[] imp = {"registry", "import", plan.toString(), "--db", db, "--countries", countries};

    CliRunner.Result single =
        CliRunner.runAsGiven(
            null, concat(imp, new String[] {"--role", "planner", "--single-user"}));
    assertThat(single.exit()).isEqualTo(2);
    assertThat(single.err()).contains("this registry has accounts: authenticate");
    CliRunner.Result noTerminal =
        CliRunner.runAsGiven(null, concat(imp, new String[] {"--user", "ona"}));
    assertThat(noTerminal.exit()).isEqualTo(11);
    assertThat(noTerminal.err()).contains("registry changes are made as an account");
    CliRunner.Result wrong =
        CliRunner.runAsGiven(
            "not the password\n", concat(imp, new String[] {"--user", "ona", "--password-stdin"}));
    assertThat(wrong.exit()).isEqualTo(11);
    assertThat(wrong.err()).contains("wrong user name or password for ona");
    CliRunner.Result otherRole =
        CliRunner.runAsGiven(
            pw + "\n",
            concat(imp, new String[] {"--user", "ona", "--password-stdin", "--role", "admin"}));
    assertThat(otherRole.exit()).isEqualTo(8);
    assertThat(otherRole.err()).contains("account ona has the role planner, not admin");

    CliRunner.Result ok =
        CliRunner.runAsGiven(
            pw + "\n", concat(imp, new String[] {"--user", "ona", "--password-stdin"}));
    assertThat(ok.exit()).as(ok.err()).isZero();
    CliRunner.Result history = run("registry", "history", "b1");
    assertThat(history.out()).contains("import", "ona", "planner");
    assertThat(history.out()).doesNotContain("single-user");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void initImportTransitionVerifyTamperAndHistory() throws Exception {
    Path plan = dir.resolve("plan.geojson");
    Files.writeString(
        plan,
        """
        {"type": "FeatureCollection", "policy": {"ap_mines_enabled": false, "civilian_buffer_m": 1000},
         "features": [
          {"type": "Feature", "id": "d1", "properties": {"type": "at_ditch", "name": "Griovys prie Šalčininkų", "year": 1, "status": "chosen"},
           "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.23, 55.21]]}},
          {"type": "Feature", "id": "m1", "properties": {"type": "at_minefield", "year": 2, "status": "pinned"},
           "geometry": {"type": "LineString", "coordinates": [[23.69, 55.09], [23.71, 55.095]]}}]}
        """);
    assertThat(run("registry", "import", plan.toString(), "--role", "planner").err())
        .contains("does not exist (create it with: skydas registry init");
    CliRunner.Result init = run("registry", "init");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out())
        .contains(
            "Registry ready: GeoPackage",
            "schema " + lt.skydas.registry.store.Migrations.latest() + ", 0 records");
    CliRunner.Result imp =
        run("registry", "import", plan.toString(), "--role", "planner", "--user", "ona");
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Imported 2 records");
    assertThat(run("registry", "list").out())
        .contains("d1", "m1", "planned", "Griovys prie Šalčininkų", "2 record(s) shown");

    CliRunner.Result wrongRole =
        run("registry", "transition", "d1", "approve", "--role", "planner");
    assertThat(wrongRole.exit()).isEqualTo(8);
    assertThat(wrongRole.err()).contains("may not approve (admin)");
    CliRunner.Result ok =
        run("registry", "transition", "d1", "approve", "--role", "admin", "--version", "1");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("d1: approved, version 2");
    CliRunner.Result stale =
        run(
            "registry",
            "transition",
            "d1",
            "start_construction",
            "--role",
            "engineer",
            "--version",
            "1");
    assertThat(stale.exit()).isEqualTo(7);
    assertThat(stale.err()).contains("version 2, not 1");

    CliRunner.Result verify = run("registry", "verify");
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("Audit chain intact: 3 events, 2 records");
    CliRunner.Result history = run("registry", "history", "d1");
    assertThat(history.out()).contains("import", "approve", "admin", "approved");

    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reg.gpkg"))) {
      c.createStatement().execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 1");
    }
    CliRunner.Result tampered = run("registry", "verify");
    assertThat(tampered.exit()).isEqualTo(9);
    assertThat(tampered.out()).contains("TAMPERED: event seq 1 (d1, import): edited");
    assertThat(tampered.err()).contains("audit check failed: 1 problem(s)");

    Path bad = dir.resolve("bad.geojson");
    Files.writeString(
        bad,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "x1", "properties": {"type": "bunker"}, "geometry": {"type": "Point", "coordinates": [26.5, 54.3]}},
          {"type": "Feature", "id": "x2", "properties": {"type": "no_such"}, "geometry": {"type": "Point", "coordinates": [24.5, 55.3]}}]}
        """);
    CliRunner.Result refused = run("registry", "import", bad.toString(), "--role", "planner");
    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.err())
        .contains("nothing imported: 2 problem(s)", "Belarus", "unknown 'no_such'");
    assertThat(run("registry", "list").out()).contains("2 record(s) shown");

    // an engineer fills in the as-built data, then records an inspection
    CliRunner.Result built =
        run("registry", "transition", "d1", "start_construction", "--role", "engineer");
    assertThat(built.exit()).as(built.err()).isZero();
    Path edit = dir.resolve("d1.geojson");
    Files.writeString(
        edit,
        """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "d1",
          "properties": {"type": "at_ditch", "name": "Griovys (as built)", "status": "planned"},
          "geometry": {"type": "LineString", "coordinates": [[24.20, 55.20], [24.231, 55.211]]}}]}
        """);
    CliRunner.Result upd = run("registry", "update", "d1", edit.toString(), "--role", "engineer");
    assertThat(upd.exit()).as(upd.err()).isZero();
    assertThat(upd.out()).contains("d1: updated, version 4");
    CliRunner.Result insp =
        run(
            "registry",
            "record",
            "d1",
            "inspection",
            "--role",
            "inspector",
            "--data",
            "{\"date\": \"2028-04-01\", \"organisation\": \"KASP\", \"findings\": \"ok\"}");
    assertThat(insp.exit()).as(insp.err()).isZero();
    CliRunner.Result missing =
        run("registry", "record", "d1", "inspection", "--role", "inspector", "--data", "{}");
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err())
        .contains("date: missing", "organisation: missing", "findings: missing");
    CliRunner.Result show = run("registry", "show", "d1", "--role", "engineer");
    assertThat(show.out())
        .contains(
            "Griovys (as built)",
            "under_construction",
            "activity inspection",
            "actions for engineer: [emplace]");

    // a crisis-laid minefield is prepared, stocked, ordered and laid, never constructed
    assertThat(run("registry", "transition", "m1", "approve", "--role", "admin").exit()).isZero();
    CliRunner.Result build =
        run("registry", "transition", "m1", "start_construction", "--role", "engineer");
    assertThat(build.exit()).isEqualTo(6);
    assertThat(build.err())
        .contains("record m1 is a crisis-laid at_minefield: start_construction is not one of");
    assertThat(run("registry", "show", "m1", "--role", "engineer").out())
        .contains("actions for engineer: [prepare]");
  }

  @Test
  void theShippedForcesRegisterEveryDepotOnceWithItsStockAndPoint() throws Exception {
    assertThat(run("registry", "init").exit()).isZero();
    CliRunner.Result planner = run("registry", "import-depots", "--role", "planner");
    assertThat(planner.exit()).isEqualTo(8);
    assertThat(planner.err()).contains("may not enter records already stocked (admin)");
    assertThat(run("registry", "import-depots", "--role", "admin", "--status", "emplaced").err())
        .contains(
            "--status emplaced: not a depot status (one of planned, approved, prepared, stocked,"
                + " clearance_in_progress, cleared, land_released)");

    CliRunner.Result imp = run("registry", "import-depots", "--role", "admin", "--user", "ona");
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Registered 5 depots from the shipped forces-lithuania.json");
    // every depot of the shipped file, compared with the file itself
    com.fasterxml.jackson.databind.JsonNode file;
    try (var in =
        lt.skydas.emplace.ForcesReader.class.getResourceAsStream(
            "/lt/skydas/emplace/forces-lithuania.json")) {
      file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    Path out = dir.resolve("depots.geojson");
    assertThat(run("registry", "export", out.toString(), "--kind", "depot").exit()).isZero();
    // the DGIWG GeoPackage profile (issue 19): written and valid; for GeoPackage only
    Path dg = dir.resolve("depots-dgiwg.gpkg");
    CliRunner.Result dgiwg = run("registry", "export", dg.toString(), "--profile", "dgiwg");
    assertThat(dgiwg.exit()).as(dgiwg.err()).isZero();
    assertThat(dgiwg.out()).contains("(geopackage, DGIWG profile)");
    var opened = mil.nga.geopackage.dgiwg.DGIWGGeoPackageManager.open(dg.toFile());
    try {
      assertThat(opened.validate().hasErrors()).isFalse();
    } finally {
      opened.close();
    }
    CliRunner.Result csv =
        run("registry", "export", dir.resolve("x.csv").toString(), "--profile", "dgiwg");
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(csv.err()).contains("--profile dgiwg applies to GeoPackage exports only, not csv");
    var exported =
        lt.skydas.registry.exchange.RegistryExchange.read(
            out, lt.skydas.registry.exchange.RegistryExchange.Format.GEOJSON);
    assertThat(exported).hasSize(file.get("depots").size());
    for (var d : file.get("depots")) {
      var rec =
          exported.stream().filter(x -> x.id().equals(d.get("id").asText())).findFirst().get();
      assertThat(rec.type()).isEqualTo("depot");
      assertThat(rec.name()).isEqualTo(d.get("name").asText());
      assertThat(rec.status()).isEqualTo(lt.skydas.registry.Status.STOCKED);
      assertThat(rec.geometry().getCoordinate().x)
          .as(rec.id())
          .isCloseTo(d.get("lon").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
      assertThat(rec.geometry().getCoordinate().y)
          .as(rec.id())
          .isCloseTo(d.get("lat").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
      d.get("stock")
          .properties()
          .forEach(
              e ->
                  assertThat(rec.depot().stock())
                      .as(rec.id())
                      .containsEntry(e.getKey(), e.getValue().asDouble()));
    }
    assertThat(run("registry", "verify").out()).contains("Audit chain intact: 5 events, 5 records");

    CliRunner.Result again = run("registry", "import-depots", "--role", "admin");
    assertThat(again.exit()).isEqualTo(3);
    assertThat(again.err())
        .contains(
            "forces-lithuania.json: nothing imported: depots depot-kaunas, depot-alytus,"
                + " depot-pabrade, depot-taurage, depot-utena are already in the registry");
    assertThat(run("registry", "list", "--kind", "depot").out()).contains("5 record(s) shown");
  }

  @Test
  void aForcesDepotAcrossTheBorderIsRefusedByTheRegistryNamingIt() throws Exception {
    assertThat(run("registry", "init").exit()).isZero();
    Path forces = dir.resolve("forces.json");
    Files.writeString(
        forces,
        """
        {"depots": [
          {"id": "d-ok", "name": "Kaunas", "lon": 23.96, "lat": 54.87, "stock": {"at_mines": 10}},
          {"id": "d-by", "name": "Across", "lon": 26.5, "lat": 54.3, "stock": {"tnt_kg": 5}}],
         "units": [{"id": "u", "name": "U", "lon": 23.97, "lat": 54.88, "readiness_h": 6,
                    "teams": {"engineer_section": 1}}]}
        """);
    CliRunner.Result r =
        run("registry", "import-depots", "--forces", forces.toString(), "--role", "admin");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err())
        .contains("forces.json depot \"d-by\": geometry:")
        .contains("Belarus")
        .contains("forces.json depot \"d-by\": depot.stock.tnt_kg: unknown stock kind 'tnt_kg'");
    assertThat(run("registry", "list").out()).contains("0 record(s) shown");
  }

  @Test
  void aNeighboursLineIsImportedReadOnlyListedAndExportedForTheSeams() throws Exception {
    assertThat(run("registry", "init").exit()).isZero();
    Path line = dir.resolve("east-shield.geojson");
    Files.writeString(
        line,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "pl-1", "properties": {"type": "at_ditch", "name": "Odcinek 1"},
           "geometry": {"type": "LineString", "coordinates": [[22.90, 54.10], [22.92, 54.10]]}},
          {"type": "Feature", "id": "pl-2", "properties": {"type": "dragons_teeth"},
           "geometry": {"type": "LineString", "coordinates": [[22.95, 54.12], [22.96, 54.12]]}}]}
        """);
    CliRunner.Result imp =
        run(
            "registry",
            "neighbour-line",
            "import",
            "--country",
            "pl",
            line.toString(),
            "--note",
            "shared at the LT-PL meeting, 2026-11-30",
            "--role",
            "planner",
            "--user",
            "ona");
    assertThat(imp.exit()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("Imported PL's line: 2 features from", "read-only");
    CliRunner.Result list = run("registry", "neighbour-line", "list");
    assertThat(list.out())
        .contains("PL", "2 features", "east-shield.geojson", "by single-user:ona", "2026-11-30");
    // not records: nothing edits them
    assertThat(run("registry", "list").out()).doesNotContain("pl-1");
    CliRunner.Result edit = run("registry", "transition", "pl-1", "approve", "--role", "admin");
    assertThat(edit.exit()).isEqualTo(4);
    assertThat(edit.err()).contains("no record 'pl-1'");
    assertThat(run("registry", "verify").out()).contains("Audit chain intact: 1 events");
    Path out = dir.resolve("pl-export.geojson");
    CliRunner.Result exp =
        run("registry", "neighbour-line", "export", "--country", "PL", out.toString());
    assertThat(exp.exit()).as(exp.err()).isZero();
    String exported = Files.readString(out);
    assertThat(exported).contains("\"pl-1\"", "\"owner\":\"PL\"", "\"source\":", "\"sha256\":");
    // a feature in Belarus: one line naming it, exit 3, the line before untouched
    Path bad = dir.resolve("bad.geojson");
    Files.writeString(
        bad,
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "id": "by-1", "properties": {"type": "at_ditch"},
           "geometry": {"type": "LineString", "coordinates": [[24.00, 53.60], [24.02, 53.60]]}}]}
        """);
    CliRunner.Result wrong =
        run(
            "registry",
            "neighbour-line",
            "import",
            "--country",
            "PL",
            bad.toString(),
            "--role",
            "planner");
    assertThat(wrong.exit()).isEqualTo(3);
    assertThat(wrong.err().strip().lines().count()).as(wrong.err()).isEqualTo(1);
    assertThat(wrong.err()).contains("lies in Belarus (BY), not on PL's side of the border");
    assertThat(run("registry", "neighbour-line", "list").out()).contains("2 features");
    CliRunner.Result home =
        run(
            "registry",
            "neighbour-line",
            "import",
            "--country",
            "LT",
            line.toString(),
            "--role",
            "planner");
    assertThat(home.exit()).isEqualTo(2);
    assertThat(home.err()).contains("LT is this registry's home country");
  }
}
