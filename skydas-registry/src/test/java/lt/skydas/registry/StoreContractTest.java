package lt.skydas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.store.JdbcStore;
import lt.skydas.registry.store.Migrations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * What every store must do, run against the GeoPackage and the PostGIS store alike: import, list by
 * bbox, update with optimistic locking between two editors on their own connections, verify the
 * audit chain, reopen without re-migrating.
 */
class StoreContractTest {
  static final Path COUNTRIES = Path.of("../data/baltic/countries.geojson.gz");
  static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);
  static final Actor PLANNER_A = new Actor("planner-a", Role.PLANNER);
  static final Actor PLANNER_B = new Actor("planner-b", Role.PLANNER);

  private static Territory territory;

  static synchronized Territory territory() {
    if (territory == null) {
      territory = Territory.withoutCivilianGround(COUNTRIES, "LT");
    }
    return territory;
  }

  static Registry registry(String location, boolean create) {
    return new Registry(
        JdbcStore.open(location, create),
        ObstacleCatalog.defaults(),
        territory(),
        Clock.systemUTC());
  }

  /** A bunker south-east of Vilnius and two lines north-east of it, all in Lithuania. */
  static List<RecordDraft> threeRecords() {
    return List.of(
        RecordDraft.planned("bunker-1", "bunker", GF.createPoint(new Coordinate(25.40, 54.50))),
        RecordDraft.planned("teeth-1", "dragons_teeth", line(25.50, 54.62, 25.52, 54.63)),
        RecordDraft.planned("ditch-1", "at_ditch", line(25.45, 54.80, 25.49, 54.81)));
  }

  static Geometry line(double x0, double y0, double x1, double y1) {
    return GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
  }

  /** A draft that only renames. */
  static RecordDraft rename(String name) {
    return TestDrafts.edit().withName(name).build();
  }

  static List<String> ids(List<RegistryRecord> rs) {
    return rs.stream().map(RegistryRecord::id).toList();
  }

  static int migrationRows(RegistryStore s) {
    return s.read(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'SQL'")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void importListUpdateVerifyReopen(TestDatabases.Store kind, @TempDir Path dir) {
    String db = kind.fresh(dir);
    try (Registry r = registry(db, true)) {
      assertThat(r.store().schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(r.store().isGeoPackage()).isEqualTo(kind == TestDatabases.Store.GEOPACKAGE);

      List<RegistryRecord> stored = r.importAll(PLANNER_A, threeRecords(), "contract-test");
      assertThat(ids(stored)).containsExactly("bunker-1", "teeth-1", "ditch-1");
      assertThat(stored).allSatisfy(x -> assertThat(x.version()).isEqualTo(1));
      assertThat(r.count()).isEqualTo(3);

      assertThat(ids(r.list(null, null, null, 100, 0)))
          .containsExactly("bunker-1", "ditch-1", "teeth-1");
      assertThat(ids(r.list(new Envelope(25.35, 25.55, 54.45, 54.65), null, null, 100, 0)))
          .as("bbox around the bunker and the dragon's teeth")
          .containsExactly("bunker-1", "teeth-1");
      assertThat(ids(r.list(new Envelope(25.48, 25.60, 54.70, 54.805), null, null, 100, 0)))
          .as("bbox overlapping only part of the ditch's bbox")
          .containsExactly("ditch-1");
      assertThat(r.list(new Envelope(21.0, 21.1, 55.0, 55.1), null, null, 100, 0))
          .as("bbox far from all")
          .isEmpty();
      assertThat(ids(r.list(null, Status.PLANNED, RecordKind.OBSTACLE, 2, 1)))
          .as("limit and offset")
          .containsExactly("ditch-1", "teeth-1");

      RegistryRecord renamed = r.update(PLANNER_A, "teeth-1", 1, rename("Teeth at the crossing"));
      assertThat(renamed.version()).isEqualTo(2);
      RegistryRecord found = r.find("teeth-1").orElseThrow();
      assertThat(found.name()).isEqualTo("Teeth at the crossing");
      assertThat(found.version()).isEqualTo(2);
      assertThat(found.geometry().equalsExact(line(25.50, 54.62, 25.52, 54.63))).isTrue();
      assertThat(r.history("teeth-1"))
          .extracting(AuditEvent::action)
          .containsExactly("import", "update");

      VerifyReport v = r.verify();
      assertThat(v.ok()).as("verify problems: %s", v.problems()).isTrue();
      assertThat(v.events()).isEqualTo(4);
      assertThat(v.records()).isEqualTo(3);
    }

    try (Registry r = registry(db, false)) {
      assertThat(r.store().schemaVersion()).isEqualTo(Migrations.latest());
      assertThat(migrationRows(r.store()))
          .as("reopening applies no migration again")
          .isEqualTo(Migrations.latest());
      assertThat(r.count()).isEqualTo(3);
      assertThat(r.find("teeth-1").orElseThrow().version()).isEqualTo(2);
      VerifyReport v = r.verify();
      assertThat(v.ok()).as("verify problems after reopen: %s", v.problems()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void staleVersionFromSecondEditorIsAConflictAndLosesNothing(
      TestDatabases.Store kind, @TempDir Path dir) {
    String db = kind.fresh(dir);
    try (Registry a = registry(db, true);
        Registry b = registry(db, true)) {
      a.importAll(PLANNER_A, threeRecords(), "contract-test");
      long seenByA = a.find("bunker-1").orElseThrow().version();
      long seenByB = b.find("bunker-1").orElseThrow().version();
      assertThat(seenByB).isEqualTo(seenByA).isEqualTo(1);

      a.update(PLANNER_A, "bunker-1", seenByA, rename("A's name"));
      assertThatThrownBy(() -> b.update(PLANNER_B, "bunker-1", seenByB, rename("B's name")))
          .isInstanceOfSatisfying(
              SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.CONFLICT));

      RegistryRecord now = b.find("bunker-1").orElseThrow();
      assertThat(now.name()).as("A's change survives B's stale write").isEqualTo("A's name");
      assertThat(now.version()).isEqualTo(2);

      RegistryRecord retried = b.update(PLANNER_B, "bunker-1", now.version(), rename("B's name"));
      assertThat(retried.version()).isEqualTo(3);
      assertThat(a.history("bunker-1"))
          .extracting(AuditEvent::actor)
          .containsExactly("planner-a", "planner-a", "planner-b");
      VerifyReport v = a.verify();
      assertThat(v.ok()).as("verify problems: %s", v.problems()).isTrue();
      assertThat(v.events()).isEqualTo(5);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void twoEditorsRacingOnOneVersionOneWinsOneConflicts(TestDatabases.Store kind, @TempDir Path dir)
      throws Exception {
    String db = kind.fresh(dir);
    try (Registry a = registry(db, true);
        Registry b = registry(db, true)) {
      a.importAll(PLANNER_A, threeRecords(), "contract-test");
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<RegistryRecord>> fs = new ArrayList<>();
        for (Registry r : List.of(a, b)) {
          Actor who = r == a ? PLANNER_A : PLANNER_B;
          fs.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return r.update(who, "ditch-1", 1, rename("by " + who.name()));
                  }));
        }
        List<RegistryRecord> won = new ArrayList<>();
        List<ProblemCode> lost = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Future<RegistryRecord> f : fs) {
          try {
            won.add(f.get(60, TimeUnit.SECONDS));
          } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SkydasProblem.class);
            lost.add(((SkydasProblem) e.getCause()).code());
            why.add(e.getCause().getMessage());
          }
        }
        assertThat(won).as("refusals: %s", why).hasSize(1);
        assertThat(lost).as("refusals: %s", why).containsExactly(ProblemCode.CONFLICT);
        RegistryRecord stored = a.find("ditch-1").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.name()).isEqualTo(won.get(0).name());
      } finally {
        pool.shutdownNow();
      }
      VerifyReport v = b.verify();
      assertThat(v.ok()).as("verify problems: %s", v.problems()).isTrue();
      assertThat(v.events()).isEqualTo(4);
    }
  }
}
