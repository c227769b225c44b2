package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.ENGINEER;
import static lt.skydas.registry.Fixtures.INSPECTOR;
import static lt.skydas.registry.Fixtures.PLANNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.registry.exchange.RegistryExchange.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Civil-protection shelters as registry records (issue 17): the type {@code shelter}, a point in
 * the home country with its capacity, its own lifecycle (planned to ready, damage and repair,
 * closed), the layer read from GeoJSON (with OpenStreetMap tags), CSV and GeoPackage, and every bad
 * input refused by name with nothing stored.
 */
abstract class ShelterRecordTest {
  abstract TestDatabases.Store store();

  @TempDir Path dir;

  Registry open() {
    return Fixtures.open(store().fresh(dir));
  }

  private static SkydasProblem refusal(Runnable r) {
    try {
      r.run();
    } catch (SkydasProblem p) {
      return p;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void everyBadShelterIsNamedAndNothingIsStored() {
    try (Registry reg = open()) {
      reg.create(PLANNER, TestDrafts.shelter("kept", 24.0, 55.0).build());
      List<RecordDraft> bad =
          List.of(
              TestDrafts.shelter("s1", 24.2, 55.2)
                  .withShelter(new ShelterData(-5, "basement", null))
                  .build(),
              TestDrafts.shelter("s2", 24.3, 55.2).withShelter(null).build(),
              TestDrafts.shelter("s3", 24.4, 55.2)
                  .withShelter(new ShelterData(50, "tent", null))
                  .build(),
              TestDrafts.shelter("s4", 26.5, 54.3).build(),
              TestDrafts.shelter("s5", 24.5, 55.2)
                  .withGeometry(Fixtures.line(24.5, 55.2, 0.01))
                  .build(),
              TestDrafts.obstacle("t1").withShelter(new ShelterData(10, null, null)).build(),
              TestDrafts.shelter("s6", 24.6, 55.2).withStatus(Status.EMPLACED).build(),
              TestDrafts.shelter("s7", 24.7, 55.2).build(),
              TestDrafts.shelter("s7", 24.8, 55.2).build());
      SkydasProblem p = refusal(() -> reg.importAll(ADMIN, bad, "t"));
      assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT);
      @SuppressWarnings("unchecked")
      List<FieldError> errors = (List<FieldError>) p.details().get("errors");
      assertThat(errors.stream().map(FieldError::toString))
          .contains(
              "record s1: shelter.capacity_persons: must be a whole number of people from 1 to"
                  + " 100000 (is -5)",
              "record s2: shelter.capacity_persons: a shelter needs its capacity (people it"
                  + " takes)",
              "record s3: shelter.protection: unknown 'tent' (one of basement, bunker, other,"
                  + " purpose_built, underground)",
              "record s4: geometry: " + Fixtures.LT.placementProblem(Fixtures.point(26.5, 54.3)),
              "record s5: geometry: a shelter needs a Point, not a LineString",
              "record t1: shelter: a dragons_teeth is not a shelter",
              "record s6: status: 'emplaced' is not a status of a shelter (one of planned,"
                  + " approved, under_construction, damaged, ready, closed)");
      assertThat(errors.stream().map(FieldError::toString).toList())
          .anyMatch(e -> e.contains("duplicate id 's7'"));
      assertThat(reg.count()).isEqualTo(1);
      assertThat(reg.verify().problems()).isEmpty();
    }
  }

  @Test
  void aShelterIsApprovedBuiltAcceptedDamagedRepairedAndClosed() {
    try (Registry reg = open()) {
      RegistryRecord s = reg.create(PLANNER, TestDrafts.shelter("sh-1", 24.2, 55.2).build());
      assertThat(s.kind()).isEqualTo(RecordKind.SHELTER);
      assertThat(reg.lifecycle(s)).isSameAs(Lifecycle.shelter());
      assertThat(s.shelter().capacity()).isEqualTo(120);
      long v1 = s.version();
      assertThat(refusal(() -> reg.transition(INSPECTOR, "sh-1", v1, Action.COMMISSION)).code())
          .isEqualTo(ProblemCode.CONFLICT);
      s = reg.transition(ADMIN, "sh-1", v1, Action.APPROVE);
      s = reg.transition(ENGINEER, "sh-1", s.version(), Action.START_CONSTRUCTION);
      long v2 = s.version();
      assertThat(refusal(() -> reg.transition(ENGINEER, "sh-1", v2, Action.COMMISSION)).code())
          .isEqualTo(ProblemCode.FORBIDDEN);
      s = reg.transition(INSPECTOR, "sh-1", v2, Action.COMMISSION);
      assertThat(s.status()).isEqualTo(Status.READY);
      assertThat(s.status().standing()).isTrue();
      // obstacle steps are not a shelter's
      long v3 = s.version();
      for (Action a : List.of(Action.EMPLACE, Action.LAY, Action.STOCK, Action.MARK)) {
        assertThat(refusal(() -> reg.transition(ADMIN, "sh-1", v3, a)).code())
            .as(a.id())
            .isIn(ProblemCode.INFEASIBLE);
      }
      // the inspector keeps a ready shelter's capacity; a planner may not
      assertThat(reg.offer(s, Role.INSPECTOR).edits()).contains(RecordOffer.Edit.SHELTER);
      assertThat(
              refusal(
                      () ->
                          reg.update(
                              PLANNER,
                              "sh-1",
                              v3,
                              TestDrafts.edit()
                                  .withShelter(new ShelterData(200, "basement", null))
                                  .build()))
                  .code())
          .isEqualTo(ProblemCode.FORBIDDEN);
      s =
          reg.update(
              INSPECTOR,
              "sh-1",
              v3,
              TestDrafts.edit().withShelter(new ShelterData(95, "basement", null)).build());
      assertThat(s.shelter().capacity()).isEqualTo(95);
      s = reg.transition(ENGINEER, "sh-1", s.version(), Action.REPORT_DAMAGE);
      s = reg.transition(ENGINEER, "sh-1", s.version(), Action.REPAIR);
      assertThat(s.status()).isEqualTo(Status.UNDER_CONSTRUCTION);
      s = reg.transition(INSPECTOR, "sh-1", s.version(), Action.COMMISSION);
      s = reg.transition(ADMIN, "sh-1", s.version(), Action.CLOSE);
      assertThat(s.status()).isEqualTo(Status.CLOSED);
      assertThat(s.status().standing()).isFalse();
      long v4 = s.version();
      assertThat(
              refusal(
                      () ->
                          reg.update(
                              ADMIN, "sh-1", v4, TestDrafts.edit().withName("reopened").build()))
                  .code())
          .isEqualTo(ProblemCode.FORBIDDEN);
      assertThat(reg.history("sh-1")).hasSize(9);
      assertThat(reg.list(null, null, RecordKind.SHELTER, 10, 0)).containsExactly(s);
      assertThat(reg.verify().problems()).isEmpty();
    }
  }

  @Test
  void anOpenStreetMapLayerImportsItsShelterAndBunkersAndRefusesAWeatherShelter() throws Exception {
    Path osm = dir.resolve("osm.geojson");
    Files.writeString(
        osm,
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"node/101","properties":{"amenity":"shelter",
          "shelter_type":"bomb_shelter","capacity":"350","name":"Gymnasium shelter"},
          "geometry":{"type":"Point","coordinates":[24.21,55.21]}},
        {"type":"Feature","id":"way/202","properties":{"building":"bunker","bunker_type":"pillbox",
          "capacity":12},"geometry":{"type":"Point","coordinates":[24.22,55.22]}}]}
        """);
    List<RecordDraft> drafts = RegistryExchange.read(osm, Format.GEOJSON);
    try (Registry reg = open()) {
      List<RegistryRecord> in = reg.importAll(ADMIN, drafts, "osm");
      assertThat(in)
          .extracting(
              RegistryRecord::id, r -> r.shelter().capacity(), r -> r.shelter().protection())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("osm-node-101", 350, "purpose_built"),
              org.assertj.core.groups.Tuple.tuple("osm-way-202", 12, "bunker"));
      assertThat(in.get(0).name()).isEqualTo("Gymnasium shelter");
    }
    Path weather = dir.resolve("bus.geojson");
    Files.writeString(
        weather,
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"node/7","properties":{"amenity":"shelter",
          "shelter_type":"public_transport"},"geometry":{"type":"Point","coordinates":[24.2,55.2]}}]}
        """);
    SkydasProblem p = refusal(() -> RegistryExchange.read(weather, Format.GEOJSON));
    assertThat(p.getMessage())
        .contains("bus.geojson")
        .contains("node/7")
        .contains("amenity=shelter with shelter_type=public_transport is a shelter from weather");
  }

  @Test
  void csvAndGeoPackageLayersReadAndRoundTrip() throws Exception {
    Path csv = dir.resolve("shelters.csv");
    Files.writeString(
        csv,
        "id,type,name,capacity_persons,protection,wkt\n"
            + "a,shelter,School basement,240,basement,POINT (24.31 55.31)\n"
            + "b,shelter,Metro,5000,underground,POINT (24.32 55.32)\n");
    List<RecordDraft> drafts = RegistryExchange.read(csv, Format.CSV);
    try (Registry reg = open()) {
      List<RegistryRecord> in = reg.importAll(ADMIN, drafts, "csv");
      assertThat(in).extracting(r -> r.shelter().capacity()).containsExactly(240, 5000);
      Path gpkg = dir.resolve("out.gpkg");
      RegistryExchange.write(in, gpkg, Format.GEOPACKAGE);
      List<RecordDraft> back = RegistryExchange.read(gpkg, Format.GEOPACKAGE);
      assertThat(back)
          .extracting(RecordDraft::shelter)
          .containsExactlyElementsOf(in.stream().map(RegistryRecord::shelter).toList());
      Path csvOut = dir.resolve("out.csv");
      RegistryExchange.write(in, csvOut, Format.CSV);
      assertThat(RegistryExchange.read(csvOut, Format.CSV))
          .extracting(RecordDraft::shelter)
          .containsExactlyElementsOf(in.stream().map(RegistryRecord::shelter).toList());
    }
    Path projected = dir.resolve("lks.csv");
    Files.writeString(
        projected, "id,type,capacity_persons,wkt\nx,shelter,10,POINT (500000 6100000)\n");
    assertThat(refusal(() -> RegistryExchange.read(projected, Format.CSV)).getMessage())
        .contains("lks.csv")
        .contains("is not WGS84 lon/lat");
  }
}

/** {@link ShelterRecordTest} on the embedded GeoPackage. */
class ShelterRecordGeoPackageTest extends ShelterRecordTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.GEOPACKAGE;
  }
}

/** {@link ShelterRecordTest} on PostGIS (skipped without {@code SKYDAS_TEST_PG_URL}). */
class ShelterRecordPostgisTest extends ShelterRecordTest {
  @Override
  TestDatabases.Store store() {
    return TestDatabases.Store.POSTGIS;
  }
}
